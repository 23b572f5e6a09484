// Not a benchmark: the simulator of bench/mass-send.ts, in a process of its own (as `npm run simulator` runs it):
// its Send API limit is the bench's rate; the hourly and daily call budgets do not end the bench.
import { startSimulator } from "@/lib/simulator/server";

const rate = Number(process.argv[2]);
const sim = await startSimulator({
  port: 0,
  facebookLimits: { sendCallsPerSecond: rate, appCallsPerHour: 10_000_000, pageCallsPerDay: 10_000_000 },
});
process.stdout.write(`URL ${sim.url}\n`);
