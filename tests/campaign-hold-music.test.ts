import { describe, it, expect, beforeEach } from "vitest";
import { eq } from "drizzle-orm";
import { campaignHoldMusic } from "@/db/schema";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs, signOut } from "./session";

const route = await import("@/app/api/campaigns/[id]/hold-music/route");

/** A tiny valid WAV file: RIFF/WAVE header, 8 kHz mono 8-bit, a few samples. */
function wav(): Uint8Array<ArrayBuffer> {
  const samples = 64;
  const b = Buffer.alloc(44 + samples);
  b.write("RIFF", 0);
  b.writeUInt32LE(36 + samples, 4);
  b.write("WAVE", 8);
  b.write("fmt ", 12);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write("data", 36);
  b.writeUInt32LE(samples, 40);
  return new Uint8Array(b);
}

// What a browser sends with a state-changing request from our own page.
const ours = { host: "relais.test", origin: "http://relais.test" };

function post(campaignId: number, bytes: Uint8Array<ArrayBuffer>, type: string, name: string) {
  const form = new FormData();
  form.set("file", new File([bytes], name, { type }));
  return route.POST(
    new Request(`http://relais.test/api/campaigns/${campaignId}/hold-music`, { method: "POST", body: form, headers: ours }),
    {
      params: Promise.resolve({ id: String(campaignId) }),
    },
  );
}
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

describe("campaign hold music", () => {
  const w = setupDemoWorkspace();
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("stores an uploaded WAV and plays it back byte for byte", async () => {
    const bytes = wav();
    const res = await post(w.state.campaignId, bytes, "audio/wav", "attente.wav");
    expect(res.status).toBe(201);
    const played = await route.GET(new Request("http://relais.test/x"), params(w.state.campaignId));
    expect(played.status).toBe(200);
    expect(played.headers.get("content-type")).toBe("audio/wav");
    expect(new Uint8Array(await played.arrayBuffer())).toEqual(bytes);
  });

  it("refuses a file whose content is not the audio it claims, keeping the current one", async () => {
    const res = await post(w.state.campaignId, new TextEncoder().encode("not a sound at all"), "audio/wav", "fake.wav");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, fieldErrors: { file: ["schedules.errors.soundContent"] } });
    const [row] = await w.db.select().from(campaignHoldMusic).where(eq(campaignHoldMusic.campaignId, w.state.campaignId));
    expect(row.fileName).toBe("attente.wav");
  });

  it("refuses agents (upload and playback) and anonymous callers", async () => {
    signInAs(w.state.agents[0]);
    expect((await post(w.state.campaignId, wav(), "audio/wav", "x.wav")).status).toBe(403);
    expect((await route.GET(new Request("http://relais.test/x"), params(w.state.campaignId))).status).toBe(403);
    expect(
      (await route.DELETE(new Request("http://relais.test/x", { method: "DELETE", headers: ours }), params(w.state.campaignId))).status,
    ).toBe(403);
    signOut();
    expect((await post(w.state.campaignId, wav(), "audio/wav", "x.wav")).status).toBe(401);
    const [row] = await w.db.select().from(campaignHoldMusic).where(eq(campaignHoldMusic.campaignId, w.state.campaignId));
    expect(row.fileName).toBe("attente.wav");
  });

  it("removes it", async () => {
    const res = await route.DELETE(new Request("http://relais.test/x", { method: "DELETE", headers: ours }), params(w.state.campaignId));
    expect(res.status).toBe(200);
    expect(await w.db.select().from(campaignHoldMusic)).toHaveLength(0);
    expect((await route.GET(new Request("http://relais.test/x"), params(w.state.campaignId))).status).toBe(404);
  });
});
