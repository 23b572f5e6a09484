import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supervisionGroupMembers, supervisionGroups } from "@/db/schema";
import { can, type Principal } from "@/lib/auth/permissions";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import type { LiveMessage } from "@/lib/events/types";
import { subscribe } from "./bus";
import { supervisionScope, visibleCampaignIds } from "@/lib/supervision/scope";
import { heartbeat as presenceHeartbeat, presenceGraceSeconds } from "@/lib/routing/presence";

/** Open streams a user may hold in one process; a further one closes his oldest. */
export const MAX_STREAMS_PER_USER = 5;
/** How often an open stream re-reads its user (session version, archive, rights, supervised agents). */
export const RECHECK_MS = Number(process.env.RELAIS_STREAM_RECHECK_MS) || 30_000;

/**
 * What a viewer may hear of. Administrators everything; a supervisor the queue and the agents
 * of the groups he supervises; an agent the queue and his own work. Campaign summaries are
 * administration (admins only); a mass message's progress, whoever holds the mass-message right.
 */
export interface ViewerScope {
  userId: number;
  admin: boolean;
  allAgents: boolean;
  supervises: boolean;
  /** Reads an agenda or books appointments. */
  agenda: boolean;
  /** Works the queue himself (an agent): hears every queue arrival. */
  works: boolean;
  /** Holds the mass-message right: hears the progress of mass messages. */
  massMessages: boolean;
  agents: ReadonlySet<number>;
  /** A supervisor's campaigns (lib/supervision/scope.ts): the queue news he hears. */
  campaigns: ReadonlySet<number>;
}

export async function viewerScope(user: Principal): Promise<ViewerScope> {
  const admin = can(user, "admin.access");
  const allAgents = can(user, "supervision.allAgents");
  const supervises = can(user, "supervision.view");
  let agents = new Set<number>();
  if (supervises && !allAgents) {
    const db = await getDb();
    const rows = await db
      .selectDistinct({ id: supervisionGroupMembers.userId })
      .from(supervisionGroupMembers)
      .innerJoin(supervisionGroups, and(eq(supervisionGroups.id, supervisionGroupMembers.groupId), isNull(supervisionGroups.archivedAt)))
      .where(
        and(
          eq(supervisionGroupMembers.role, "agent"),
          sql`${supervisionGroupMembers.groupId} in (select m.group_id from supervision_group_members m where m.user_id = ${user.id} and m.role = 'supervisor')`,
        ),
      );
    agents = new Set(rows.map((r) => r.id));
  }
  const agenda = can(user, "agenda.view") || can(user, "agenda.book");
  const works = can(user, "workspace.use");
  const massMessages = can(user, "massMessage.send");
  const campaigns = supervises && !allAgents ? await visibleCampaignIds(supervisionScope(user)) : new Set<number>();
  return { userId: user.id, admin, allAgents, supervises, agenda, works, massMessages, agents, campaigns };
}

export function visibleTo(scope: ViewerScope, event: LiveMessage): boolean {
  switch (event.type) {
    case "user.revoked":
    case "user.signedOut":
      return false; // the stream's own control messages
    case "campaign.summary":
    case "campaign.state":
      return scope.admin;
    case "massMessage.progress":
      return scope.admin || scope.massMessages;
    case "appointment.changed":
      // Ids only: a rep's agenda and the agents' booking panels re-read what they may see.
      return scope.agenda;
    case "conversation.queued":
      // Queue counts: everyone who works the queue; a supervisor, his campaigns' queues only.
      return scope.allAgents || scope.works || scope.campaigns.has(event.campaignId);
  }
  if (scope.allAgents) return true;
  const agentId = event.agentId;
  if (agentId === scope.userId) return true;
  if (!scope.supervises) return false;
  // A conversation without an agent (back in the queue) is queue news; an agent's is his groups'.
  return agentId === null ? event.type !== "agent.presence" : scope.agents.has(agentId);
}

interface Connection {
  userId: number;
  close(reason: CloseReason): void;
}
type CloseReason = "revoked" | "signedOut" | "replaced";

const holder = globalThis as unknown as { __relaisStreams?: Map<number, Connection[]> };
const connections = (holder.__relaisStreams ??= new Map());

/** Open streams of a user in this process (tests and the cap). */
export function openStreams(userId: number): number {
  return connections.get(userId)?.length ?? 0;
}

function register(connection: Connection): void {
  const list = connections.get(connection.userId) ?? [];
  list.push(connection);
  connections.set(connection.userId, list);
  while (list.length > MAX_STREAMS_PER_USER) list[0].close("replaced");
}

function unregister(connection: Connection): void {
  const list = connections.get(connection.userId);
  if (!list) return;
  const i = list.indexOf(connection);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) connections.delete(connection.userId);
}

/**
 * The server-sent events of one viewer: the live events he may see, a keep-alive, and an end.
 * It ends with an `end` event saying why (the page goes to the login page for `revoked` and
 * `signedOut`, and stops reconnecting for `replaced`) when his sessions are revoked, this
 * session signs out, he opens more than MAX_STREAMS_PER_USER streams, or a periodic re-check
 * finds him archived, revoked or without the right any more.
 */
export function liveStream(request: Request, user: SessionUser): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          /* closed */
        }
      };
      let scope = await viewerScope(user);
      const subscription: { off?: () => void } = {};
      const connection: Connection = { userId: user.id, close: (reason) => end(reason) };
      // An agent's open stream is his live connection: each beat keeps him present (routing sets
      // him Offline once none came for RELAIS_PRESENCE_GRACE_SECONDS, lib/routing/presence.ts).
      const beat = () => {
        if (!closed && can(user, "workspace.use")) presenceHeartbeat(user.id).catch(() => {});
      };
      const heartbeat = setInterval(
        () => {
          send(": keep-alive\n\n");
          beat();
        },
        Math.min(20_000, (presenceGraceSeconds() * 1000) / 3),
      );
      const recheck = setInterval(() => void check(), RECHECK_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearInterval(recheck);
        subscription.off?.();
        unregister(connection);
      };
      const end = (reason?: CloseReason) => {
        if (closed) return;
        if (reason) send(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      const check = async () => {
        try {
          const now = await loadSessionUser(user.id, user.sessionVersion ?? 0, user.sessionId);
          if (!now || !(can(now, "workspace.use") || can(now, "supervision.view") || can(now, "agenda.view"))) return end("revoked");
          scope = await viewerScope(now);
        } catch {
          /* the database is briefly unreachable: the next check decides */
        }
      };
      subscription.off = await subscribe((event) => {
        if (event.type === "user.revoked" && event.userId === user.id) return end("revoked");
        if (event.type === "user.signedOut" && event.userId === user.id && user.sessionId && event.sessionId === user.sessionId)
          return end("signedOut");
        if (visibleTo(scope, event)) send(`event: relais\ndata: ${JSON.stringify(event)}\n\n`);
      });
      // Ended (aborted) while subscribing: nothing to keep.
      if (closed) return subscription.off();
      register(connection);
      send("retry: 3000\n\n: open\n\n");
      beat();
      request.signal.addEventListener("abort", () => end());
      // A session revoked between the request's check and the subscription: caught here.
      await check();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
