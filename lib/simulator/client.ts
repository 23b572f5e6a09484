// Typed client for the simulator's /_sim/ control API, used server-side by Relais' /simulator
// page and by tests. It never talks to the X API routes: the real adapters do that.
import type { SimDmView, SimTweetView } from "./control";
import type { SimMail } from "./state";
import type { SimFbCommentView, SimFbMessageView } from "./facebook-control";
import type { FbPost } from "./facebook-state";
import type { FaultEndpoint, FaultStatus, PendingFault } from "./limits";
import type { TrafficRequest, TrafficRun } from "./traffic";

export type {
  SimDmView,
  SimMail,
  SimTweetView,
  SimFbCommentView,
  SimFbMessageView,
  FbPost,
  FaultEndpoint,
  FaultStatus,
  PendingFault,
  TrafficRequest,
  TrafficRun,
};

export interface CustomerTweetInput {
  authorHandle: string;
  authorName?: string;
  text: string;
  lang?: string;
  inReplyToId?: string;
  followers?: number;
}

/** A customer writing a DM to an app's account (the demo account unless toHandle is given). */
export interface CustomerDmInput {
  authorHandle: string;
  authorName?: string;
  text: string;
  toHandle?: string;
}

/** A customer writing to a page on Messenger (the demo page unless pageId is given). */
export interface CustomerMessengerInput {
  authorName: string;
  text: string;
  pageId?: string;
  /** Backdates the message this many hours (outside Messenger's 24-hour or 7-day window). */
  ageHours?: number;
}

/** A customer commenting on a page post, or replying to a comment (objectId = that comment). */
export interface CustomerCommentInput {
  authorName: string;
  text: string;
  objectId: string;
}

export interface IssuedFacebookToken {
  token: string;
  pageId: string;
  appId: string;
  expiresAt: string | null;
}

export class SimulatorClientError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "SimulatorClientError";
  }
}

export interface SimulatorClientOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

async function call<T>(baseUrl: string, method: string, path: string, body: unknown, opts: SimulatorClientOptions): Promise<T> {
  const doFetch = opts.fetch ?? fetch;
  const url = new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  let res: Response;
  try {
    res = await doFetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5_000),
      cache: "no-store",
    });
  } catch (e) {
    throw new SimulatorClientError(`Network simulator unreachable at ${baseUrl}: ${(e as Error).message}`, 0);
  }
  const text = await res.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const error = (data as { error?: string } | undefined)?.error ?? `HTTP ${res.status}`;
    throw new SimulatorClientError(`Network simulator: ${error}`, res.status);
  }
  return data as T;
}

export function createSimulatorClient(baseUrl: string, opts: SimulatorClientOptions = {}) {
  return {
    health: () => call<{ ok: boolean }>(baseUrl, "GET", "_sim/health", undefined, opts),
    postCustomerTweet: (input: CustomerTweetInput) =>
      call<{ id: string; tweet: SimTweetView }>(baseUrl, "POST", "_sim/twitter/tweets", input, opts),
    listTweets: async (limit?: number) =>
      (await call<{ tweets: SimTweetView[] }>(baseUrl, "GET", `_sim/twitter/tweets${limit ? `?limit=${limit}` : ""}`, undefined, opts))
        .tweets,
    postCustomerTweets: (tweets: CustomerTweetInput[]) =>
      call<{ ids: string[] }>(baseUrl, "POST", "_sim/twitter/tweets/bulk", { tweets }, opts),
    postCustomerDm: (input: CustomerDmInput) => call<{ id: string; dm: SimDmView }>(baseUrl, "POST", "_sim/twitter/dms", input, opts),
    listDms: async (limit?: number) =>
      (await call<{ dms: SimDmView[] }>(baseUrl, "GET", `_sim/twitter/dms${limit ? `?limit=${limit}` : ""}`, undefined, opts)).dms,
    listReplies: async (limit?: number) =>
      (await call<{ replies: SimTweetView[] }>(baseUrl, "GET", `_sim/twitter/replies${limit ? `?limit=${limit}` : ""}`, undefined, opts))
        .replies,
    listMails: async (limit?: number) =>
      (await call<{ mails: SimMail[] }>(baseUrl, "GET", `_sim/mails${limit ? `?limit=${limit}` : ""}`, undefined, opts)).mails,
    createFacebookPage: (name: string) =>
      call<{ pageId: string; name: string; token: string; appId: string }>(baseUrl, "POST", "_sim/facebook/pages", { name }, opts),
    injectFault: async (fault: { endpoint: FaultEndpoint; status: FaultStatus; count?: number }) =>
      (await call<{ faults: PendingFault[] }>(baseUrl, "POST", "_sim/faults", fault, opts)).faults,
    listFaults: async () => (await call<{ faults: PendingFault[] }>(baseUrl, "GET", "_sim/faults", undefined, opts)).faults,
    clearFaults: () => call<{ ok: boolean }>(baseUrl, "DELETE", "_sim/faults", undefined, opts),
    postCustomerMessage: (input: CustomerMessengerInput) =>
      call<{ id: string; message: SimFbMessageView }>(baseUrl, "POST", "_sim/facebook/messages", input, opts),
    listFacebookMessages: async (limit?: number) =>
      (
        await call<{ messages: SimFbMessageView[] }>(
          baseUrl,
          "GET",
          `_sim/facebook/messages${limit ? `?limit=${limit}` : ""}`,
          undefined,
          opts,
        )
      ).messages,
    postCustomerMessages: (input: {
      count: number;
      namePrefix: string;
      text: string;
      pageId?: string;
      ageHours?: number;
      start?: number;
    }) =>
      call<{ people: { id: string; name: string; createdAt: string }[] }>(baseUrl, "POST", "_sim/facebook/messages/bulk", input, {
        timeoutMs: 120_000,
        ...opts,
      }),
    /** What the app sent with a metadata marker starting with `prefix`, per marker and per recipient. */
    sentWithMetadata: (prefix: string) =>
      call<{ total: number; byMetadata: Record<string, number>; byRecipient: Record<string, number> }>(
        baseUrl,
        "GET",
        `_sim/facebook/sent?metadataPrefix=${encodeURIComponent(prefix)}`,
        undefined,
        { timeoutMs: 60_000, ...opts },
      ),
    postPagePost: (input: { text: string; pageId?: string }) =>
      call<{ id: string; post: FbPost }>(baseUrl, "POST", "_sim/facebook/posts", input, opts),
    listPagePosts: async (limit?: number) =>
      (await call<{ posts: FbPost[] }>(baseUrl, "GET", `_sim/facebook/posts${limit ? `?limit=${limit}` : ""}`, undefined, opts)).posts,
    postCustomerComment: (input: CustomerCommentInput) =>
      call<{ id: string; comment: SimFbCommentView }>(baseUrl, "POST", "_sim/facebook/comments", input, opts),
    listFacebookComments: async (limit?: number) =>
      (
        await call<{ comments: SimFbCommentView[] }>(
          baseUrl,
          "GET",
          `_sim/facebook/comments${limit ? `?limit=${limit}` : ""}`,
          undefined,
          opts,
        )
      ).comments,
    deleteCustomerComment: (id: string) =>
      call<{ comment: SimFbCommentView }>(baseUrl, "DELETE", `_sim/facebook/comments/${encodeURIComponent(id)}`, undefined, opts),
    issueFacebookToken: (input: { pageId?: string; expiresInSeconds?: number } = {}) =>
      call<IssuedFacebookToken>(baseUrl, "POST", "_sim/facebook/tokens", input, opts),
    startTraffic: (req: TrafficRequest) => call<TrafficRun>(baseUrl, "POST", "_sim/twitter/traffic", req, opts),
    listTraffic: async () => (await call<{ runs: TrafficRun[] }>(baseUrl, "GET", "_sim/twitter/traffic", undefined, opts)).runs,
    stopTraffic: () => call<{ ok: boolean }>(baseUrl, "DELETE", "_sim/twitter/traffic", undefined, opts),
    reset: () => call<{ ok: boolean }>(baseUrl, "POST", "_sim/reset", undefined, opts),
  };
}

export type SimulatorClient = ReturnType<typeof createSimulatorClient>;

// Free-function forms, for callers that hold only the base URL.
export const postCustomerTweet = (baseUrl: string, input: CustomerTweetInput) => createSimulatorClient(baseUrl).postCustomerTweet(input);
export const listTweets = (baseUrl: string) => createSimulatorClient(baseUrl).listTweets();
export const listReplies = (baseUrl: string) => createSimulatorClient(baseUrl).listReplies();
export const injectFault = (baseUrl: string, fault: { endpoint: FaultEndpoint; status: FaultStatus; count?: number }) =>
  createSimulatorClient(baseUrl).injectFault(fault);
export const reset = (baseUrl: string) => createSimulatorClient(baseUrl).reset();
