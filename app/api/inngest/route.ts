import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { PUBLIC, defineRoute } from "@/lib/auth/route";

const inngestHandlers = serve({ client: inngest, functions });
type InngestHandler = (request: Request, context: unknown) => Promise<Response>;

// Public: Inngest authenticates its calls with INNGEST_SIGNING_KEY (cloud or self-hosted
// `inngest start`), server to server, without an Origin. A run's request carries its state, which
// Inngest caps at 32 MB.
const options = { sameOrigin: false, maxBytes: 33 * 1024 * 1024 };
const served = (handler: InngestHandler) => defineRoute(PUBLIC, options, (ctx) => handler(ctx.request, ctx.next));
export const GET = served(inngestHandlers.GET as InngestHandler);
export const POST = served(inngestHandlers.POST as InngestHandler);
export const PUT = served(inngestHandlers.PUT as InngestHandler);
