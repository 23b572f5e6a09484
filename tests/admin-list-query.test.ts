import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { campaigns, queues } from "@/db/schema";
import { listParamsSchema, PAGE_SIZE } from "@/lib/admin/list";
import { pagedList } from "@/lib/admin/list-query";
import { setupTestDatabase } from "./db";

// The paging/search helper every admin list goes through, on a real database.
describe("pagedList", () => {
  const t = setupTestDatabase();
  const params = (p: Record<string, unknown>) => listParamsSchema.parse(p);
  const queuePage = (p: Record<string, unknown>) => {
    const db = t.handle.db;
    return pagedList(db, params(p), {
      query: () => db.select({ code: queues.code, description: queues.description }).from(queues).$dynamic(),
      search: [queues.code, queues.description],
      sortable: { code: queues.code, description: queues.description },
      tiebreak: queues.id,
      archived: queues.archivedAt,
    });
  };

  beforeAll(async () => {
    const db = t.handle.db;
    // 30 active queues Q01…Q30 described in 3 groups (equal descriptions: the tiebreak decides), 2 archived.
    await db
      .insert(queues)
      .values(Array.from({ length: 30 }, (_, i) => ({ code: `Q${String(i + 1).padStart(2, "0")}`, description: `groupe ${i % 3}` })));
    await db.insert(queues).values([
      { code: "OLD1", description: "100% archivée", archivedAt: new Date() },
      { code: "OLD2", description: "100_archivée", archivedAt: new Date() },
    ]);
  });

  it("pages PAGE_SIZE rows with the total and page count, and keeps the total past the last page", async () => {
    const first = await queuePage({});
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: Math.ceil(30 / PAGE_SIZE) });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows[0].code).toBe("Q01");
    const second = await queuePage({ page: 2 });
    expect(second.rows.map((r) => r.code)).toEqual(["Q26", "Q27", "Q28", "Q29", "Q30"]);
    expect(await queuePage({ page: 40 })).toMatchObject({ rows: [], total: 30, page: 40 });
  });

  it("sorts on a whitelisted key only, with a stable order among equal keys from page to page", async () => {
    const desc = await queuePage({ sort: "description", dir: "desc" });
    expect(desc.rows.slice(0, 3).map((r) => r.code)).toEqual(["Q03", "Q06", "Q09"]);
    const pages = [...desc.rows, ...(await queuePage({ sort: "description", dir: "desc", page: 2 })).rows].map((r) => r.code);
    expect(new Set(pages).size).toBe(30);
    // An unknown or hostile sort falls back to the first key instead of reaching the SQL.
    expect((await queuePage({ sort: "password_hash" })).rows[0].code).toBe("Q01");
    expect((await queuePage({ sort: "constructor" })).rows[0].code).toBe("Q01");
  });

  it("searches every listed column, case-insensitively, taking the user's wildcards literally", async () => {
    expect(await queuePage({ q: "q1" })).toMatchObject({ total: 10 });
    expect(await queuePage({ q: "GROUPE 2" })).toMatchObject({ total: 10 });
    expect(await queuePage({ q: "100%", archived: "1" })).toMatchObject({ total: 1, rows: [{ code: "OLD1" }] });
    expect(await queuePage({ q: "%" })).toMatchObject({ total: 0 });
  });

  it("shows either the active or the archived rows", async () => {
    expect((await queuePage({ archived: "1" })).rows.map((r) => r.code)).toEqual(["OLD1", "OLD2"]);
    expect((await queuePage({ q: "OLD" })).total).toBe(0);
  });

  it("counts and searches through joins, and can put rows without a value last in both directions", async () => {
    const db = t.handle.db;
    const [q05] = await db.select({ id: queues.id }).from(queues).where(eq(queues.code, "Q05"));
    await db.insert(campaigns).values([
      { type: "twitter", name: "Avec file", queueId: q05.id },
      { type: "twitter", name: "Sans file" },
      { type: "facebook", name: "Archivée", queueId: q05.id, archivedAt: new Date() },
    ]);
    const page = (p: Record<string, unknown>) =>
      pagedList(db, params(p), {
        query: () =>
          db
            .select({ name: campaigns.name, queueCode: queues.code })
            .from(campaigns)
            .leftJoin(queues, eq(queues.id, campaigns.queueId))
            .$dynamic(),
        where: sql`${campaigns.archivedAt} is null`,
        search: [campaigns.name, queues.code],
        sortable: { queue: queues.code, name: campaigns.name },
        tiebreak: campaigns.id,
        nullsLast: true,
      });
    expect((await page({ dir: "asc" })).rows).toEqual([
      { name: "Avec file", queueCode: "Q05" },
      { name: "Sans file", queueCode: null },
    ]);
    expect((await page({ dir: "desc" })).rows.map((r) => r.name)).toEqual(["Avec file", "Sans file"]);
    expect(await page({ q: "q05" })).toMatchObject({ total: 1, rows: [{ name: "Avec file" }] });
  });
});
