import fs from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { dataDir, databaseUrl } from "@/lib/config/env";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface DatabaseHandle {
  db: Db;
  kind: "pglite" | "postgres";
  /** Subscribes to a NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/** Opens PostgreSQL through postgres.js. */
export async function openPostgres(url: string): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // JIT off for Relais' sessions: every statement here is an index-driven read of at most tens of
  // thousands of entries (rollups, partial indexes), and PostgreSQL's cost estimate still crosses
  // jit_above_cost on the 1,000-campaign pages, spending 100–500 ms compiling a plan that runs in
  // tens (bench/pages.ts: the report overview 107 ms of JIT for 170 ms of execution).
  const client = postgres(url, { max: 10, onnotice: () => {}, connection: { jit: "off" } });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    async listen(channel, onPayload) {
      const sub = await client.listen(channel, onPayload);
      return () => sub.unlisten();
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Opens the embedded PGlite database. PGlite is single-process: a second process on the same
 * folder would silently lose writes, so a lock file with our pid guards the folder.
 * `folder` undefined = in memory (tests).
 */
export async function openPglite(folder?: string): Promise<DatabaseHandle> {
  const release = folder ? lockDataFolder(folder) : () => {};
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const options = { startParams: [...PGlite.defaultStartParams, ...pgliteSettings()] };
    const client = folder ? new PGlite(path.join(folder, "pgdata"), options) : new PGlite(options);
    await client.waitReady;
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      async listen(channel, onPayload) {
        const unsub = await client.listen(channel, onPayload);
        return async () => unsub();
      },
      async close() {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * PostgreSQL's settings in PGlite, as `-c name=value` arguments. Its defaults size a server (128 MB
 * of shared buffers, 100 connections), and in wasm all of the shared memory is zero-filled at
 * start, so resident: 150 MB of the idle server. PGlite has one connection, and a buffer miss
 * reads the page from the OS's file cache, so a small pool costs little. RELAIS_PGLITE_SETTINGS
 * ("name=value" pairs separated by spaces, e.g. "shared_buffers=128MB") overrides them for a
 * large database; the footprint benchmark uses it to measure PGlite's own defaults.
 */
export const PGLITE_SETTINGS = [
  "shared_buffers=16MB",
  "wal_buffers=1MB",
  "max_connections=10",
  // The lock table holds max_locks_per_transaction × max_connections locks: its default size,
  // since a first migration creates every table in one transaction.
  "max_locks_per_transaction=640",
];

export function pgliteSettings(overrides = process.env.RELAIS_PGLITE_SETTINGS || ""): string[] {
  return [...PGLITE_SETTINGS, ...overrides.split(/\s+/).filter(Boolean)].flatMap((s) => ["-c", s]);
}

export class DataFolderLockedError extends Error {}

function lockDataFolder(folder: string): () => void {
  fs.mkdirSync(folder, { recursive: true });
  const lockPath = path.join(folder, "relais.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number(fs.readFileSync(lockPath, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DataFolderLockedError(
          `The data folder ${folder} is already used by another Relais process (pid ${owner}). ` +
            `The embedded database allows one process per folder: stop that process, or set RELAIS_DATA_DIR to another folder, or use PostgreSQL with DATABASE_URL.`,
        );
      }
      // A lock left by a process that died: take the folder over.
      fs.unlinkSync(lockPath);
    }
  }
  throw new DataFolderLockedError(`Could not lock the data folder ${folder}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Applies the drizzle-kit migrations; on PostgreSQL several instances may start at once. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  await handle.db.execute(sql`select pg_advisory_lock(7426173)`);
  try {
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await handle.db.execute(sql`select pg_advisory_unlock(7426173)`);
  }
}

const globalForDb = globalThis as unknown as { __relaisDb?: Promise<DatabaseHandle> };

/** The process-wide database: one PGlite instance or one postgres.js pool, shared by every bundle. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!globalForDb.__relaisDb) {
    const url = databaseUrl();
    globalForDb.__relaisDb = (url ? openPostgres(url) : openPglite(dataDir())).catch((err) => {
      globalForDb.__relaisDb = undefined;
      throw err;
    });
  }
  return globalForDb.__relaisDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Tests install their own database as the process-wide one. */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  globalForDb.__relaisDb = handle ? Promise.resolve(handle) : undefined;
}

/** Rows of a raw query on either driver (postgres.js returns an array, PGlite `{rows}`). */
export async function rows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
