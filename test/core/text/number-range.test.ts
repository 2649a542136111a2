import { parseNumberText, readScore } from "../../../src/core/text/number";

const opts = { decimalSeparator: "," as const };

describe("not-a-number: only finite numbers within Excel's 15 digits reach the engine (N1)", () => {
  it("not-a-number: a 400-digit text score is not read as Infinity", () => {
    const digits = "9".repeat(400);
    expect(readScore(digits, opts)).toEqual({ kind: "nan", text: digits });
    expect(parseNumberText(digits, ",")).toBeNull();
  });

  it("not-a-number: 1e308 in a number cell, which summed twice would be Infinity", () => {
    expect(readScore(1e308, opts).kind).toBe("nan");
    expect(readScore(-1e16, opts).kind).toBe("nan");
    expect(readScore(Infinity, opts).kind).toBe("nan");
  });

  it("N1: ordinary and large-but-typable scores still read as numbers", () => {
    expect(readScore(999_999_999_999_999, opts)).toEqual({
      kind: "number",
      value: 999_999_999_999_999,
      fromText: false,
    });
    expect(readScore("8,5", opts)).toEqual({ kind: "number", value: 8.5, fromText: true });
  });
});
