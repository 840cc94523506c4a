import { createHash, randomBytes } from "node:crypto";

/** Crockford's base32: no I, L, O, U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 10 characters of 5 bits: 50 bits. */
const LENGTH = 10;

/** A new code, grouped for reading: "K7QM-3XD9-PA". */
export function generateShortCode(): string {
  for (;;) {
    const bytes = randomBytes(LENGTH);
    let code = "";
    for (let i = 0; i < LENGTH; i++) code += ALPHABET[bytes[i]! & 31];
    // A code with a digit is never mistaken for a word typed without diacritics.
    if (/\d/.test(code)) return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
  }
}

/** What is stored of a short code: the hash of its normalised form. */
export function hashShortCode(normalised: string): string {
  return createHash("sha256").update(`short:${normalised}`, "utf8").digest("hex");
}

/** The code as stored and compared: upper case, no separators, I/L read as 1 and O as 0; null if it cannot be one. */
export function normaliseShortCode(text: string): string | null {
  if (text.length > 40) return null;
  const compact = text.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (compact.length !== LENGTH) return null;
  for (const char of compact) if (!ALPHABET.includes(char)) return null;
  return compact;
}

/** Whether a typed message is a short invite code (and nothing else). */
export function looksLikeShortCode(text: string): boolean {
  const trimmed = text.trim();
  return /^[0-9A-Za-z]{4}[\s-]?[0-9A-Za-z]{4}[\s-]?[0-9A-Za-z]{2}$/.test(trimmed) && /\d/.test(trimmed) && normaliseShortCode(trimmed) !== null;
}
