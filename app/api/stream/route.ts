import { can, type Principal } from "@/lib/auth/permissions";
import { defineRoute } from "@/lib/auth/route";
import { subscribe } from "@/lib/realtime/bus";
import type { LiveMessage } from "@/lib/events/types";

export const dynamic = "force-dynamic";

/** Which events a user receives: agents hear about their own work and the queue, supervisors all. */
function visibleTo(user: Principal, event: LiveMessage): boolean {
  // Campaign summaries are administration: admins only, not supervisors.
  if (event.type === "campaign.summary" || event.type === "campaign.state") return can(user, "admin.access");
  // Ids only: a rep's agenda and the agents' booking panels re-read what they may see.
  if (event.type === "appointment.changed") return can(user, "agenda.view") || can(user, "agenda.book");
  if (can(user, "supervision.view")) return true;
  switch (event.type) {
    case "conversation.queued":
      return true;
    case "agent.presence":
      return event.agentId === user.id;
    default:
      return event.agentId === user.id;
  }
}

// The areas that show live data: the agent workspace, supervision and the agenda (administrators included).
export const GET = defineRoute(["workspace.use", "supervision.view", "agenda.view"], {}, ({ request, user }) => {
  const encoder = new TextEncoder();
  let unsubscribe: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          /* closed */
        }
      };
      send("retry: 3000\n\n");
      unsubscribe = await subscribe((event) => {
        if (visibleTo(user, event)) send(`event: relais\ndata: ${JSON.stringify(event)}\n\n`);
      });
      heartbeat = setInterval(() => send(": keep-alive\n\n"), 25_000);
      request.signal.addEventListener("abort", () => {
        clearInterval(heartbeat);
        unsubscribe?.();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      });
    },
    cancel() {
      clearInterval(heartbeat);
      unsubscribe?.();
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
});
