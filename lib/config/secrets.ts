import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, databaseUrl } from "./env";

export const REQUIRED_SECRETS = ["NEXTAUTH_SECRET", "RELAIS_SECRET_KEY"] as const;

export class ConfigError extends Error {}

/**
 * Embedded default: secrets are generated once and kept (mode 600) in the data folder.
 * With DATABASE_URL the operator owns them: a missing one stops the start with its name, because
 * a generated key on one host would not decrypt what another host stored.
 */
export function ensureSecrets(env: Record<string, string | undefined> = process.env): { generated: string[] } {
  secureDataFolder();
  const missing = REQUIRED_SECRETS.filter((k) => !env[k]);
  if (missing.length === 0) return { generated: [] };
  if (databaseUrl()) {
    throw new ConfigError(
      `DATABASE_URL is set, so Relais expects its secrets from the environment. Missing: ${missing.join(", ")}. ` +
        `Generate each with: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`,
    );
  }
  const folder = dataDir();
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, "secrets.json");
  const stored: Record<string, string> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  const generated: string[] = [];
  for (const key of missing) {
    if (!stored[key]) {
      stored[key] = crypto.randomBytes(32).toString("base64url");
      generated.push(key);
    }
    env[key] = stored[key];
  }
  if (generated.length > 0) fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  secureDataFolder();
  return { generated };
}

/** Files of the data folder that hold secrets or the customers' data outside the database. */
export const PRIVATE_FILES = ["secrets.json", "demo-credentials.txt", "initial-credentials.txt", "simulator.json", "relais.lock"];

/**
 * On every start, not only when a file is created: the data folder (PGlite's files, secrets,
 * first passwords) becomes 0700 and its secret files 0600, whatever a copy, an archive restore
 * or a umask left. Only what exists is touched.
 */
export function secureDataFolder(folder = dataDir()): void {
  if (!fs.existsSync(folder)) return;
  fs.chmodSync(folder, 0o700);
  const pgdata = path.join(folder, "pgdata");
  if (fs.existsSync(pgdata)) fs.chmodSync(pgdata, 0o700);
  for (const name of PRIVATE_FILES) {
    const file = path.join(folder, name);
    if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
  }
}
