/**
 * Hidden rows and columns through the Excel adapter (issue 5, consistency with issue 3): the task
 * pane must rank a workbook exactly as `thidua rank` ranks the same .xlsx. A hidden "Năm 2024" unit
 * column is not ranked, a hidden criterion row is still counted, and the report says both.
 */
import ExcelJS from "exceljs";
import { analyzeWorkbook, type RankingReport } from "../../src/core";
import { readWorkbookGrids } from "../../src/xlsx/read";
import { simulatorFromXlsx, type Simulator } from "../../src/simulator";
import { addHiddenLayoutA } from "../fixtures/hidden-layout-a";
import { adapterFor, layoutASim, snapshot } from "./fixtures";

const DATE = new Date(2025, 11, 20);
type Ctx = any;

/** Layout A with last year's column E hidden between the units, and sub-criterion row 5 hidden. */
async function layoutAXlsx(hide = true): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng điểm");
  addHiddenLayoutA(ws, hide);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** What `thidua rank` ranks: the engine over src/xlsx/read.ts. */
async function cliReport(bytes: Uint8Array): Promise<RankingReport> {
  const r = analyzeWorkbook(await readWorkbookGrids(Buffer.from(bytes), "cum.xlsx"), {
    lang: "vi",
  });
  if (!r.ok) throw new Error(r.message);
  return r.report;
}

const ranked = (r: RankingReport): unknown[] => r.units.map((u) => [u.name, u.total, u.rank]);

/** Hides sheet rows/columns (1-based numbers, letters) the way a user would, through the API. */
async function hide(sim: Simulator, rows: number[], cols: string[]): Promise<void> {
  await sim.Excel.run(async (context: Ctx) => {
    const ws = context.workbook.worksheets.getItem("Bảng điểm");
    for (const r of rows) ws.getRange(`${r}:${r}`).rowHidden = true;
    for (const c of cols) ws.getRange(`${c}:${c}`).columnHidden = true;
    await context.sync();
  });
  sim.resetStats();
}

describe("hidden rows and columns through the Excel adapter (issue 5)", () => {
  test("A: one-click ranking skips the hidden 'Năm 2024' column exactly as thidua rank does, and says so", async () => {
    const bytes = await layoutAXlsx();
    const cli = await cliReport(bytes);
    const sim = await simulatorFromXlsx(bytes);
    const res = await adapterFor(sim).oneClickRanking({ date: DATE, lang: "vi" });
    expect(ranked(res.report)).toEqual(ranked(cli));
    expect(ranked(res.report)).toEqual([
      ["Sở B", 85, 1],
      ["Sở A", 70, 2],
    ]);
    expect(res.report.notes).toEqual(cli.notes);
    expect(res.report.notes).toContain(
      'Trang "Bảng điểm": Cột E đang ẩn (Năm 2024): không xếp hạng; bỏ ẩn cột nếu đó là đơn vị cần xếp hạng.'
    );
    // The hidden criterion row 5 is still counted (Sở A: 20 + 20 in section I).
    expect(res.report.units.find((u) => u.name === "Sở A")?.sections.map((s) => s.score)).toEqual([
      40, 30,
    ]);
  });

  test("the same sheet with nothing hidden ranks 'Năm 2024' (so the test above can fail)", async () => {
    const res = await adapterFor(await simulatorFromXlsx(await layoutAXlsx(false))).oneClickRanking(
      { date: DATE }
    );
    expect(res.report.units.map((u) => u.name)).toContain("Năm 2024");
    expect(res.report.notes).toBeUndefined();
  });

  test("readGrids gives the Grid the same hidden rows and columns as the .xlsx reader", async () => {
    const bytes = await layoutAXlsx();
    const [fromFile] = await readWorkbookGrids(Buffer.from(bytes), "cum.xlsx");
    const [fromExcel] = await adapterFor(await simulatorFromXlsx(bytes)).readGrids(["Bảng điểm"]);
    expect(fromExcel.hidden).toEqual({ rows: [4], cols: [4] });
    expect(fromExcel.hidden).toEqual(fromFile.hidden);
  });

  test("hidden rows/columns come in grid coordinates when the used range starts below A1", async () => {
    const sim = layoutASim(5);
    // Without the title in A1 the used range starts at the header, sheet row 3.
    sim.model.setConstant(sim.model.sheets[0], 0, 0, null);
    await hide(sim, [6], ["F"]);
    const grid = await adapterFor(sim).readActiveGrid();
    expect(grid.top).toBe(2);
    expect(grid.hidden).toEqual({ rows: [3], cols: [5] });
  });

  test("no hidden rows or columns: no extra sync, and the Grid says nothing of hiding", async () => {
    const plain = layoutASim(5);
    const grid = await adapterFor(plain).readActiveGrid();
    expect(plain.stats.syncs).toBe(1);
    expect(grid.hidden).toBeUndefined();

    const shown = layoutASim(5);
    const hidden = layoutASim(5);
    await hide(hidden, [6], ["F"]);
    const a = await adapterFor(shown).oneClickRanking({ date: DATE });
    const b = await adapterFor(hidden).oneClickRanking({ date: DATE });
    expect(a.syncs).toBe(shown.stats.syncs);
    // Mixed hiding costs exactly one round trip more (the per-row/per-column states).
    expect(b.syncs).toBe(a.syncs + 1);
    expect(b.report.units.map((u) => u.name)).not.toContain("Đơn vị số 3");
  });

  test("the sync count does not grow with the sheet: 5 and 500 units, rows and columns hidden", async () => {
    const counts: number[] = [];
    for (const n of [5, 500]) {
      const sim = layoutASim(n);
      await hide(sim, [6, 9], ["E", "G"]);
      const res = await adapterFor(sim).oneClickRanking({ date: DATE });
      expect(res.report.units).toHaveLength(n - 2);
      expect(res.syncs).toBe(sim.stats.syncs);
      counts.push(res.syncs);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  test("500 units with hidden columns rank as thidua rank ranks the saved .xlsx", async () => {
    const sim = layoutASim(500);
    await hide(sim, [6], ["E", "AB", "SF"]);
    const cli = await cliReport(await sim.toXlsx());
    const res = await adapterFor(sim).oneClickRanking({ date: DATE });
    expect(res.report.units).toHaveLength(497);
    expect(ranked(res.report)).toEqual(ranked(cli));
    expect(res.report.notes).toEqual(cli.notes);
  });

  test("re-run from our ranking sheet: the source sheet is read with its hidden column and ranked alike", async () => {
    const sim = await simulatorFromXlsx(await layoutAXlsx());
    const a = adapterFor(sim);
    const first = await a.oneClickRanking({ date: DATE });
    expect(sim.model.activeSheet().name).toBe(first.sheetName);
    const again = await a.oneClickRanking({ date: DATE });
    expect(ranked(again.report)).toEqual(ranked(first.report));
    expect(again.report.units.map((u) => u.name)).toEqual(["Sở B", "Sở A"]);
    expect(again.report.notes).toEqual(first.report.notes);
  });

  test("the user's cells and what they hid are unchanged by the ranking", async () => {
    const sim = await simulatorFromXlsx(await layoutAXlsx());
    const before = snapshot(sim, ["Bảng điểm"]);
    await adapterFor(sim).oneClickRanking({ date: DATE });
    const sheet = sim.model.sheetByName("Bảng điểm")!;
    expect(snapshot(sim, ["Bảng điểm"])).toEqual(before);
    expect([...sheet.hiddenRows]).toEqual([4]);
    expect([...sheet.hiddenCols]).toEqual([4]);
  });
});
