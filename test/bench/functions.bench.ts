/**
 * Custom-function speed, as Excel calls them:
 * - functions-total-1000x50: one THIDUA.TOTAL over 1,000 criteria rows × 50 unit columns after one score
 *   of every column changed (goal < 20 ms), against HyperFormula recomputing one plain SUM per unit
 *   column over the same scores after the same edit (what offices type today, without weights, cap or
 *   deductions), plus the first call's time (cold engine);
 * - functions-rank-400cells: 400 THIDUA.RANK calls over one 400-cell range, each with its own copy of the
 *   range (Excel's way), against HyperFormula evaluating 400 `1+COUNTIF(range,">"&cell)` ranks on the same
 *   data (the portable formula the product writes).
 */
import { HyperFormula } from "hyperformula";
import { performance } from "perf_hooks";
import { analyzeBlock, blockTotals, tableBlock } from "../../src/core";
import { clearRankCache, rank, total } from "../../src/functions/functions";
import { report, reportFigures, timeMedian } from "./harness";

function table(rows: number, units: number): { criteria: any[][]; scores: any[][] } {
  const criteria: any[][] = [];
  const scores: any[][] = [];
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sections = 10;
  const perSection = Math.floor((rows - 2 * 3) / sections) - 1;
  for (let s = 0; s < sections; s++) {
    criteria.push([
      ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][s],
      `Mục ${s + 1}`,
      perSection * 2,
    ]);
    scores.push(new Array(units).fill(""));
    for (let i = 0; i < perSection; i++) {
      criteria.push([String(i + 1), `Tiêu chí ${s + 1}.${i + 1}`, 2]);
      // Quarter points, as offices score; one in fifty typed as text.
      scores.push(
        Array.from({ length: units }, () => {
          const v = Math.round(rnd() * 8) / 4;
          return rnd() < 0.02 ? String(v).replace(".", ",") : v;
        })
      );
    }
  }
  criteria.push(["XI", "Điểm cộng", 5], ["1", "Sáng kiến", 5], ["2", "Bằng khen", 5]);
  scores.push(
    new Array(units).fill(""),
    Array.from({ length: units }, () => 2),
    Array.from({ length: units }, () => 1)
  );
  criteria.push(["XII", "Điểm trừ", ""], ["1", "Chậm báo cáo", 3], ["2", "Vi phạm quy chế", 5]);
  scores.push(
    new Array(units).fill(""),
    Array.from({ length: units }, () => 0),
    Array.from({ length: units }, () => 1)
  );
  while (criteria.length < rows) {
    criteria.push(["", "", ""]);
    scores.push(new Array(units).fill(""));
  }
  return { criteria, scores };
}

async function main(): Promise<void> {
  const { criteria, scores } = table(1000, 50);
  // The first call pays for compiling the engine: what the first recalculation after opening costs.
  const t0 = performance.now();
  const sample = total(criteria, scores, null as any, null as any);
  const firstMs = performance.now() - t0;
  if (sample[0].length !== 50) throw new Error("TOTAL did not spill 50 totals");
  // Ten warm-up calls: Excel recalculates a sheet many times a session, so the steady state is what a
  // user waits for. 31 runs: on 2 shared cores a 15-run median moved by ±4 ms between runs.
  // Each run edits one score in every column first, as the peer below does: Excel hands the function
  // the new values, and the function must read all of them again (only the criteria stay the same).
  let flipped = 0;
  const totalMs = await timeMedian(
    () => {
      flipped = 1 - flipped;
      for (let c = 0; c < 50; c++) scores[1][c] = 1 + flipped;
      return total(criteria, scores, null as any, null as any);
    },
    31,
    10
  );

  // Peer: HyperFormula recalculating the sheet as offices build it today, one SUM per unit column
  // over the same 1,000 × 50 scores (text "8,5" ignored, no weights, cap or deductions).
  const grid = scores.map((row) => row.map((v) => (v === "" ? null : v)));
  grid.push(
    Array.from({ length: 50 }, (_, c) => {
      const col = String.fromCharCode(65 + (c % 26));
      const letters = c < 26 ? col : `A${col}`;
      return `=SUM(${letters}1:${letters}1000)`;
    })
  );
  const sums = HyperFormula.buildFromArray(grid, { licenseKey: "gpl-v3" });
  let edit = 0;
  const sumMs = await timeMedian(
    () => {
      // One edit in every column, so all 50 sums recompute, as a pasted column of scores does.
      edit = 1 - edit;
      sums.batch(() => {
        for (let c = 0; c < 50; c++) sums.setCellContents({ sheet: 0, row: 1, col: c }, 1 + edit);
      });
    },
    31,
    10
  );
  report("functions-total-1000x50", totalMs, { name: "hyperformula-sum-per-column", ms: sumMs });

  // Where the time goes: argument conversion (one pass, into core's block), core's totals-only
  // scoring, and for comparison the full analysis RANKING and VALIDATE pay on the same table.
  const blockMs = await timeMedian(() => tableBlock(criteria, scores), 31, 10);
  const coreMs =
    (await timeMedian(() => blockTotals(tableBlock(criteria, scores), { precision: 2 }), 31, 10)) -
    blockMs;
  const fullMs =
    (await timeMedian(() => analyzeBlock(tableBlock(criteria, scores), { precision: 2 }), 31, 10)) -
    blockMs;
  reportFigures("functions-total-1000x50-split", {
    goal_ms: 20,
    met: totalMs < 20 ? "yes" : "no",
    first_call_ms: firstMs.toFixed(1),
    core_totals_ms: coreMs.toFixed(2),
    full_analysis_ms: fullMs.toFixed(2),
  });

  const n = 400;
  const totals = Array.from({ length: n }, (_, i) => [
    Math.round((60 + ((i * 7919) % 4000) / 100) * 4) / 4,
  ]);
  const oursMs = await timeMedian(() => {
    clearRankCache(); // every recalculation starts cold: the cache must pay for itself within one
    for (let i = 0; i < n; i++)
      rank(
        [[totals[i][0]]],
        totals.map((r) => r.slice()),
        null as any
      );
  });

  // Same 400 calls handed one array object (as an array formula or the bridge can): the identity path.
  const sameObjectMs = await timeMedian(() => {
    clearRankCache();
    for (let i = 0; i < n; i++) rank([[totals[i][0]]], totals, null as any);
  });
  reportFigures("functions-rank-400cells-same-object", { median_ms: sameObjectMs.toFixed(2) });

  // The same 400 calls with nothing shared (cache emptied before each): what the cache saves.
  const coldMs = await timeMedian(
    () => {
      for (let i = 0; i < n; i++) {
        clearRankCache();
        rank(
          [[totals[i][0]]],
          totals.map((r) => r.slice()),
          null as any
        );
      }
    },
    5,
    1
  );
  reportFigures("functions-rank-400cells-unshared", { median_ms: coldMs.toFixed(2) });

  // Peer: HyperFormula recalculating 400 COUNTIF ranks after one total changes.
  const sheet = totals.map((r, i) => [r[0], `=1+COUNTIF($A$1:$A$${n},">"&A${i + 1})`]);
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
  let flip = 0;
  const peerMs = await timeMedian(() => {
    flip = 1 - flip;
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, totals[0][0] + flip * 0.25);
  });
  report("functions-rank-400cells", oursMs, { name: "hyperformula-countif", ms: peerMs });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
