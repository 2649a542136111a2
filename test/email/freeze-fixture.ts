/**
 * A head's workbook with live THIDUA results, built in the simulator: a score table of 8 units, a
 * spilled THIDUA.RANKING table (8 rows × 5 columns), a THIDUA.TOTAL row over 7 units, a scalar THIDUA
 * cell, one formula showing #VALUE! and one whose spill is blocked (#SPILL!), plus the user's own
 * formulas, styles and widths that nothing may touch.
 *
 * Hand-computed: unit u (0-based) scores 42.75 + 0.25u on criterion 1 and 45 − 0.5u on criterion 2,
 * so its total is 87.75 − 0.25u: 87.75, 87.5, 87.25, 87, 86.75, 86.5, 86.25, 86; ranks 1–8 in column
 * order.
 */
import { createSimulator, type Simulator } from "../../src/simulator";

export const UNITS = [
  "Sở Tư pháp",
  "Sở Ngoại vụ",
  "Ban Dân tộc",
  "Sở Nội vụ",
  "Thanh tra tỉnh",
  "Sở Tài chính",
  "Sở Xây dựng",
  "Sở Y tế",
];
export const TOTALS = UNITS.map((_, u) => 87.75 - 0.25 * u);

export const RANKING_FORMULA = "=THIDUA.RANKING(A3:C4,D3:K4,D2:K2)";
export const TOTAL_FORMULA = "=THIDUA.TOTAL(A3:C4,D3:J4)";

export function frozenWorkbook(): Simulator {
  const sim = createSimulator({ sheets: ["Bảng điểm", "Ghi chú"] });
  const m = sim.model;
  const s = m.sheets[0];
  const notes = m.sheets[1];
  m.batch(() => {
    m.setConstant(s, 0, 0, "BẢNG ĐIỂM THI ĐUA NĂM 2025");
    ["STT", "Nội dung tiêu chí", "Điểm chuẩn"].forEach((h, c) => m.setConstant(s, 1, c, h));
    UNITS.forEach((u, i) => m.setConstant(s, 1, 3 + i, u));
    [
      ["1", "Hoàn thành kế hoạch công tác năm", 50],
      ["2", "Chất lượng tham mưu, tổng hợp", 50],
    ].forEach((row, r) => row.forEach((v, c) => m.setConstant(s, 2 + r, c, v)));
    UNITS.forEach((_, u) => {
      m.setConstant(s, 2, 3 + u, 42.75 + 0.25 * u);
      m.setConstant(s, 3, 3 + u, 45 - 0.5 * u);
    });
    // The user's own formula and look: kept as they are by freeze and undo.
    m.setFormula(s, 4, 3, "=SUM(D3:D4)");
    for (let c = 0; c < 11; c++) {
      m.patchStyle(s, 1, c, { font: { bold: true }, fill: "#DDEBF7" });
      m.patchStyle(s, 1, c, {
        borders: { EdgeBottom: { style: "Continuous", weight: "Thin", color: "#000000" } },
      });
    }
    s.columnWidths.set(1, 220);
    m.setConstant(s, 6, 0, "Xếp hạng");
    m.setFormula(s, 7, 0, RANKING_FORMULA);
    for (let r = 7; r < 15; r++) m.patchStyle(s, r, 1, { numberFormat: "0.00" });
    m.setConstant(s, 16, 0, "Tổng điểm");
    m.setFormula(s, 17, 0, TOTAL_FORMULA);
    // Errors: never frozen as text.
    m.setFormula(s, 19, 0, '=THIDUA.NUMBER("không phải số")');
    m.setFormula(s, 20, 0, TOTAL_FORMULA);
    m.setConstant(s, 20, 2, "chặn");
    m.setConstant(notes, 0, 0, "Điểm thưởng của Sở Tư pháp");
    m.setFormula(notes, 0, 1, '=THIDUA.NUMBER("2,5")');
    m.setFormula(notes, 1, 1, "=B1*2");
  });
  return sim;
}

export interface CellState {
  formula: string | null;
  value: unknown;
  style: unknown;
}

/**
 * Every cell of every sheet as the user sees it (spilled cells included: the area read is each
 * sheet's used range with its spills, plus a margin), with formulas and styles; plus sheet list,
 * visibility, widths and defined names.
 */
export function workbookState(sim: Simulator): Record<string, unknown> {
  const m = sim.model;
  const out: Record<string, unknown> = {
    sheets: m.sheets.map((s) => [s.name, s.visibility]),
    names: m.names.map((n) => [n.name, n.formula]),
  };
  for (const s of m.sheets) {
    const used = m.usedRect(s, false);
    if (!used) continue;
    const rect = { top: 0, left: 0, bottom: used.bottom + 3, right: used.right + 3 };
    const values = m.results(s, rect);
    const cells: Record<string, CellState> = {};
    values.forEach((row, r) =>
      row.forEach((shown, c) => {
        // Excel's API reads an empty text result and an empty cell alike (""): so does this.
        const v = shown === "" ? null : shown;
        const formula = m.formula(s, r, c) ?? null;
        const style = s.cell(r, c)?.style ?? null;
        if (v === null && formula === null && style === null) return;
        cells[`${r},${c}`] = { formula, value: v, style };
      })
    );
    out[`${s.name}!cells`] = cells;
    out[`${s.name}!widths`] = [...s.columnWidths.entries()];
  }
  return out;
}
