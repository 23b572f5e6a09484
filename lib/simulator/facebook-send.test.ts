import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "./client";
import { DEMO_FACEBOOK_CREDENTIALS, DEMO_FACEBOOK_PAGE } from "./demo";
import { startSimulator, type RunningSimulator } from "./server";

let sim: RunningSimulator;
const PAGE = DEMO_FACEBOOK_PAGE.id;

afterEach(async () => {
  await sim?.close();
});

async function boot() {
  sim = await startSimulator({ port: 0 });
  return createSimulatorClient(sim.url);
}

async function post(path: string, body: unknown) {
  const res = await fetch(`${sim.url}/v26.0/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${DEMO_FACEBOOK_CREDENTIALS.pageAccessToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Graph bodies, probed field by field
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
}

const message = (recipient: string, extra: Record<string, unknown>) => ({
  recipient: { id: recipient },
  message: { text: "Bonjour" },
  ...extra,
});

describe("the simulator's Send API (POST /{page-id}/messages)", () => {
  it("follows Messenger's 24-hour rule and tags, with Graph's codes and usage headers", async () => {
    const client = await boot();
    const fresh = await client.postCustomerMessage({ authorName: "Fresh", text: "Salut" });
    const day = await client.postCustomerMessage({ authorName: "Day", text: "Salut", ageHours: 30 });
    const old = await client.postCustomerMessage({ authorName: "Old", text: "Salut", ageHours: 8 * 24 });

    const ok = await post(`${PAGE}/messages`, message(fresh.message.fromId, { messaging_type: "RESPONSE" }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ recipient_id: fresh.message.fromId, message_id: expect.stringMatching(/^m_/) });
    expect(JSON.parse(ok.headers.get("x-app-usage")!)).toHaveProperty("call_count");

    const plainLate = await post(`${PAGE}/messages`, message(day.message.fromId, { messaging_type: "RESPONSE" }));
    expect(plainLate.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
    const tagged = await post(`${PAGE}/messages`, message(day.message.fromId, { messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" }));
    expect(tagged.status).toBe(200);
    const retired = await post(`${PAGE}/messages`, message(day.message.fromId, { messaging_type: "MESSAGE_TAG", tag: "ACCOUNT_UPDATE" }));
    expect(retired.body.error).toMatchObject({ code: 100 });
    const tooLate = await post(`${PAGE}/messages`, message(old.message.fromId, { messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" }));
    expect(tooLate.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
    const nobody = await post(`${PAGE}/messages`, message("123", { messaging_type: "RESPONSE" }));
    expect(nobody.body.error).toMatchObject({ code: 100, error_subcode: 2018001 });

    // Exactly what reached the network, once each.
    const sent = (await client.listFacebookMessages()).filter((m) => m.fromApp);
    expect(sent.map((m) => m.toId).sort()).toEqual([fresh.message.fromId, day.message.fromId].sort());
  });

  it("replies to a comment in public, and privately once", async () => {
    const client = await boot();
    const p = await client.postPagePost({ text: "Nouveautés" });
    const c = await client.postCustomerComment({ authorName: "Zoé", text: "Le prix ?", objectId: p.id });
    const reply = await post(`${c.id}/comments`, { message: "10 €" });
    expect(reply.status).toBe(200);
    expect((await client.listFacebookComments()).find((x) => x.id === reply.body.id)).toMatchObject({ parentId: c.id, fromApp: true });
    const first = await post(`${PAGE}/messages`, {
      recipient: { comment_id: c.id },
      message: { text: "En privé" },
      messaging_type: "RESPONSE",
    });
    expect(first.body.recipient_id).toBe(c.comment.fromId);
    const second = await post(`${PAGE}/messages`, {
      recipient: { comment_id: c.id },
      message: { text: "Encore" },
      messaging_type: "RESPONSE",
    });
    expect(second.body.error).toMatchObject({ code: 10900 });
  });
});
