import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "./client";
import { DEMO_FACEBOOK_CREDENTIALS, DEMO_FACEBOOK_PAGE } from "./demo";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "./server";

let sim: RunningSimulator;
const TOKEN = DEMO_FACEBOOK_CREDENTIALS.pageAccessToken;
const PAGE = DEMO_FACEBOOK_PAGE.id;

async function boot(opts: SimulatorOptions = {}) {
  sim = await startSimulator({ port: 0, ...opts });
  return createSimulatorClient(sim.url);
}

afterEach(async () => {
  await sim?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Graph bodies, probed field by field
type Body = Record<string, any>;

async function graph(path: string, params: Record<string, string> = {}): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${sim.url}/v26.0/${path}?${new URLSearchParams({ access_token: TOKEN, ...params })}`);
  return { status: res.status, body: (await res.json()) as Body };
}

/** Follows `next` links as a client must: until there is none, whatever the page sizes. */
async function drain(path: string, params: Record<string, string>) {
  const pages: Body[] = [];
  let url: string | undefined = `${sim.url}/v26.0/${path}?${new URLSearchParams({ access_token: TOKEN, ...params })}`;
  while (url) {
    const body = (await (await fetch(url)).json()) as Body;
    pages.push(body);
    url = body.paging?.next;
  }
  return pages;
}

describe("GET /{page-id}/conversations", () => {
  it("lists Messenger threads most recent first with their messages newest first", async () => {
    const control = await boot();
    await control.postCustomerMessage({ authorName: "Camille Bernard", text: "Bonjour, ma commande ?" });
    await control.postCustomerMessage({ authorName: "Hugo Petit", text: "Mon colis est abîmé" });
    const again = await control.postCustomerMessage({ authorName: "Camille Bernard", text: "Vous êtes là ?" });

    const plain = await graph(`${PAGE}/conversations`, { platform: "messenger" });
    expect(plain.status).toBe(200);
    expect(plain.body.data).toHaveLength(2);
    expect(Object.keys(plain.body.data[0]).sort()).toEqual(["id", "updated_time"]);
    expect(plain.body.data[0].updated_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);

    const res = await graph(`${PAGE}/conversations`, {
      platform: "messenger",
      fields: "id,updated_time,messages{id,message,from,created_time}",
    });
    const [first, second] = res.body.data;
    expect(first.id).toBe(again.message.conversationId);
    expect(first.messages.data.map((m: Body) => m.message)).toEqual(["Vous êtes là ?", "Bonjour, ma commande ?"]);
    expect(first.messages.data[0].from).toEqual({
      name: "Camille Bernard",
      email: `${again.message.fromId}@facebook.com`,
      id: again.message.fromId,
    });
    expect(second.messages.data.map((m: Body) => m.message)).toEqual(["Mon colis est abîmé"]);
  });

  it("shows only the 20 most recent messages of a thread", async () => {
    const control = await boot();
    for (let i = 1; i <= 23; i++) await control.postCustomerMessage({ authorName: "Léa Moreau", text: `message ${i}` });
    const res = await graph(`${PAGE}/conversations`, { fields: "messages.limit(50){message}" });
    const texts = res.body.data[0].messages.data.map((m: Body) => m.message);
    expect(texts).toHaveLength(20);
    expect(texts[0]).toBe("message 23");
    expect(texts[19]).toBe("message 4");
  });

  it("allows 2 calls per second per page, then answers 613", async () => {
    await boot();
    expect((await graph(`${PAGE}/conversations`)).status).toBe(200);
    expect((await graph(`${PAGE}/conversations`)).status).toBe(200);
    const third = await graph(`${PAGE}/conversations`);
    expect(third.body.error).toMatchObject({ code: 613 });
  });

  it("refuses another page's inbox and unknown fields", async () => {
    await boot({ facebookLimits: { conversationCallsPerSecond: 100 } });
    expect((await graph("777/conversations")).body.error).toMatchObject({ code: 100, error_subcode: 33 });
    expect((await graph(`${PAGE}/conversations`, { fields: "id,mood" })).body.error.message).toBe(
      "(#100) Tried accessing nonexisting field (mood) on node type (Conversation)",
    );
    expect((await graph(`${PAGE}/conversations`, { platform: "telegram" })).body.error.code).toBe(100);
  });
});

describe("GET /{page-id}/feed and /{post-id}/comments", () => {
  it("pages comments with windows that can be short or empty and still have next", async () => {
    const control = await boot();
    const post = await control.postPagePost({ text: "Nos horaires changent" });
    const ids: string[] = [];
    for (let i = 1; i <= 7; i++)
      ids.push((await control.postCustomerComment({ objectId: post.id, authorName: `Client ${i}`, text: `avis ${i}` })).id);
    // Deleted comments still take their slot in a window: page 1 comes back short, page 2 empty.
    for (const i of [1, 3, 4, 5]) await control.deleteCustomerComment(ids[i]);

    const pages = await drain(`${post.id}/comments`, { limit: "3", fields: "id,message,from,created_time" });
    expect(pages.map((p) => p.data.length)).toEqual([2, 0, 1]);
    expect(pages[1].paging.next).toBeDefined();
    expect(pages.flatMap((p) => p.data.map((c: Body) => c.message))).toEqual(["avis 1", "avis 3", "avis 7"]);
    expect(pages[0].data[0].from).toEqual({ name: "Client 1", id: expect.any(String) });
    expect(pages.at(-1)!.paging.next).toBeUndefined();

    // A full last window still has `next`, which leads to an empty page without one.
    const exact = await drain(`${post.id}/comments`, { limit: "7" });
    expect(exact.map((p) => p.data.length)).toEqual([3, 0]);
    expect(exact[1]).toEqual({ data: [] });
  });

  it("lists the feed newest first, with replies under their comment", async () => {
    const control = await boot();
    const older = await control.postPagePost({ text: "Premier post" });
    const newer = await control.postPagePost({ text: "Second post" });
    const top = await control.postCustomerComment({ objectId: older.id, authorName: "Inès Dubois", text: "Super" });
    await control.postCustomerComment({ objectId: top.id, authorName: "Lucas Martin", text: "D'accord" });

    const feed = await graph(`${PAGE}/feed`, { fields: "id,message,created_time,comments{message,comment_count}" });
    expect(feed.body.data.map((p: Body) => p.id)).toEqual([newer.id, older.id]);
    expect(feed.body.data[1].comments.data).toEqual([{ message: "Super", comment_count: 1 }]);

    expect((await graph(`${older.id}/comments`)).body.data.map((c: Body) => c.message)).toEqual(["Super"]);
    const stream = await graph(`${older.id}/comments`, { filter: "stream", order: "reverse_chronological", fields: "message,parent" });
    expect(stream.body.data.map((c: Body) => c.message)).toEqual(["D'accord", "Super"]);
    expect(stream.body.data[0].parent).toMatchObject({ id: top.id, message: "Super" });
    expect((await graph(`${top.id}/comments`)).body.data.map((c: Body) => c.message)).toEqual(["D'accord"]);
  });

  it("forgets posts, comments and conversations on reset, keeping the demo page and token", async () => {
    const control = await boot();
    await control.postCustomerMessage({ authorName: "Camille Bernard", text: "Bonjour" });
    await control.postPagePost({ text: "Bonjour" });
    await control.reset();
    expect((await graph(`${PAGE}/conversations`)).body).toEqual({ data: [] });
    expect((await graph(`${PAGE}/feed`)).body).toEqual({ data: [] });
    expect((await graph("me")).body).toEqual({ id: PAGE, name: "Relais Demo" });
  });

  it("refuses a bad cursor and a post of another page", async () => {
    const control = await boot();
    const post = await control.postPagePost({ text: "Bonjour" });
    expect((await graph(`${post.id}/comments`, { after: "bm9wZQ==" })).body.error.code).toBe(100);
    expect((await graph("123_456/comments")).body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});
