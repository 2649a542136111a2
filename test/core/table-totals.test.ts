/**
 * THIDUA.TOTAL's short path (tableTotals: no issues, no ranking) must give exactly the totals of the
 * full analysis (analyzeTable) that RANKING, VALIDATE and the ranking sheet use: one set of rules
 * (R1–R10), two ways through them. Random tables cover what changes a total: text numbers (N1),
 * blanks (R4), errors, negatives and scores above the max, weights (R5), review columns (R6), the
 * bonus cap (R7) and deductions typed with a sign (R8).
 */
import fc from "fast-check";
import { analyzeTable, tableTotals } from "../../src/core";

const score = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 40 }).map((x) => x / 4) },
  { weight: 2, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0, max: 40 }).map((x) => String(x / 4).replace(".", ",")),
  },
  { weight: 1, arbitrary: fc.constantFrom("x", "#N/A", "1.000", " 7,5đ", "", "-2", "8.5") },
  { weight: 1, arbitrary: fc.constantFrom(-3, 12, 0.125, { error: "#REF!" }) }
);

interface Row {
  code: string;
  label: string;
  max: number | null;
  weight: number;
}

/** A criteria list: sections with leaves, then (maybe) a bonus and a deduction section. */
const criteriaList = fc
  .tuple(
    fc.array(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.boolean(),
    fc.boolean(),
    fc.array(fc.constantFrom(1, 1, 1, 2, 0.5), { minLength: 40, maxLength: 40 })
  )
  .map(([sections, bonus, deduction, weights]): Row[] => {
    const rows: Row[] = [];
    const roman = ["I", "II", "III", "IV", "V", "VI"];
    let w = 0;
    sections.forEach((leaves, s) => {
      rows.push({
        code: roman[s],
        label: `Mục ${s + 1}`,
        max: leaves.reduce((a, b) => a + b, 0),
        weight: 1,
      });
      leaves.forEach((m, i) =>
        rows.push({ code: String(i + 1), label: `Tiêu chí ${i + 1}`, max: m, weight: weights[w++] })
      );
    });
    let next = sections.length;
    if (bonus)
      rows.push(
        { code: roman[next++], label: "Điểm thưởng", max: 3, weight: 1 },
        { code: "1", label: "Sáng kiến", max: 5, weight: 1 }
      );
    if (deduction)
      rows.push(
        { code: roman[next++], label: "Điểm trừ", max: null, weight: 1 },
        { code: "1", label: "Vi phạm", max: 5, weight: 1 }
      );
    return rows;
  });

describe("THIDUA.TOTAL's short path gives the full analysis' totals (R1–R10)", () => {
  it("tableTotals equals analyzeTable's totals on random tables", () => {
    fc.assert(
      fc.property(
        criteriaList,
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.constantFrom(1, 2, 10), { nil: null }),
        fc.constantFrom(0, 1, 2),
        fc.array(score, { minLength: 400, maxLength: 400 }),
        (rows, units, weighted, pairs, bonusCap, precision, cells) => {
          const columns = pairs ? units * 2 : units;
          const criteria = rows.map((r) =>
            weighted ? [r.code, r.label, r.max, r.weight] : [r.code, r.label, r.max]
          );
          let n = 0;
          const scores = rows.map(() =>
            Array.from({ length: columns }, () => cells[n++ % cells.length])
          );
          const options = { precision, bonusCap, selfReviewPairs: pairs };
          const full = analyzeTable(criteria, scores, options);
          const short = tableTotals(criteria, scores, options);
          expect(short.ok).toBe(full.ok);
          if (short.ok && full.ok) expect(short.totals).toEqual(full.totals);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("builds no issue on the short path, yet the full one reports them (so the test above compares real work)", () => {
    const criteria = [
      ["I", "Chuyên môn", 10],
      ["1", "Kế hoạch", 10],
    ];
    const scores = [[null], ["8,5"]];
    const full = analyzeTable(criteria, scores);
    const short = tableTotals(criteria, scores);
    if (!full.ok || !short.ok) throw new Error("both must read the table");
    expect(full.report.issues.map((i) => i.code)).toEqual(["text-number"]);
    expect(short.totals).toEqual([8.5]);
    expect(Object.keys(short)).toEqual(["ok", "totals"]);
  });
});
