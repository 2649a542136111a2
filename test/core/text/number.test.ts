import fc from "fast-check";
import { parseNumberText, readScore } from "../../../src/core/text";

describe("parseNumberText (N1 text-number)", () => {
  it.each([
    ["8,5", 8.5],
    [" 8,50 ", 8.5],
    ["8.5", 8.5],
    ["8,5đ", 8.5],
    ["8,5 đ", 8.5],
    ["8,5 điểm", 8.5],
    ["8,5 Điểm", 8.5],
    ["8,5d", 8.5],
    ["8,5 diem", 8.5],
    ["\u00a08,5\t", 8.5],
    ["-2", -2],
    ["- 2", -2],
    ["\u22122", -2],
    ["+3", 3],
    [",5", 0.5],
    ["10", 10],
    ["0", 0],
    ["-0", 0],
  ])("N1 reads %j as %d whichever the culture's separator", (text, expected) => {
    expect(parseNumberText(text, ",")).toBe(expected);
    expect(parseNumberText(text, ".")).toBe(expected);
  });

  it("N1 reads the NFD spelling of '8,5 điểm' (text pasted from Word/PDF)", () => {
    expect(parseNumberText("8,5 điểm".normalize("NFD"), ",")).toBe(8.5);
  });

  it("N1 tries the culture's convention first: '1.000' is 1000 on a ',' workbook and 1 on a '.' one", () => {
    expect(parseNumberText("1.000", ",")).toBe(1000);
    expect(parseNumberText("1.000", ".")).toBe(1);
    expect(parseNumberText("1,000", ".")).toBe(1000);
    expect(parseNumberText("1,000", ",")).toBe(1);
  });

  it("N1 reads grouped thousands with decimals in both cultures", () => {
    expect(parseNumberText("1.000,5", ",")).toBe(1000.5);
    expect(parseNumberText("1,000.5", ",")).toBe(1000.5);
    expect(parseNumberText("1.234.567", ".")).toBe(1234567);
    // A leading zero is never a thousands group: "0,500" is a half.
    expect(parseNumberText("0,500", ".")).toBe(0.5);
  });

  it.each(["x", "đạt", "", "  ", "-", "8,5,5", "8 .5", "1e3", "12a", "8,5 kg", "--2", "#REF!"])(
    "N2 %j is not a number",
    (text) => {
      expect(parseNumberText(text, ",")).toBeNull();
      expect(parseNumberText(text, ".")).toBeNull();
    }
  );

  it("N1 any score with up to two decimals, typed with either separator, reads back exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100000, max: 100000 }),
        fc.constantFrom(",", "."),
        (cents, sep) => {
          const value = cents / 100;
          const text = value.toFixed(2).replace(".", sep);
          expect(parseNumberText(text, ",")).toBe(value);
          expect(parseNumberText(text, ".")).toBe(value);
        }
      )
    );
  });
});

describe("readScore (N1, N2, R4)", () => {
  const vi = { decimalSeparator: "," as const, scaleMax: 10 };

  it("R4 a blank cell, empty text or only spaces is blank, not zero", () => {
    expect(readScore(null, vi)).toEqual({ kind: "blank" });
    expect(readScore("", vi)).toEqual({ kind: "blank" });
    expect(readScore(" \u00a0\t\n", vi)).toEqual({ kind: "blank" });
  });

  it("a formula whose result is not known is unknown, not blank", () => {
    expect(readScore(undefined, vi)).toEqual({ kind: "unknown" });
  });

  it("a real number is a number not from text", () => {
    expect(readScore(8.5, vi)).toEqual({ kind: "number", value: 8.5, fromText: false });
    expect(readScore(0, vi)).toEqual({ kind: "number", value: 0, fromText: false });
    expect(readScore(-2, vi)).toEqual({ kind: "number", value: -2, fromText: false });
  });

  it.each(["8,5", "8.5", " 8,50 ", "8,5đ", "8,5 điểm"])(
    "N1 text %j is the number 8.5 from text",
    (text) => {
      expect(readScore(text, vi)).toEqual({ kind: "number", value: 8.5, fromText: true });
      expect(readScore(text, { decimalSeparator: ".", scaleMax: 10 })).toEqual({
        kind: "number",
        value: 8.5,
        fromText: true,
      });
    }
  );

  it("N2 an error value in the cell is cell-error", () => {
    expect(readScore({ error: "#REF!" }, vi)).toEqual({ kind: "error", error: "#REF!" });
    expect(readScore({ error: "#DIV/0!" }, vi)).toEqual({ kind: "error", error: "#DIV/0!" });
  });

  it.each([
    ["#REF!", "#REF!"],
    ["#N/A", "#N/A"],
    [" #n/a ", "#N/A"],
    ["#VALUE!", "#VALUE!"],
    ["#DIV/0!", "#DIV/0!"],
    ["#NAME?", "#NAME?"],
    ["#NUM!", "#NUM!"],
    ["#NULL!", "#NULL!"],
  ])("N2 text that looks like an Excel error (%j) is cell-error %s", (text, error) => {
    expect(readScore(text, vi)).toEqual({ kind: "error", error });
  });

  it.each(["x", "đạt", "Đạt", "không", "8,5,5", "#REF"])(
    "N2 %j is not-a-number, keeping the text",
    (text) => {
      expect(readScore(text, vi)).toEqual({ kind: "nan", text });
    }
  );

  it("N2 booleans and non-finite numbers are not-a-number", () => {
    expect(readScore(true, vi)).toEqual({ kind: "nan", text: "TRUE" });
    expect(readScore(false, vi)).toEqual({ kind: "nan", text: "FALSE" });
    expect(readScore(Number.NaN, vi).kind).toBe("nan");
    expect(readScore(Number.POSITIVE_INFINITY, vi).kind).toBe("nan");
  });

  it.each([
    ["1.000", [1, 1000]],
    ["1,000", [1, 1000]],
    ["2,500", [2.5, 2500]],
    ["12.500", [12.5, 12500]],
    ["-1.000", [-1000, -1]],
  ])("N1 ambiguous-number: %j on a scale below 1000 could be %j", (text, candidates) => {
    expect(readScore(text, vi)).toEqual({ kind: "ambiguous", text, candidates });
    expect(readScore(text, { decimalSeparator: ".", scaleMax: 100 })).toEqual({
      kind: "ambiguous",
      text,
      candidates,
    });
  });

  it("N1 ambiguous-number when the scale is unknown: one thousand exceeds any score scale", () => {
    expect(readScore("1.000", { decimalSeparator: "," })).toEqual({
      kind: "ambiguous",
      text: "1.000",
      candidates: [1, 1000],
    });
    expect(readScore("1.000", { decimalSeparator: ",", scaleMax: null }).kind).toBe("ambiguous");
  });

  it("N1 on a scale of 1000 or more '1.000' and '1,000' read as one thousand", () => {
    for (const sep of [",", "."] as const) {
      expect(readScore("1.000", { decimalSeparator: sep, scaleMax: 1000 })).toEqual({
        kind: "number",
        value: 1000,
        fromText: true,
      });
      expect(readScore("1,000", { decimalSeparator: sep, scaleMax: 2000 })).toEqual({
        kind: "number",
        value: 1000,
        fromText: true,
      });
    }
  });

  it("N1 text that is not one group of three is never ambiguous", () => {
    expect(readScore("1,5", vi)).toEqual({ kind: "number", value: 1.5, fromText: true });
    expect(readScore("1,50", vi)).toEqual({ kind: "number", value: 1.5, fromText: true });
    expect(readScore("0,500", vi)).toEqual({ kind: "number", value: 0.5, fromText: true });
    expect(readScore("1.000,5", vi)).toEqual({ kind: "number", value: 1000.5, fromText: true });
    // Two groups can only be thousands: read, then score-above-max is the engine's business.
    expect(readScore("1.000.000", vi)).toEqual({ kind: "number", value: 1000000, fromText: true });
  });
});

describe("readScore's one-regex path for a bare number (N1)", () => {
  it("reads digits[,|.digits] exactly as the full parser does, in both cultures", () => {
    const digits = (min: number, max: number): fc.Arbitrary<string> =>
      fc
        .array(fc.constantFrom(..."0123456789".split("")), { minLength: min, maxLength: max })
        .map((d) => d.join(""));
    fc.assert(
      fc.property(
        digits(1, 6),
        fc.constantFrom("", ",", "."),
        digits(1, 6),
        fc.constantFrom<"," | ".">(",", "."),
        (int, sep, frac, culture) => {
          const text = sep === "" ? int : `${int}${sep}${frac}`;
          const read = readScore(text, { decimalSeparator: culture, scaleMax: 10 });
          const full = parseNumberText(text, culture);
          if (sep !== "" && frac.length === 3 && /^[1-9]\d{0,2}$/.test(int)) {
            // "1.000": a thousands separator or a decimal one, the officer decides (N1).
            expect(read.kind).toBe("ambiguous");
          } else {
            expect(read).toEqual({ kind: "number", value: full, fromText: true });
          }
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("still leaves errors typed as text to cell-error", () => {
    expect(readScore("#N/A", { decimalSeparator: "," })).toEqual({ kind: "error", error: "#N/A" });
    expect(readScore("\u00a0#N/A", { decimalSeparator: "," })).toEqual({
      kind: "error",
      error: "#N/A",
    });
    expect(readScore("  #ref! ", { decimalSeparator: "," })).toEqual({
      kind: "error",
      error: "#REF!",
    });
  });
});
