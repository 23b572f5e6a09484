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

/**
 * How long a network call (X, Facebook) may go unanswered before it counts as unreachable: 15 s
 * by default. RELAIS_NETWORK_TIMEOUT_MS shortens it (the reliability suite's timeout faults).
 */
export function networkTimeoutMs(): number {
  const value = Number(process.env.RELAIS_NETWORK_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : 15_000;
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

export class InngestDevRefused extends Error {}

/**
 * INNGEST_DEV points the app at a local Inngest dev server, which takes events and calls back
 * without signing keys: fine on a laptop, an open door in production. Warned about always;
 * refused when NODE_ENV=production unless RELAIS_ALLOW_INNGEST_DEV=1 says it is on purpose.
 */
export function refuseInngestDevInProduction(env: Record<string, string | undefined> = process.env, warn = console.warn): void {
  if (!env.INNGEST_DEV || env.INNGEST_DEV === "0") return;
  if (env.NODE_ENV === "production" && env.RELAIS_ALLOW_INNGEST_DEV !== "1") {
    throw new InngestDevRefused(
      "INNGEST_DEV is set while NODE_ENV=production: Inngest's dev mode calls Relais without signing keys. " +
        "Unset INNGEST_DEV and set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY, or set RELAIS_ALLOW_INNGEST_DEV=1 if this is on purpose.",
    );
  }
  warn("[security] INNGEST_DEV is set: Inngest runs in dev mode, without signing keys. Do not use this in production.");
}

/** The simulator's SMTP listener (SIMULATOR_SMTP_PORT, 4456 by default): where the demo's root settings send mail. */
export function simulatorSmtpPort(): number {
  const raw = process.env.SIMULATOR_SMTP_PORT || "4456";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`SIMULATOR_SMTP_PORT must be a port number, got "${raw}"`);
  return port;
}
