import { describe, it, expect, beforeEach } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditLog, campaignHoldMusic, holidaySounds } from "@/db/schema";
import { SOUND_MAX_BYTES } from "@/lib/calendars/holiday.schema";
import { setupDemoWorkspace } from "./demo-fixture";
import { signInAs, signOut } from "./session";

const sound = await import("@/app/api/holidays/sound/route");
const holdMusic = await import("@/app/api/campaigns/[id]/hold-music/route");

const ours = { host: "localhost:3000", origin: "http://localhost:3000" };
const BOUNDARY = "relais-test-boundary";

/** A valid WAV of `samples` bytes of silence. */
function wav(samples: number): Uint8Array {
  const b = Buffer.alloc(44 + samples, 0x80);
  b.write("RIFF", 0);
  b.writeUInt32LE(36 + samples, 4);
  b.write("WAVEfmt ", 8);
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

/**
 * A multipart body holding `file`, sent as a stream of 64 KB chunks with no Content-Length (as a
 * chunked upload arrives); `pulled` says how many bytes the server asked for.
 */
function chunkedUpload(file: Uint8Array) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const whole = Buffer.concat([head, file, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
  const state = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= whole.length) return controller.close();
      const chunk = whole.subarray(state.pulled, state.pulled + 64 * 1024);
      state.pulled += chunk.length;
      controller.enqueue(new Uint8Array(chunk));
    },
  });
  const init = { method: "POST", body, duplex: "half", headers: { ...ours, "content-type": `multipart/form-data; boundary=${BOUNDARY}` } };
  return { init: init as RequestInit, state, size: whole.length };
}

const campaignParams = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

describe("upload route limits", () => {
  const w = setupDemoWorkspace();
  const sounds = async () => (await w.db.select({ n: count() }).from(holidaySounds))[0].n;
  const audits = async () => (await w.db.select({ n: count() }).from(auditLog))[0].n;
  beforeEach(() => {
    signInAs(w.state.adminId);
  });

  it("stores a chunked upload under the limit (no Content-Length needed)", async () => {
    const upload = chunkedUpload(wav(100_000));
    expect(new Request("http://localhost:3000/api/holidays/sound", upload.init).headers.get("content-length")).toBeNull();
    const response = await sound.POST(new Request("http://localhost:3000/api/holidays/sound", upload.init));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ ok: true, data: { fileName: "a.wav", size: 100_044 } });
    expect(await sounds()).toBe(1);
  });

  it("refuses a chunked upload over the limit with 413, stops reading it, and stores nothing", async () => {
    const before = { sounds: await sounds(), audits: await audits() };
    const upload = chunkedUpload(wav(8 * 1024 * 1024));
    const response = await sound.POST(new Request("http://localhost:3000/api/holidays/sound", upload.init));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      ok: false,
      error: "schedules.errors.soundTooLarge",
      fieldErrors: { file: ["schedules.errors.soundTooLarge"] },
    });
    // Read up to the limit and a few chunks of read-ahead, not the 8 MB.
    expect(upload.state.pulled).toBeLessThanOrEqual(SOUND_MAX_BYTES + 64 * 1024 + 4 * 64 * 1024);
    expect(upload.state.pulled).toBeLessThan(upload.size);
    expect({ sounds: await sounds(), audits: await audits() }).toEqual(before);
  });

  it("refuses a chunked hold music over the limit and keeps the campaign's current one", async () => {
    const small = chunkedUpload(wav(1000));
    expect((await holdMusic.POST(new Request("http://localhost:3000/x", small.init), campaignParams(w.state.campaignId))).status).toBe(201);
    const [kept] = await w.db.select().from(campaignHoldMusic).where(eq(campaignHoldMusic.campaignId, w.state.campaignId));

    const big = chunkedUpload(wav(3 * 1024 * 1024));
    const response = await holdMusic.POST(new Request("http://localhost:3000/x", big.init), campaignParams(w.state.campaignId));
    expect(response.status).toBe(413);
    const rows = await w.db.select().from(campaignHoldMusic).where(eq(campaignHoldMusic.campaignId, w.state.campaignId));
    expect(rows).toEqual([kept]);
  });

  it("refuses an upload without Origin (browsers always send it) and stores nothing", async () => {
    const before = await sounds();
    const upload = chunkedUpload(wav(1000));
    const { origin: _origin, ...noOrigin } = ours;
    void _origin;
    const response = await sound.POST(
      new Request("http://localhost:3000/api/holidays/sound", {
        ...upload.init,
        headers: { ...noOrigin, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ ok: false, error: "errors.forbidden" });
    expect(upload.state.pulled).toBeLessThanOrEqual(4 * 64 * 1024);
    expect(await sounds()).toBe(before);

    // Removing the hold music is state-changing too.
    const remove = await holdMusic.DELETE(
      new Request("http://localhost:3000/x", { method: "DELETE", headers: noOrigin }),
      campaignParams(w.state.campaignId),
    );
    expect(remove.status).toBe(403);
    expect(await w.db.select().from(campaignHoldMusic).where(eq(campaignHoldMusic.campaignId, w.state.campaignId))).toHaveLength(1);
  });

  it("refuses a user without the right before reading the body", async () => {
    signInAs(w.state.agents[0]);
    const upload = chunkedUpload(wav(8 * 1024 * 1024));
    const response = await sound.POST(new Request("http://localhost:3000/api/holidays/sound", upload.init));
    expect(response.status).toBe(403);
    expect(upload.state.pulled).toBeLessThanOrEqual(4 * 64 * 1024);
    signOut();
    expect((await sound.POST(new Request("http://localhost:3000/api/holidays/sound", chunkedUpload(wav(10)).init))).status).toBe(401);
  });
});
