import crypto from "node:crypto";
import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A hash of nothing in particular, compared against when the login is unknown so that
// "no such user" and "wrong password" take the same time.
const decoyHash = bcrypt.hashSync("relais-decoy-password", COST);
export function burnPasswordCheck(password: string): Promise<boolean> {
  return bcrypt.compare(password, decoyHash);
}

// No look-alike characters (0/O, 1/l/I) so a password read from a screen can be typed.
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const SYMBOLS = "-_.!?#%+=";

/** A strong random password (16 characters, every class present), from the CSPRNG. */
export function generatePassword(length = 16): string {
  if (length < 12) throw new Error("Generated passwords are at least 12 characters long.");
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(all));
  // Fisher–Yates with crypto randomness, so the class positions are not predictable.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

function pick(alphabet: string): string {
  return alphabet[crypto.randomInt(alphabet.length)];
}
