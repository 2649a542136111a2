/**
 * DESIGN "Round trips" on Excel on the web, where a response above 5 MB is refused: a used range
 * too large to read in one answer (about 50,000 cells with their fonts; a stray value far below the
 * table is enough) is read again in blocks of rows, and the ranking is the same as from one read.
 * The simulator refuses responses above `payloadLimitBytes` as Excel on the web does; the tests lower
 * the limit so that a 500-unit sheet (~600 kB) plays the part of a 60 MB one.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { createSimulator, simulatorFromXlsx, type Simulator } from "../../src/simulator";
import { readWorkbookSnapshot } from "../../src/excel/email";
import type { ExcelHost } from "../../src/excel";
import { translateOfficeError } from "../../src/excel/host";
import { addHiddenLayoutA } from "../fixtures/hidden-layout-a";
import { adapterFor, layoutASim } from "./fixtures";

const DATE = new Date(2025, 11, 20);
const LIMIT = 150_000;

function limited(sim: Simulator): Simulator {
  sim.payloadLimitBytes = LIMIT;
  sim.resetStats();
  return sim;
}

describe("a sheet too large for one response is read in blocks (Excel on the web's 5 MB)", () => {
  test("readActiveGrid: the same grid as one read, no response above the limit but the refused one", async () => {
    const whole = await adapterFor(layoutASim(500)).readActiveGrid();
    const sim = limited(layoutASim(500));
    const grid = await adapterFor(sim, LIMIT - 20_000).readActiveGrid();
    expect(grid).toEqual(whole);
    const [refused, ...rest] = sim.stats.responseBytes;
    expect(refused).toBeGreaterThan(LIMIT);
    expect(Math.max(...rest)).toBeLessThanOrEqual(LIMIT);
    // One refused read, one for the size, then blocks of whole rows (13 rows of 503 cells): the
    // count follows the sheet's size over the budget, never its cells one by one.
    expect(sim.stats.syncs).toBeGreaterThanOrEqual(4);
    expect(sim.stats.syncs).toBeLessThanOrEqual(2 + 13);
  });

  test("one-click ranking ranks the same units with the same totals and writes the sheet", async () => {
    const one = await adapterFor(layoutASim(500)).oneClickRanking({ date: DATE });
    const sim = limited(layoutASim(500));
    const res = await adapterFor(sim, LIMIT - 20_000).oneClickRanking({ date: DATE });
    const ranked = (r: typeof res): unknown[] =>
      r.report.units.map((u) => [u.name, u.total, u.rank]);
    expect(ranked(res)).toEqual(ranked(one));
    expect(res.report.units).toHaveLength(500);
    // The syncs it reports are every round trip Excel saw, the refused read included.
    expect(res.syncs).toBe(sim.stats.syncs);
    expect(sim.model.sheets.map((s) => s.name)).toContain(res.sheetName);
  });

  test("mixed hidden rows and columns still count in blocks (issue 5): the hidden unit is not ranked", async () => {
    const wb = new ExcelJS.Workbook();
    addHiddenLayoutA(wb.addWorksheet("Bảng điểm"));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const one = await adapterFor(await simulatorFromXlsx(bytes)).readActiveGrid();
    const sim = await simulatorFromXlsx(bytes);
    sim.payloadLimitBytes = 2_000; // even this small sheet (~4 kB with its fonts) is "too large"
    sim.resetStats();
    const grid = await adapterFor(sim, 1_500).readActiveGrid();
    expect(grid).toEqual(one);
    expect(grid.hidden).toEqual({ rows: [4], cols: [4] });
  });

  test("the email snapshot reads a too-large workbook in blocks too", async () => {
    const sim = limited(layoutASim(500));
    const snap = await readWorkbookSnapshot(sim.Excel as unknown as ExcelHost, LIMIT - 20_000);
    const whole = await readWorkbookSnapshot(layoutASim(500).Excel as unknown as ExcelHost);
    expect(snap.grids).toEqual(whole.grids);
  });

  test("any sheet shape and budget: blocks (rows, and columns when a row alone is over) give the one-read grid", async () => {
    let inBlocks = 0;
    const value = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((x) => x / 4),
      fc.constantFrom("Sở A", "8,5", "Điểm thưởng", null)
    );
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.integer({ min: 4, max: 7 }), fc.integer({ min: 4, max: 7 })).chain(([r, c]) =>
          fc.array(fc.array(value, { minLength: c, maxLength: c }), {
            minLength: r,
            maxLength: r,
          })
        ),
        fc.integer({ min: 150, max: 800 }),
        async (rows, budget) => {
          const make = (): Simulator => {
            const sim = createSimulator({ sheets: ["Bảng"] });
            const sheet = sim.model.sheets[0];
            sim.model.batch(() =>
              rows.forEach((row, r) =>
                row.forEach((v, c) => v !== null && sim.model.setConstant(sheet, r + 1, c + 1, v))
              )
            );
            return sim;
          };
          const whole = await adapterFor(make()).readActiveGrid();
          const sim = make();
          // Above any request and any block's answer (the budget reckons 150 B a cell, ~100 are
          // sent), below the whole read of 16 cells or more: every run reads in blocks.
          sim.payloadLimitBytes = budget + 400;
          sim.resetStats();
          const grid = await adapterFor(sim, budget).readActiveGrid();
          expect(grid).toEqual(whole);
          if (sim.stats.responseBytes[0] > sim.payloadLimitBytes) inBlocks++;
        }
      ),
      { numRuns: 25 }
    );
    expect(inBlocks).toBe(25);
  });

  test("a response refused even in blocks is the 'too-large' error the pane explains, not a crash", () => {
    const refused = Object.assign(new Error("The response payload size has exceeded the limit"), {
      code: "ResponsePayloadSizeLimitExceeded",
    });
    expect(translateOfficeError(refused, "Bảng điểm")).toMatchObject({
      code: "too-large",
      detail: "Bảng điểm",
    });
  });
});
