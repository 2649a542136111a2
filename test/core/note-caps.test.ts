/**
 * Caps written as notes (DOMAIN §4: "caps per item"): a row under a criterion or its "Ghi chú" cell
 * saying "Tối đa 2 điểm", "(không quá 1,5 điểm)", "tối đa: 2đ" is the criterion's max where the max
 * cell is empty, and then every rule that uses a max applies: R1 (section sums), R3 (above the max),
 * R5 (weights), R7 (a bonus cap). The reading says where each such max came from.
 */
import { analyzeWorkbook } from "../../src/core";
import type { CellValue, Grid } from "../../src/core/grid";
import { capInNote } from "../../src/core/table";

function grid(values: CellValue[][]): Grid {
  const width = Math.max(...values.map((r) => r.length));
  return {
    sheetName: "Chấm điểm",
    top: 0,
    left: 0,
    values: values.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]),
  };
}

function read(values: CellValue[][], lang: "vi" | "en" = "vi") {
  const res = analyzeWorkbook([grid(values)], { lang });
  if (!res.ok) throw new Error(res.message);
  return res.report;
}

describe("caps written in notes are the criterion's max (R1, R3, R5, R7)", () => {
  it("reads the usual ways offices write a cap, and nothing else", () => {
    expect(capInNote("Tối đa 2 điểm", ",")).toBe(2);
    expect(capInNote("(không quá 1,5 điểm)", ",")).toBe(1.5);
    expect(capInNote("tối đa: 2đ", ",")).toBe(2);
    expect(capInNote("Tổng điểm trừ của mục a1 không quá 1,5 điểm", ",")).toBe(1.5);
    expect(capInNote("Có minh chứng kèm theo", ",")).toBeNull();
    expect(capInNote("Tối đa 3 lần trong năm", ",")).toBeNull();
    // R13's own bonus of an item, not its cap.
    expect(capInNote("Thưởng tối đa 1 điểm", ",")).toBeNull();
  });

  it("R3, R5: a cap in the Ghi chú cell is the max, weighted, and a score above it is reported, counted as typed", () => {
    const report = read([
      ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Hệ số", "Sở A", "Sở B", "Ghi chú"],
      ["I", "Chuyên môn", 30, null, null, null, null],
      ["1", "Kế hoạch", 20, 1, 18, 20, null],
      ["2", "Báo cáo", null, 2, 4, 6, "Tối đa 5 điểm"],
    ]);
    expect(report.contentMax).toBe(30);
    expect(report.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở B", 32],
      ["Sở A", 26],
    ]);
    const above = report.issues.filter((i) => i.code === "score-above-max");
    expect(above.map((i) => [i.cell, i.unit])).toEqual([["'Chấm điểm'!F4", "Sở B"]]);
    // R1: the section's 30 is 20 + 2 × 5, so no max-sum-mismatch.
    expect(report.issues.some((i) => i.code === "max-sum-mismatch")).toBe(false);
    expect(report.notes).toEqual([
      'Trang "Chấm điểm": Điểm tối đa của "2 Báo cáo" lấy từ ghi chú ở ô G4 ("Tối đa 5 điểm"): 5 điểm; nếu không đúng, hãy ghi điểm chuẩn vào cột điểm chuẩn.',
    ]);
  });

  it("R1, R7: note rows under an item and under the bonus section, in a sheet without a code column", () => {
    const report = read(
      [
        ["Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Sở B"],
        ["Chuyên môn", 20, null, null],
        ["  Kế hoạch", 10, 9, 10],
        ["  Tham mưu", null, 8, 7],
        ["  (không quá 10 điểm)", null, null, null],
        ["Điểm thưởng", null, null, null],
        ["Tối đa: 3đ", null, null, null],
        ["  Sáng kiến", 2, 2, 1],
        ["  Bằng khen", 2, 2, 0],
      ],
      "en"
    );
    expect(report.contentMax).toBe(20);
    expect(report.bonusCap).toBe(3);
    // Sở A: 17 + bonus 4 capped at 3 = 20; Sở B: 17 + 1 = 18.
    expect(report.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở A", 20],
      ["Sở B", 18],
    ]);
    expect(report.issues.find((i) => i.code === "bonus-capped")?.unit).toBe("Sở A");
    expect(report.criteria.flatMap((c) => c.children.map((k) => k.label))).toEqual([
      "Kế hoạch",
      "Tham mưu",
      "Sáng kiến",
      "Bằng khen",
    ]);
    expect(report.notes).toEqual([
      'Sheet "Chấm điểm": Max of "Tham mưu" taken from the note in cell A5 ("(không quá 10 điểm)"): 10 points; if that is wrong, type the max in the max column.',
      'Sheet "Chấm điểm": Max of "Điểm thưởng" taken from the note in cell A7 ("Tối đa: 3đ"): 3 points; if that is wrong, type the max in the max column.',
    ]);
  });

  it("a criterion whose label mentions a cap is a criterion, not a note for the row above", () => {
    const report = read([
      ["Nội dung tiêu chí", "Điểm chuẩn", "Sở A"],
      ["Kế hoạch", 10, 9],
      ["Sáng kiến được công nhận (tối đa 2 điểm)", null, null],
      ["Báo cáo", 5, 4],
    ]);
    expect(report.criteria.map((c) => c.label)).toEqual([
      "Kế hoạch",
      "Sáng kiến được công nhận (tối đa 2 điểm)",
      "Báo cáo",
    ]);
    expect(report.contentMax).toBe(15);
    expect(report.notes ?? []).toEqual([]);
  });

  it("R1: a max typed in the max column is kept; the note does not replace it", () => {
    const report = read([
      ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Ghi chú"],
      ["1", "Kế hoạch", 10, 12, "Tối đa 5 điểm"],
    ]);
    expect(report.contentMax).toBe(10);
    expect(report.issues.some((i) => i.code === "score-above-max")).toBe(true);
    expect(report.notes ?? []).toEqual([]);
  });
});
