import { createHash, randomInt } from "node:crypto";

/**
 * Invite codes typed into a Zalo chat. An Official Account link carries no start parameter, so a person
 * follows the OA and sends the code as a message: short, read aloud or copied by hand, and single use.
 *
 * Ten characters of Crockford's base32 carry 50 bits (at least 40 were asked). Crockford's alphabet leaves
 * out I, L, O and U; when reading a code back, I and L count as 1 and O as 0, so a misread code still works.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SHORT_CODE_LENGTH = 10;
const GROUPS = [4, 4, 2];
/** A typed message longer than this is not a code, whatever it holds (dashes and spaces included). */
const MAX_TYPED_LENGTH = 20;

const UNAMBIGUOUS_DIGIT = /[2-9]/;
const UNAMBIGUOUS_LETTER = /[A-HJKMNP-TV-Z]/;

/** Groups a normalised code for reading: K7QM-3XD9-PA. */
export function formatShortCode(normalised: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of GROUPS) {
    parts.push(normalised.slice(at, at + size));
    at += size;
  }
  return parts.join("-");
}

/**
 * A new code, grouped for reading. Every code holds a digit 2–9 and a letter, so a plain word typed as a
 * message (which may normalise to valid characters: "HELLOWORLD") is never taken for one.
 */
export function generateShortCode(): string {
  for (;;) {
    let code = "";
    for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    if (UNAMBIGUOUS_DIGIT.test(code) && UNAMBIGUOUS_LETTER.test(code)) return formatShortCode(code);
  }
}

/**
 * The canonical form of a typed code (ten characters of the alphabet, no separators), or null when the text
 * cannot be one. Accepts lower case, spaces and dashes anywhere, I/L for 1 and O for 0; U is never valid.
 */
export function normaliseShortCode(text: string): string | null {
  if (text.length > MAX_TYPED_LENGTH) return null;
  let out = "";
  for (const raw of text.toUpperCase()) {
    if (raw === " " || raw === "-" || raw === "\u00a0") continue;
    const char = raw === "I" || raw === "L" ? "1" : raw === "O" ? "0" : raw;
    if (!ALPHABET.includes(char)) return null;
    out += char;
  }
  return out.length === SHORT_CODE_LENGTH ? out : null;
}

/**
 * Whether a message looks like a typed invite code: nothing but the code (ten characters, separators
 * allowed) and at least one digit as typed, so ordinary words are not taken for codes.
 */
export function looksLikeShortCode(text: string): boolean {
  const trimmed = text.trim();
  return /[0-9]/.test(trimmed) && normaliseShortCode(trimmed) !== null;
}

/** What the database keeps: the sha256 of the normalised code, so a leak does not leak usable codes. */
export function hashShortCode(text: string): string {
  const normalised = normaliseShortCode(text.trim());
  if (normalised === null) throw new Error("not a short code");
  return createHash("sha256").update(normalised, "utf8").digest("hex");
}
