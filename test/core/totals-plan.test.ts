/**
 * THIDUA.TOTAL keeps the reading of its criteria between recalculations (only the scores change on a
 * typical edit). Whatever the scores become, the totals must stay those of the full analysis: a note
 * row that receives a score becomes a criterion, and a subtotal typed on a parent row may make R14
 * choose another tree. These tests score the same criteria twice with different scores and compare
 * the second answer with a fresh full analysis.
 */
import fc from "fast-check";
import { analyzeTable, tableTotals } from "../../src/core";
import * as table from "../../src/core/table";

const score = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }).map((x) => x / 4) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("7,5", "x", " ", "-1", 30, { error: "#N/A" }) }
);

/** Sections (some bold labels without codes), leaves, a note row, a bonus and a deduction section. */
function criteriaOf(leaves: number[][]): unknown[][] {
  const rows: unknown[][] = [];
  leaves.forEach((ls, s) => {
    rows.push([["I", "II", "III"][s], `Mục ${s + 1}`, ls.reduce((a, b) => a + b, 0)]);
    ls.forEach((m, i) => rows.push([String(i + 1), `Tiêu chí ${s + 1}.${i + 1}`, m]));
    rows.push([null, "Ghi chú: chấm theo báo cáo", null]);
  });
  rows.push(["IV", "Điểm thưởng", 2], ["1", "Sáng kiến", 3]);
  rows.push(["V", "Điểm trừ", null], ["1", "Chậm báo cáo", 2]);
  return rows;
}

describe("THIDUA.TOTAL's kept reading of the criteria (R2, R4, R14)", () => {
  it("R14: the second recalculation over the same criteria equals a fresh full analysis, whatever its scores", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(score, { minLength: 120, maxLength: 120 }),
        fc.array(score, { minLength: 120, maxLength: 120 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (leaves, units, first, second, blankRow) => {
          const criteria = criteriaOf(leaves);
          // The first scores leave parent and note rows blank (the reading is kept); the second
          // type anything anywhere, so note rows and parent rows may change the reading.
          const parentOrNote = (r: number): boolean =>
            criteria[r][0] === null ||
            /^(I|II|III|IV|V)$/.test(String(criteria[r][0])) ||
            blankRow[r % blankRow.length];
          let n = 0;
          const s1 = criteria.map((_, r) =>
            Array.from({ length: units }, () => (parentOrNote(r) ? null : first[n++ % 120]))
          );
          n = 0;
          const s2 = criteria.map(() => Array.from({ length: units }, () => second[n++ % 120]));
          tableTotals(criteria, s1);
          const kept = tableTotals(criteria, s2);
          const fresh = analyzeTable(criteria, s2);
          expect(kept.ok).toBe(fresh.ok);
          if (kept.ok && fresh.ok) expect(kept.totals).toEqual(fresh.totals);
        }
      ),
      { numRuns: 200 }
    );
  });

  it("reads the criteria once while only leaf scores change, again when a parent row gets a typed subtotal (R14)", () => {
    const criteria = [
      ["I", "Chuyên môn", 10],
      ["1", "Kế hoạch", 6],
      ["2", "Báo cáo", 4],
      ["II", "Phong trào", 10],
      ["1", "Văn nghệ", 10],
    ];
    const spy = jest.spyOn(table, "readTable");
    try {
      const a = tableTotals(criteria, [[null], [5], [4], [null], [7]]);
      const b = tableTotals(criteria, [[null], [6], [3.5], [null], [8]]);
      expect(a.ok && a.totals).toEqual([16]);
      expect(b.ok && b.totals).toEqual([17.5]);
      expect(spy).toHaveBeenCalledTimes(1);
      // A subtotal typed on section I (R2: wrong, 9 ≠ 9,5): the reading is made again, same total.
      const c = tableTotals(criteria, [[9], [6], [3.5], [null], [8]]);
      expect(c.ok && c.totals).toEqual([17.5]);
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it("R14: typed subtotals that confirm the indentation over the codes change the tree on the next recalculation", () => {
    // Codes say 1 and 2 are siblings under I; the spaces say 2 sits under 1.
    const criteria = [
      ["I", "Chuyên môn", 10],
      ["1", "  Kế hoạch", 5],
      ["2", "    Báo cáo", 5],
      ["II", "Phong trào", 5],
      ["1", "  Văn nghệ", 5],
    ];
    // Subtotals that agree with the codes: I = 4 + 5.
    const byCodes = tableTotals(criteria, [[9], [4], [5], [5], [5]]);
    expect(byCodes.ok && byCodes.totals).toEqual([14]);
    // Subtotals that agree only with the spaces (I = 1 = 5): Báo cáo alone is the leaf of I.
    const next = [[5], [5], [5], [5], [5]];
    const kept = tableTotals(criteria, next);
    const fresh = analyzeTable(criteria, next);
    expect(fresh.ok && fresh.totals).toEqual([10]);
    expect(kept.ok && kept.totals).toEqual([10]);
  });
});
