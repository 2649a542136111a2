/**
 * The seven functions called directly, the way Excel calls them: ranges as any[][] with "" for blanks,
 * text scores, error objects, and null for every omitted optional argument.
 */
import {
  classify,
  clearRankCache,
  number,
  rank,
  rankCacheStats,
  ranking,
  total,
  unicode,
  validate,
} from "../../src/functions/functions";
import { functionStrings } from "../../src/functions/strings";

/** What the functions throw, as a user sees it: the error code and its message. */
function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e: any) {
    return { code: e.code, message: e.message };
  }
  throw new Error("expected the function to fail");
}

// A small criteria table in the shape of sample s1: sections, leaves, a bonus and a deduction section.
const CRITERIA = [
  ["I", "Kết quả thực hiện nhiệm vụ", 60],
  ["1", "Hoàn thành kế hoạch công tác năm", 35],
  ["2", "Cải cách hành chính", 25],
  ["II", "Công tác thi đua, khen thưởng", 40],
  ["1", "Phát động thi đua", 20],
  ["2", "Tham gia hoạt động chung của Cụm", 20],
  ["III", "Điểm cộng (tối đa 5 điểm)", 5],
  ["1", "Sáng kiến được công nhận", 3],
  ["2", "Được tặng Bằng khen", 4],
  ["IV", "Điểm trừ", ""],
  ["1", "Chậm gửi báo cáo", 3],
];

/** Scores for units A, B, C on the leaf rows (section rows left blank, as typed by hand). */
const SCORES = [
  ["", "", ""],
  [30, 33, "30,5"],
  [20, 21, 20],
  ["", "", ""],
  [18, 18, 17],
  [17, 18, 19],
  ["", "", ""],
  [3, 0, 1],
  [4, 0, 0],
  ["", "", ""],
  [0, 1, -2],
];

describe("THIDUA.TOTAL", () => {
  test("R9 spills one total per unit column; omitted optionals arrive as null", () => {
    // A: 30+20+18+17 + min(7,5) - 0 = 90; B: 33+21+18+18 + 0 - 1 = 89; C: 30.5+20+17+19 + 1 - 2 = 85.5
    expect(total(CRITERIA, SCORES, null as any, null as any)).toEqual([[90, 89, 85.5]]);
  });

  test("R7 the bonus is capped at the bonus section's max (A typed 7 bonus points, 5 count)", () => {
    const [[a]] = total(
      CRITERIA,
      SCORES.map((r) => [r[0]]),
      null as any,
      null as any
    );
    expect(a).toBe(90);
  });

  test("R7 an explicit bonus cap argument overrides the section max", () => {
    expect(total(CRITERIA, SCORES, null as any, 2)[0][0]).toBe(87);
  });

  test("R8 a deduction typed -2 deducts the same as 2", () => {
    const positive = SCORES.map((r, i) => (i === 10 ? [r[0], r[1], 2] : r));
    expect(total(CRITERIA, positive, null as any, null as any)[0][2]).toBe(
      total(CRITERIA, SCORES, null as any, null as any)[0][2]
    );
  });

  test("N1 a score typed as text '30,5' counts as 30.5", () => {
    expect(total(CRITERIA, SCORES, null as any, null as any)[0][2]).toBe(85.5);
  });

  test("R5 a 4th criteria column is the weight (hệ số): leaf score and max are both multiplied", () => {
    // Criterion I.1 weighted 2: A's 30 counts 60 and the section max becomes 35·2 + 25 = 95.
    const weighted = CRITERIA.map((r, i) => [...r, i === 1 ? 2 : 1]);
    weighted[0] = ["I", "Kết quả thực hiện nhiệm vụ", 95, ""];
    expect(total(weighted, SCORES, null as any, null as any)).toEqual([[120, 122, 116]]);
    // The unweighted parent max (60) against weighted children (95) is R1's max-sum-mismatch.
    const wrongParent = CRITERIA.map((r, i) => [...r, i === 1 ? 2 : 1]);
    const codes = validate(wrongParent, SCORES, null as any).map((r) => r[1]);
    expect(codes).toContain("max-sum-mismatch");
  });

  test("R10 totals are rounded at the precision argument, half away from zero", () => {
    const scores = SCORES.map((r, i) => (i === 1 ? [30.125, 33, 30] : r));
    expect(total(CRITERIA, scores, 2, null as any)[0][0]).toBe(90.13);
    expect(total(CRITERIA, scores, 0, null as any)[0][0]).toBe(90);
  });

  test("trailing blank rows selected for room do not change the totals", () => {
    const crit = [...CRITERIA, ["", "", ""], ["", "", ""]];
    const scores = [...SCORES, ["", "", ""], ["", "", ""]];
    expect(total(crit, scores, null as any, null as any)).toEqual([[90, 89, 85.5]]);
  });

  test("criteria and scores with different row counts give #VALUE! with a Vietnamese message", () => {
    const f = failure(() => total(CRITERIA, SCORES.slice(0, 10), null as any, null as any));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toBe(functionStrings.t("vi", "sizeMismatch", { criteria: 11, scores: 10 }));
  });

  test("criteria selected without the max (điểm chuẩn) column give #VALUE! naming the column", () => {
    const noMax = CRITERIA.map((r) => [r[0], r[1], "x"]);
    const f = failure(() => total(noMax, SCORES, null as any, null as any));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toBe(functionStrings.t("vi", "noMaxColumn", { column: 3 }));
    const codeAndLabel = CRITERIA.map((r) => [r[0], r[1]]);
    expect(failure(() => total(codeAndLabel, SCORES, null as any, null as any)).message).toMatch(
      /cột thứ 2/
    );
  });

  test("a precision that is not a whole number 0..10 gives #VALUE!", () => {
    expect(failure(() => total(CRITERIA, SCORES, 2.5, null as any)).code).toBe("#VALUE!");
  });

  test("the message follows Office's display language (English Excel → English)", () => {
    (globalThis as any).Office = { context: { displayLanguage: "en-US" } };
    try {
      const f = failure(() => total(CRITERIA, SCORES.slice(0, 10), null as any, null as any));
      expect(f.message).toBe(functionStrings.t("en", "sizeMismatch", { criteria: 11, scores: 10 }));
    } finally {
      delete (globalThis as any).Office;
    }
  });
});

describe("THIDUA.RANK", () => {
  beforeEach(() => clearRankCache());

  test("K2 competition ranks 1, 2, 2, 4 with an array spilled in the same shape", () => {
    const totals = [[90], [85], [85], [80]];
    expect(rank(totals, totals, null as any)).toEqual([[1], [2], [2], [4]]);
  });

  test("R10 totals equal at the precision tie: 0.1 + 0.2 and 0.3", () => {
    const totals = [[0.1 + 0.2], [0.3], [0.2]];
    expect(rank([[0.3]], totals, null as any)).toEqual([[1]]);
    expect(rank([[0.1 + 0.2]], totals, null as any)).toEqual([[1]]);
  });

  test("R10 a precision of 0 makes 85.4 and 85.2 tie", () => {
    expect(rank([[85.2]], [[85.4], [85.2], [90]], 0)).toEqual([[2]]);
    expect(rank([[85.2]], [[85.4], [85.2], [90]], null as any)).toEqual([[3]]);
  });

  test("N1 totals typed as text count; a header caught in the range and blanks are ignored", () => {
    const totals = [["Tổng điểm"], ["87,75"], [90.25], [""], [88]];
    expect(rank([[87.75]], totals, null as any)).toEqual([[3]]);
  });

  test("N1 a total typed as text that reads two ways ('85.125') is refused, never ranked as 85125", () => {
    // On a Vietnamese workbook "85.125" is 85125, on an English one 85,125: the function cannot tell.
    const f = failure(() => rank([[90]], [[90], ["85.125"], [80]], null as any));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toBe(
      functionStrings.t("vi", "ambiguousNumber", { text: "85.125", a: "85,125", b: "85125" })
    );
    // Text that reads one way in both cultures still ranks: "85,13" and "85.13" are 85.13.
    expect(rank([[85.13]], [[90], ["85,13"], ["85.13"], [80]], null as any)).toEqual([[2]]);
  });

  test("an ambiguous value to rank makes only its own cell #VALUE! in a spilled result", () => {
    const out = rank([[90], ["1.250"], [80]], [[90], [80]], null as any);
    expect(out[0][0]).toBe(1);
    expect(out[1][0].code).toBe("#VALUE!");
    expect(out[1][0].message).toMatch(/1,25.*1250/);
    expect(out[2][0]).toBe(2);
  });

  test("a total that is not among the totals gives #N/A in that cell (as Excel's RANK)", () => {
    const [[v]] = rank([[70]], [[90], [80]], null as any);
    expect(v.code).toBe("#N/A");
    expect(v.message).toMatch(/70/);
  });

  test("nothing to rank gives #N/A", () => {
    expect(failure(() => rank([[1]], [[""], ["x"]], null as any)).code).toBe("#N/A");
  });

  test("an error among the totals gives #VALUE! naming it (N2)", () => {
    const f = failure(() => rank([[90]], [[90], [{ code: "#REF!" }]], null as any));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toMatch(/#REF!/);
  });

  test("400 cells ranking over one range share one ranking; changed totals are never served stale", () => {
    const totals = Array.from({ length: 400 }, (_, i) => [
      Math.round((50 + ((i * 37) % 50)) * 4) / 4,
    ]);
    const before = rankCacheStats();
    for (let i = 0; i < 400; i++) {
      // Excel hands every call its own copy of the range.
      const copy = totals.map((r) => r.slice());
      const [[r]] = rank([[totals[i][0]]], copy, null as any);
      expect(r).toBe(1 + totals.filter((t) => t[0] > totals[i][0]).length);
    }
    const after = rankCacheStats();
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(399);
    const changed = totals.map((r) => r.slice());
    changed[0][0] = 1000;
    expect(rank([[1000]], changed, null as any)).toEqual([[1]]);
    expect(rank([[totals[0][0]]], totals, null as any)[0][0]).toBe(
      1 + totals.filter((t) => t[0] > totals[0][0]).length
    );
  });
});

describe("THIDUA.RANKING", () => {
  test("spills unit, total, rank, label, classification sorted by rank (K1, K2, K6)", () => {
    const units = [["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính"]];
    const out = ranking(CRITERIA, SCORES, units, null as any, null as any);
    expect(out.map((r) => r.slice(0, 4))).toEqual([
      ["Sở Nội vụ", 90, 1, "Nhất"],
      ["Sở Tư pháp", 89, 2, "Nhì"],
      ["Sở Tài chính", 85.5, 3, "Ba"],
    ]);
    // K6: 90 of the content max 100 (the bonus cap left out) is 90 % → "Tốt".
    expect(out[0][4]).toBe("Tốt");
  });

  test("unit names given as a column work the same as a row", () => {
    const out = ranking(CRITERIA, SCORES, [["A"], ["B"], ["C"]], null as any, null as any);
    expect(out.map((r) => r[0])).toEqual(["A", "B", "C"]);
  });

  test("a units range of the wrong size gives #VALUE!", () => {
    const f = failure(() => ranking(CRITERIA, SCORES, [["A", "B"]], null as any, null as any));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toMatch(/2 tên đơn vị.*3 cột/);
  });
});

describe("THIDUA.VALIDATE", () => {
  test("a clean table says OK", () => {
    // Numbers typed as numbers, bonus within the cap, deductions as magnitudes.
    const clean = SCORES.map((r, i) =>
      i === 1 ? [30, 33, 30.5] : i === 8 ? [2, 0, 0] : i === 10 ? [0, 1, 2] : r
    );
    expect(validate(CRITERIA, clean, null as any)).toEqual([["OK"]]);
  });

  test("lists text-number (N1), bonus-capped (R7) and deduction-sign (R8) with a message each", () => {
    const out = validate(CRITERIA, SCORES, null as any);
    const codes = out.map((r) => r[1]);
    expect(codes).toEqual(
      expect.arrayContaining(["text-number", "bonus-capped", "deduction-sign"])
    );
    for (const r of out) expect(String(r[2]).length).toBeGreaterThan(10);
  });

  test("with Excel's parameter addresses each issue names its real cell (N1 '30,5' typed in F6)", () => {
    const invocation = {
      address: "Sheet1!K1",
      parameterAddresses: ["Sheet1!$A$5:$C$15", "Sheet1!D5:F15"],
    } as any;
    const out = validate(CRITERIA, SCORES, null as any, invocation);
    expect(out.find((r) => r[1] === "text-number")![0]).toBe("F6");
    // Scores on another sheet than the formula: the sheet is named, quoted as Excel quotes it.
    const elsewhere = {
      address: "Kiểm tra!A1",
      parameterAddresses: ["'Bảng điểm'!A5:C15", "'Bảng điểm'!D5:F15"],
    } as any;
    expect(
      validate(CRITERIA, SCORES, null as any, elsewhere).find((r) => r[1] === "text-number")![0]
    ).toBe("'Bảng điểm'!F6");
  });

  test("without addresses (array constants) the cell is relative to the scores range", () => {
    expect(validate(CRITERIA, SCORES, null as any).find((r) => r[1] === "text-number")![0]).toBe(
      "C2"
    );
  });

  test("score-above-max (R3), not-a-number (N2) and score-missing (R4)", () => {
    const bad = SCORES.map((r, i) => (i === 2 ? [26, "đạt", ""] : r));
    const codes = validate(CRITERIA, bad, null as any).map((r) => r[1]);
    expect(codes).toEqual(
      expect.arrayContaining(["score-above-max", "not-a-number", "score-missing"])
    );
  });
});

describe("THIDUA.CLASSIFY", () => {
  test("K6 default bands Tốt ≥ 80 %, Khá ≥ 65 %, Trung bình of the content max", () => {
    expect(classify(80, 100, null as any)).toBe("Tốt");
    expect(classify(79.99, 100, null as any)).toBe("Khá");
    expect(classify(65, 100, null as any)).toBe("Khá");
    expect(classify(64.99, 100, null as any)).toBe("Trung bình");
  });

  test("K6 in English Excel the default bands read in English; a cluster's own labels stay as typed", () => {
    (globalThis as any).Office = { context: { displayLanguage: "en-US" } };
    try {
      expect(classify(90, 100, null as any)).toBe("Good");
      expect(classify(49, 100, null as any)).toBe("Average");
      expect(
        classify(85, 105, [
          ["Xuất sắc", 0.8],
          ["Chưa đạt", 0],
        ])
      ).toBe("Xuất sắc");
    } finally {
      delete (globalThis as any).Office;
    }
  });

  test("K6 bands from a 2-column range, shares as 0.8 or as 80", () => {
    const bands = [
      ["Xuất sắc", 0.8],
      ["Khá", 60],
      ["Chưa đạt", 0],
    ];
    expect(classify(85, 105, bands)).toBe("Xuất sắc");
    expect(classify(70, 105, bands)).toBe("Khá");
    expect(classify("50,5", 105, bands)).toBe("Chưa đạt");
  });

  test("N1 a total typed '85.125' gives #VALUE! rather than a class computed from 85125", () => {
    const f = failure(() => classify("85.125", 100, null as any));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toMatch(/85,125.*85125/);
  });

  test("K6 bands with a gap at the bottom or two bands at one minimum give #VALUE! saying so", () => {
    const gap = failure(() =>
      classify(40, 100, [
        ["Tốt", 0.7],
        ["Đạt", 0.5],
      ])
    );
    expect(gap.code).toBe("#VALUE!");
    expect(gap.message).toMatch(/50 %/);
    const overlap = failure(() =>
      classify(80, 100, [
        ["Tốt", 0.7],
        ["Khá", 70],
        ["Chưa đạt", 0],
      ])
    );
    expect(overlap.code).toBe("#VALUE!");
    expect(overlap.message).toMatch(/Tốt|Khá/);
  });

  test("a blank total (unit not scored yet) gives a blank class, not an error", () => {
    expect(classify("", 105, null as any)).toBe("");
  });

  test("a missing or zero max total gives #VALUE!", () => {
    expect(failure(() => classify(90, 0, null as any)).code).toBe("#VALUE!");
    expect(failure(() => classify(90, "", null as any)).code).toBe("#VALUE!");
  });
});

describe("THIDUA.NUMBER", () => {
  test("N1 '8,5', '8.5', ' 8,50 ' and '8,5đ' all read 8.5", () => {
    for (const s of ["8,5", "8.5", " 8,50 ", "8,5đ"]) expect(number(s, null as any)).toBe(8.5);
  });

  test("a number passes through; text that is not a number gives #VALUE! naming it (N2)", () => {
    expect(number(7.25, null as any)).toBe(7.25);
    const f = failure(() => number("đạt", null as any));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toMatch(/đạt/);
  });

  test("N1 '1.250' needs the decimal separator: refused without it, read its way with it", () => {
    const f = failure(() => number("1.250", null as any));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toMatch(/1,25.*1250/);
    expect(number("1.250", ".")).toBe(1.25);
    expect(number("1.250", ",")).toBe(1250);
    // Unambiguous text needs no separator: "1.234.567" can only be thousands.
    expect(number("1.234.567", null as any)).toBe(1234567);
  });

  test("a decimal separator other than ',' or '.' gives #VALUE!", () => {
    expect(failure(() => number("8,5", ";")).code).toBe("#VALUE!");
  });
});

describe("THIDUA.UNICODE", () => {
  test("N4 TCVN3 text becomes Unicode NFC", () => {
    const out = unicode("Së Néi vô", null as any);
    expect(out).toBe("Sở Nội vụ");
    expect(out).toBe(out.normalize("NFC"));
  });

  test("N4 with the cell's font named", () => {
    expect(unicode("B¶o Th¾ng", ".VnTime")).toBe("Bảo Thắng");
  });

  test("a blank cell stays blank", () => {
    expect(unicode("", null as any)).toBe("");
  });
});

/** The three ways Excel hands a blank cell over inside a range (web: null, Windows: "", bridges: undefined). */
const BLANKS: [string, unknown][] = [
  ['""', ""],
  ["null", null],
  ["undefined", undefined],
];

/** SCORES with unit C's criterion I.2 (row 3) set to `v`. */
const withC2 = (v: unknown): any[][] => SCORES.map((r, i) => (i === 2 ? [r[0], r[1], v] : r));

describe("blank cells and omitted arguments (R4, issue 4)", () => {
  beforeEach(() => clearRankCache());

  test.each(BLANKS)(
    "R4 a blank score handed over as %s is score-missing in VALIDATE; a typed 0 is a score",
    (_name, blank) => {
      const missing = validate(CRITERIA, withC2(blank), null as any).filter(
        (r) => r[1] === "score-missing"
      );
      expect(missing.map((r) => r[0])).toEqual(["C3"]);
      const zero = validate(CRITERIA, withC2(0), null as any).map((r) => r[1]);
      expect(zero).not.toContain("score-missing");
      // §6: the blank counts 0 in the total, as a typed 0 does; only the warning tells them apart.
      expect(total(CRITERIA, withC2(blank), null as any, null as any)).toEqual(
        total(CRITERIA, withC2(0), null as any, null as any)
      );
    }
  );

  test.each(BLANKS)(
    "R4 a unit with nothing entered (every score %s) gets a blank total, rank and class, not 0 and last",
    (_name, blank) => {
      // Section rows hold 0 where a SUM of blank cells sits: still nothing entered.
      const scores = SCORES.map((r, i) => [r[0], r[1], [0, 3, 6, 9].includes(i) ? 0 : blank]);
      expect(total(CRITERIA, scores, null as any, null as any)).toEqual([[90, 89, ""]]);
      const out = ranking(CRITERIA, scores, [["A", "B", "C"]], null as any, null as any);
      expect(out).toEqual([
        ["A", 90, 1, "Nhất", "Tốt"],
        ["B", 89, 2, "Nhì", "Tốt"],
        ["C", "", "", "", ""],
      ]);
      // Chained as a sheet would: RANK and CLASSIFY of that blank total stay blank.
      const [[, , blankTotal]] = total(CRITERIA, scores, null as any, null as any);
      expect(rank([[blankTotal]], [[90], [89], [blankTotal]], null as any)).toEqual([[""]]);
      expect(classify(blankTotal, 105, null as any)).toBe("");
    }
  );

  test.each(BLANKS)(
    "RANK skips a blank total (%s) among the totals and leaves its own rank blank",
    (_name, blank) => {
      const totals = [[90], [blank], [85], [85]];
      expect(rank(totals, totals, null as any)).toEqual([[1], [""], [2], [2]]);
    }
  );

  test.each(BLANKS)("CLASSIFY of a blank total (%s) is blank (K6)", (_name, blank) => {
    expect(classify(blank, 105, null as any)).toBe("");
    expect(classify([[blank]], 105, null as any)).toBe("");
  });

  test("spare rows selected under the table, handed over as 0s by Excel desktop, are not criteria", () => {
    const spare = [
      [0, 0, 0],
      [0, 0, 0],
    ];
    const crit = [...CRITERIA, ...spare];
    const scores = [...SCORES, ...spare];
    expect(total(crit, scores, null as any, null as any)).toEqual([[90, 89, 85.5]]);
    expect(validate(crit, scores, null as any)).toEqual(validate(CRITERIA, SCORES, null as any));
  });

  test("R1 a blank max on the deduction row handed over as 0 raises nothing a blank would not", () => {
    const crit = CRITERIA.map((r, i) => (i === 9 ? [r[0], r[1], 0] : r));
    expect(validate(crit, SCORES, null as any)).toEqual(validate(CRITERIA, SCORES, null as any));
  });

  const OMITTED: [string, unknown][] = [
    ...BLANKS,
    ["a blank 1×1 range", [[""]]],
    ["[[null]]", [[null]]],
  ];

  test.each(OMITTED)(
    "R10 an omitted precision handed over as %s takes the default of 2 decimals",
    (_name, omitted) => {
      const scores = SCORES.map((r, i) => (i === 1 ? [30.125, 33, 30] : r));
      expect(total(CRITERIA, scores, omitted as any, omitted as any)[0][0]).toBe(90.13);
      expect(rank([[85.254]], [[85.25], [85.254], [90]], omitted as any)).toEqual([[2]]);
    }
  );

  test.each([...OMITTED, ["0 (a blank cap cell on Excel desktop)", 0]] as [string, unknown][])(
    "R7 a bonus cap handed over as %s takes the bonus section's max (5), not a cap of 0",
    (_name, omitted) => {
      expect(total(CRITERIA, SCORES, null as any, omitted as any)).toEqual([[90, 89, 85.5]]);
      expect(ranking(CRITERIA, SCORES, null as any, null as any, omitted as any)[0][1]).toBe(90);
    }
  );

  test.each(OMITTED)("omitted unit names (%s) are named Đơn vị 1, 2, 3", (_name, omitted) => {
    const out = ranking(CRITERIA, SCORES, omitted as any, null as any, null as any);
    expect(out.map((r) => r[0])).toEqual(["Đơn vị 1", "Đơn vị 2", "Đơn vị 3"]);
  });

  test("a blank unit name handed over as 0 gets the fallback name, never '0'", () => {
    const out = ranking(
      CRITERIA,
      SCORES,
      [["Sở Nội vụ", 0, "Sở Tài chính"]],
      null as any,
      null as any
    );
    expect(out.map((r) => r[0])).toEqual(["Sở Nội vụ", "Đơn vị 2", "Sở Tài chính"]);
  });

  test.each([
    ...OMITTED,
    [
      "blank rows as 0s",
      [
        [0, 0],
        [0, 0],
      ],
    ],
  ] as [string, unknown][])(
    "K6 omitted bands (%s) take the default 80 / 65 %%",
    (_name, omitted) => {
      expect(classify(95, 100, omitted as any)).toBe("Tốt");
      expect(classify(60, 100, omitted as any)).toBe("Trung bình");
    }
  );

  test('K6 spare blank rows under a bands table (as "" or 0) are skipped, not a bad band', () => {
    const bands = [
      ["Tốt", 0.7],
      ["Chưa đạt", 0],
      ["", ""],
      [0, 0],
    ];
    expect(classify(75, 100, bands)).toBe("Tốt");
    expect(classify(50, 100, bands)).toBe("Chưa đạt");
  });
});

// Layout C (DOMAIN §4): each unit's name merged over Tự chấm | Cụm chấm. Unit A's review lowers I.1
// from 30 to 28 and leaves I.2 blank (its self score counts there); unit B has no review at all.
const SCORES_C = SCORES.map((r, i) => {
  const selfA = r[0];
  const reviewA = i === 1 ? 28 : i === 2 ? "" : r[0];
  return [selfA, reviewA, r[1], ""];
});
const HEADER_C = [
  ["Sở Nội vụ", "", "Sở Tư pháp", ""],
  ["Tự chấm", "Cụm chấm", "Tự chấm", "Cụm chấm"],
];

describe("layout C: self and review columns side by side (DOMAIN §4, R6)", () => {
  test("RANKING with the two header rows as units: one row per unit, the review score counting where present", () => {
    // A: review 28 + self 20 (review blank) + 18 + 17 + bonus 5 = 88; B: self only, 89.
    expect(ranking(CRITERIA, SCORES_C, HEADER_C, null as any, null as any)).toEqual([
      ["Sở Tư pháp", 89, 1, "Nhất", "Tốt"],
      ["Sở Nội vụ", 88, 2, "Nhì", "Tốt"],
    ]);
  });

  test.each([
    ["blank", ""],
    ["0 (Excel desktop)", 0],
  ])(
    "RANKING reads names merged over two columns (the merged cell's %s second half) as pairs",
    (_name, blank) => {
      const out = ranking(
        CRITERIA,
        SCORES_C,
        [["Sở Nội vụ", blank, "Sở Tư pháp", blank]],
        null as any,
        null as any
      );
      expect(out.map((r) => [r[0], r[1]])).toEqual([
        ["Sở Tư pháp", 89],
        ["Sở Nội vụ", 88],
      ]);
    }
  );

  test("VALIDATE with the header rows raises review-missing (R6) where a self score stood in for the review", () => {
    const out = validate(CRITERIA, SCORES_C, HEADER_C);
    // B has no review at all; A's review leaves I.2 blank, so A's self score counts there.
    const reviewMissing = out.filter((r) => r[1] === "review-missing").map((r) => r[0]);
    expect(reviewMissing.sort()).toEqual(["Sở Nội vụ", "Sở Tư pháp"]);
    // A blank review beside a self score is not a missing score (R4): the self score counts.
    expect(out.map((r) => r[1])).not.toContain("score-missing");
    // Read as layout A, the same range would call the review columns units with missing scores.
    expect(validate(CRITERIA, SCORES_C, null as any).map((r) => r[1])).toContain("score-missing");
  });

  test("a header row that is not Tự chấm, Cụm chấm per unit gives #VALUE! saying how it must read", () => {
    const swapped = [HEADER_C[0], ["Cụm chấm", "Tự chấm", "Cụm chấm", "Tự chấm"]];
    const f = failure(() => ranking(CRITERIA, SCORES_C, swapped, null as any, null as any));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toBe(functionStrings.t("vi", "pairsOrder"));
  });

  test("TOTAL totals each column as it stands: self and review side by side, blank where nothing is entered", () => {
    // Like the sheet's own TỔNG CỘNG row under Tự chấm | Cụm chấm: A's review column alone is
    // 28 + 18 + 17 + bonus 5 = 68 (its blank I.2 counts 0 there); B has no review total yet.
    expect(total(CRITERIA, SCORES_C, null as any, null as any)).toEqual([[90, 68, 89, ""]]);
  });
});

describe("strings", () => {
  test("vi and en tables have the same keys and no empty message", () => {
    expect(Object.keys(functionStrings.en).sort()).toEqual(Object.keys(functionStrings.vi).sort());
    for (const v of [...Object.values(functionStrings.vi), ...Object.values(functionStrings.en)])
      expect(v.trim()).not.toBe("");
  });
});
