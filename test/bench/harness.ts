/**
 * Benchmark harness: `npm run bench` runs every test/bench/*.bench.ts and each prints lines
 *   bench <name> median=<ms>ms [peer=<name> peer_median=<ms>ms ratio=<peer/ours>]
 * Medians, never means: the machine has 2 shared cores and the odd slow run is noise.
 */
import { performance } from "perf_hooks";
import { provideEngineFunctions } from "../../src/simulator/engine-functions";

// Benchmarks run outside jest: the simulated Excel gets THIDUA.* here, as the tests' setup gives them
// (lazily: a benchmark that makes no workbook loads no engine code).
provideEngineFunctions(
  () =>
    (
      require("../../src/functions/hyperformula") as typeof import("../../src/functions/hyperformula")
    ).THIDUA_ENGINE_FUNCTIONS
);

export function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Time `fn` `runs` times after `warmup` untimed runs; returns the median in ms. */
export async function timeMedian(
  fn: () => unknown | Promise<unknown>,
  runs = 15,
  warmup = 3
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function report(name: string, oursMs: number, peer?: { name: string; ms: number }): void {
  let line = `bench ${name} median=${oursMs.toFixed(2)}ms`;
  if (peer) {
    line += ` peer=${peer.name} peer_median=${peer.ms.toFixed(2)}ms ratio=${(peer.ms / oursMs).toFixed(1)}`;
  }
  console.log(line);
}

/** For figures that are not times (sync counts, payload bytes, bundle sizes). */
export function reportFigures(name: string, figures: Record<string, number | string>): void {
  const parts = Object.entries(figures).map(([k, v]) => `${k}=${v}`);
  console.log(`bench ${name} ${parts.join(" ")}`);
}
