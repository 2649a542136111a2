/**
 * R11 on the ranking sheet: where units are ranked by share of their own max (layout E, criteria not
 * applicable to some units), the sheet shows points, max and share side by side and ranks by share, in
 * values and in live formulas.
 */
import { analyzeWorkbook } from "../../src/core";
import { gridFromRows } from "../../src/core/grid";
import type { RankingReport } from "../../src/core/report";
import { buildRankingSheet } from "../../src/sheets/ranking";
import type { SheetSpec, SpecCell } from "../../src/sheets/spec";
import { profileFor } from "./fixtures";

function resultsReport(): RankingReport {
  const res = analyzeWorkbook([
    gridFromRows("Kết quả", [
      ["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025"],
      ["Thứ hạng", "Đơn vị", "Điểm chuẩn tối đa", "Điểm đạt được", "Chỉ số chung (%)"],
      [1, "Sở Tư pháp", 80.5, 75.2, 93.42],
      [2, "Sở Y tế", 99, 91.3, 92.22],
    ]),
  ]);
  if (!res.ok) throw new Error(res.message);
  return res.report;
}

function build(r: RankingReport, mode: "values" | "formulas"): SheetSpec {
  return buildRankingSheet(r, profileFor(), {
    mode,
    date: new Date(2026, 1, 5),
    sourceSheets: ["Kết quả"],
    lang: "vi",
  });
}

function cellOf(spec: SheetSpec, text: string): SpecCell {
  const c = spec.cells.find((x) => x.value === text);
  if (!c) throw new Error(`no cell "${text}"`);
  return c;
}

const at = (spec: SheetSpec, row: number, col: number): SpecCell | undefined =>
  spec.cells.find((c) => c.row === row && c.col === col);

describe("ranking sheet ranked by share (R11)", () => {
  it("R11: shows points, the unit's own max and the share beside each other, by rank", () => {
    const spec = build(resultsReport(), "values");
    const header = cellOf(spec, "Tổng điểm");
    const max = cellOf(spec, "Điểm tối đa");
    const share = cellOf(spec, "Tỷ lệ");
    expect([max.row, share.row]).toEqual([header.row, header.row]);
    expect([max.col, share.col]).toEqual([header.col + 1, header.col + 2]);
    const first = header.row + 2;
    expect(at(spec, first, 1)?.value).toBe("Sở Tư pháp");
    expect(at(spec, first, header.col)?.value).toBe(75.2);
    expect(at(spec, first, max.col)?.value).toBe(80.5);
    expect(at(spec, first, share.col)?.value).toBeCloseTo(75.2 / 80.5, 12);
    expect(at(spec, first, share.col)?.style?.numberFormat).toBe("0.00%");
    // By points Sở Y tế (91,3) would be first.
    expect(at(spec, first + 1, 1)?.value).toBe("Sở Y tế");
  });

  it("R11: live formulas rank by the share column and classify by share (K6)", () => {
    const r = resultsReport();
    const spec = build(r, "formulas");
    const header = cellOf(spec, "Tổng điểm");
    const shareCol = cellOf(spec, "Tỷ lệ").col;
    const rankCol = cellOf(spec, "Xếp hạng").col;
    const first = header.row + 2;
    const row = first + 1;
    const letter = String.fromCharCode(65 + shareCol);
    const maxLetter = String.fromCharCode(65 + shareCol - 1);
    expect(at(spec, first, shareCol)?.formula).toMatch(
      new RegExp(`^=IF\\(${maxLetter}${row}>0,\\(.*\\)/${maxLetter}${row},0\\)$`)
    );
    expect(at(spec, first, rankCol)?.formula).toBe(
      `=1+COUNTIF($${letter}$${row}:$${letter}$${row + 1},">"&${letter}${row})`
    );
    expect(at(spec, first, rankCol + 2)?.formula).toContain(`ROUND(${letter}${row},6)`);
  });

  it("R11: a report ranked by points keeps its columns (no max or share column)", () => {
    const r = resultsReport();
    delete r.rankedBy;
    const spec = build(r, "values");
    expect(spec.cells.some((c) => c.value === "Tỷ lệ")).toBe(false);
  });
});
