import { analyzeWorkbook, type RankingReport } from "../../src/core";
import { gridFromRows, type CellValue } from "../../src/core/grid";
import type { ClusterProfile } from "../../src/core/profile";
import { layoutA } from "./helpers";

function rank(
  units: string[],
  rows: CellValue[][],
  profile: Partial<ClusterProfile> = {}
): RankingReport {
  const res = analyzeWorkbook([layoutA(units, rows)], { profile });
  if (!res.ok) throw new Error(res.message);
  return res.report;
}
const total = (r: RankingReport, name: string): number =>
  r.units.find((u) => u.name === name)!.total;
const codes = (r: RankingReport): string[] => r.issues.map((i) => `${i.code}@${i.cell ?? i.unit}`);

describe("R1–R10 scoring", () => {
  it("R1 a parent max that differs from its children's is max-sum-mismatch on the max cell, never rewritten", () => {
    const r = rank(
      ["Sở A"],
      [
        ["I", "Chuyên môn", 50, null],
        ["1", "Kế hoạch", 30, 25],
        ["2", "Báo cáo", 30, 20],
      ]
    );
    expect(codes(r)).toContain("max-sum-mismatch@'Bảng điểm'!C4");
    expect(r.criteria[0].max).toBe(50);
    expect(total(r, "Sở A")).toBe(45);
  });

  it("R2 only leaves count; a typed subtotal that differs is subtotal-mismatch and the children's sum is used", () => {
    const r = rank(
      ["Sở A"],
      [
        ["I", "Chuyên môn", 60, 99],
        ["1", "Kế hoạch", 30, 25],
        ["2", "Báo cáo", 30, 20],
        [null, "TỔNG CỘNG", 60, 46],
      ]
    );
    expect(total(r, "Sở A")).toBe(45);
    expect(codes(r)).toEqual(
      expect.arrayContaining([
        "subtotal-mismatch@'Bảng điểm'!D4",
        "subtotal-mismatch@'Bảng điểm'!D7",
      ])
    );
  });

  it("R3 out of range is reported, not clamped", () => {
    const r = rank(
      ["Sở A", "Sở B"],
      [
        ["1", "Kế hoạch", 30, 32, -1],
        ["2", "Báo cáo", 30, 20, 20],
      ]
    );
    expect(total(r, "Sở A")).toBe(52);
    expect(total(r, "Sở B")).toBe(19);
    expect(codes(r)).toEqual(
      expect.arrayContaining(["score-above-max@'Bảng điểm'!D4", "score-negative@'Bảng điểm'!E4"])
    );
    expect(r.provisional).toBe(true);
  });

  it("R4 a blank leaf is score-missing and makes the rank provisional; a typed 0 is a score", () => {
    const r = rank(
      ["Sở A", "Sở B"],
      [
        ["1", "Kế hoạch", 30, null, 0],
        ["2", "Báo cáo", 30, 20, 25],
      ]
    );
    expect(codes(r)).toEqual(["score-missing@'Bảng điểm'!D4"]);
    expect(r.units.find((u) => u.name === "Sở A")!.complete).toBe(false);
    expect(r.units.find((u) => u.name === "Sở B")!.complete).toBe(true);
    expect(r.provisional).toBe(true);
  });

  it("R5 weights multiply a leaf's score and max; the parent's max is compared with the weighted sum", () => {
    const g = gridFromRows("W", [
      ["STT", "Nội dung", "Điểm chuẩn", "Hệ số", "Sở A"],
      ["I", "Chuyên môn", 50, null, null],
      ["1", "Kế hoạch", 10, 2, 9],
      ["2", "Báo cáo", 30, 1, 25],
    ]);
    const res = analyzeWorkbook([g]);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.units[0].total).toBe(43);
    expect(res.report.contentMax).toBe(50);
    expect(res.report.issues.filter((i) => i.code === "max-sum-mismatch")).toEqual([]);
  });

  it("R6 the reviewed score counts over the self score, never the larger one", () => {
    const g = gridFromRows("D", [
      ["Đơn vị: Sở A"],
      ["STT", "Nội dung", "Điểm chuẩn", "Tự chấm", "Cụm chấm"],
      ["1", "Kế hoạch", 30, 29, 25],
      ["2", "Báo cáo", 30, 20, 28],
    ]);
    const res = analyzeWorkbook([g]);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.units[0].total).toBe(53);
    expect(res.report.issues.map((i) => i.code)).not.toContain("review-missing");
  });

  it("R7 bonus above the cap is dropped with bonus-capped naming the amount; profile.bonusCap overrides the sheet", () => {
    const rows: CellValue[][] = [
      ["1", "Kế hoạch", 90, 80],
      ["II", "Điểm thưởng", 5, null],
      ["1", "Sáng kiến", 5, 4],
      ["2", "Khen thưởng", 5, 3],
    ];
    const r = rank(["Sở A"], rows);
    expect(total(r, "Sở A")).toBe(85);
    const capped = r.issues.find((i) => i.code === "bonus-capped")!;
    expect(capped.unit).toBe("Sở A");
    expect(capped.message).toMatch(/bỏ 2 điểm/);
    expect(total(rank(["Sở A"], rows, { bonusCap: 10 }), "Sở A")).toBe(87);
  });

  it("R8 deductions are magnitudes: -8 and 8 both deduct 8, the negative raises deduction-sign", () => {
    const r = rank(
      ["Sở A", "Sở B"],
      [
        ["1", "Kế hoạch", 90, 80, 80],
        ["II", "Điểm trừ", null, null, null],
        ["1", "Vi phạm", 10, -8, 8],
      ]
    );
    expect(total(r, "Sở A")).toBe(72);
    expect(total(r, "Sở B")).toBe(72);
    expect(codes(r).filter((c) => !c.startsWith("tie-at-top"))).toEqual([
      "deduction-sign@'Bảng điểm'!D6",
    ]);
  });

  it("R10 0.1 + 0.2 and 0.3 tie at the sheet precision", () => {
    const r = rank(
      ["Sở A", "Sở B"],
      [
        ["1", "a", 1, 0.1, 0.3],
        ["2", "b", 1, 0.2, 0],
      ]
    );
    expect(r.units.map((u) => u.rank)).toEqual([1, 1]);
  });

  it("N1/N2 text numbers, ambiguous numbers, errors and words in score cells count as 0 with their codes", () => {
    const r = rank(
      ["A", "B", "C", "D"],
      [
        ["1", "Kế hoạch", 30, "18,5", "1.000", { error: "#REF!" }, "đạt"],
        ["2", "Báo cáo", 30, 10, 10, 10, 10],
      ]
    );
    expect(r.units.map((u) => [u.name, u.total])).toEqual([
      ["A", 28.5],
      ["B", 10],
      ["C", 10],
      ["D", 10],
    ]);
    expect(codes(r)).toEqual([
      "text-number@'Bảng điểm'!D4",
      "ambiguous-number@'Bảng điểm'!E4",
      "cell-error@'Bảng điểm'!F4",
      "not-a-number@'Bảng điểm'!G4",
    ]);
    expect(r.issues[0].fix).toEqual({ cell: "'Bảng điểm'!D4", value: 18.5 });
    expect(r.errorCount).toBe(3);
  });

  it("N2 a leaf formula with no saved result is a cell-error the user sees (not a silent 0, not score-missing)", () => {
    const r = rank(
      ["A"],
      [
        ["1", "Kế hoạch", 30, undefined],
        ["2", "Báo cáo", 30, 10],
      ]
    );
    expect(codes(r)).toEqual(["cell-error@'Bảng điểm'!D4"]);
    const issue = r.issues[0];
    expect(issue.severity).toBe("error");
    expect(issue.message).toContain("công thức chưa có kết quả");
    expect(issue.criterion).toBe("1 Kế hoạch");
    // Counted as 0 like every error (§6), and the ranking says it is provisional.
    expect(total(r, "A")).toBe(10);
    expect(r.provisional).toBe(true);
    expect(r.errorCount).toBe(1);
    // Nothing was left blank: the unit is not "incomplete" (that is R4's blank leaf).
    expect(r.units[0].complete).toBe(true);
  });
});

describe("§6 issues across units", () => {
  it("N3 two units equal after NFC and space normalisation are duplicate-unit", () => {
    const r = rank(["Sở Tư pháp", "Sở  Tư pháp ".normalize("NFD")], [["1", "a", 10, 5, 6]]);
    expect(r.issues.map((i) => i.code)).toContain("duplicate-unit");
    expect(r.provisional).toBe(true);
  });

  it("N3 the two tone placements (Khánh Hoà / Khánh Hòa) and a different case are the same unit: duplicate-unit", () => {
    const r = rank(
      ["Sở Y tế Khánh Hoà", "sở y tế khánh hòa", "Sở Y tế Khánh Hòa"],
      [
        ["1", "Kế hoạch", 10, 5, 6, 7],
        ["2", "Báo cáo", 10, 5, 6, 7],
      ]
    );
    const dups = r.issues.filter((i) => i.code === "duplicate-unit");
    expect(dups.map((i) => [i.unit, i.cell])).toEqual([
      ["sở y tế khánh hòa", "'Bảng điểm'!E3"],
      ["Sở Y tế Khánh Hòa", "'Bảng điểm'!F3"],
    ]);
    expect(dups[0].message).toContain("'Bảng điểm'!D3");
    expect(dups[0].severity).toBe("error");
    expect(r.provisional).toBe(true);
  });

  it("N3 names that differ by a diacritic are different units, not duplicates", () => {
    const r = rank(["Sở Y tế", "Sở Ý tế"], [["1", "a", 10, 5, 6]]);
    expect(r.issues.map((i) => i.code)).not.toContain("duplicate-unit");
  });

  it("N4 TCVN3 names are converted to Unicode and flagged legacy-encoding with a fix", () => {
    const g = layoutA(["Së Néi vô"], [["1", "Tiêu chí", 10, 8]]);
    g.formats = g.values.map((row) => row.map(() => ({ font: { name: ".VnTime" } })));
    const res = analyzeWorkbook([g]);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.units[0].name).toBe("Sở Nội vụ");
    const legacy = res.report.issues.find(
      (i) => i.code === "legacy-encoding" && i.cell === "'Bảng điểm'!D3"
    )!;
    expect(legacy.fix).toEqual({ cell: "'Bảng điểm'!D3", value: "Sở Nội vụ" });
  });

  it("K3 a tie for rank 1 raises tie-at-top naming both units", () => {
    const r = rank(["Sở A", "Sở B", "Sở C"], [["1", "a", 10, 9, 9, 8]]);
    const tie = r.issues.find((i) => i.code === "tie-at-top")!;
    expect(tie.message).toMatch(/Sở A, Sở B/);
  });

  it("K4 an ineligible unit keeps its rank, is passed over (not-eligible) and the flag goes to the next", () => {
    const r = rank(["Sở A", "Sở B"], [["1", "a", 10, 9, 8]], {
      eligibility: [{ unit: "Sở A", reasons: ["có cán bộ vi phạm kỷ luật"] }],
    });
    expect(r.units.map((u) => [u.name, u.rank, u.award])).toEqual([
      ["Sở A", 1, null],
      ["Sở B", 2, "Cờ thi đua của UBND tỉnh"],
    ]);
    expect(r.issues.find((i) => i.code === "not-eligible")!.message).toMatch(/vi phạm kỷ luật/);
  });

  it("messages follow the language asked for", () => {
    const res = analyzeWorkbook([layoutA(["A"], [["1", "a", 10, 12]])], { lang: "en" });
    if (!res.ok) throw new Error(res.message);
    expect(res.report.issues[0].message).toMatch(/is above the max 10/);
  });
});

describe("nothing to rank", () => {
  it("names what was missing on the sheet that came closest, and lists every sheet in the reasons", () => {
    const res = analyzeWorkbook([
      gridFromRows("Danh sách", [
        ["Họ tên", "Chức vụ"],
        ["Nguyễn Văn A", "Trưởng phòng"],
      ]),
      gridFromRows("Điểm", [
        ["STT", "Nội dung", "Sở A"],
        ["1", "Kế hoạch", 5],
      ]),
    ]);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.message).toBe("Không phải bảng chấm điểm: không tìm thấy cột điểm chuẩn.");
    expect(res.reasons).toHaveLength(2);
  });
});

describe("K6 settings problems on the report", () => {
  const rows: CellValue[][] = [
    ["1", "Kế hoạch", 10, 9],
    ["2", "Báo cáo", 10, 8],
  ];

  it("K6 a gap and an overlap in the bands reach the report as settingsProblems, not as cell issues", () => {
    const r = rank(["Sở A"], rows, {
      bands: [
        { label: "Xuất sắc", minShare: 0.9 },
        { label: "Tốt", minShare: 0.9 },
        { label: "Đạt", minShare: 0.5 },
      ],
    });
    expect(r.settingsProblems).toEqual([
      'Hai mức "Xuất sắc" và "Tốt" cùng ngưỡng 90 %: chồng lấn nhau.',
      "Không có mức nào cho tổng điểm dưới 50 % của điểm tối đa: hãy thêm một mức từ 0 %.",
    ]);
    expect(r.issues).toEqual([]);
  });

  it("K6 the default bands have no problem; English reports get English sentences", () => {
    expect(rank(["Sở A"], rows).settingsProblems).toEqual([]);
    const res = analyzeWorkbook([layoutA(["Sở A"], rows)], {
      lang: "en",
      profile: { bands: [{ label: "Good", minShare: 0.7 }] },
    });
    if (!res.ok) throw new Error(res.message);
    expect(res.report.settingsProblems).toEqual([
      "No band covers totals below 70 % of the max: add a band from 0 %.",
    ]);
  });
});
