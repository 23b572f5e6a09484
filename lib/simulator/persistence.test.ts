import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "./client";
import { startSimulator, type RunningSimulator } from "./server";

const dirs: string[] = [];
const running: RunningSimulator[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relais-sim-"));
  dirs.push(dir);
  return dir;
}

async function start(stateFile?: string) {
  const sim = await startSimulator({ port: 0, stateFile });
  running.push(sim);
  return { sim, control: createSimulatorClient(sim.url) };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("simulator persistence", () => {
  it("reloads tweets from the state file and keeps ids increasing across a restart", async () => {
    const stateFile = path.join(tempDir(), "nested", "simulator.json");
    const first = await start(stateFile);
    const a = await first.control.postCustomerTweet({ authorHandle: "alice", text: "avant redémarrage" });
    await first.sim.close();

    const saved = JSON.parse(fs.readFileSync(stateFile, "utf8"));
    expect(saved.tweets.map((t: { id: string }) => t.id)).toEqual([a.id]);
    expect(fs.readdirSync(path.dirname(stateFile)).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const second = await start(stateFile);
    const tweets = await second.control.listTweets();
    expect(tweets).toMatchObject([{ id: a.id, text: "avant redémarrage", authorHandle: "alice" }]);
    const b = await second.control.postCustomerTweet({ authorHandle: "alice", text: "après redémarrage" });
    expect(BigInt(b.id) > BigInt(a.id)).toBe(true);
    // The same customer keeps the same user id after the restart.
    expect(b.tweet.authorId).toBe(a.tweet.authorId);
  });

  it("reloads the Facebook page's conversations, comments and issued tokens", async () => {
    const stateFile = path.join(tempDir(), "simulator.json");
    const first = await start(stateFile);
    const msg = await first.control.postCustomerMessage({ authorName: "Camille Bernard", text: "avant" });
    const post = await first.control.postPagePost({ text: "Horaires" });
    const comment = await first.control.postCustomerComment({ objectId: post.id, authorName: "Hugo Petit", text: "Merci" });
    const { token } = await first.control.issueFacebookToken({ expiresInSeconds: -60 });
    await first.sim.close();

    const second = await start(stateFile);
    expect(await second.control.listFacebookMessages()).toMatchObject([{ id: msg.id, text: "avant", fromName: "Camille Bernard" }]);
    expect(await second.control.listFacebookComments()).toMatchObject([{ id: comment.id, postId: post.id }]);
    const expired = await fetch(`${second.sim.url}/v26.0/me?access_token=${token}`);
    expect((await expired.json()).error).toMatchObject({ code: 190, error_subcode: 463 });
    // The same customer keeps the same page-scoped id, so the conversation continues.
    const again = await second.control.postCustomerMessage({ authorName: "Camille Bernard", text: "après" });
    expect(again.message.conversationId).toBe(msg.message.conversationId);
  });

  it("keeps ids increasing even without a state file, because ids embed the time", async () => {
    const first = await start();
    const a = await first.control.postCustomerTweet({ authorHandle: "alice", text: "un" });
    await first.sim.close();
    const second = await start();
    const b = await second.control.postCustomerTweet({ authorHandle: "alice", text: "deux" });
    expect(BigInt(b.id) > BigInt(a.id)).toBe(true);
  });

  it("mints strictly increasing ids within the same millisecond", async () => {
    const { control } = await start();
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) => control.postCustomerTweet({ authorHandle: `u${i}`, text: `m${i}` })),
    );
    const sorted = ids.map((r) => BigInt(r.id)).sort((x, y) => (x < y ? -1 : 1));
    expect(new Set(sorted.map(String)).size).toBe(20);
  });
});
