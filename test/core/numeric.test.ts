import { formatScore, roundAt, sameAt } from "../../src/core/numeric";

describe("R10 precision: one rounding policy, half away from zero", () => {
  it("rounds halves away from zero, as Excel's ROUND does", () => {
    expect(roundAt(2.5, 0)).toBe(3);
    expect(roundAt(-2.5, 0)).toBe(-3);
    expect(roundAt(87.125, 2)).toBe(87.13);
    expect(roundAt(-87.125, 2)).toBe(-87.13);
  });

  it("is not fooled by binary noise: 1.005 shows as 1.01 and 0.1 + 0.2 ties 0.3", () => {
    expect(roundAt(1.005, 2)).toBe(1.01);
    expect(sameAt(0.1 + 0.2, 0.3, 2)).toBe(true);
    expect(roundAt(0.1 + 0.2, 2)).toBe(0.3);
  });

  it("keeps totals that differ at the sheet precision apart", () => {
    expect(sameAt(87.25, 87.26, 2)).toBe(false);
    expect(sameAt(87.254, 87.249, 2)).toBe(true);
    expect(roundAt(87.254, 1)).toBe(87.3);
  });

  it("shows a Vietnamese decimal comma and an English decimal point", () => {
    expect(formatScore(87.75, 2, "vi")).toBe("87,75");
    expect(formatScore(87.75, 2, "en")).toBe("87.75");
  });
});
