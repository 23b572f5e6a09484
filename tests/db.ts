import crypto from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { migrateDatabase, openPglite, openPostgres, setDatabase, type DatabaseHandle } from "@/db/client";

/**
 * A fresh, migrated database for one test file, installed as the process-wide database:
 * in-memory PGlite by default, or a new database on the server of TEST_DATABASE_URL, dropped
 * at the end. Never the server's own databases.
 */
export async function createTestDatabase(): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openPglite();
    await migrateDatabase(handle);
    setDatabase(handle);
    return {
      handle,
      drop: async () => {
        setDatabase(undefined);
        await handle.close();
      },
    };
  }
  const name = `relais_test_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  await migrateDatabase(handle);
  setDatabase(handle);
  return {
    handle,
    async drop() {
      setDatabase(undefined);
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** Registers a fresh database for the current test file. */
export function setupTestDatabase(): { get handle(): DatabaseHandle } {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  return {
    get handle() {
      if (!db) throw new Error("test database not ready");
      return db.handle;
    },
  };
}
