/**
 * Layout E (results tables with a max per unit), R11 (rank by unrounded share of each unit's own max,
 * criteria that do not apply to a unit) and the cells offices publish: "9,49/9,5" score/max cells and
 * signed text with a space ("+ 0,5", "- 0,25").
 */
import { analyzeWorkbook, describeMapping, detectLayout } from "../../src/core";
import { gridFromRows, type CellValue, type Grid } from "../../src/core/grid";
import type { RankingReport } from "../../src/core/report";
import { readScore } from "../../src/core/text";
import { layoutA } from "./helpers";

function analyze(g: Grid): RankingReport {
  const res = analyzeWorkbook([g]);
  if (!res.ok) throw new Error(res.message);
  return res.report;
}

const HEADER = [
  "Thứ hạng",
  "Đơn vị",
  "Điểm chuẩn tối đa",
  "Điểm đạt được",
  "Chỉ số chung (%)",
  "Xếp loại",
];

function resultsTable(rows: CellValue[][]): Grid {
  return gridFromRows("Kết quả", [
    ["KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC SỞ, BAN, NGÀNH"],
    [],
    HEADER,
    ...rows,
    [],
    [null, null, null, "CHỦ TỊCH"],
  ]);
}

describe("layout E: results table with a max per unit (R11)", () => {
  const table = resultsTable([
    [1, "Sở Nội vụ", 95, 92, 96.84, "Tốt"],
    [null, "Khối cơ quan chuyên môn", null, null, null, null],
    [2, "Sở Tư pháp", 80.5, 75.2, 93.42, "Tốt"],
    [3, "Sở Y tế", 99, 91.3, 92.22, "Tốt"],
    [4, "Sở Tài chính", 90, 70, 77.78, "Khá"],
  ]);

  it("R11: 'Điểm chuẩn tối đa' is read as each unit's own max, not refused for a missing max column", () => {
    const d = detectLayout(table);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    const summary = describeMapping(d.mapping, "vi");
    expect(summary.layoutName).toMatch(/^E:/);
    expect(summary.units.map((u) => u.name)).toEqual([
      "Sở Nội vụ",
      "Sở Tư pháp",
      "Sở Y tế",
      "Sở Tài chính",
    ]);
  });

  it("R11: ranks by unrounded share of the unit's max, shows points, max and share; K6 bands by share", () => {
    const r = analyze(table);
    expect(r.rankedBy).toBe("share");
    expect(r.units.map((u) => [u.name, u.total, u.max, u.rank])).toEqual([
      ["Sở Nội vụ", 92, 95, 1],
      ["Sở Tư pháp", 75.2, 80.5, 2],
      // By points Sở Y tế (91,3) would come before Sở Tư pháp (75,2).
      ["Sở Y tế", 91.3, 99, 3],
      ["Sở Tài chính", 70, 90, 4],
    ]);
    expect(r.units[1].share).toBeCloseTo(75.2 / 80.5, 12);
    expect(r.units.map((u) => u.classification)).toEqual(["Tốt", "Tốt", "Tốt", "Khá"]);
    // Typed shares rounded in the source are not errors at their own precision.
    expect(r.issues).toEqual([]);
  });

  it("R11: shares equal before rounding tie; shares that differ past the shown decimals do not", () => {
    const r = analyze(
      resultsTable([
        [null, "Xã A", 80, 60, null, null],
        [null, "Xã B", 100, 75, null, null],
        [null, "Xã C", 90, 67.4999, null, null],
      ])
    );
    expect(r.units.map((u) => [u.name, u.rank])).toEqual([
      ["Xã A", 1],
      ["Xã B", 1],
      ["Xã C", 3],
    ]);
  });

  it("subtotal-mismatch: a typed share that is not points ÷ max is reported on its cell", () => {
    const r = analyze(
      resultsTable([
        [1, "Sở Nội vụ", 95, 92, 96.84, null],
        [2, "Sở Tài chính", 90, 70, 70, null],
      ])
    );
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["subtotal-mismatch", "'Kết quả'!E5"]]);
    expect(r.issues[0].message).toContain("77,78 %");
  });

  it("score-above-max and score-missing: points above the unit's own max, a dash for the points", () => {
    const r = analyze(
      resultsTable([
        [1, "Sở Nội vụ", 95, 96, null, null],
        [2, "Sở Tài chính", 90, "-", null, null],
      ])
    );
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ["score-above-max", "'Kết quả'!D4"],
      ["score-missing", "'Kết quả'!D5"],
    ]);
    expect(r.provisional).toBe(true);
  });
});

describe("R11: a criterion that does not apply to a unit", () => {
  it("R11: 'không áp dụng' and '-' leave the criterion out of that unit's max; no score-missing, ranked by share", () => {
    const r = analyze(
      layoutA(
        ["Sở A", "Sở B", "Sở C"],
        [
          ["1", "Kế hoạch", 40, 36, 30, 38],
          ["2", "Cải cách hành chính", 40, 30, 38, 34],
          ["3", "Đầu tư công", 20, "không áp dụng", 18, "-"],
        ]
      )
    );
    expect(r.rankedBy).toBe("share");
    expect(r.units.map((u) => [u.name, u.total, u.max, u.rank])).toEqual([
      ["Sở C", 72, 80, 1],
      ["Sở B", 86, 100, 2],
      ["Sở A", 66, 80, 3],
    ]);
    expect(r.issues).toEqual([]);
    expect(r.provisional).toBe(false);
  });

  it("R11: with every unit's max equal the ranking stays by points", () => {
    const r = analyze(
      layoutA(
        ["Sở A", "Sở B"],
        [
          ["1", "Kế hoạch", 40, 36, 30],
          ["2", "Báo cáo", 20, 10, 18],
        ]
      )
    );
    expect(r.rankedBy).toBeUndefined();
    expect(r.units[0].max).toBeUndefined();
    expect(r.units.map((u) => [u.name, u.total, u.rank])).toEqual([
      ["Sở B", 48, 1],
      ["Sở A", 46, 2],
    ]);
  });
});

describe("N1: score/max cells and signed text", () => {
  it.each([
    ["9,49/9,5", 9.49, 9.5],
    ["9,49/\n9,5", 9.49, 9.5],
    ["83,1/100", 83.1, 100],
    [" 7 / 10 ", 7, 10],
  ])("N1 %j reads as a score with its max, not as text-number", (text, value, outOf) => {
    expect(readScore(text, { decimalSeparator: "," })).toEqual({
      kind: "number",
      value,
      outOf,
      fromText: false,
    });
  });

  it.each([
    ["+ 0,5", 0.5],
    ["- 0,25", -0.25],
    ["\u2212 1", -1],
  ])("N1 signed text with a space %j is a number", (text, value) => {
    expect(readScore(text, { decimalSeparator: "," })).toEqual({
      kind: "number",
      value,
      fromText: true,
    });
  });

  it.each(["-", " – ", "không áp dụng", "Không áp dụng", "KAD", "K/AD"])(
    "R11 %j marks a criterion that does not apply",
    (text) => {
      expect(readScore(text, { decimalSeparator: "," })).toEqual({ kind: "na" });
    }
  );

  it("R11: criteria in rows, units in 'Điểm số | Chỉ số | Thứ hạng' groups, each cell '9,49/9,5': ranked by share", () => {
    const g = gridFromRows("Chỉ số", [
      ["CHỈ SỐ NĂNG LỰC CẠNH TRANH"],
      ["STT", "Chỉ số thành phần", "Tỉnh A", "Tỉnh A", "Tỉnh A", "Tỉnh B", "Tỉnh B", "Tỉnh B"],
      [null, null, "Điểm số", "Chỉ số", "Thứ hạng", "Điểm số", "Chỉ số", "Thứ hạng"],
      ["1", "Gia nhập thị trường", "9,49/\n9,5", "99,89", 1, "8/10", "80", 2],
      ["2", "Tiếp cận đất đai", "7,5/10", "75", 2, "-", null, null],
      ["3", "Tính minh bạch", "6,1/8", "76,25", 2, "7/8", "87,5", 1],
      [null, "Tổng", "23,09/27,5", null, null, "16/18", null, null],
    ]);
    g.merges = [
      { top: 1, left: 2, bottom: 1, right: 4 },
      { top: 1, left: 5, bottom: 1, right: 7 },
    ];
    const r = analyze(g);
    expect(r.units.map((u) => [u.name, u.total, u.max, u.rank])).toEqual([
      ["Tỉnh A", 23.09, 27.5, 1],
      ["Tỉnh B", 15, 18, 2],
    ]);
    // The typed total "16/18" is compared with the sum of the unit's scores (R2).
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["subtotal-mismatch", "'Chỉ số'!F7"]]);
  });

  it("R8: '- 0,25' typed in a deduction row deducts 0,25 with deduction-sign", () => {
    const r = analyze(
      layoutA(
        ["Sở A"],
        [
          ["I", "Chuyên môn", 10, null],
          ["1", "Kế hoạch", 10, 9],
          ["II", "Điểm trừ", null, null],
          ["1", "Chậm báo cáo", null, "- 0,25"],
        ]
      )
    );
    expect(r.units[0].total).toBe(8.75);
    expect(r.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["deduction-sign", "text-number"])
    );
  });
});

describe("R12 graded alternatives", () => {
  const graded = (a: CellValue[], b: CellValue[], c: CellValue[]): Grid =>
    layoutA(
      ["Sở A", "Sở B", "Sở C"],
      [
        ["I", "Chuyên môn", 15, null, null, null],
        ["1", "Hoàn thành kế hoạch", 5, null, null, null],
        ["1.1", "Hoàn thành vượt mức", 5, ...a],
        ["1.2", "Hoàn thành đúng hạn", 4, ...b],
        ["1.3", "Hoàn thành chậm", 3, ...c],
        ["2", "Báo cáo", 10, 8, 9, 7],
      ]
    );

  it("R12: the one level filled in counts; no max-sum-mismatch for levels above the parent's max; the max is the largest level", () => {
    const r = analyze(graded([5, null, null], [null, 4, null], [null, null, 3]));
    expect(r.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở A", 13],
      ["Sở B", 13],
      ["Sở C", 10],
    ]);
    r.issues = r.issues.filter((i) => i.code !== "tie-at-top");
    expect(r.contentMax).toBe(15);
    expect(r.issues).toEqual([]);
    expect(r.provisional).toBe(false);
  });

  it("alternatives-conflict: two levels filled is an error on the second, the highest counts; none filled is score-missing", () => {
    const r = analyze(graded([5, null, null], [4, null, null], [null, null, null]));
    const a = r.issues.filter((i) => i.unit === "Sở A").map((i) => [i.code, i.cell]);
    expect(a).toEqual([["alternatives-conflict", "'Bảng điểm'!D7"]]);
    expect(r.units.find((u) => u.name === "Sở A")?.total).toBe(13);
    const b = r.issues.filter((i) => i.unit === "Sở B").map((i) => [i.code, i.cell]);
    expect(b).toEqual([["score-missing", "'Bảng điểm'!E6"]]);
    expect(r.provisional).toBe(true);
  });

  it("R12: 'chỉ chọn một' in the parent's label marks levels of equal max as alternatives too", () => {
    const r = analyze(
      layoutA(
        ["Sở A"],
        [
          ["1", "Xếp loại chính quyền (chỉ chọn một)", 4, null],
          ["a", "Hoàn thành tốt nhiệm vụ", 4, 4],
          ["b", "Hoàn thành xuất sắc nhiệm vụ", 4, null],
        ]
      )
    );
    expect(r.units[0].total).toBe(4);
    expect(r.contentMax).toBe(4);
    expect(r.issues).toEqual([]);
  });

  it("R1: children whose maxima are not graded levels still must add up to the parent's max", () => {
    const r = analyze(
      layoutA(
        ["Sở A"],
        [
          ["1", "Kế hoạch", 5, null],
          ["1.1", "Đúng hạn", 4, 3],
          ["1.2", "Chất lượng", 4, 3],
        ]
      )
    );
    expect(r.issues.map((i) => i.code)).toEqual(["max-sum-mismatch"]);
  });
});

describe("R13 bonus inside an item (profile setting)", () => {
  const sheet = (): Grid =>
    gridFromRows("Bảng điểm", [
      ["BẢNG ĐIỂM THI ĐUA NĂM 2025"],
      ["STT", "Nội dung tiêu chí", "Chuẩn", "Thưởng", "Sở A", "Sở B"],
      ["1", "Hoàn thành kế hoạch", 10, 1, 10.5, 11.5],
      ["2", "Sáng kiến, cải tiến (thưởng tối đa 0,5 điểm)", 5, null, 5.5, 5],
      ["3", "Báo cáo", 5, null, 5, 5],
    ]);
  const run = (itemBonus: boolean): RankingReport => {
    const res = analyzeWorkbook([sheet()], { profile: { itemBonus } });
    if (!res.ok) throw new Error(res.message);
    return res.report;
  };

  it("score-above-max: off by default, an item above its max is reported even with a 'Thưởng' column", () => {
    expect(run(false).issues.map((i) => [i.code, i.cell])).toEqual([
      ["score-above-max", "'Bảng điểm'!E3"],
      ["score-above-max", "'Bảng điểm'!E4"],
      ["score-above-max", "'Bảng điểm'!F3"],
    ]);
  });

  it("R13: on, an item may exceed its max by its own bonus (column or text); beyond that it is score-above-max", () => {
    const r = run(true);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["score-above-max", "'Bảng điểm'!F3"]]);
    // Scores count as typed either way.
    expect(r.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở B", 21.5],
      ["Sở A", 21],
    ]);
  });
});

describe("separate Chuẩn | Thưởng | Trừ columns per criterion", () => {
  it("R13: 'Thưởng' and 'Trừ' beside 'Chuẩn' are columns of the criteria, never units to rank", () => {
    const r = analyze(
      gridFromRows("Bảng điểm", [
        ["BẢNG ĐIỂM THI ĐUA NĂM 2025"],
        ["STT", "Nội dung tiêu chí", "Chuẩn", "Thưởng", "Trừ", "Sở A", "Sở B"],
        ["1", "Hoàn thành kế hoạch", 10, 1, 2, 9, 8],
        ["2", "Báo cáo", 5, 0.5, 1, 5, 4.5],
      ])
    );
    expect(r.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở A", 14],
      ["Sở B", 12.5],
    ]);
    expect(r.issues).toEqual([]);
  });
});

describe("layout B with bare 'Thưởng' and 'Trừ' columns", () => {
  it("R7/R8: a column headed 'Thưởng' is bonus and one headed 'Trừ' is a deduction", () => {
    const r = analyze(
      gridFromRows("Bảng điểm", [
        ["BẢNG ĐIỂM THI ĐUA NĂM 2025"],
        ["STT", "Tên đơn vị", "Tiêu chí 1 (50đ)", "Tiêu chí 2 (50đ)", "Thưởng", "Trừ"],
        [1, "Sở A", 45, 40, 2, 1],
        [2, "Sở B", 44, 42, 0, 0],
      ])
    );
    expect(r.units.map((u) => [u.name, u.total, u.bonus, u.deduction])).toEqual([
      ["Sở A", 86, 2, 1],
      ["Sở B", 86, 0, 0],
    ]);
  });
});
