import { isNetworkError, type NetworkAccount, type NetworkAdapter, type NetworkErrorKind, type NetworkErrorReason } from "./types";

// "Test connection" on a campaign's «Général» tab: one call that proves the credentials, with an
// answer precise enough for the page to say what to fix.

export type TestConnectionResult =
  | { ok: true; account: NetworkAccount }
  | {
      ok: false;
      kind: NetworkErrorKind;
      message: string;
      /** Finer cause when the network told it (e.g. token_expired vs token_invalid). */
      reason?: NetworkErrorReason;
      /** When a rate-limited account may be tried again. */
      retryAt?: Date;
      /** The network's own error text. */
      detail?: string;
    };

export interface TestConnectionOptions {
  /** Overall bound, on top of the adapter's own per-request timeout. */
  timeoutMs?: number;
}

class Deadline extends Error {}

export async function testConnection(
  adapter: Pick<NetworkAdapter, "verify">,
  options: TestConnectionOptions = {},
): Promise<TestConnectionResult> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Deadline(`No answer from the network within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const account = await Promise.race([adapter.verify(), deadline]);
    return { ok: true, account };
  } catch (e) {
    if (isNetworkError(e)) {
      return {
        ok: false,
        kind: e.kind,
        message: e.message,
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.retryAt ? { retryAt: e.retryAt } : {}),
        ...(e.detail ? { detail: e.detail } : {}),
      };
    }
    const message = e instanceof Error ? e.message : String(e);
    // Besides our own deadline, only a bug gets here without a NetworkError: shown as such.
    return { ok: false, kind: e instanceof Deadline ? "unreachable" : "server", message };
  } finally {
    clearTimeout(timer);
  }
}
