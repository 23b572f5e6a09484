import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

// Inngest authenticates its calls with INNGEST_SIGNING_KEY (cloud or self-hosted `inngest start`).
export const { GET, POST, PUT } = serve({ client: inngest, functions });
