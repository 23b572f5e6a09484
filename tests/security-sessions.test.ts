import { describe, it, expect, vi, beforeEach } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { emit } from "@/lib/events/emit";
import { MAX_STREAMS_PER_USER, openStreams } from "@/lib/realtime/stream";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { GET: stream } = await import("@/app/api/stream/route");
const { setLocaleAction } = await import("@/app/actions/locale");
const agentActions = await import("@/app/(admin)/admin/agents/actions");
const supervisorActions = await import("@/app/(admin)/admin/supervisors/actions");

const waitFor = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return cond();
};

/** A browser's EventSource on /api/stream, as the signed-in user: what it received, and whether the server ended it. */
async function openStream(userId: number, sessionId: string, sessionVersion = 0) {
  signInAs(userId, { sessionId, sessionVersion });
  const abort = new AbortController();
  const response = await stream(new Request("http://localhost/api/stream", { signal: abort.signal }));
  const state = { status: response.status, text: "", done: false };
  if (response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) break;
        state.text += decoder.decode(value, { stream: true });
      }
      state.done = true;
    })();
    await waitFor(() => state.text.includes(": open") || state.done);
  }
  const events = () =>
    state.text
      .split("\n\n")
      .filter((block) => block.startsWith("event: "))
      .map((block) => {
        const [name, data] = block.split("\n");
        return { event: name.slice("event: ".length), data: JSON.parse(data.slice("data: ".length)) as Record<string, unknown> };
      });
  return { state, events, close: () => abort.abort() };
}

describe("sessions can be revoked", () => {
  const w = setupDemoWorkspace();
  const idOf = async (login: string) => (await w.db.select({ id: users.id }).from(users).where(eq(users.login, login)))[0].id;
  beforeEach(() => signInAs(w.state.adminId));

  it("a new password ends the agent's session at its next request and closes its live stream at once", async () => {
    const agent = await idOf("1002");
    const live = await openStream(agent, "tab-1");
    expect(live.state.status).toBe(200);
    signInAs(agent, { sessionId: "tab-1" });
    expect((await setLocaleAction({ locale: "en" })).ok).toBe(true);

    signInAs(w.state.adminId);
    expect((await agentActions.regenerateAgentPasswordAction({ id: agent })).ok).toBe(true);

    expect(await waitFor(() => live.state.done)).toBe(true);
    expect(live.events()).toEqual([{ event: "end", data: { reason: "revoked" } }]);
    // The same JWT (version 0) is now nobody: the action, and a new stream, are refused.
    signInAs(agent, { sessionId: "tab-1" });
    expect(await setLocaleAction({ locale: "fr" })).toEqual({ ok: false, error: "errors.unauthenticated" });
    expect((await openStream(agent, "tab-1")).state.status).toBe(401);
    // A sign-in with the new password carries the new version and works.
    const [{ version }] = await w.db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, agent));
    expect(version).toBe(1);
    signInAs(agent, { sessionId: "tab-2", sessionVersion: version });
    expect((await setLocaleAction({ locale: "fr" })).ok).toBe(true);
  });

  it("archiving an account ends its sessions and streams; removing a right does too, granting one does not", async () => {
    const agent = await idOf("1003");
    const live = await openStream(agent, "a");
    signInAs(w.state.adminId);
    expect((await agentActions.archiveAgentAction({ id: agent, archived: true })).ok).toBe(true);
    expect(await waitFor(() => live.state.done)).toBe(true);
    expect(live.events().at(-1)).toEqual({ event: "end", data: { reason: "revoked" } });
    signInAs(agent, { sessionId: "a" });
    expect(await setLocaleAction({ locale: "en" })).toEqual({ ok: false, error: "errors.unauthenticated" });

    // A supervisor losing his reporting right is signed out; gaining it back changes nothing.
    signInAs(w.state.adminId);
    const created = await supervisorActions.createSupervisorAction({
      login: "sup.rights",
      name: "Sup Rights",
      reporting: true,
      supervisionRights: [],
      groupIds: [],
    });
    if (!created.ok) throw new Error(created.error);
    const supId = created.data.id;
    const row = async () => (await w.db.select().from(users).where(eq(users.id, supId)))[0];
    const edit = async (reporting: boolean) =>
      supervisorActions.updateSupervisorAction({
        id: supId,
        version: (await row()).updatedAt.toISOString(),
        login: "sup.rights",
        name: "Sup Rights",
        reporting,
        supervisionRights: [],
        groupIds: [],
      });
    const supStream = await openStream(supId, "s");
    signInAs(w.state.adminId);
    expect((await edit(false)).ok).toBe(true);
    expect(await waitFor(() => supStream.state.done)).toBe(true);
    expect((await row()).sessionVersion).toBe(1);
    expect((await edit(true)).ok).toBe(true);
    expect((await row()).sessionVersion).toBe(1);
  });

  it("signing out closes that session's streams only", async () => {
    const agent = await idOf("1001");
    const one = await openStream(agent, "one");
    const two = await openStream(agent, "two");
    const { authOptions } = await import("@/lib/auth/options");
    await authOptions.events!.signOut!({ token: { uid: agent, sid: "one" }, session: null as never });
    expect(await waitFor(() => one.state.done)).toBe(true);
    expect(one.events()).toEqual([{ event: "end", data: { reason: "signedOut" } }]);
    expect(two.state.done).toBe(false);
    two.close();
  });

  it(`a user holds at most ${MAX_STREAMS_PER_USER} streams: a further one closes his oldest`, async () => {
    const agent = await idOf("1000");
    const streams: Awaited<ReturnType<typeof openStream>>[] = [];
    for (let i = 0; i <= MAX_STREAMS_PER_USER; i++) streams.push(await openStream(agent, `cap-${i}`));
    expect(await waitFor(() => streams[0].state.done)).toBe(true);
    expect(streams[0].events()).toEqual([{ event: "end", data: { reason: "replaced" } }]);
    expect(streams.slice(1).every((s) => !s.state.done)).toBe(true);
    expect(openStreams(agent)).toBe(MAX_STREAMS_PER_USER);
    for (const s of streams) s.close();
    expect(await waitFor(() => openStreams(agent) === 0)).toBe(true);
  });

  it("an administrator's unlock is audited", async () => {
    const agent = await idOf("1000");
    expect((await agentActions.unlockAgentSignInAction({ id: agent })).ok).toBe(true);
    const entries = await w.db.select().from(auditLog).where(eq(auditLog.objectId, agent));
    expect(entries.some((e) => (e.after as { event?: string } | null)?.event === "sign_in_unlocked")).toBe(true);
    signInAs(agent);
    expect(await agentActions.unlockAgentSignInAction({ id: agent })).toEqual({ ok: false, error: "errors.forbidden" });
  });

  // One workspace for the file: the process's LISTEN (lib/realtime/bus.ts) is on its database.
  it("the live stream is scoped: a supervisor hears only his groups' agents and campaigns, an agent only his own work and the queue, an admin everything", async () => {
    const agent = await idOf("1000");
    const otherAgent = await idOf("1001");
    const inGroup = await idOf("superviseur");
    signInAs(w.state.adminId);
    const outsider = await supervisorActions.createSupervisorAction({
      login: "sup.outside",
      name: "Sup Outside",
      reporting: false,
      supervisionRights: [],
      groupIds: [],
    });
    if (!outsider.ok) throw new Error(outsider.error);

    const streams = {
      admin: await openStream(w.state.adminId, "admin"),
      inGroup: await openStream(inGroup, "in"),
      outsider: await openStream(outsider.data.id, "out"),
      agent: await openStream(agent, "agent"),
      otherAgent: await openStream(otherAgent, "other"),
    };
    await emit(w.db, [
      { name: "relais/agent.presence", data: { agentId: agent, state: "ready" } },
      { name: "relais/conversation.assigned", data: { conversationId: 77, agentId: agent } },
      { name: "relais/campaign.summary", data: { campaignId: w.state.campaignId, overall: "green" } },
      { name: "relais/conversation.queued", data: { conversationId: 78, campaignId: w.state.campaignId } },
    ]);
    const types = (s: { events: () => { event: string; data: Record<string, unknown> }[] }) =>
      s
        .events()
        .filter((e) => e.event === "relais")
        .map((e) => e.data.type);
    // The queued event is the last one: once a stream has it, it has everything it will get.
    // (Every stream of the process hears the bus in one loop: when the others have it, the outsider has been told or not.)
    for (const s of [streams.admin, streams.inGroup, streams.agent, streams.otherAgent])
      expect(await waitFor(() => types(s).includes("conversation.queued"))).toBe(true);
    expect(types(streams.admin)).toEqual(["agent.presence", "conversation.assigned", "campaign.summary", "conversation.queued"]);
    expect(types(streams.inGroup)).toEqual(["agent.presence", "conversation.assigned", "conversation.queued"]);
    // A supervisor of no group supervises no campaign either: not even its queue news.
    expect(types(streams.outsider)).toEqual([]);
    expect(types(streams.agent)).toEqual(["agent.presence", "conversation.assigned", "conversation.queued"]);
    expect(types(streams.otherAgent)).toEqual(["conversation.queued"]);
    for (const s of Object.values(streams)) s.close();
  });
});
