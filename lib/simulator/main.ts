// CLI entry: `npm run simulator` (tsx lib/simulator/main.ts). Runs the network simulator on its
// own, with its state kept next to the rest of Relais' local data.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { startSimulator } from "./server";
import { simulatorSmtpPort } from "../config/env";

async function main(): Promise<void> {
  const rawPort = process.env.SIMULATOR_PORT ?? "4455";
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`SIMULATOR_PORT must be a port number, got "${rawPort}"`);
  }
  const dataDir = path.resolve(process.env.RELAIS_DATA_DIR || "./.relais");
  mkdirSync(dataDir, { recursive: true });
  // X's 2026 rule (public replies only to posts that mention the account) is on unless
  // SIMULATOR_REPLY_POLICY=open, which the embedded demo uses so keyword hits can be answered.
  const enforceReplyPolicy = process.env.SIMULATOR_REPLY_POLICY !== "open";
  const smtpPort = simulatorSmtpPort();
  const sim = await startSimulator({
    port,
    host: "127.0.0.1",
    stateFile: path.join(dataDir, "simulator.json"),
    enforceReplyPolicy,
    smtpPort,
  });
  console.log(
    `Network simulator listening on ${sim.url} (reply policy: ${enforceReplyPolicy ? "X 2026, mentions only" : "open"}), SMTP on 127.0.0.1:${sim.smtpPort}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Network simulator: ${signal} received, saving state and stopping`);
    sim.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error("Network simulator: could not stop cleanly:", e);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error("Network simulator failed to start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
