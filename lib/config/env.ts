import path from "node:path";

/** The data folder of the embedded default: PGlite files, generated secrets, simulator state. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.RELAIS_DATA_DIR || ".relais");
}

export function databaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** Inngest is used when one of its variables is set; otherwise the embedded runner does the work. */
export function inngestConfigured(): boolean {
  return Boolean(process.env.INNGEST_EVENT_KEY || process.env.INNGEST_BASE_URL || process.env.INNGEST_DEV);
}

export function simulatorUrl(): string {
  return process.env.RELAIS_SIMULATOR_URL || `http://127.0.0.1:${process.env.SIMULATOR_PORT || "4455"}`;
}

/**
 * The network simulator runs beside Relais: `npm start` starts it in the embedded default and
 * with RELAIS_DEMO=1 (scripts/start.ts), RELAIS_SIMULATOR_URL names one already running, and
 * RELAIS_SIMULATOR=off means none.
 */
export function simulatorEnabled(): boolean {
  if (process.env.RELAIS_SIMULATOR === "off") return false;
  return Boolean(process.env.RELAIS_SIMULATOR_URL) || !databaseUrl() || process.env.RELAIS_DEMO === "1";
}

/** The simulator's SMTP listener (SIMULATOR_SMTP_PORT, 4456 by default): where the demo's root settings send mail. */
export function simulatorSmtpPort(): number {
  const raw = process.env.SIMULATOR_SMTP_PORT || "4456";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`SIMULATOR_SMTP_PORT must be a port number, got "${raw}"`);
  return port;
}
