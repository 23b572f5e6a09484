import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CATCH_UP_MS, dropPacer, HEADROOM, Pacer, pacerFor, SLOW_FROM, THROTTLE_PAUSE_MS } from "./pacer";

// The pacer decides when each Send API call of a mass message goes. The network refuses a page
// that makes more calls in a second than its rate (the simulator and Meta count the last second),
// so what matters is the spacing of the calls: measured here on a fake clock.

/** Starts `n` calls at once and records when each one was let through. */
async function run(pacer: Pacer, n: number, clock: () => number, ms: number): Promise<number[]> {
  const times: number[] = [];
  const calls = Array.from({ length: n }, () => pacer.slot().then(() => times.push(clock())));
  await vi.advanceTimersByTimeAsync(ms);
  await Promise.all(calls);
  return times;
}

/** The most calls that any one-second window holds. */
function busiestSecond(times: number[]): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe("mass message pacer", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it("spaces the calls evenly a little under the page's rate from the first call, with no burst", async () => {
    const pacer = new Pacer(100);
    const times = await run(pacer, 250, Date.now, 3_000);
    expect(times).toHaveLength(250);
    // The first tenth of a second holds ten calls, not a second's worth sent at once.
    expect(times.filter((t) => t - times[0] < 100).length).toBeLessThanOrEqual(10);
    expect(busiestSecond(times)).toBeLessThanOrEqual(Math.floor(100 * HEADROOM));
    // And the rate is used: 250 calls take 250 / 97 s, give or take a call.
    const span = (times.at(-1)! - times[0]) / 1000;
    expect(span).toBeGreaterThan(249 / (100 * HEADROOM) - 0.02);
    expect(span).toBeLessThan(250 / (100 * HEADROOM));
  });

  it("makes up a short delay of the event loop, but turns a long stall into lost time, not a burst", async () => {
    let stalled = 0;
    const clock = () => Date.now() + stalled;
    const pacer = new Pacer(100, clock);
    const before = await run(pacer, 50, clock, 1_000);
    // The process was busy for half a second (PGlite's work runs in the event loop): no timer ran.
    stalled = 500;
    const after = await run(pacer, 50, clock, 1_000);
    const resumedAt = after[0];
    const atOnce = after.filter((t) => t === resumedAt).length;
    expect(atOnce).toBeGreaterThan(1); // part of the delay is made up…
    expect(atOnce).toBeLessThanOrEqual(Math.ceil((CATCH_UP_MS * 100 * HEADROOM) / 1000) + 1); // …a tenth of a second of it
    expect(busiestSecond([...before, ...after])).toBeLessThanOrEqual(Math.floor(100 * HEADROOM));
  });

  it("slows down as the usage headers climb past 80 % and speeds up again when they fall", () => {
    const pacer = new Pacer(200);
    expect(pacer.current()).toBeCloseTo(200 * HEADROOM);
    pacer.usage(SLOW_FROM - 1);
    expect(pacer.current()).toBeCloseTo(200 * HEADROOM, 0);
    pacer.usage(90);
    expect(pacer.current()).toBeCloseTo(200 * HEADROOM * 0.5, 0);
    pacer.usage(99);
    expect(pacer.current()).toBeLessThan(200 * 0.06);
    pacer.usage(40);
    expect(pacer.current()).toBeCloseTo(200 * HEADROOM, 0);
  });

  it("after a per-second throttle pauses a fifth of a second and lowers the rate once per second", async () => {
    const pacer = new Pacer(100);
    const full = pacer.current();
    pacer.throttled(true);
    pacer.throttled(true); // the same second's other refused calls do not lower it again
    expect(pacer.current()).toBeCloseTo(full * 0.97);
    const t0 = Date.now();
    const [first] = await run(pacer, 1, Date.now, 1_000);
    expect(first - t0).toBe(THROTTLE_PAUSE_MS);
    vi.advanceTimersByTime(1_001);
    pacer.throttled(true);
    expect(pacer.current()).toBeCloseTo(full * 0.97 * 0.97);
  });

  it("keeps one pace per delivery from one slice to the next", async () => {
    const first = pacerFor(41, 100);
    const times = await run(first, 20, Date.now, 500);
    // The next slice starts as soon as the last ended: same pacer, so the same schedule goes on.
    const next = pacerFor(41, 100);
    expect(next).toBe(first);
    const more = await run(next, 20, Date.now, 500);
    expect(busiestSecond([...times, ...more])).toBeLessThanOrEqual(Math.floor(100 * HEADROOM));
    expect(more[0] - times.at(-1)!).toBeGreaterThanOrEqual(Math.floor(1000 / (100 * HEADROOM)));
    // A rate changed by the administrator, or a delivery that ended, starts afresh.
    expect(pacerFor(41, 50)).not.toBe(first);
    const current = pacerFor(41, 50);
    dropPacer(41);
    expect(pacerFor(41, 50)).not.toBe(current);
    dropPacer(41);
  });
});
