/**
 * Issues marked in the grid (issue 18): each issue's cell is coloured by its severity with a temporary
 * conditional format of ours, the user's values, formats and own conditional formats untouched, and
 * clearing leaves the workbook exactly as it was. Marks never outlive a new reading or a write.
 */
import * as fs from "fs";
import { conditionalFills, simulatorFromXlsx, type Simulator } from "../../src/simulator";
import { createIssueMarks, markAreas, MARK_FILLS } from "../../src/excel/marks";
import { createExcelService } from "../../src/taskpane/excel-service";
import { createOneClickRanking } from "../../src/commands/oneclick";
import { ServiceError } from "../../src/taskpane/service";
import { sample } from "../paths";

type Ctx = any;
const SHEET = "Bảng điểm lỗi";
const USER_GREEN = "#C6EFCE";

/** Sample s4 (bad inputs) with the user's own rule: scores above 15 in green. */
async function s4(): Promise<Simulator> {
  const sim = await simulatorFromXlsx(fs.readFileSync(sample("s4-bad-inputs")), {
    decimalSeparator: ",",
  });
  await sim.Excel.run(async (context: Ctx) => {
    const cf = context.workbook.worksheets
      .getItem(SHEET)
      .getRange("D4:H22")
      .conditionalFormats.add("CellValue");
    cf.cellValue.rule = { formula1: "15", operator: "GreaterThan" };
    cf.cellValue.format.fill.color = USER_GREEN;
    await context.sync();
  });
  return sim;
}

/** Every cell as stored (value, formula, format) and as shown, and each sheet's conditional formats. */
function everything(sim: Simulator): unknown {
  return sim.model.sheets.map((sheet) => {
    const used = sheet.usedRect(false);
    return {
      name: sheet.name,
      cells: [...sheet.cells].map(([k, c]) => [k, JSON.stringify(c)]).sort(),
      shown: used ? sim.model.results(sheet, { ...used, top: 0, left: 0 }) : [],
      merges: JSON.stringify(sheet.merges),
      widths: [...sheet.columnWidths].sort(),
      conditionalFormats: JSON.stringify(sheet.conditionalFormats),
    };
  });
}

/** What the grid paints on a cell ("E6"): the fill of the conditional formats holding there. */
function paint(sim: Simulator, a1: string): string | undefined {
  const sheet = sim.model.sheetByName(SHEET)!;
  const col = a1.charCodeAt(0) - 65;
  const row = Number(a1.slice(1)) - 1;
  const rect = { top: 0, left: 0, bottom: 40, right: 20 };
  return conditionalFills(sim.model, sheet, rect).get(`${row},${col}`)?.fill;
}

describe("issues marked on the sheet", () => {
  test("each issue's cell takes its severity's colour; values and formats stay; Clear leaves the workbook as it was, the user's own rule included", async () => {
    const sim = await s4();
    const svc = createExcelService({ excel: sim.Excel, office: sim.Office });
    const reading = await svc.read([SHEET], "vi");
    const before = everything(sim);
    // The user's rule paints a score above 15 before any mark (F7 holds 17, above its max of 15).
    expect(paint(sim, "F7")).toBe(USER_GREEN);

    const marked = await svc.markIssues!(reading.report.issues);
    // Nine cells: score-above-max F7 and not-a-number G10 (errors), text-number E6, score-missing H15
    // and three subtotal-mismatch totals (warnings), deduction-sign D22 and bonus-capped D17 (info).
    expect(marked).toBe(9);
    expect(paint(sim, "F7")).toBe(MARK_FILLS.error);
    expect(paint(sim, "G10")).toBe(MARK_FILLS.error);
    expect(paint(sim, "E6")).toBe(MARK_FILLS.warning);
    expect(paint(sim, "H15")).toBe(MARK_FILLS.warning);
    expect(paint(sim, "D22")).toBe(MARK_FILLS.info);
    for (const i of reading.report.issues)
      expect([i.code, paint(sim, i.cell!.replace(/^.*!/, ""))]).toEqual([
        i.code,
        MARK_FILLS[i.severity],
      ]);
    // Cells without an issue keep the user's colour, or none.
    expect(paint(sim, "D6")).toBe(USER_GREEN);
    expect(paint(sim, "B6")).toBeUndefined();
    const after = everything(sim) as { cells: unknown; shown: unknown }[];
    const was = before as { cells: unknown; shown: unknown }[];
    expect(after.map((s) => [s.cells, s.shown])).toEqual(was.map((s) => [s.cells, s.shown]));

    await svc.clearMarks!();
    expect(everything(sim)).toEqual(before);
    expect(paint(sim, "E6")).toBeUndefined();
    expect(paint(sim, "F7")).toBe(USER_GREEN);
  });

  test("a new reading and every write remove the marks first; a pane opened later removes what an earlier one left", async () => {
    const sim = await s4();
    const first = createExcelService({ excel: sim.Excel, office: sim.Office });
    const reading = await first.read([SHEET], "vi");
    const clean = everything(sim);
    await first.markIssues!(reading.report.issues);
    expect(paint(sim, "F7")).toBe(MARK_FILLS.error);

    // The pane closed and opened again: its first reading sweeps the old marks away.
    const later = createExcelService({ excel: sim.Excel, office: sim.Office });
    await later.read([SHEET], "vi");
    expect(everything(sim)).toEqual(clean);

    // text-number: the safe fix writes E6 only, after the marks are gone.
    await later.markIssues!(reading.report.issues);
    const fix = reading.report.issues.find((i) => i.code === "text-number")!.fix!;
    expect(await later.applyFixes([fix])).toBe(1);
    const sheet = sim.model.sheetByName(SHEET)!;
    expect(sheet.conditionalFormats.map((cf) => cf.type)).toEqual(["CellValue"]);
    expect(paint(sim, "F7")).toBe(USER_GREEN);
    expect(sim.model.result(sheet, 5, 4)).toBe(18.5);
  });

  test("the ribbon's one-click ranking removes the pane's marks before it writes the ranking", async () => {
    const sim = await s4();
    const svc = createExcelService({ excel: sim.Excel, office: sim.Office });
    const reading = await svc.read([SHEET], "vi");
    const clean = everything(sim);
    await svc.markIssues!(reading.report.issues);
    expect(paint(sim, "G10")).toBe(MARK_FILLS.error);
    await createOneClickRanking({ excel: sim.Excel, office: sim.Office })();
    const [score, ranking] = everything(sim) as unknown[];
    expect(score).toEqual((clean as unknown[])[0]);
    expect(ranking).toBeDefined();
    expect(paint(sim, "G10")).toBeUndefined();
  });

  test("marking costs the same round trips for one cell as for a hundred; a column of cells is one format", async () => {
    const sim = await s4();
    const marks = createIssueMarks(sim.Excel);
    await marks.clear();
    sim.resetStats();
    await marks.mark([{ cell: `'${SHEET}'!D5`, severity: "error" }]);
    const one = sim.stats.syncs;
    await marks.clear();
    const many = Array.from({ length: 100 }, (_, i) => ({
      cell: `'${SHEET}'!${"DEFGH"[i % 5]}${5 + Math.floor(i / 5)}`,
      severity: (i % 3 === 0 ? "error" : "warning") as "error" | "warning",
    }));
    sim.resetStats();
    await marks.mark(many);
    expect(sim.stats.syncs).toBe(one);
    expect(
      markAreas([
        { cell: `'${SHEET}'!D5`, severity: "warning" },
        { cell: `'${SHEET}'!D6`, severity: "warning" },
        { cell: `'${SHEET}'!D7`, severity: "warning" },
        { cell: `'${SHEET}'!D7`, severity: "error" },
      ]).map((a) => [a.rect, a.severity])
    ).toEqual([
      [{ top: 4, left: 3, bottom: 5, right: 3 }, "warning"],
      [{ top: 6, left: 3, bottom: 6, right: 3 }, "error"],
    ]);
  });

  test("a protected sheet cannot be marked: the pane says the sheet is protected, nothing changes", async () => {
    const sim = await s4();
    const svc = createExcelService({ excel: sim.Excel, office: sim.Office });
    const reading = await svc.read([SHEET], "vi");
    await sim.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem(SHEET).protection.protect();
      await context.sync();
    });
    const before = everything(sim);
    const err = await svc.markIssues!(reading.report.issues).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe("sheet-protected");
    expect(everything(sim)).toEqual(before);
  });
});
