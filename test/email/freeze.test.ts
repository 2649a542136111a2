/**
 * "Chốt kết quả" and "Hoàn tác" in the simulator (issue 15 item 1): a spilled THIDUA.RANKING table
 * (8 × 5) and a THIDUA.TOTAL row (7 values) are frozen whole, error cells are listed and left alone,
 * the formulas go to a hidden tagged sheet of ours, and one undo restores the workbook exactly; every
 * value of the workbook is compared before, after and after the undo.
 */
import {
  freezeThiduaFormulas,
  planFreezeThiduaFormulas,
  undoFreeze,
  UNDO_KIND,
} from "../../src/excel/freeze";
import { kindOfTag } from "../../src/sheets/tags";
import {
  frozenWorkbook,
  RANKING_FORMULA,
  TOTAL_FORMULA,
  TOTALS,
  UNITS,
  workbookState,
} from "./freeze-fixture";

type Cells = Record<string, { formula: string | null; value: unknown; style: unknown }>;

const cellsOf = (state: Record<string, unknown>, sheet: string): Cells =>
  state[`${sheet}!cells`] as Cells;

describe("Chốt kết quả: whole spills, errors listed, a restorable copy (issue 15)", () => {
  jest.setTimeout(60_000);

  it("plans every cell of the RANKING spill (8×5) and of the TOTAL row (7), lists the error cells apart", async () => {
    const sim = frozenWorkbook();
    const before = workbookState(sim);
    sim.resetStats();
    const plan = await planFreezeThiduaFormulas(sim.Excel);
    // The workbook read (sheet list, then every sheet) and one read of every spill: never per cell.
    expect(sim.stats.syncs).toBe(3);
    expect(plan.groups.map((g) => [g.sheet, g.anchor, g.range, g.formula])).toEqual([
      ["Bảng điểm", "A8", "A8:E15", RANKING_FORMULA],
      ["Bảng điểm", "A18", "A18:G18", TOTAL_FORMULA],
      ["Ghi chú", "B1", "B1", '=THIDUA.NUMBER("2,5")'],
    ]);
    expect(plan.cells).toHaveLength(8 * 5 + 7 + 1);
    const ranking = plan.groups[0].values;
    expect(ranking.map((r) => r[0])).toEqual(UNITS);
    expect(ranking.map((r) => r[1])).toEqual(TOTALS);
    expect(ranking.map((r) => r[2])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ranking.map((r) => r[3])).toEqual(["Nhất", "Nhì", "Ba", "", "", "", "", ""]);
    expect(plan.groups[1].values).toEqual([TOTALS.slice(0, 7)]);
    expect(plan.cells.find((c) => c.cell === "'Bảng điểm'!B15")?.value).toBe(86);
    // #VALUE! and #SPILL!: listed with their formulas, never among the cells to freeze.
    expect(plan.errors).toEqual([
      { cell: "'Bảng điểm'!A20", value: "#VALUE!", formula: '=THIDUA.NUMBER("không phải số")' },
      { cell: "'Bảng điểm'!A21", value: "#SPILL!", formula: TOTAL_FORMULA },
    ]);
    expect(workbookState(sim)).toEqual(before);
  });

  it("freezes in two syncs, keeps every value, and Hoàn tác restores every formula exactly in four", async () => {
    const sim = frozenWorkbook();
    const before = workbookState(sim);
    const plan = await planFreezeThiduaFormulas(sim.Excel);

    sim.resetStats();
    const out = await freezeThiduaFormulas(sim.Excel, plan, "vi");
    expect(sim.stats.syncs).toBe(2);
    expect(out).toEqual({
      written: 3,
      cells: 48,
      skipped: [],
      spilled: ["'Bảng điểm'!A8:E15", "'Bảng điểm'!A18:G18"],
      backupSheet: "THIDUA Hoàn tác",
    });

    const after = workbookState(sim);
    for (const sheet of ["Bảng điểm", "Ghi chú"]) {
      const was = cellsOf(before, sheet);
      const now = cellsOf(after, sheet);
      expect(Object.keys(now).sort()).toEqual(Object.keys(was).sort());
      for (const [k, c] of Object.entries(was)) {
        // The same value and look everywhere; only THIDUA formulas are gone.
        expect([k, now[k].value, now[k].style]).toEqual([k, c.value, c.style]);
        const thidua = c.formula !== null && c.formula.includes("THIDUA.");
        const error = typeof c.value === "object" && c.value !== null;
        expect([k, now[k].formula]).toEqual([k, thidua && !error ? null : c.formula]);
      }
    }
    // The backup: hidden, tagged as ours, formulas kept as text.
    const backup = sim.model.sheetByName("THIDUA Hoàn tác");
    expect(backup?.visibility).toBe("Hidden");
    expect(sim.model.names.map((n) => kindOfTag(n.name))).toContain(UNDO_KIND);
    const kept = cellsOf(after, "THIDUA Hoàn tác");
    expect(kept["2,3"].value).toBe(RANKING_FORMULA.slice(1));
    expect(kept["2,3"].formula).toBeNull();

    sim.resetStats();
    const undo = await undoFreeze(sim.Excel);
    // Our sheets, the backup's rows, the frozen ranges, then one write.
    expect(sim.stats.syncs).toBe(4);
    expect(undo).toEqual({ restored: 3, skipped: [], found: true });
    expect(workbookState(sim)).toEqual(before);

    // A second undo finds nothing to do and says so.
    expect(await undoFreeze(sim.Excel)).toEqual({ restored: 0, skipped: [], found: false });
  });

  it("after the undo the table is live again: a score changed moves the ranking", async () => {
    const sim = frozenWorkbook();
    const plan = await planFreezeThiduaFormulas(sim.Excel);
    await freezeThiduaFormulas(sim.Excel, plan, "vi");
    await undoFreeze(sim.Excel);
    const m = sim.model;
    const s = m.sheetByName("Bảng điểm")!;
    m.setConstant(s, 2, 10, 50); // Sở Y tế: 50 + 41.5 = 91.5, first
    expect(m.results(s, { top: 7, left: 0, bottom: 7, right: 2 })).toEqual([["Sở Y tế", 91.5, 1]]);
  });

  it("skips a formula changed after the plan was shown, and an undo never overwrites a value typed since", async () => {
    const sim = frozenWorkbook();
    const plan = await planFreezeThiduaFormulas(sim.Excel);
    const m = sim.model;
    const notes = m.sheetByName("Ghi chú")!;
    m.setFormula(notes, 0, 1, '=THIDUA.NUMBER("3")');
    const out = await freezeThiduaFormulas(sim.Excel, plan, "vi");
    expect(out.skipped).toEqual(["'Ghi chú'!B1"]);
    expect(m.formula(notes, 0, 1)).toBe('=THIDUA.NUMBER("3")');

    // The secretary corrects one frozen total by hand: that row stays as typed and on the backup.
    const s = m.sheetByName("Bảng điểm")!;
    m.setConstant(s, 17, 3, 87.5);
    const undo = await undoFreeze(sim.Excel);
    expect(undo).toEqual({ restored: 1, skipped: ["'Bảng điểm'!A18:G18"], found: true });
    expect(m.formula(s, 7, 0)).toBe(RANKING_FORMULA);
    expect(m.formula(s, 17, 0)).toBeUndefined();
    expect(m.result(s, 17, 3)).toBe(87.5);
    expect(m.sheetByName("THIDUA Hoàn tác")).toBeDefined();
  });

  it("a second freeze adds to the same backup sheet, and one undo restores both", async () => {
    const sim = frozenWorkbook();
    const before = workbookState(sim);
    const first = await planFreezeThiduaFormulas(sim.Excel);
    first.groups = first.groups.slice(0, 1);
    await freezeThiduaFormulas(sim.Excel, first, "en");
    const second = await planFreezeThiduaFormulas(sim.Excel);
    expect(second.groups.map((g) => g.range)).toEqual(["A18:G18", "B1"]);
    sim.resetStats();
    const out = await freezeThiduaFormulas(sim.Excel, second, "en");
    // One more read: where the earlier backup rows end.
    expect(sim.stats.syncs).toBe(3);
    expect(out.backupSheet).toBe("THIDUA Undo");
    expect(sim.model.sheets.filter((s) => s.visibility === "Hidden")).toHaveLength(1);
    expect(await undoFreeze(sim.Excel)).toEqual({ restored: 3, skipped: [], found: true });
    expect(workbookState(sim)).toEqual(before);
  });
});
