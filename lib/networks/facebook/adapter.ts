import { NetworkError, type NetworkAccount, type NetworkAdapter } from "../types";
import { createGraphClient, type FacebookCredentials, type GraphClient } from "./client";
import { pollPage } from "./poll";
import { createFacebookSources } from "./sources";

export interface FacebookAdapterOptions {
  credentials: FacebookCredentials;
  /** Also read comments on the page's recent posts («vérification des nouveaux messages dans les publications»). */
  checkComments?: boolean;
  /** Pages of results followed per poll and per source (default 10). */
  maxPages?: number;
  /** How many of the page's latest posts have their comments checked (default 10). */
  recentPosts?: number;
  /** Per-request timeout; an unanswered request becomes an "unreachable" NetworkError. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createFacebookAdapter(options: FacebookAdapterOptions): NetworkAdapter & { graph: GraphClient } {
  const { credentials } = options;
  const graph = createGraphClient(credentials, { timeoutMs: options.timeoutMs, fetch: options.fetch });
  const pollOptions = {
    pageId: credentials.pageId,
    checkComments: options.checkComments ?? false,
    maxPages: Math.max(1, options.maxPages ?? 10),
    recentPosts: Math.min(100, Math.max(1, options.recentPosts ?? 10)),
  };

  const read = createFacebookSources(graph, pollOptions);

  return {
    kind: "facebook",
    graph,
    sources: read.sources,
    fetchSource: read.fetchSource,

    fetchNew: (cursor) => pollPage(graph, cursor, pollOptions),

    async reply() {
      // The Send API and comment replies come with the Facebook campaigns' reply work.
      throw new NetworkError("server", "Facebook replies are not implemented yet");
    },

    /** Reads the campaign's page with its token: proves the token, the app secret and the page id together. */
    async verify(): Promise<NetworkAccount> {
      const res = await graph.get<{ id: string; name: string }>(
        encodeURIComponent(credentials.pageId),
        { fields: "id,name" },
        "account check",
      );
      return { id: res.data.id, handle: res.data.id, name: res.data.name };
    },
  };
}
