// The default named database ("Relais", created at install by lib/boot.ts).
export { ensureDefaultDatabase } from "./mutations";
