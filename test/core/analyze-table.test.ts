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
