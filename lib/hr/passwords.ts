import { generatePassword } from "@/lib/auth/password";

/**
 * A generated password for an HR account. It never starts with a character a spreadsheet reads
 * as a formula, so the credentials CSV can hold it unchanged (an escaped cell would be a
 * different password).
 */
export function newAccountPassword(): string {
  for (;;) {
    const password = generatePassword();
    if (!/^[=+\-@]/.test(password)) return password;
  }
}
