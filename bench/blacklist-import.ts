/**
 * Imports a 100,000-keyword file (duplicates, accents, CRLF, blank lines) into a fresh PGlite
 * database, and into a fresh PostgreSQL database when BENCH_DATABASE_URL is set; prints the time
 * and the peak memory. Also times parsing alone, of that file and of the same keywords as a CSV
 * file (header, ";" with a second column, a third of the keywords quoted), which goes through the
 * CSV reader. Run: npx tsx bench/blacklist-import.ts
 */
import crypto from "node:crypto";
import { migrateDatabase, openPglite, openPostgres, setDatabase, type DatabaseHandle } from "@/db/client";
import { blacklists, customerDatabases } from "@/db/schema";
import { parseKeywordFile } from "@/lib/blacklists/parse";
import { importBlacklistWords } from "@/lib/blacklists/import";

const WORDS = 100_000;
const actor = { id: 0, login: "bench" };

/** Deterministic keywords: some accented, some phrases, 1 in 50 repeated in another case. */
function generateFile(): Buffer {
  const syllables = ["ar", "na", "que", "é", "pée", "vo", "lé", "cro", "ç", "ïs", "ro", "man", "tu", "ê", "ti", "ber", "gô"];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const lines: string[] = [];
  const seen = new Set<string>();
  while (lines.length < WORDS) {
    const i = lines.length;
    if (i % 50 === 49) {
      lines.push(lines[Math.floor(random() * i)].toUpperCase());
      continue;
    }
    if (i % 1000 === 500) lines.push("");
    let word = "";
    const n = 2 + Math.floor(random() * 4);
    for (let k = 0; k < n; k++) word += syllables[Math.floor(random() * syllables.length)];
    word += i.toString(36);
    if (i % 10 === 3) word += " " + syllables[Math.floor(random() * syllables.length)] + "x";
    if (seen.has(word)) continue;
    seen.add(word);
    lines.push(i % 7 === 0 ? word[0].toUpperCase() + word.slice(1) : word);
  }
  return Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8");
}

/** The same keywords as a spreadsheet export: header, ";" separator, some cells quoted. */
function asCsv(file: Buffer): Buffer {
  const words = file
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n");
  words.pop();
  const rows = words.map((w, i) => (w === "" ? "" : i % 3 === 0 ? `"${w.replaceAll('"', '""')}";note ${i}` : `${w};note ${i}`));
  return Buffer.from("\uFEFFmot-clé;catégorie\r\n" + rows.join("\r\n") + "\r\n", "utf8");
}

/** Median time of a few parses of a file (parsing does not touch the database). */
function parseTime(name: string, file: Buffer): string {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    const parsed = parseKeywordFile(name, file);
    times.push(ms(t0));
    if ("problem" in parsed) throw new Error(parsed.problem);
    if (parsed.lines.length < WORDS - 1000) throw new Error(`${name}: only ${parsed.lines.length} lines read`);
  }
  return `${times.sort((a, b) => a - b)[2].toFixed(0)} ms`;
}

function memorySampler() {
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 5);
  return { peak, sample, stop: () => (clearInterval(timer), sample(), peak) };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function run(label: string, handle: DatabaseHandle, file: Buffer) {
  await migrateDatabase(handle);
  setDatabase(handle);
  // Only the row: the list references a database, the benchmark never touches its schema.
  const [database] = await handle.db.insert(customerDatabases).values({ name: "bench", schemaName: "bench_data" }).returning();
  const [list] = await handle.db.insert(blacklists).values({ name: "bench", databaseId: database.id }).returning();
  const before = process.memoryUsage();
  const mem = memorySampler();
  const t0 = process.hrtime.bigint();
  const parsed = parseKeywordFile("bench.txt", file);
  if ("problem" in parsed) throw new Error(parsed.problem);
  const parseMs = ms(t0);
  mem.sample();
  const report = await importBlacklistWords(actor, list.id, "bench.txt", parsed);
  if (!report) throw new Error("list not found");
  const totalMs = ms(t0);
  const peak = mem.stop();
  const t1 = process.hrtime.bigint();
  const again = await importBlacklistWords(actor, list.id, "bench.txt", parsed);
  const againMs = ms(t1);
  if (!again) throw new Error("list not found");
  console.log(`\n${label}`);
  console.log(`  file: ${WORDS.toLocaleString("en")} lines, ${mb(file.byteLength)}`);
  console.log(
    `  report: added ${report.counts.added}, duplicates in file ${report.counts.duplicate}, already present ${report.counts.existing}, blank ${report.counts.blank}`,
  );
  console.log(`  parse ${parseMs.toFixed(0)} ms, parse + import (one transaction) ${totalMs.toFixed(0)} ms`);
  console.log(`  re-import of the same file (everything already present): ${againMs.toFixed(0)} ms, added ${again.counts.added}`);
  console.log(
    `  memory: rss ${mb(before.rss)} before, peak ${mb(peak.rss)} (+${mb(peak.rss - before.rss)}); heapUsed ${mb(before.heapUsed)} before, peak ${mb(peak.heapUsed)}`,
  );
  // The re-import (every word already present) is the baseline: the same file through the same
  // transaction with nothing to insert.
  const engine = label.startsWith("PGlite") ? "pglite" : "postgres";
  console.log(
    `RESULT blacklist-import engine=${engine} words=${WORDS} parse_ms=${parseMs.toFixed(0)} import_ms=${totalMs.toFixed(0)} ` +
      `reimport_baseline_ms=${againMs.toFixed(0)} rss_delta_mb=${((peak.rss - before.rss) / 1048576).toFixed(0)}`,
  );
  setDatabase(undefined);
}

async function main() {
  const file = generateFile();
  const csv = asCsv(file);
  console.log(
    `parsing only (median of 5): txt ${mb(file.byteLength)} ${parseTime("bench.txt", file)}; csv ${mb(csv.byteLength)} ${parseTime("bench.csv", csv)}`,
  );
  // PostgreSQL first: PGlite keeps its wasm memory after close, which would hide the client's.
  const server = process.env.BENCH_DATABASE_URL;
  if (server) {
    const { default: postgres } = await import("postgres");
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    const name = `relais_bench_${crypto.randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const handle = await openPostgres(url.toString());
    try {
      await run(`PostgreSQL (${url.host}, database ${name}, dropped after)`, handle, file);
    } finally {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }
  const pglite = await openPglite();
  await run("PGlite (in memory)", pglite, file);
  await pglite.close();
  if (!server) console.log("\n(set BENCH_DATABASE_URL=postgres://… to also measure PostgreSQL)");
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
