import { describe, expect, it } from "vitest";
import { createTableRelationsHelpers, extractTablesRelationalConfig, normalizeRelation } from "drizzle-orm";
import * as schema from "@/db/schema";
import { setupTestDatabase } from "@/tests/db";

describe("schema relations", () => {
  // Drizzle resolves a relation only when a query uses it: a `many` whose table lacks the
  // matching `one` would fail in the middle of a page, not at start.
  it("resolves every declared relation to its columns", () => {
    const { tables, tableNamesMap } = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
    const unresolved: string[] = [];
    for (const [tableName, table] of Object.entries(tables)) {
      for (const [relationName, relation] of Object.entries(table.relations)) {
        try {
          const { fields, references } = normalizeRelation(tables, tableNamesMap, relation);
          if (fields.length === 0 || fields.length !== references.length) unresolved.push(`${tableName}.${relationName}`);
        } catch {
          unresolved.push(`${tableName}.${relationName}`);
        }
      }
    }
    expect(unresolved).toEqual([]);
  });

  const database = setupTestDatabase();

  it("lets db.query follow foreign keys both ways", async () => {
    const { db } = database.handle;
    const [queue] = await db.insert(schema.queues).values({ code: "REL" }).returning();
    const [agent] = await db.insert(schema.users).values({ login: "4321", name: "Agent", passwordHash: "x", role: "agent" }).returning();
    await db.insert(schema.agentProfiles).values({ userId: agent.id });
    const [campaign] = await db.insert(schema.campaigns).values({ type: "twitter", name: "Relations", queueId: queue.id }).returning();
    const author = { authorId: "c1", authorHandle: "@c1", authorName: "Customer" };
    const [conversation] = await db
      .insert(schema.conversations)
      .values({ campaignId: campaign.id, queueId: queue.id, network: "twitter", threadId: "t1", assignedAgentId: agent.id, ...author })
      .returning();
    await db
      .insert(schema.messages)
      .values({ conversationId: conversation.id, campaignId: campaign.id, direction: "in", text: "Hello", ...author });

    const found = await db.query.campaigns.findFirst({
      where: (c, { eq }) => eq(c.id, campaign.id),
      with: { queue: true, conversations: { with: { messages: true, assignedAgent: { with: { profile: true } } } } },
    });
    expect(found?.queue?.code).toBe("REL");
    expect(found?.conversations.map((c) => c.messages.map((m) => m.text))).toEqual([["Hello"]]);
    expect(found?.conversations[0].assignedAgent?.profile?.userId).toBe(agent.id);

    const fromAgent = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, agent.id), with: { assignedConversations: true } });
    expect(fromAgent?.assignedConversations.map((c) => c.id)).toEqual([conversation.id]);
  });
});
