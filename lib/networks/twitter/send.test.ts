import { afterEach, describe, expect, it } from "vitest";
import { createSimulatorClient } from "@/lib/simulator/client";
import { DEMO_TWITTER_CREDENTIALS } from "@/lib/simulator/demo";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { isNetworkError } from "../types";
import { createTwitterSender } from "./send";

let sim: RunningSimulator;
afterEach(async () => {
  await sim?.close();
});

describe("X's send side against the simulator", () => {
  it("sends a DM (201 with the event id), reads it back, and gets 403 duplicate for a repeated reply", async () => {
    sim = await startSimulator({ port: 0, enforceReplyPolicy: true });
    const client = createSimulatorClient(sim.url);
    const sender = createTwitterSender({ ...DEMO_TWITTER_CREDENTIALS, baseUrl: sim.url });
    const tweet = await client.postCustomerTweet({ authorHandle: "sam", text: "@relais_demo bonjour" });
    const since = new Date();

    const dm = await sender.send({ kind: "x_dm", text: "Bonjour Sam", participantId: tweet.tweet.authorId });
    expect(dm.externalId).toMatch(/^\d+$/);
    expect(await sender.findSent({ kind: "x_dm", text: "Bonjour Sam", participantId: tweet.tweet.authorId }, since)).toBe(dm.externalId);
    expect(await sender.findSent({ kind: "x_dm", text: "Autre", participantId: tweet.tweet.authorId }, since)).toBeNull();
    expect(await client.listDms()).toMatchObject([{ text: "Bonjour Sam", recipientHandle: "sam", fromApp: true }]);

    const reply = await sender.send({ kind: "x_reply", text: "Merci !", inReplyToId: tweet.id });
    expect(await sender.findSent({ kind: "x_reply", text: "Merci !", inReplyToId: tweet.id }, since)).toBe(reply.externalId);
    const again = await sender.send({ kind: "x_reply", text: "Merci !", inReplyToId: tweet.id }).catch((e: unknown) => e);
    expect(isNetworkError(again) && again.kind).toBe("duplicate");

    // X's 2026 rule: a post that does not engage the account gets no public reply.
    const stranger = await client.postCustomerTweet({ authorHandle: "lou", text: "relais tout court" });
    const refused = await sender.send({ kind: "x_reply", text: "Bonjour Lou", inReplyToId: stranger.id }).catch((e: unknown) => e);
    expect(isNetworkError(refused) && refused.kind).toBe("forbidden");
  });
});
