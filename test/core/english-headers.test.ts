/**
 * DOMAIN §4 header words in English (issue 4): the words of our English forms and ranking sheet, so a
 * sheet kept in English reads like its Vietnamese twin, with bonus and deduction sections by label.
 */
import { analyzeWorkbook } from "../../src/core";
import { gridFromRows } from "../../src/core/grid";

describe("English header words", () => {
  it("A: No. | Criterion | Max points | units, with Bonus and Deductions sections and a TOTAL row (R7, R8, R9)", () => {
    const rows = (words: string[], bonus: string, ded: string, total: string) =>
      gridFromRows("Scores", [
        ["EMULATION CLUSTER 1"],
        [...words, "Sở A", "Sở B"],
        ["I", "Professional work", 90, null, null],
        ["1", "Plan completed", 90, 80, 85],
        ["II", bonus, 10, null, null],
        ["1", "Initiative", 10, 8, 2],
        ["III", ded, null, null, null],
        ["1", "Late report", 5, 3, 0],
        [null, total, 100, 85, 87],
      ]);
    const en = analyzeWorkbook([
      rows(["No.", "Criterion", "Max points"], "Bonus points", "Deductions", "TOTAL"),
    ]);
    const vi = analyzeWorkbook([
      rows(["STT", "Nội dung tiêu chí", "Điểm chuẩn"], "Điểm thưởng", "Điểm trừ", "TỔNG CỘNG"),
    ]);
    if (!en.ok || !vi.ok) throw new Error(en.ok ? (vi.ok ? "" : vi.message) : en.message);
    expect(en.report.criteria.map((c) => c.kind)).toEqual(["content", "bonus", "deduction"]);
    expect(en.report.units.map((u) => [u.name, u.total])).toEqual(
      vi.report.units.map((u) => [u.name, u.total])
    );
    expect(en.report.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở B", 87],
      ["Sở A", 85],
    ]);
    // The TOTAL row is read as the typed total (R2): it agrees, so nothing is reported.
    expect(en.report.issues).toEqual([]);
  });

  it("D: a form with 'Unit: …' above Self score | Reviewed score names its unit", () => {
    const r = analyzeWorkbook([
      gridFromRows("Self score", [
        ["EMULATION SELF-SCORE FORM 2026"],
        ["Unit: Sở Tư pháp"],
        ["No.", "Criterion", "Max points", "Self score", "Reviewed score", "Explanation"],
        ["1", "Plan completed", 60, 50, null, null],
        ["2", "Reform", 40, 30, 35, null],
        [null, "TOTAL", null, null, null, null],
      ]),
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.report.mappings.map((m) => (m as { layout: string }).layout)).toEqual(["D"]);
    // R6: the reviewed 35 counts where it exists, the self score elsewhere.
    expect(r.report.units.map((u) => [u.name, u.total])).toEqual([["Sở Tư pháp", 85]]);
  });
});
