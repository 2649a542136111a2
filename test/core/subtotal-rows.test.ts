/**
 * R2 on the "Cộng" / "Cộng mục I" subtotal lines offices type inside the table: they are not criteria
 * (the section is not counted twice), and a subtotal that differs from the sum of the section it
 * closes is `subtotal-mismatch` on that cell, in layouts A, B, C and D.
 */
import { analyzeWorkbook, describeMapping, type RankingReport } from "../../src/core";
import { gridFromRows, type Grid } from "../../src/core/grid";

function rank(g: Grid, lang: "vi" | "en" = "vi"): RankingReport {
  const r = analyzeWorkbook([g], { lang });
  if (!r.ok) throw new Error(r.message);
  return r.report;
}

const totals = (r: RankingReport): Record<string, number> =>
  Object.fromEntries(r.units.map((u) => [u.name, u.total]));

const mismatches = (r: RankingReport): { cell: string | null; unit: string | null }[] =>
  r.issues
    .filter((i) => i.code === "subtotal-mismatch")
    .map((i) => ({ cell: i.cell, unit: i.unit }));

describe("R2 subtotal rows (Cộng, Cộng mục I) inside the table", () => {
  const layoutA = (subI: [number, number], subII: [number, number]): Grid =>
    gridFromRows("Bảng điểm", [
      ["BẢNG TỔNG HỢP ĐIỂM"],
      ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Sở B"],
      ["I", "Công tác chuyên môn", 60, null, null],
      ["1", "Hoàn thành kế hoạch", 30, 20, 25],
      ["2", "Cải cách hành chính", 30, 20, 25],
      [null, "Cộng mục I", 60, ...subI],
      ["II", "Công tác khác", 40, null, null],
      ["1", "Thi đua khen thưởng", 40, 30, 35],
      [null, "Cộng", 40, ...subII],
      [null, "TỔNG CỘNG", 100, 70, 85],
    ]);

  it("A: 'Cộng mục I' and a 'Cộng' just above TỔNG CỘNG are subtotals, not criteria nor the total", () => {
    const r = rank(layoutA([40, 50], [30, 35]));
    // Counted once: 20+20+30 and 25+25+35; the TỔNG CỘNG row (70, 85) agrees, so no issue at all.
    expect(totals(r)).toEqual({ "Sở A": 70, "Sở B": 85 });
    expect(r.criteria.map((c) => c.code)).toEqual(["I", "II"]);
    expect(r.issues).toEqual([]);
    expect(describeMapping(r.mappings[0], "vi").reasons).toContain(
      "Dòng cộng từng mục (đối chiếu, không tính là tiêu chí): dòng 6, 9"
    );
  });

  it("A: a subtotal that differs from its section's leaves is subtotal-mismatch on that cell, the leaves count", () => {
    const r = rank(layoutA([40, 45], [30, 99]));
    expect(mismatches(r)).toEqual([
      { cell: "'Bảng điểm'!E6", unit: "Sở B" },
      { cell: "'Bảng điểm'!E9", unit: "Sở B" },
    ]);
    const [first, second] = r.issues.filter((i) => i.code === "subtotal-mismatch");
    expect(first.severity).toBe("warning");
    expect(first.criterion).toBe("I Công tác chuyên môn");
    expect(first.message).toBe(
      'Ô cộng của "I Công tác chuyên môn" ghi 45 nhưng các tiêu chí cộng lại là 50 (Sở B): dùng 50.'
    );
    expect(second.criterion).toBe("II Công tác khác");
    expect(totals(r)).toEqual({ "Sở A": 70, "Sở B": 85 });
  });

  it("A: the message exists in English too", () => {
    const r = rank(layoutA([40, 45], [30, 35]), "en");
    expect(r.issues.map((i) => i.message)).toEqual([
      'The subtotal cell of "I Công tác chuyên môn" shows 45 but its criteria add up to 50 (Sở B): 50 is used.',
    ]);
  });

  it("R1: a max restated on a 'Cộng' line that differs from its criteria is max-sum-mismatch on that cell", () => {
    const g = layoutA([40, 50], [30, 35]);
    g.values[5][2] = 55; // "Cộng mục I" restates I's max as 55; its criteria are worth 30 + 30
    g.values[8][2] = "40"; // "Cộng" restates II's 40 as text: agrees, nothing to say
    const r = rank(g);
    expect(r.issues.map((i) => [i.code, i.severity, i.cell, i.criterion])).toEqual([
      ["max-sum-mismatch", "error", "'Bảng điểm'!C6", "I Công tác chuyên môn"],
    ]);
    expect(r.issues[0].message).toBe(
      'Dòng cộng của "I Công tác chuyên môn" ghi điểm chuẩn 55 nhưng điểm chuẩn các tiêu chí cộng lại là 60.'
    );
    // The criteria's own max still decides the scale: the totals are unchanged.
    expect(totals(r)).toEqual({ "Sở A": 70, "Sở B": 85 });
    expect(rank(g, "en").issues[0].message).toBe(
      'The subtotal line of "I Công tác chuyên môn" shows a max of 55 but its criteria\'s maxima add up to 60.'
    );
  });

  it("A without sections: a 'Cộng' closes the criteria since the previous one", () => {
    const r = rank(
      gridFromRows("Phẳng", [
        ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Sở B"],
        ["1", "Tiêu chí một", 30, 20, 25],
        ["2", "Tiêu chí hai", 30, 20, 25],
        [null, "Cộng", 60, 40, 51],
        ["3", "Tiêu chí ba", 40, 30, 35],
        [null, "TỔNG CỘNG", 100, 70, 85],
      ])
    );
    expect(mismatches(r)).toEqual([{ cell: "'Phẳng'!E4", unit: "Sở B" }]);
    expect(totals(r)).toEqual({ "Sở A": 70, "Sở B": 85 });
  });

  it("R1 without sections: a 'Cộng' line's max is compared with the criteria it closes, named by its label", () => {
    const r = rank(
      gridFromRows("Phẳng", [
        ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Sở B"],
        ["1", "Tiêu chí một", 30, 20, 25],
        ["2", "Tiêu chí hai", 30, 20, 25],
        [null, "Cộng", 50, 40, 50],
        ["3", "Tiêu chí ba", 40, 30, 35],
      ])
    );
    expect(r.issues.map((i) => [i.code, i.cell, i.criterion])).toEqual([
      ["max-sum-mismatch", "'Phẳng'!C4", "Cộng"],
    ]);
  });

  it("B: a 'Cộng' column under each merged section is checked against that section's columns", () => {
    const g: Grid = {
      ...gridFromRows("Ngang", [
        [
          "STT",
          "Tên đơn vị",
          "I. Chuyên môn (60đ)",
          "I. Chuyên môn (60đ)",
          "I. Chuyên môn (60đ)",
          "II. Công tác khác (40đ)",
          "II. Công tác khác (40đ)",
          "Tổng điểm",
        ],
        [null, null, "Kế hoạch (30đ)", "Cải cách (30đ)", "Cộng", "Thi đua (40đ)", "Cộng", null],
        [1, "Sở A", 20, 20, 40, 30, 30, 70],
        [2, "Sở B", 25, 25, 45, 35, 36, 85],
      ]),
      merges: [
        { top: 0, left: 2, bottom: 0, right: 4 },
        { top: 0, left: 5, bottom: 0, right: 6 },
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 1, right: 1 },
        { top: 0, left: 7, bottom: 1, right: 7 },
      ],
    };
    const r = rank(g);
    expect(totals(r)).toEqual({ "Sở A": 70, "Sở B": 85 });
    expect(mismatches(r)).toEqual([
      { cell: "'Ngang'!E4", unit: "Sở B" },
      { cell: "'Ngang'!G4", unit: "Sở B" },
    ]);
  });

  it("B: a bare 'Cộng' column between criteria is a subtotal, the last 'Tổng điểm' the total", () => {
    const r = rank(
      gridFromRows("Ngang", [
        [
          "STT",
          "Tên đơn vị",
          "Tiêu chí 1 (30đ)",
          "Tiêu chí 2 (30đ)",
          "Cộng",
          "Tiêu chí 3 (40đ)",
          "Tổng điểm",
        ],
        [1, "Sở A", 20, 20, 41, 30, 70],
        [2, "Sở B", 25, 25, 50, 35, 84],
      ])
    );
    expect(totals(r)).toEqual({ "Sở A": 70, "Sở B": 85 });
    expect(r.issues.map((i) => [i.code, i.cell, i.unit])).toEqual([
      ["subtotal-mismatch", "'Ngang'!E2", "Sở A"],
      ["subtotal-mismatch", "'Ngang'!G3", "Sở B"],
    ]);
  });

  it("C: each unit's Tự chấm and Cụm chấm cells on a 'Cộng' row are checked against their own column", () => {
    const g: Grid = {
      ...gridFromRows("Cặp", [
        ["STT", "Nội dung", "Điểm chuẩn", "Sở A", null, "Sở B", null],
        [null, null, null, "Tự chấm", "Cụm chấm", "Tự chấm", "Cụm chấm"],
        ["I", "Chuyên môn", 60, null, null, null, null],
        ["1", "Kế hoạch", 30, 25, 20, 25, 25],
        ["2", "Cải cách", 30, 25, 20, 25, 25],
        [null, "Cộng", 60, 50, 45, 50, 50],
        ["II", "Công tác khác", 40, null, null, null, null],
        ["1", "Thi đua", 40, 35, 30, 35, 35],
        [null, "Cộng", 40, 35, 30, 35, 35],
        [null, "TỔNG CỘNG", 100, 85, 70, 85, 85],
      ]),
      merges: [
        { top: 0, left: 3, bottom: 0, right: 4 },
        { top: 0, left: 5, bottom: 0, right: 6 },
      ],
    };
    const r = rank(g);
    expect(r.mappings.map((m) => (m as { layout: string }).layout)).toEqual(["C"]);
    // Sở A's reviewed scores count (R6): 20 + 20 + 30.
    expect(totals(r)).toEqual({ "Sở A": 70, "Sở B": 85 });
    expect(mismatches(r)).toEqual([{ cell: "'Cặp'!E6", unit: "Sở A" }]);
  });

  it("D: a self-score form with 'Cộng mục I' and 'Cộng mục II' rows", () => {
    const r = rank(
      gridFromRows("Phiếu tự chấm", [
        ["PHIẾU TỰ CHẤM ĐIỂM THI ĐUA"],
        ["Đơn vị: Sở Tư pháp"],
        ["STT", "Nội dung", "Điểm chuẩn", "Điểm tự chấm", "Điểm cụm chấm", "Giải trình"],
        ["I", "Chuyên môn", 60, null, null, null],
        ["1", "Kế hoạch", 30, 28, null, null],
        ["2", "Cải cách", 30, 27, null, null],
        [null, "Cộng mục I", 60, 55, null, null],
        ["II", "Công tác khác", 40, null, null, null],
        ["1", "Thi đua", 40, 36, null, null],
        [null, "Cộng mục II", 40, 38, null, null],
        [null, "TỔNG CỘNG", 100, 91, null, null],
      ])
    );
    expect(totals(r)).toEqual({ "Sở Tư pháp": 91 });
    expect(mismatches(r)).toEqual([{ cell: "'Phiếu tự chấm'!D10", unit: "Sở Tư pháp" }]);
    expect(r.issues.find((i) => i.code === "subtotal-mismatch")?.criterion).toBe(
      "II Công tác khác"
    );
  });

  it("R8: a deduction section's subtotal typed as a negative number is its magnitude, not a mismatch", () => {
    const r = rank(
      gridFromRows("Trừ", [
        ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A"],
        ["I", "Chuyên môn", 60, null],
        ["1", "Kế hoạch", 60, 50],
        [null, "Cộng", 60, 50],
        ["II", "Điểm trừ", null, null],
        ["1", "Chậm báo cáo", 5, 3],
        [null, "Cộng", null, -3],
        [null, "TỔNG CỘNG", null, 47],
      ])
    );
    expect(totals(r)).toEqual({ "Sở A": 47 });
    expect(mismatches(r)).toEqual([]);
  });
});
