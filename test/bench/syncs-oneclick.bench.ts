/**
 * Round trips and request payload of a one-click ranking (read, analyse, build, write) against the
 * simulator, for 5, 50 and 500 units: the sync count must not grow with the size (DESIGN.md).
 */
import { performance } from "perf_hooks";
import { reportFigures } from "./harness";
import { adapterFor, layoutASim } from "../excel/fixtures";

async function main(): Promise<void> {
  for (const n of [5, 50, 500]) {
    const sim = layoutASim(n);
    const t0 = performance.now();
    await adapterFor(sim).oneClickRanking({ date: new Date(2025, 11, 20) });
    const ms = performance.now() - t0;
    const payload = sim.stats.requestBytes.reduce((a, b) => a + b, 0);
    const response = sim.stats.responseBytes.reduce((a, b) => a + b, 0);
    reportFigures(`syncs-oneclick-${n}`, {
      syncs: sim.stats.syncs,
      payload,
      max_request: Math.max(...sim.stats.requestBytes),
      response,
      sim_ms: ms.toFixed(0),
    });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
