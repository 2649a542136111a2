/**
 * KIEMTRA (THIDUA.VALIDATE) in the simulator spills as Excel spills it: by the size of its result.
 * A lone "OK" takes one cell, so neighbours typed beside or under the formula never turn it into
 * #SPILL!; a list of issues needs its rows and three columns free, and spills once they are.
 */
import { createSimulator, type Simulator } from "../../src/simulator";
import type { SheetModel } from "../../src/simulator";

/** Criteria (code, label, max) in A1:C3 and one unit's scores in D1:D3; the formula in F1. */
function table(score: number): { sim: Simulator; sheet: SheetModel } {
  const sim = createSimulator({ sheets: ["Bảng điểm"] });
  const m = sim.model;
  const sheet = m.sheets[0];
  const rows: [string, string, number, number][] = [
    ["1", "Hoàn thành kế hoạch công tác năm", 35, score],
    ["2", "Cải cách hành chính", 25, 20],
    ["3", "Phát động thi đua", 40, 30],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => m.setConstant(sheet, i, j, v)));
  return { sim, sheet };
}

const shown = (sim: Simulator, sheet: SheetModel, row: number, col: number): unknown => {
  const v = sim.model.result(sheet, row, col);
  return v !== null && typeof v === "object" ? v.error : v;
};

describe("KIEMTRA spills by its result, as in Excel", () => {
  test("a clean table's OK stays one cell with text right of it and under it (no #SPILL!)", () => {
    const { sim, sheet } = table(30);
    const m = sim.model;
    m.setConstant(sheet, 0, 6, "ghi chú");
    m.setConstant(sheet, 1, 5, "người kiểm tra");
    m.setFormula(sheet, 0, 5, "=THIDUA.KIEMTRA(A1:C3,D1:D3)");
    expect(shown(sim, sheet, 0, 5)).toBe("OK");
    expect(shown(sim, sheet, 0, 6)).toBe("ghi chú");
    expect(shown(sim, sheet, 1, 5)).toBe("người kiểm tra");
    expect(m.spillRect(sheet, 0, 5)).toBeNull();
  });

  test("score-above-max: the issue spills three columns when free, #SPILL! when a neighbour is in the way, OK again once fixed", () => {
    const { sim, sheet } = table(40);
    const m = sim.model;
    m.setFormula(sheet, 0, 5, "=THIDUA.VALIDATE(A1:C3,D1:D3)");
    expect(shown(sim, sheet, 0, 5)).toBe("D1");
    expect(shown(sim, sheet, 0, 6)).toBe("score-above-max");
    expect(String(shown(sim, sheet, 0, 7))).toMatch(/35/);
    expect(m.spillRect(sheet, 0, 5)).toEqual({ top: 0, left: 5, bottom: 0, right: 7 });

    // Text typed where the message goes: Excel cannot spill there.
    m.setConstant(sheet, 0, 7, "ghi chú");
    expect(shown(sim, sheet, 0, 5)).toBe("#SPILL!");
    expect(shown(sim, sheet, 0, 7)).toBe("ghi chú");

    // The score corrected: nothing to list, a single OK beside the note.
    m.setConstant(sheet, 0, 3, 35);
    expect(shown(sim, sheet, 0, 5)).toBe("OK");
    expect(shown(sim, sheet, 0, 7)).toBe("ghi chú");

    // Wrong again, and the note removed: the issue spills again, as soon as its cells are free.
    m.setConstant(sheet, 0, 3, 36);
    expect(shown(sim, sheet, 0, 5)).toBe("#SPILL!");
    m.setConstant(sheet, 0, 7, null);
    expect(shown(sim, sheet, 0, 6)).toBe("score-above-max");
  });
});
