import { defineRoute } from "@/lib/auth/route";
import { liveStream } from "@/lib/realtime/stream";

export const dynamic = "force-dynamic";

// The areas that show live data: the agent workspace, supervision, the agenda and the mass messages' progress
// (administrators included).
// What each viewer hears, and when the stream ends, is lib/realtime/stream.ts.
export const GET = defineRoute(["workspace.use", "supervision.view", "agenda.view", "massMessage.send"], {}, ({ request, user }) =>
  liveStream(request, user),
);
