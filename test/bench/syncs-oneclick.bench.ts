/**
 * Round trips and request payload of a one-click ranking (read, analyse, build, write) against the
 * simulator, for 5, 50 and 500 units: the sync count must not grow with the size (DESIGN.md).
 */
import { performance } from "perf_hooks";
import { reportFigures } from "./harness";
import { adapterFor, layoutASim } from "../excel/fixtures";
import { createExcelService } from "../../src/taskpane/excel-service";

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

/**
 * The same ranking when the sheet is too large for one response (Excel on the web refuses answers
 * above 5 MB): the limit lowered to 150 kB so the 500-unit sheet (~590 kB) plays a 20 MB one. One
 * refused read, then the sheet's size, then blocks of rows under the budget.
 */
async function blocks(): Promise<void> {
  const sim = layoutASim(500);
  sim.payloadLimitBytes = 150_000;
  sim.resetStats();
  const t0 = performance.now();
  await adapterFor(sim, 130_000).oneClickRanking({ date: new Date(2025, 11, 20) });
  const ms = performance.now() - t0;
  reportFigures("syncs-oneclick-500-blocks", {
    syncs: sim.stats.syncs,
    max_response: Math.max(...sim.stats.responseBytes.slice(1)),
    refused_response: sim.stats.responseBytes[0],
    sim_ms: ms.toFixed(0),
  });
}

/** The pane's Read then Rank: Rank writes what Read read, checking in the same round trip. */
async function readThenRank(): Promise<void> {
  for (const n of [5, 500]) {
    const sim = layoutASim(n);
    const svc = createExcelService({ excel: sim.Excel as any, office: sim.Office });
    // The pane's first reading also sweeps away marks an earlier session may have left.
    await svc.read(undefined, "vi");
    const firstRead = sim.stats.syncs;
    sim.resetStats();
    const reading = await svc.read(undefined, "vi");
    const read = sim.stats.syncs;
    await svc.buildRanking("values", reading, "vi");
    reportFigures(`syncs-read-then-rank-${n}`, {
      first_read: firstRead,
      read,
      rank: sim.stats.syncs - read,
    });
  }
}

main()
  .then(blocks)
  .then(readThenRank)
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
