import { describe, it, expect, vi, beforeEach } from "vitest";
import { eq } from "drizzle-orm";
import { platforms, rootSettings, type EncryptedSecret } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secrets";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs } from "./session";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const rootActions = await import("@/app/(admin)/admin/root/actions");
const { getRootSettings, listPlatforms } = await import("@/lib/campaigns/root");

describe("root configuration", () => {
  const w = setupDemoWorkspace();
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("lists the demo platform, pointing at the simulator", async () => {
    expect(await listPlatforms()).toMatchObject([
      { name: "Simulateur", twitterBaseUrl: w.state.simUrl, facebookBaseUrl: w.state.simUrl, campaigns: 1 },
    ]);
  });

  it("keeps root settings' SMTP password encrypted and masked, and validates platforms", async () => {
    const save = (patch: Record<string, unknown>) =>
      getRootSettings().then((s) =>
        rootActions.saveRootSettingsAction({
          smtpHost: "smtp.example.com",
          smtpPort: 587,
          smtpUser: "relais",
          smtpPassword: "",
          smtpFrom: "relais@example.com",
          smtpTls: true,
          defaultTimeZone: "Europe/Paris",
          version: s.version,
          ...patch,
        }),
      );
    expect(await save({ smtpPassword: "smtp-pass-0123456789" })).toMatchObject({ ok: true });
    const [raw] = await w.db.select().from(rootSettings);
    expect(JSON.stringify(raw)).not.toContain("smtp-pass-0123456789");
    const view = await getRootSettings();
    expect(JSON.stringify(view)).not.toContain("smtp-pass-0123456789");
    expect(view).toMatchObject({ smtpPasswordSet: true, smtpPasswordMasked: "sm••••••••89" });
    expect(await save({ defaultTimeZone: "Mars/Olympus", smtpPort: 0 })).toMatchObject({
      ok: false,
      fieldErrors: { defaultTimeZone: ["campaigns.errors.timeZone"], smtpPort: ["campaigns.errors.port"] },
    });
    expect(await save({ defaultTimeZone: "America/Montreal" })).toMatchObject({ ok: true });
    const [after] = await w.db.select().from(rootSettings);
    expect(decryptSecret(after.smtpPassword as EncryptedSecret)).toBe("smtp-pass-0123456789");
    expect(after.defaultTimeZone).toBe("America/Montreal");

    expect(
      await rootActions.createPlatformAction({
        name: "Production",
        twitterBaseUrl: "api.x.com",
        facebookBaseUrl: "https://graph.facebook.com/",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { twitterBaseUrl: ["campaigns.errors.url"] } });
    expect(
      await rootActions.createPlatformAction({
        name: "Production",
        twitterBaseUrl: "https://api.x.com/",
        facebookBaseUrl: "https://graph.facebook.com/",
      }),
    ).toMatchObject({ ok: true });
    const [prod] = await w.db.select().from(platforms).where(eq(platforms.name, "Production"));
    expect(prod).toMatchObject({ twitterBaseUrl: "https://api.x.com", facebookBaseUrl: "https://graph.facebook.com" });
    expect(
      await rootActions.createPlatformAction({
        name: "Production",
        twitterBaseUrl: "https://a.example",
        facebookBaseUrl: "https://b.example",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { name: ["adminCommon.errors.duplicate"] } });
  });

  it("refuses every root action to an agent calling it directly, and nothing changes", async () => {
    const [platform] = await w.db.select().from(platforms);
    const settingsBefore = await w.db.select().from(rootSettings);
    signInAs(w.state.agents[0]);
    const forbidden = { ok: false, error: "errors.forbidden" };
    expect(
      await rootActions.createPlatformAction({ name: "Agent", twitterBaseUrl: "https://a.example", facebookBaseUrl: "https://b.example" }),
    ).toEqual(forbidden);
    expect(
      await rootActions.updatePlatformAction({
        id: platform.id,
        name: "Agent",
        twitterBaseUrl: "https://a.example",
        facebookBaseUrl: "https://b.example",
      }),
    ).toEqual(forbidden);
    expect(
      await rootActions.saveRootSettingsAction({
        smtpHost: "",
        smtpPort: 25,
        smtpUser: "",
        smtpPassword: "x",
        smtpFrom: "",
        smtpTls: false,
        defaultTimeZone: "UTC",
      }),
    ).toEqual(forbidden);
    expect(await w.db.select().from(platforms).where(eq(platforms.id, platform.id))).toEqual([platform]);
    expect(await w.db.select().from(platforms).where(eq(platforms.name, "Agent"))).toHaveLength(0);
    expect(await w.db.select().from(rootSettings)).toEqual(settingsBefore);
  });

  it("updates a platform with the optimistic lock", async () => {
    const [platform] = await w.db.select().from(platforms).where(eq(platforms.name, "Simulateur"));
    const version = platform.updatedAt.toISOString();
    const input = {
      id: platform.id,
      name: "Simulateur local",
      twitterBaseUrl: platform.twitterBaseUrl,
      facebookBaseUrl: platform.facebookBaseUrl,
      version,
    };
    expect(await rootActions.updatePlatformAction(input)).toMatchObject({ ok: true });
    expect(await rootActions.updatePlatformAction({ ...input, name: "Autre nom" })).toEqual({
      ok: false,
      error: "adminCommon.errors.stale",
    });
  });
});
