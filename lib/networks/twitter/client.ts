import http from "node:http";
import { TwitterApi, type ITwitterApiClientPlugin } from "twitter-api-v2";

export const X_API_BASE_URL = "https://api.x.com";

export interface TwitterCredentials {
  /** "https://api.x.com" in production, the simulator's URL in demo/training/tests. */
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  accessToken: string;
  accessSecret: string;
  bearerToken: string;
}

export interface TwitterClients {
  /** App-only (Bearer) client: search and mentions, billed to the app's limits. */
  app: TwitterApi;
  /** OAuth 1.0a user-context client: posting, DMs, users/me. */
  user: TwitterApi;
}

// twitter-api-v2 hard-codes these prefixes and has no base-URL option (cloneWithPrefix is broken).
const BUILT_IN_ORIGINS = ["https://api.x.com/", "https://api.twitter.com/"];

// Keep-alive is off on purpose: a poller talks to the network every few seconds at most, and a
// pooled socket left over from a restarted simulator would fail the next call with ECONNRESET.
const plainHttpAgent = new http.Agent({ keepAlive: false });

function normalizeBase(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`Unsupported X API base URL protocol: ${url.protocol}`);
  }
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${path}`;
}

/** A plugin that sends every request to `baseUrl` instead of api.x.com. */
export function baseUrlPlugin(baseUrl: string): ITwitterApiClientPlugin {
  const base = normalizeBase(baseUrl);
  return {
    onBeforeRequestConfig({ params }) {
      // Rewriting params.url (not the URL object handed to the hook) is what the request maker
      // reads next, and the OAuth 1.0a signature is then computed on the rewritten URL, which is
      // exactly the URL the server sees.
      for (const origin of BUILT_IN_ORIGINS) {
        if (params.url.startsWith(origin)) {
          params.url = base + params.url.slice(origin.length);
          return;
        }
      }
    },
  };
}

function settingsFor(baseUrl: string) {
  const base = normalizeBase(baseUrl);
  if (BUILT_IN_ORIGINS.includes(base) || base === `${X_API_BASE_URL}/`) return undefined;
  const plain = base.startsWith("http:");
  // The library always calls https.request; Node accepts an http: URL there only when the agent
  // is an http.Agent, hence the agent swap for a plain-http base.
  return { plugins: [baseUrlPlugin(base)], ...(plain ? { httpAgent: plainHttpAgent } : {}) };
}

export function createTwitterClients(credentials: TwitterCredentials): TwitterClients {
  const settings = settingsFor(credentials.baseUrl || X_API_BASE_URL);
  const app = new TwitterApi(credentials.bearerToken, settings);
  const user = new TwitterApi(
    {
      appKey: credentials.apiKey,
      appSecret: credentials.apiSecret,
      accessToken: credentials.accessToken,
      accessSecret: credentials.accessSecret,
    },
    settings,
  );
  return { app, user };
}
