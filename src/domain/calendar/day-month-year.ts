/**
 * "05/03/2025" from "2025-03-05": a date as the chat, the office's pages and export show it. The report
 * document writes dates its own way (Nghị định 30/2020, see report/document-date.ts).
 */
export function dayMonthYear(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}
