import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { rootSettings, workSchedules } from "@/db/schema";
import { campaignTimeZone, campaignTimeZones, defaultTimeZone, scheduleTimeZone } from "@/lib/campaigns/time-zone";
import { SummaryPanel } from "@/components/summary/summary-panel";
import type { StoredSummary } from "@/lib/summary/types";
import { setupDemoWorkspace } from "./demo-fixture";

const week = Array.from({ length: 7 }, () => ({ open1: "09:00", close1: "18:00", open2: "", close2: "" }));

describe("the time zone a campaign's times are shown in", () => {
  const w = setupDemoWorkspace();

  it("is the root settings' default until the campaign has a schedule, then the schedule's", async () => {
    await w.setCampaign({ scheduleId: null });
    expect(await defaultTimeZone()).toBe("Europe/Paris");
    expect(await campaignTimeZone(w.state.campaignId)).toBe("Europe/Paris");

    await w.db
      .insert(rootSettings)
      .values({ id: 1, defaultTimeZone: "America/Toronto" })
      .onConflictDoUpdate({ target: rootSettings.id, set: { defaultTimeZone: "America/Toronto" } });
    expect(await campaignTimeZone(w.state.campaignId)).toBe("America/Toronto");
    expect(await scheduleTimeZone(null)).toBe("America/Toronto");

    const [tokyo] = await w.db.insert(workSchedules).values({ name: "Tokyo TZ test", timeZone: "Asia/Tokyo", days: week }).returning();
    await w.setCampaign({ scheduleId: tokyo.id });
    expect(await campaignTimeZone(w.state.campaignId)).toBe("Asia/Tokyo");
    expect(await scheduleTimeZone(tokyo.id)).toBe("Asia/Tokyo");
    expect(await campaignTimeZones([w.state.campaignId, 999_999])).toEqual(
      new Map([
        [w.state.campaignId, "Asia/Tokyo"],
        [999_999, "America/Toronto"],
      ]),
    );
  });

  it("the campaign summary says when it was computed in the campaign's local time", async () => {
    const [auckland] = await w.db
      .insert(workSchedules)
      .values({ name: "Auckland TZ test", timeZone: "Pacific/Auckland", days: week })
      .returning();
    await w.setCampaign({ scheduleId: auckland.id });
    const computedAt = new Date("2026-12-01T15:35:07Z");
    const summary: StoredSummary = { campaignId: w.state.campaignId, overall: "green", computedAt, elements: [] };
    // Outside a request there is no user or cookie: the default locale, French.
    const html = renderToStaticMarkup(await SummaryPanel({ campaignId: w.state.campaignId, summary }));
    // Auckland is at UTC+13 in December: 15:35 UTC is 04:35 the next day there.
    expect(html).toContain("Calculé le 2 déc. 2026, 04:35:07");
  });
});
