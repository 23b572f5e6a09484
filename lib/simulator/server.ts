import http, { type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleControl } from "./control";
import { handleFacebook } from "./facebook-api";
import { FacebookMeter, resolveFacebookLimits, type FacebookLimits } from "./facebook-limits";
import { sendJson, xProblems } from "./http";
import { FaultQueue, RateLimiter, resolveRateLimits, type RateLimitOverrides } from "./limits";
import { SimStore } from "./state";
import { startSmtpListener, type RunningSmtp } from "./smtp";
import { TrafficGenerator } from "./traffic";
import { handleX } from "./x-api";

export interface SimulatorOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  /** Loopback by default: the simulator accepts the well-known demo credentials. */
  host?: string;
  /** JSON file the state is saved to and reloaded from; in-memory only when absent. */
  stateFile?: string;
  /** Per-bucket overrides of X's real limits, e.g. `{ search: { limit: 3 } }` to reach a 429 quickly. */
  rateLimits?: RateLimitOverrides;
  /** Overrides of Facebook's limits, e.g. `{ appCallsPerHour: 3 }` to reach a throttle quickly. */
  facebookLimits?: Partial<FacebookLimits>;
  /** Refuse replies to posts that do not engage the account, as X does for self-serve apps (default true). */
  enforceReplyPolicy?: boolean;
  /** The SMTP listener's port (0 = a free one); none when absent. */
  smtpPort?: number;
}

export interface RunningSimulator {
  url: string;
  port: number;
  /** The SMTP listener's port, when it runs. */
  smtpPort: number | null;
  close(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = opts.host ?? "127.0.0.1";
  const store = await SimStore.open(opts.stateFile);
  const limiter = new RateLimiter(resolveRateLimits(opts.rateLimits));
  const facebookMeter = new FacebookMeter(resolveFacebookLimits(opts.facebookLimits));
  const faults = new FaultQueue();
  const traffic = new TrafficGenerator(store);
  const held = new Set<ServerResponse>();
  const hold = (res: ServerResponse) => {
    held.add(res);
    res.on("close", () => held.delete(res));
  };
  const xCtx = { store, limiter, faults, hold, enforceReplyPolicy: opts.enforceReplyPolicy ?? true };
  const facebookCtx = { store, meter: facebookMeter, faults, hold };
  const controlCtx = { store, limiter, faults, traffic, facebookMeter };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? host}`);
    (async () => {
      if (await handleControl(controlCtx, req, res, url)) return;
      if (await handleX(xCtx, req, res, url)) return;
      if (await handleFacebook(facebookCtx, req, res, url)) return;
      sendJson(res, 404, xProblems.notFound());
    })().catch((e: unknown) => {
      console.error("Network simulator: request failed:", e);
      if (!res.headersSent) sendJson(res, 500, xProblems.serverError(500));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let smtp: RunningSmtp | null = null;
  if (opts.smtpPort !== undefined) {
    try {
      smtp = await startSmtpListener(store, { port: opts.smtpPort, host });
    } catch (e) {
      server.close();
      throw e;
    }
  }
  const urlHost = host.includes(":") ? `[${host}]` : host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    smtpPort: smtp?.port ?? null,
    close() {
      closing ??= (async () => {
        traffic.stop();
        await smtp?.close();
        for (const res of held) res.destroy();
        held.clear();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await store.flush();
      })();
      return closing;
    },
  };
}
