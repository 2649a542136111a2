/**
 * fast-check properties of ranking and scoring (K1, K2, R9) and of robustness: the detector and the
 * validator never throw, whatever the grid.
 */
import fc from "fast-check";
import { analyzeTable, analyzeWorkbook, competitionRanks, detectLayout } from "../../src/core";
import type { CellValue, Grid } from "../../src/core/grid";

const total = fc.double({ min: 0, max: 1000, noNaN: true, noDefaultInfinity: true });

describe("K1/K2 properties of competition ranks", () => {
  it("ranks are invariant under reordering the units", () => {
    fc.assert(
      fc.property(fc.array(total, { minLength: 1, maxLength: 40 }), fc.nat(), (totals, seed) => {
        const ranks = competitionRanks(totals, 2);
        const order = totals
          .map((_, i) => i)
          .sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const shuffled = competitionRanks(
          order.map((i) => totals[i]),
          2
        );
        return order.every((orig, k) => shuffled[k] === ranks[orig]);
      }),
      { numRuns: 2000 }
    );
  });

  it("equal totals share a rank; ranks lie in 1..n and follow 1, 2, 2, 4", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 20 }).map((x) => x / 4),
          { minLength: 1, maxLength: 30 }
        ),
        (totals) => {
          const ranks = competitionRanks(totals, 2);
          const n = totals.length;
          return totals.every(
            (t, i) =>
              ranks[i] >= 1 &&
              ranks[i] <= n &&
              // 1 + the number of strictly greater totals: the 1, 2, 2, 4 rule itself.
              ranks[i] === 1 + totals.filter((o) => o > t).length &&
              totals.every((o, j) => o !== t || ranks[j] === ranks[i])
          );
        }
      ),
      { numRuns: 2000 }
    );
  });
});

describe("R9 a unit's total never depends on another unit's scores", () => {
  const score = fc.oneof(
    fc.integer({ min: 0, max: 10 }),
    fc.constant(null),
    fc.constant("8,5"),
    fc.constant("x"),
    fc.constant(-2)
  );
  it("changing other columns leaves a column's total unchanged", () => {
    const criteria = [
      ["I", "Chuyên môn", 20],
      ["1", "a", 10],
      ["2", "b", 10],
      ["II", "Điểm thưởng", 5],
      ["1", "c", 10],
      ["III", "Điểm trừ", null],
      ["1", "d", 10],
    ];
    const leafRows = [1, 2, 4, 6];
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 4, maxLength: 4 }),
        fc.array(fc.array(score, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(score, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (mine, othersA, othersB) => {
          const build = (others: (CellValue | string)[][]): unknown[][] =>
            criteria.map((_, r) => {
              const k = leafRows.indexOf(r);
              return [k >= 0 ? mine[k] : null, ...others.map((o) => (k >= 0 ? o[k] : null))];
            });
          const a = analyzeTable(criteria, build(othersA), {
            units: ["Me", ...othersA.map((_, i) => `A${i}`)],
          });
          const b = analyzeTable(criteria, build(othersB), {
            units: ["Me", ...othersB.map((_, i) => `B${i}`)],
          });
          expect(a.ok && b.ok).toBe(true);
          if (a.ok && b.ok) expect(a.totals[0]).toBe(b.totals[0]);
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe("robustness: detectLayout and validation never throw on random grids", () => {
  const words = [
    "STT",
    "Nội dung",
    "Điểm chuẩn",
    "Tự chấm",
    "Cụm chấm",
    "Tên đơn vị",
    "Điểm thưởng",
    "Điểm trừ",
    "TỔNG CỘNG",
    "I",
    "1.1",
    "a)",
    "-",
    "Đơn vị: Sở A",
    "(20đ)",
    "Sở A",
    "B¶ng",
    "#REF!",
    "",
  ];
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom(...words),
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 100 }),
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.constant({ error: "#N/A" }),
    fc.string({ maxLength: 6 })
  );
  const grid: fc.Arbitrary<Grid> = fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 8 }))
    .chain(([rows, cols]) =>
      fc.record({
        values: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        }),
        merges: fc.array(
          fc.record({
            top: fc.nat(12),
            left: fc.nat(8),
            bottom: fc.nat(12),
            right: fc.nat(8),
          }),
          { maxLength: 3 }
        ),
      })
    )
    .map(({ values, merges }) => ({ sheetName: "R", top: 0, left: 0, values, merges }));

  it("detectLayout returns a result for any grid", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const d = detectLayout(g);
        expect(typeof d.ok).toBe("boolean");
      }),
      { numRuns: 3000 }
    );
  });

  it("analyzeWorkbook (detect, validate, score, rank) returns a result for any grid", () => {
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 2 }), (gs) => {
        const res = analyzeWorkbook(gs);
        if (res.ok) for (const u of res.report.units) expect(Number.isNaN(u.total)).toBe(false);
        else expect(res.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 }
    );
  });
});
