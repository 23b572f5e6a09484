import { describe, it, expect, vi, beforeEach } from "vitest";
import { and, asc, eq, isNull } from "drizzle-orm";
import { auditLog, campaigns, conversations, qualificationGroups, qualificationStatuses, qualificationSubStatuses } from "@/db/schema";
import { pollCampaign } from "@/lib/ingestion/poll";
import { assignWaitingConversations } from "@/lib/routing/assign";
import { qualifyConversation, setPresence } from "@/lib/conversations/mutations";
import { currentConversation } from "@/lib/conversations/queries";
import { getQualificationGroup, listQualificationGroups } from "@/lib/qualifications/queries";
import { parseListParams } from "@/lib/admin/list";
import type { QualificationGroupDetail } from "@/lib/qualifications/queries";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createQualificationGroupAction, updateQualificationGroupAction, archiveQualificationGroupAction } =
  await import("@/app/(admin)/admin/qualifications/actions");

const status = (code: string, patch: Record<string, unknown> = {}) => ({
  code,
  label: `Statut ${code}`,
  category: "argued" as const,
  benefit: "0",
  ...patch,
});

/** The form's view of a group: what the edit page loads, ready to send back. */
function asForm(g: QualificationGroupDetail) {
  return {
    id: g.id,
    version: g.updatedAt.toISOString(),
    name: g.name,
    currency: g.currency,
    statuses: g.statuses.map((s) => ({ ...s, subStatuses: s.subStatuses.map(({ id, code, label }) => ({ id, code, label })) })),
  };
}

async function groupNamed(w: ReturnType<typeof setupDemoWorkspace>, name: string) {
  const [row] = await w.db.select({ id: qualificationGroups.id }).from(qualificationGroups).where(eq(qualificationGroups.name, name));
  return (await getQualificationGroup(row.id))!;
}

describe("qualification groups administration", () => {
  const w = setupDemoWorkspace();
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("creates a group with ordered statuses of each category and their details, and records who did it", async () => {
    const result = await createQualificationGroupAction({
      name: "Ventes printemps",
      currency: "usd",
      statuses: [
        status("vente", {
          label: "Vente",
          category: "positive",
          benefit: "49,90",
          quotaValidation: true,
          quota: 25,
          subStatuses: [
            { code: "web", label: "Sur le site" },
            { code: "tel", label: "Par téléphone" },
          ],
        }),
        status("rappel", { category: "argued" }),
        status("refus", { category: "not_argued" }),
      ],
    });
    expect(result.ok).toBe(true);
    const g = await groupNamed(w, "Ventes printemps");
    expect(g.currency).toBe("USD");
    expect(g.statuses.map((s) => [s.code, s.category, s.benefit])).toEqual([
      ["VENTE", "positive", "49.90"],
      ["RAPPEL", "argued", "0.00"],
      ["REFUS", "not_argued", "0.00"],
    ]);
    expect(g.statuses[0]).toMatchObject({ quotaValidation: true, quota: 25 });
    expect(g.statuses[0].subStatuses.map((s) => s.code)).toEqual(["WEB", "TEL"]);
    const [audit] = await w.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "qualification_group"), eq(auditLog.objectId, g.id)));
    expect(audit).toMatchObject({ action: "create", userLogin: "admin", objectLabel: "Ventes printemps" });
    expect((audit.after as { statuses: unknown[] }).statuses).toHaveLength(3);
  });

  it("refuses a duplicate group name with a field error, also when two admins save at once", async () => {
    expect(await createQualificationGroupAction({ name: "Ventes printemps", statuses: [status("A")] })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["adminCommon.errors.duplicate"] },
    });
    const both = await Promise.all([
      createQualificationGroupAction({ name: "Course", statuses: [status("A")] }),
      createQualificationGroupAction({ name: "Course", statuses: [status("B")] }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ error: "adminCommon.errors.duplicate" });
    const [{ id }] = await w.db
      .select({ id: qualificationGroups.id })
      .from(qualificationGroups)
      .where(eq(qualificationGroups.name, "Course"));
    expect(await w.db.select().from(qualificationStatuses).where(eq(qualificationStatuses.groupId, id))).toHaveLength(1);
  });

  it("lists groups with their active status and campaign counts, searched and sorted", async () => {
    const page = await listQualificationGroups(parseListParams({ q: "défaut" }, ["name", "currency", "updatedAt"]));
    expect(page.rows.map((r) => [r.name, r.statuses, r.campaigns])).toEqual([["Qualifications par défaut", 5, 1]]);
    const byCurrency = await listQualificationGroups(parseListParams({ sort: "currency", dir: "desc" }, ["name", "currency", "updatedAt"]));
    expect(byCurrency.rows[0].currency).toBe("USD");
  });

  it("lets only one of two admins saving the same version win", async () => {
    const form = asForm(await groupNamed(w, "Course"));
    const both = await Promise.all([
      updateQualificationGroupAction({ ...form, statuses: [...form.statuses, status("X1")] }),
      updateQualificationGroupAction({ ...form, statuses: [...form.statuses, status("X2")] }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ error: "adminCommon.errors.stale" });
    expect((await groupNamed(w, "Course")).statuses).toHaveLength(2);
  });

  it("swaps two codes in one save, and lets a removed code be created again", async () => {
    const form = asForm(await groupNamed(w, "Ventes printemps"));
    const [vente, rappel, refus] = form.statuses;
    const swapped = await updateQualificationGroupAction({
      ...form,
      statuses: [{ ...vente, code: "RAPPEL" }, { ...rappel, code: "VENTE" }, refus],
    });
    expect(swapped.ok).toBe(true);
    const after = asForm(await groupNamed(w, "Ventes printemps"));
    expect(after.statuses.map((s) => [s.id, s.code])).toEqual([
      [vente.id, "RAPPEL"],
      [rappel.id, "VENTE"],
      [refus.id, "REFUS"],
    ]);

    const removed = await updateQualificationGroupAction({ ...after, statuses: after.statuses.slice(0, 2) });
    expect(removed.ok).toBe(true);
    const again = asForm(await groupNamed(w, "Ventes printemps"));
    expect(
      (await updateQualificationGroupAction({ ...again, statuses: [...again.statuses, status("REFUS", { label: "Refus ferme" })] })).ok,
    ).toBe(true);
    const final = await groupNamed(w, "Ventes printemps");
    expect(final.statuses.map((s) => s.label)).toContain("Refus ferme");
    expect(final.statuses.find((s) => s.code === "REFUS")!.id).not.toBe(refus.id);
  });

  it("refuses a form that names a status of another group", async () => {
    const demo = asForm(await groupNamed(w, "Qualifications par défaut"));
    const other = asForm(await groupNamed(w, "Course"));
    const result = await updateQualificationGroupAction({ ...other, statuses: [...other.statuses, demo.statuses[0]] });
    expect(result).toMatchObject({ ok: false, error: "adminCommon.errors.stale" });
    expect((await groupNamed(w, "Qualifications par défaut")).statuses[0].code).toBe(demo.statuses[0].code);
  });

  it("never changes a past qualification when its status is edited, reordered or removed", async () => {
    // The admin adds details under VENTE in the demo campaign's group.
    const demo = asForm(await groupNamed(w, "Qualifications par défaut"));
    const withDetails = demo.statuses.map((s) =>
      s.code === "VENTE"
        ? {
            ...s,
            subStatuses: [
              { code: "ABO", label: "Abonnement" },
              { code: "OPTION", label: "Option" },
            ],
          }
        : s,
    );
    expect((await updateQualificationGroupAction({ ...demo, statuses: withDetails })).ok).toBe(true);

    const [agent] = w.state.agents;
    await w.sim.postCustomerTweet({ authorHandle: "nina", text: "relais je veux m'abonner" });
    await pollCampaign(w.state.campaignId);
    await setPresence(agent, "ready");
    await assignWaitingConversations();
    const conv = (await currentConversation(agent))!;
    const vente = conv.statuses.find((s) => s.code === "VENTE")!;
    // The workspace offers the details of the status that has some, and only there.
    expect(vente.subStatuses.map((s) => s.label)).toEqual(["Abonnement", "Option"]);
    expect(conv.statuses.find((s) => s.code === "RDV")!.subStatuses).toEqual([]);

    await expect(qualifyConversation(agent, { conversationId: conv.id, statusId: vente.id })).rejects.toThrow(
      "qualifications.errors.subStatusRequired",
    );
    const rdv = conv.statuses.find((s) => s.code === "RDV")!;
    await expect(
      qualifyConversation(agent, { conversationId: conv.id, statusId: rdv.id, subStatusId: vente.subStatuses[0].id }),
    ).rejects.toThrow("qualifications.errors.subStatusInvalid");
    await qualifyConversation(agent, { conversationId: conv.id, statusId: vente.id, subStatusId: vente.subStatuses[1].id });
    const expected = {
      status: "closed",
      qualificationStatusId: vente.id,
      qualificationCode: "VENTE",
      qualificationLabel: "Vente conclue",
      qualificationCategory: "positive",
      qualificationBenefit: "50.00",
      qualificationSubCode: "OPTION",
      qualificationSubLabel: "Option",
    };
    const read = async () => (await w.db.select().from(conversations).where(eq(conversations.id, conv.id)))[0];
    expect(await read()).toMatchObject(expected);

    // Edit everything about the status and its detail…
    let form = asForm(await groupNamed(w, "Qualifications par défaut"));
    form.statuses = form.statuses.map((s) =>
      s.id === vente.id
        ? {
            ...s,
            code: "SALE",
            label: "Sale",
            category: "not_argued" as const,
            benefit: "999",
            subStatuses: [{ ...s.subStatuses[1], code: "OPT2", label: "Renamed" }, s.subStatuses[0]],
          }
        : s,
    );
    expect((await updateQualificationGroupAction(form)).ok).toBe(true);
    expect(await read()).toMatchObject(expected);
    // …reorder it to the end…
    form = asForm(await groupNamed(w, "Qualifications par défaut"));
    const moved = form.statuses.find((s) => s.id === vente.id)!;
    expect((await updateQualificationGroupAction({ ...form, statuses: [...form.statuses.filter((s) => s !== moved), moved] })).ok).toBe(
      true,
    );
    const reordered = await groupNamed(w, "Qualifications par défaut");
    expect(reordered.statuses.at(-1)!.id).toBe(vente.id);
    expect(await read()).toMatchObject(expected);
    // …and remove it: it is archived, the conversation still references it and keeps its copy.
    form = asForm(reordered);
    expect((await updateQualificationGroupAction({ ...form, statuses: form.statuses.filter((s) => s.id !== vente.id) })).ok).toBe(true);
    const [archived] = await w.db.select().from(qualificationStatuses).where(eq(qualificationStatuses.id, vente.id));
    expect(archived.archivedAt).not.toBeNull();
    expect(await read()).toMatchObject(expected);
    expect((await getQualificationGroup(form.id))!.statuses.map((s) => s.id)).not.toContain(vente.id);
  });

  it("stores no detail for a status without details", async () => {
    await w.sim.postCustomerTweet({ authorHandle: "omar", text: "relais une question" });
    await pollCampaign(w.state.campaignId);
    // The earlier qualification paused its agent (not «Directement Prêt»): every agent is Ready again.
    for (const a of w.state.agents) await setPresence(a, "ready");
    await assignWaitingConversations();
    // Whichever Ready agent routing chose (the one idle longest).
    const offers = await Promise.all(w.state.agents.map(async (a) => ({ a, c: await currentConversation(a) })));
    const { a: agent, c } = offers.find((o) => o.c !== null)!;
    const conv = c!;
    const info = conv.statuses.find((s) => s.code === "INFO")!;
    await qualifyConversation(agent, { conversationId: conv.id, statusId: info.id });
    const [row] = await w.db.select().from(conversations).where(eq(conversations.id, conv.id));
    expect(row).toMatchObject({ qualificationCode: "INFO", qualificationSubCode: null, qualificationSubLabel: null });
  });

  it("refuses to archive a group used by a campaign, naming the campaign, and archives a free one", async () => {
    const [campaign] = await w.db.select({ groupId: campaigns.qualificationGroupId }).from(campaigns);
    expect(await archiveQualificationGroupAction({ id: campaign.groupId!, archived: true })).toEqual({
      ok: false,
      error: "adminCommon.errors.inUse",
      params: { users: "Démo Twitter" },
    });
    const [used] = await w.db.select().from(qualificationGroups).where(eq(qualificationGroups.id, campaign.groupId!));
    expect(used.archivedAt).toBeNull();
    const free = await groupNamed(w, "Course");
    expect((await archiveQualificationGroupAction({ id: free.id, archived: true })).ok).toBe(true);
    const [archived] = await w.db.select().from(qualificationGroups).where(eq(qualificationGroups.id, free.id));
    expect(archived.archivedAt).not.toBeNull();
  });

  it("refuses every qualification action to an agent calling it directly, changing nothing", async () => {
    const target = await groupNamed(w, "Ventes printemps");
    const statusesBefore = await w.db.select().from(qualificationStatuses).orderBy(asc(qualificationStatuses.id));
    const subsBefore = await w.db.select().from(qualificationSubStatuses).where(isNull(qualificationSubStatuses.archivedAt));
    signInAs(w.state.agents[0]);
    expect(await createQualificationGroupAction({ name: "Agent", statuses: [status("A")] })).toEqual({
      ok: false,
      error: "errors.forbidden",
    });
    expect(await updateQualificationGroupAction({ ...asForm(target), name: "Piraté", statuses: [status("A")] })).toEqual({
      ok: false,
      error: "errors.forbidden",
    });
    expect(await archiveQualificationGroupAction({ id: target.id, archived: true })).toEqual({ ok: false, error: "errors.forbidden" });
    expect(await w.db.select().from(qualificationGroups).where(eq(qualificationGroups.name, "Agent"))).toHaveLength(0);
    const [after] = await w.db.select().from(qualificationGroups).where(eq(qualificationGroups.id, target.id));
    expect(after).toMatchObject({ name: "Ventes printemps", archivedAt: null });
    expect(await w.db.select().from(qualificationStatuses).orderBy(asc(qualificationStatuses.id))).toEqual(statusesBefore);
    expect(await w.db.select().from(qualificationSubStatuses).where(isNull(qualificationSubStatuses.archivedAt))).toEqual(subsBefore);
  });
});
