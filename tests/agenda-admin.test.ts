import { describe, expect, it, vi, beforeAll } from "vitest";
import { eq, sql } from "drizzle-orm";
import { agentProfiles, campaigns, salesReps, users } from "@/db/schema";
import { rows } from "@/db/client";
import { ensureDefaultDatabase } from "@/lib/databases/default";
import { defaultGreyed, zonedInstant } from "@/lib/agenda/slots";
import { setupTestDatabase } from "./db";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const schedules = await import("@/app/(admin)/admin/sales-rep-schedules/actions");
const reps = await import("@/app/(admin)/admin/sales-reps/actions");
const books = await import("@/app/(admin)/admin/address-books/actions");
const booking = await import("@/app/actions/agenda");
const { POST: importRoute } = await import("@/app/(admin)/admin/address-books/[id]/import/route");
const { GET: exportRoute } = await import("@/app/(admin)/admin/address-books/[id]/export/route");

async function upload(id: number, name: string, content: string | Uint8Array<ArrayBuffer>, mapping: (string | null)[]) {
  const form = new FormData();
  form.append("file", new File([content], name));
  form.append("mapping", JSON.stringify(mapping));
  const response = await importRoute(
    new Request(`http://localhost/admin/address-books/${id}/import`, {
      method: "POST",
      body: form,
      headers: { host: "localhost", origin: "http://localhost" },
    }),
    { params: Promise.resolve({ id: String(id) }) },
  );
  return { status: response.status, body: await response.json() };
}

describe("agenda administration", () => {
  const t = setupTestDatabase();
  const ids = { admin: 0, agent: 0, bookingAgent: 0, schedule: 0, type: 0, rep: 0, book: 0, campaign: 0, db: 0 };

  beforeAll(async () => {
    const db = t.handle.db;
    const [admin, agent, bookingAgent] = await db
      .insert(users)
      .values([
        { login: "admin", name: "Admin", passwordHash: "x", role: "admin" },
        { login: "2001", name: "Agent", passwordHash: "x", role: "agent" },
        { login: "2002", name: "Booking agent", passwordHash: "x", role: "agent" },
      ])
      .returning();
    Object.assign(ids, { admin: admin.id, agent: agent.id, bookingAgent: bookingAgent.id });
    await db.insert(agentProfiles).values({ userId: bookingAgent.id, miscRights: ["book_appointment"] });
    ids.db = await ensureDefaultDatabase();
  });

  it("creates a sales-rep schedule with its types, locations and rights", async () => {
    signInAs(ids.admin);
    const result = await schedules.createSalesRepScheduleAction({
      name: "Commerciaux Paris",
      timeZone: "Europe/Paris",
      holidayGroupId: null,
      greyed: defaultGreyed(),
      types: [{ name: "Visite", durationMinutes: 45, spanStart: "09:00", spanEnd: "18:00" }],
      locations: [{ name: "Agence" }],
      agentsMayBook: true,
      agentsMayMove: false,
      agentsMayCancel: false,
      maxDaysAhead: 3650,
      minNoticeMinutes: 0,
    });
    expect(result.ok).toBe(true);
    ids.schedule = result.ok ? result.data.id : 0;
    const [type] = await rows<{ id: number }>(t.handle.db, sql`select id from appointment_types where schedule_id = ${ids.schedule}`);
    ids.type = type.id;
  });

  it("refuses a duration that is not a multiple of 15 minutes, with the reason on the field", async () => {
    signInAs(ids.admin);
    const result = await schedules.createSalesRepScheduleAction({
      name: "Mauvais",
      timeZone: "Europe/Paris",
      holidayGroupId: null,
      greyed: [],
      types: [{ name: "Court", durationMinutes: 20, spanStart: "09:00", spanEnd: "18:00" }],
      locations: [],
      agentsMayBook: true,
      agentsMayMove: false,
      agentsMayCancel: false,
      maxDaysAhead: 30,
      minNoticeMinutes: 0,
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { "types.0.durationMinutes": ["agenda.errors.duration"] } });
  });

  it("creates a rep with a login of role sales_rep; a second rep cannot take the same login", async () => {
    signInAs(ids.admin);
    const input = {
      civility: "Mme",
      lastName: "Martin",
      firstName: "Léa",
      email: "lea@example.test",
      phone: "",
      colour: "#16a34a",
      active: true,
      login: "lea.martin",
      password: "a-long-password-2026",
      scheduleId: ids.schedule,
      zones: ["75", "92"],
      quotaPerDay: null,
      quotaPerWeek: null,
    };
    const result = await reps.createSalesRepAction(input);
    expect(result.ok).toBe(true);
    ids.rep = result.ok ? result.data.id : 0;
    const [u] = await t.handle.db.select({ role: users.role }).from(users).where(eq(users.login, "lea.martin"));
    expect(u.role).toBe("sales_rep");
    expect(await reps.createSalesRepAction({ ...input, lastName: "Autre" })).toMatchObject({
      ok: false,
      fieldErrors: { login: ["agenda.errors.loginTaken"] },
    });
  });

  it("booking rights: an agent without the right is refused; with it, books a rep of the campaign's schedule", async () => {
    const [c] = await t.handle.db.insert(campaigns).values({ type: "twitter", name: "RDV", salesRepScheduleId: ids.schedule }).returning();
    ids.campaign = c.id;
    const monday = "2031-03-03";
    const startsAt = zonedInstant(monday, 9 * 60, "Europe/Paris")!.toISOString();
    signInAs(ids.agent);
    expect(await booking.bookAppointmentAction({ campaignId: c.id, repId: ids.rep, typeId: ids.type, startsAt })).toEqual({
      ok: false,
      error: "errors.forbidden",
    });
    signInAs(ids.bookingAgent);
    const ctx = await booking.bookingContextAction({ campaignId: c.id, postalCode: "75011" });
    expect(ctx.ok && ctx.data.configured && ctx.data.reps.map((r) => r.id)).toEqual([ids.rep]);
    const elsewhere = await booking.bookingContextAction({ campaignId: c.id, postalCode: "69001" });
    expect(elsewhere.ok && elsewhere.data.configured && elsewhere.data.reps).toEqual([]);
    const slots = await booking.weekSlotsAction({ campaignId: c.id, repId: ids.rep, typeId: ids.type, weekOf: monday });
    expect(slots.ok && slots.data.slots).toContain(startsAt.replace("+00:00", ".000Z"));
    const booked = await booking.bookAppointmentAction({
      campaignId: c.id,
      repId: ids.rep,
      typeId: ids.type,
      startsAt,
      customerName: "Client A",
    });
    expect(booked.ok).toBe(true);
    // The same slot again: refused with the reason, and it is no longer offered.
    expect(await booking.bookAppointmentAction({ campaignId: c.id, repId: ids.rep, typeId: ids.type, startsAt })).toMatchObject({
      ok: false,
      error: "agenda.refusals.taken",
    });
    const after = await booking.weekSlotsAction({ campaignId: c.id, repId: ids.rep, typeId: ids.type, weekOf: monday });
    expect(after.ok && after.data.slots).not.toContain(new Date(startsAt).toISOString());
  });

  it("a rep with future appointments cannot be made inactive: the refusal names them", async () => {
    signInAs(ids.admin);
    const [rep] = await t.handle.db.select().from(salesReps).where(eq(salesReps.id, ids.rep));
    const result = await reps.updateSalesRepAction({
      id: rep.id,
      version: rep.updatedAt.toISOString(),
      civility: rep.civility,
      lastName: rep.lastName,
      firstName: rep.firstName,
      email: rep.email,
      phone: rep.phone,
      colour: rep.colour,
      active: false,
      login: "lea.martin",
      password: "",
      scheduleId: rep.scheduleId,
      zones: rep.zones,
      quotaPerDay: null,
      quotaPerWeek: null,
    });
    expect(result).toMatchObject({ ok: false, error: "agenda.errors.futureAppointments" });
    expect(!result.ok && String(result.params?.appointments)).toMatch(/Client A/);
    expect(await reps.archiveSalesRepAction({ id: rep.id, archived: true })).toMatchObject({
      ok: false,
      error: "agenda.errors.futureAppointments",
    });
  });

  it("an address book is a real table in its database; an import with a refused line imports nothing and reports the lines", async () => {
    signInAs(ids.admin);
    const created = await books.createAddressBookAction({ name: "Clients", databaseId: ids.db });
    expect(created.ok).toBe(true);
    ids.book = created.ok ? created.data.id : 0;
    const [table] = await rows<{ n: number }>(
      t.handle.db,
      sql`select count(*)::int as n from information_schema.tables where table_name = ${"address_book_" + ids.book}`,
    );
    expect(table.n).toBe(1);
    const mapping = ["last_name", "first_name", "email", "postal_code"];
    const bad = await upload(
      ids.book,
      "clients.csv",
      "Nom;Prénom;Email;CP\nDupont;Jean;jean@x.test;75011\n;Sans;nom@x.test;75012\nDurand;Paul;pas-un-email;92100\n",
      mapping,
    );
    expect(bad.status).toBe(200);
    expect(bad.body.data).toMatchObject({ imported: false, counts: { refused: 2 } });
    expect(bad.body.data.lines.map((l: { line: number; reason: string }) => [l.line, l.reason])).toEqual([
      [3, "missingName"],
      [4, "badEmail"],
    ]);
    const [{ schema }] = await rows<{ schema: string }>(
      t.handle.db,
      sql`select table_schema as schema from information_schema.tables where table_name = ${"address_book_" + ids.book}`,
    );
    const [{ n }] = await rows<{ n: number }>(t.handle.db, sql.raw(`select count(*)::int as n from "${schema}".address_book_${ids.book}`));
    expect(n).toBe(0);
  });

  it("imports in one transaction: duplicates inside the file and contacts already there are skipped, with their lines", async () => {
    signInAs(ids.admin);
    const mapping = ["last_name", "first_name", "email", "postal_code"];
    const first = await upload(
      ids.book,
      "a.csv",
      "Nom,Prénom,Email,CP\nDupont,Jean,jean@x.test,75011\nDUPONT,Jean,JEAN@x.test,75011\nMartin,Léa,lea@x.test,92100\n",
      mapping,
    );
    expect(first.body.data).toMatchObject({ imported: true, counts: { added: 2, duplicate: 1, existing: 0 } });
    expect(first.body.data.lines[1]).toMatchObject({ line: 3, outcome: "duplicate", firstLine: 2 });
    const again = await upload(
      ids.book,
      "b.csv",
      "Nom,Prénom,Email,CP\nMartin,Léa,lea@x.test,92100\nNouveau,Ali,ali@x.test,75001\n",
      mapping,
    );
    expect(again.body.data).toMatchObject({ imported: true, counts: { added: 1, existing: 1 } });
    // Exported back as CSV with the import's own column names.
    const response = await exportRoute(
      new Request(`http://localhost/admin/address-books/${ids.book}/export`, { headers: { host: "localhost" } }),
      {
        params: Promise.resolve({ id: String(ids.book) }),
      },
    );
    // Customers' personal data: a download no cache keeps.
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    const csv = await response.text();
    expect(csv.split("\r\n")[0]).toContain("last_name,first_name");
    expect(csv).toContain("Nouveau,Ali");
  });

  it("refuses wrong encodings, a file without the required column, and files over the limit, saying so", async () => {
    signInAs(ids.admin);
    const latin1 = new Uint8Array([0x4e, 0x6f, 0x6d, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    expect((await upload(ids.book, "latin1.csv", latin1, ["last_name"])).body).toMatchObject({
      ok: false,
      error: "agenda.errors.file.notUtf8",
    });
    expect((await upload(ids.book, "x.csv", "Email\na@b.test\n", ["email"])).body).toMatchObject({
      ok: false,
      error: "agenda.errors.file.missingName",
    });
    expect((await upload(ids.book, "x.pdf", "Nom\nA\n", ["last_name"])).body).toMatchObject({
      ok: false,
      error: "agenda.errors.file.unsupportedType",
    });
    const big = new Uint8Array(50_000_000 + 70 * 1024);
    const tooBig = await upload(ids.book, "big.csv", big, ["last_name"]);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ ok: false, error: "agenda.errors.file.tooLarge" });
  });
});
