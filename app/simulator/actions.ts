"use server";

import { defineAction, ActionError } from "@/lib/auth/action";
import { simulatorUrl } from "@/lib/config/env";
import { customerMessageSchema, customerTweetSchema, NEW_POST } from "@/lib/simulator/post.schema";
import { createSimulatorClient, postCustomerTweet, SimulatorClientError } from "@/lib/simulator/client";
import { DEMO_ACCOUNT } from "@/lib/simulator/demo";

function simulatorError(err: unknown): never {
  if (err instanceof SimulatorClientError)
    throw new ActionError(err.status === 0 ? "simulator.errors.unreachable" : "simulator.errors.refused");
  throw err;
}

export const postCustomerTweetAction = defineAction("simulator.use", customerTweetSchema, async (input) => {
  try {
    const { id } = await postCustomerTweet(simulatorUrl(), {
      authorHandle: input.authorHandle,
      authorName: input.authorName || input.authorHandle,
      text: input.text,
    });
    return { id };
  } catch (err) {
    simulatorError(err);
  }
});

/** Posts as a customer: a tweet, a mention of the demo account, a DM to it, a Messenger message or a comment on a page post. */
export const postCustomerMessageAction = defineAction("simulator.use", customerMessageSchema, async (input) => {
  const sim = createSimulatorClient(simulatorUrl());
  const name = input.authorName || input.authorHandle;
  try {
    switch (input.kind) {
      case "tweet":
        return { id: (await sim.postCustomerTweet({ authorHandle: input.authorHandle, authorName: name, text: input.text })).id };
      case "mention": {
        const mention = `@${DEMO_ACCOUNT.handle}`;
        const text = input.text.toLowerCase().includes(mention) ? input.text : `${mention} ${input.text}`;
        if ([...text].length > 280) throw new ActionError("simulator.errors.textTooLong");
        return { id: (await sim.postCustomerTweet({ authorHandle: input.authorHandle, authorName: name, text })).id };
      }
      case "dm":
        return { id: (await sim.postCustomerDm({ authorHandle: input.authorHandle, authorName: name, text: input.text })).id };
      case "messenger":
        return { id: (await sim.postCustomerMessage({ authorName: input.authorName, text: input.text })).id };
      case "comment": {
        const postId = input.postId === NEW_POST ? (await sim.postPagePost({ text: input.postText })).id : input.postId;
        return { id: (await sim.postCustomerComment({ authorName: input.authorName, text: input.text, objectId: postId })).id };
      }
    }
  } catch (err) {
    simulatorError(err);
  }
});
