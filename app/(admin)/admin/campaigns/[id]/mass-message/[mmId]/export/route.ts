import { defineRoute } from "@/lib/auth/route";
import { massMessageCsv } from "@/lib/mass-message/export";

export const dynamic = "force-dynamic";

/** The per-recipient report of a mass message as CSV: the mass-message right and the export right. */
export const GET = defineRoute<{ id: string; mmId: string }>("massMessage.send", {}, massMessageCsv);
