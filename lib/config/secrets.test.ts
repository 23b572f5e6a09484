import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, it, expect } from "vitest";
import { ConfigError, ensureSecrets } from "./secrets";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("secrets at start", () => {
  it("with DATABASE_URL, refuses to start and names each missing variable", () => {
    process.env.DATABASE_URL = "postgres://somewhere/relais";
    const env: Record<string, string | undefined> = {};
    expect(() => ensureSecrets(env)).toThrow(ConfigError);
    expect(() => ensureSecrets(env)).toThrow(/Missing: NEXTAUTH_SECRET, RELAIS_SECRET_KEY/);
    expect(() => ensureSecrets({ NEXTAUTH_SECRET: "x" })).toThrow(/Missing: RELAIS_SECRET_KEY$|Missing: RELAIS_SECRET_KEY\./);
    expect(ensureSecrets({ NEXTAUTH_SECRET: "x", RELAIS_SECRET_KEY: "y" })).toEqual({ generated: [] });
  });

  it("embedded, generates them once in the data folder, readable by the owner only, and reuses them", () => {
    delete process.env.DATABASE_URL;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "relais-secrets-"));
    process.env.RELAIS_DATA_DIR = folder;
    const first: Record<string, string | undefined> = {};
    expect(ensureSecrets(first).generated.sort()).toEqual(["NEXTAUTH_SECRET", "RELAIS_SECRET_KEY"]);
    expect(first.RELAIS_SECRET_KEY!.length).toBeGreaterThanOrEqual(40);
    const file = path.join(folder, "secrets.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const second: Record<string, string | undefined> = {};
    expect(ensureSecrets(second).generated).toEqual([]);
    expect(second.RELAIS_SECRET_KEY).toBe(first.RELAIS_SECRET_KEY);
    expect(second.NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
