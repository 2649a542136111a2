/**
 * Issue 4: "ranges arrive as any[][] with blanks, text and errors: treat them by DOMAIN.md, never
 * crash". Every function is called with random ranges, the way Excel can hand them over (ragged
 * rows, scalars for ranges, NaN and Infinity, booleans, error objects from Excel and HyperFormula,
 * "8,5", "#N/A" typed as text), and must return a value or throw only its own #VALUE! / #N/A with a
 * sentence of ours: never a JavaScript error dressed up as #VALUE! ("Cannot read properties…").
 */
import fc from "fast-check";
import { isErrorLike } from "../../src/functions/errors";
import {
  classify,
  clearRankCache,
  number,
  rank,
  ranking,
  total,
  unicode,
  validate,
} from "../../src/functions/functions";

const cell = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -5, max: 60 }).map((x) => x / 2) },
  { weight: 2, arbitrary: fc.constantFrom("", null, undefined) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "8,5",
      "8.5",
      "1.000",
      " 7,5đ ",
      "x",
      "#N/A",
      "I",
      "II",
      "1",
      "1.1",
      "Điểm thưởng",
      "Điểm trừ",
      "Tự chấm",
      "Cụm chấm",
      "Sở A",
      "Së Néi vô"
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      NaN,
      Infinity,
      -0,
      true,
      false,
      { code: "#REF!" },
      { type: "DIV_BY_ZERO" },
      { error: "#VALUE!" },
      {},
      [1]
    ),
  }
);

/** A range: a rectangle, or ragged rows, or (rarely) a bare scalar where a range was expected. */
const range = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }))
      .chain(([r, c]) =>
        fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })
      ),
  },
  { weight: 2, arbitrary: fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 }) },
  { weight: 1, arbitrary: cell }
);

const scalarArg = fc.oneof(cell, fc.constant(null), range);

/** Mostly criteria and scores over the same rows (as users select them), sometimes two unrelated ranges. */
const tables = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 6 })
      )
      .chain(([r, cw, sw]) =>
        fc.tuple(
          fc.array(fc.array(cell, { minLength: cw, maxLength: cw }), {
            minLength: r,
            maxLength: r,
          }),
          fc.array(fc.array(cell, { minLength: sw, maxLength: sw }), {
            minLength: r,
            maxLength: r,
          })
        )
      ),
  },
  { weight: 1, arbitrary: fc.tuple(range, range) }
);

// What a JavaScript bug says when guard turns it into #VALUE!: none of our sentences reads like this.
const JS_ERROR =
  /Cannot read|undefined is not|is not a function|is not iterable|Maximum call stack|of undefined|of null|Invalid array length/;

/** True when the call returned a value; checks the error's shape when it threw. */
function outcome(call: () => unknown): boolean {
  try {
    call();
    return true;
  } catch (e) {
    expect(isErrorLike(e)).toBe(true);
    const err = e as { code: string; message?: string };
    expect(["#VALUE!", "#N/A"]).toContain(err.code);
    expect(err.message ?? "").not.toMatch(JS_ERROR);
    expect((err.message ?? "").length).toBeGreaterThan(0);
    return false;
  }
}

describe("the THIDUA functions never fail with a JavaScript error (issue 4, DOMAIN §6)", () => {
  beforeEach(() => clearRankCache());

  it("TOTAL, RANKING and VALIDATE over random criteria, scores and units", () => {
    let scored = 0;
    fc.assert(
      fc.property(tables, fc.option(range, { nil: undefined }), scalarArg, ([c, s], u, p) => {
        if (outcome(() => total(c as any, s as any, p as any, null as any))) scored++;
        outcome(() => ranking(c as any, s as any, u as any, null as any, p as any));
        outcome(() => validate(c as any, s as any, u as any));
      }),
      { numRuns: 400 }
    );
    // Enough random tables get past the argument checks for the scoring itself to be fuzzed.
    expect(scored).toBeGreaterThan(60);
  });

  it("RANK, CLASSIFY, NUMBER and UNICODE over random values and ranges", () => {
    fc.assert(
      fc.property(scalarArg, range, scalarArg, range, (x, xs, y, bands) => {
        outcome(() => rank(x as any, xs as any, y as any));
        outcome(() => classify(x, y, bands as any));
        outcome(() => number(x, y as any));
        outcome(() => unicode(x, y as any));
      }),
      { numRuns: 400 }
    );
  });

  it("the same table whole gives totals, so the fuzz above reaches past the argument checks", () => {
    const criteria = [
      ["I", "Chuyên môn", 20],
      ["1", "Kế hoạch", 10],
      ["2", "Báo cáo", 10],
    ];
    expect(total(criteria, [[""], [9], ["8,5"]], null as any, null as any)).toEqual([[17.5]]);
  });
});
