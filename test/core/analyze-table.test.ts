import { analyzeTable } from "../../src/core";

describe("analyzeTable (THIDUA.TOTAL / RANKING over plain ranges)", () => {
  const criteria = [
    ["I", "Chuyên môn", 20],
    ["1", "Kế hoạch", 10],
    ["2", "Báo cáo", 10],
    ["II", "Điểm thưởng", 5],
    ["1", "Sáng kiến", 10],
    ["III", "Điểm trừ", null],
    ["1", "Vi phạm", 5],
  ];

  it("gives one total per score column, leaves only, bonus capped (R7), deductions as magnitudes (R8)", () => {
    const scores = [
      [null, null, null],
      [9, 8, "7,5"],
      [9, 10, 9],
      [null, null, null],
      [8, 1, 0],
      [null, null, null],
      [-2, 0, 1],
    ];
    const res = analyzeTable(criteria, scores, { units: ["Sở A", "Sở B", "Sở C"] });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.totals).toEqual([21, 19, 15.5]);
    expect(res.report.units.map((u) => [u.name, u.rank])).toEqual([
      ["Sở A", 1],
      ["Sở B", 2],
      ["Sở C", 3],
    ]);
  });

  it("names issue cells relative to the scores range (A1 inside the range)", () => {
    const res = analyzeTable(criteria, [[null], [9], [11], [null], [0], [null], [0]]);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["score-above-max@A3"]);
  });

  it("N3 two columns with the same unit name each get their own column's total, in column order", () => {
    const scores = [
      [null, null, null],
      [5, 9, 8],
      [5, 9, 8],
      [null, null, null],
      [0, 0, 0],
      [null, null, null],
      [0, 0, 0],
    ];
    const res = analyzeTable(criteria, scores, { units: ["Sở A", "Sở B", "Sở A"] });
    if (!res.ok) throw new Error(res.message);
    // The first "Sở A" ranks last: its total must still be the first column's.
    expect(res.totals).toEqual([10, 18, 16]);
    expect(res.report.issues.map((i) => `${i.code}@${i.unit}`)).toContain("duplicate-unit@Sở A");
  });

  it("text numbers and max problems are named relative to the ranges, fixes included; leafCells too", () => {
    const crit = criteria.map((r) => r.slice());
    crit[0][2] = 25; // R1: 25 ≠ 10 + 10
    const res = analyzeTable(crit, [[null], ["9,5"], [9], [null], [0], [null], [0]]);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.issues.map((i) => [i.code, i.cell, i.fix?.cell ?? null])).toEqual([
      ["max-sum-mismatch", "criteria!C1", null],
      ["text-number", "A2", "A2"],
    ]);
    expect(res.totals).toEqual([18.5]);
    expect(res.report.units[0].leafCells).toEqual({
      "I.1": "A2",
      "I.2": "A3",
      "II.1": "A5",
      "III.1": "A7",
    });
  });

  it("accepts [label, max] criteria with two columns and weights with four (R5)", () => {
    const two = analyzeTable(
      [
        ["Kế hoạch", 10],
        ["Báo cáo", 10],
      ],
      [[5], [6]]
    );
    expect(two.ok && two.totals).toEqual([11]);
    const four = analyzeTable(
      [
        ["1", "Kế hoạch", 10, 2],
        ["2", "Báo cáo", 10, 1],
      ],
      [[5], [6]]
    );
    expect(four.ok && four.totals).toEqual([16]);
  });

  it("refuses ranges that cannot be criteria with a message", () => {
    const res = analyzeTable([[1]], [[1]], { lang: "en" });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/Not a score sheet/);
  });
});
