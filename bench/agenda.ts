/**
 * The agenda's two heavy paths.
 * 1. Importing a 100,000-contact CSV file (1 in 100 lines a repeat) into an address book's real
 *    table in one transaction, on PGlite and (BENCH_DATABASE_URL) PostgreSQL: time, peak RSS, and
 *    as baseline in the same run a raw insert of the same rows (json_to_recordset into a plain
 *    table, no parsing, no dedupe index, no report).
 * 2. Free slots of 50 reps over 4 weeks (one schedule, 30-minute type, ~10 appointments a week
 *    each): the grid built once for the schedule, then each rep's slots; median of 7 runs. Pure
 *    computation (lib/agenda/slots.ts), no database.
 * Run: npx tsx bench/agenda.ts   (BENCH_AGENDA_PART=slots|import for one half)
 */
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { migrateDatabase, openPglite, openPostgres, rows, setDatabase, type DatabaseHandle } from "@/db/client";
import { addressBooks, customerDatabases } from "@/db/schema";
import { createContactTable } from "@/lib/agenda/address-book-table";
import { CONTACT_FIELDS } from "@/lib/agenda/contact-fields";
import { importContacts, parseContactFile } from "@/lib/agenda/contact-import";
import { buildGrid, defaultGreyed, freeSlots, zonedInstant, type SlotRep, type SlotSchedule } from "@/lib/agenda/slots";

const CONTACTS = 100_000;
const actor = { id: 0, login: "bench" };
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function generateFile(): Buffer {
  const first = ["Jean", "Léa", "Paul", "Anne", "Chloé", "Hugo", "Inès", "Louis", "Zoé", "Jules"];
  const last = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"];
  const lines = ["Civilité;Nom;Prénom;Société;Fonction;Téléphone;Email;Adresse;Code postal;Ville;Pays;Notes"];
  for (let i = 0; i < CONTACTS; i++) {
    const n = i % 100 === 99 ? i - 50 : i; // a repeat of an earlier line
    lines.push(
      [
        n % 2 ? "M." : "Mme",
        `${last[n % 10]}${n}`,
        first[(n * 7) % 10],
        `Société ${n % 500}`,
        "Directeur",
        `01${String(n).padStart(8, "0")}`,
        `c${n}@example.test`,
        `${n % 200} rue de la Paix`,
        `${75000 + (n % 20)}`,
        "Paris",
        "France",
        n % 13 === 0 ? '"note; avec séparateur"' : "",
      ].join(";"),
    );
  }
  return Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8");
}

function peakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  return () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss));
}

async function importRun(engine: "pglite" | "postgres", handle: DatabaseHandle, file: Buffer) {
  await migrateDatabase(handle);
  setDatabase(handle);
  const [database] = await handle.db.insert(customerDatabases).values({ name: "bench", schemaName: "bench_data" }).returning();
  const [book] = await handle.db
    .insert(addressBooks)
    .values({ name: "bench", databaseId: database.id, tableName: "address_book_bench" })
    .returning();
  await handle.db.transaction((tx) => createContactTable(tx, "bench_data", "address_book_bench"));
  const stop = peakRss();
  const t0 = process.hrtime.bigint();
  const parsed = parseContactFile("bench.csv", file);
  if ("problem" in parsed) throw new Error(parsed.problem);
  const report = await importContacts(actor, book.id, "bench.csv", parsed);
  const seconds = ms(t0) / 1000;
  const peak = stop();
  if (!report?.imported) throw new Error("import refused");
  // Baseline: the same values inserted raw into a plain table, in batches of 5,000.
  await handle.db.execute(sql.raw(`create table bench_data.raw_contacts (${CONTACT_FIELDS.map((f) => `"${f}" text`).join(", ")})`));
  const values = parsed.lines.map((l) => l.values);
  const t1 = process.hrtime.bigint();
  await handle.db.transaction(async (tx) => {
    for (let i = 0; i < values.length; i += 5000) {
      await tx.execute(
        sql`insert into bench_data.raw_contacts select * from json_populate_recordset(null::bench_data.raw_contacts, ${JSON.stringify(values.slice(i, i + 5000))}::json)`,
      );
    }
  });
  const baselineSeconds = ms(t1) / 1000;
  const [{ n }] = await rows<{ n: number }>(handle.db, sql`select count(*)::int as n from bench_data.address_book_bench`);
  console.log(
    `${engine}: ${CONTACTS} lines (${(file.byteLength / 1e6).toFixed(1)} MB), added ${report.counts.added}, duplicates ${report.counts.duplicate}, rows ${n}; ` +
      `import ${seconds.toFixed(2)} s, raw insert baseline ${baselineSeconds.toFixed(2)} s`,
  );
  console.log(
    `RESULT agenda_import engine=${engine} rows=${CONTACTS} seconds=${seconds.toFixed(2)} peak_rss_mb=${(peak / 1048576).toFixed(0)} ` +
      `baseline_rows_per_s=${Math.round(values.length / baselineSeconds)} import_rows_per_s=${Math.round(CONTACTS / seconds)}`,
  );
  setDatabase(undefined);
}

function slotsRun() {
  const schedule: SlotSchedule = {
    timeZone: "Europe/Paris",
    greyed: defaultGreyed(),
    holidays: [{ label: "Pâques", date: "2027-03-29", recurring: false, part: "full" }],
  };
  const type = { durationMinutes: 30, spanStart: "08:00", spanEnd: "19:00" };
  const from = zonedInstant("2027-03-08", 0, "Europe/Paris")!; // 4 weeks across the spring-forward change
  const to = new Date(+from + 28 * 86_400_000);
  const now = new Date(+from - 86_400_000);
  const reps: SlotRep[] = Array.from({ length: 50 }, (_, r) => ({
    quotaPerDay: 4,
    quotaPerWeek: 15,
    busy: Array.from({ length: 40 }, (_, k) => {
      const start = +from + (k % 20) * 86_400_000 * 1.4 + (9 + ((k + r) % 7)) * 3_600_000;
      return { startsAt: new Date(start), endsAt: new Date(start + 3_600_000) };
    }),
  }));
  const rights = { minNoticeMinutes: 60, maxDaysAhead: 60 };
  const times: number[] = [];
  let total = 0;
  for (let run = 0; run < 7; run++) {
    const t0 = process.hrtime.bigint();
    const grid = buildGrid(schedule, from, to);
    total = 0;
    for (const rep of reps) total += freeSlots(grid, schedule, type, rep, now, rights).length;
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  console.log(`slots: 50 reps × 4 weeks, ${total} free starts; runs ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
  console.log(`RESULT agenda_slots reps=50 weeks=4 median_ms=${times[3].toFixed(1)}`);
}

async function main() {
  // BENCH_AGENDA_PART=slots runs the pure computation alone (no database, a second of CPU).
  const part = process.env.BENCH_AGENDA_PART ?? "all";
  if (part !== "import") slotsRun();
  if (part === "slots") return;
  const file = generateFile();
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
      await importRun("postgres", handle, file);
    } finally {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }
  const pglite = await openPglite();
  await importRun("pglite", pglite, file);
  await pglite.close();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
