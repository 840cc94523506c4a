/**
 * A Vietnamese mobile number in the international form ZNS takes (84 and nine digits, no "+"), from what
 * an administrator types: "0912 345 678", "+84 912-345-678", "84912345678". Null for anything else.
 */
export function vietnamesePhone(text: string): string | null {
  let digits = "";
  const trimmed = text.trim();
  for (const [i, char] of [...trimmed].entries()) {
    if (char >= "0" && char <= "9") digits += char;
    else if (char !== " " && char !== "." && char !== "-" && !(char === "+" && i === 0)) return null;
    if (digits.length > 15) return null;
  }
  if (digits.startsWith("84")) digits = digits.slice(2);
  else if (digits.startsWith("0")) digits = digits.slice(1);
  else return null;
  return /^[35789]\d{8}$/.test(digits) ? `84${digits}` : null;
}
