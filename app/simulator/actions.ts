"use server";

import { defineAction, ActionError } from "@/lib/auth/action";
import { simulatorUrl } from "@/lib/config/env";
import { customerTweetSchema } from "@/lib/simulator/post.schema";
import { postCustomerTweet, SimulatorClientError } from "@/lib/simulator/client";

export const postCustomerTweetAction = defineAction("simulator.use", customerTweetSchema, async (input) => {
  try {
    const { id } = await postCustomerTweet(simulatorUrl(), {
      authorHandle: input.authorHandle,
      authorName: input.authorName || input.authorHandle,
      text: input.text,
    });
    return { id };
  } catch (err) {
    if (err instanceof SimulatorClientError)
      throw new ActionError(err.status === 0 ? "simulator.errors.unreachable" : "simulator.errors.refused");
    throw err;
  }
});
