/**
 * Dates the way Nghị định 30/2020 writes them: the day always in two digits, the month in two digits only
 * for January and February (so nobody can add a digit in front), e.g. "05/3/2024", "ngày 05 tháng 01 năm 2024".
 */
function parts(isoDate: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function dayText(day: number): string {
  return String(day).padStart(2, "0");
}

function monthText(month: number): string {
  return month <= 2 ? String(month).padStart(2, "0") : String(month);
}

/** "09/7/2024" */
export function formatDocumentDate(isoDate: string): string {
  const { year, month, day } = parts(isoDate);
  return `${dayText(day)}/${monthText(month)}/${year}`;
}

/** "Hưng Yên, ngày 05 tháng 3 năm 2024"; without a date "Hưng Yên, ngày   tháng   năm 2024" for the signer to fill. */
export function placeAndDateLine(place: string, isoDate: string | null, fallbackYear: number): string {
  if (isoDate === null) return `${place}, ngày   tháng   năm ${fallbackYear}`;
  const { year, month, day } = parts(isoDate);
  return `${place}, ngày ${dayText(day)} tháng ${monthText(month)} năm ${year}`;
}
