/**
 * The functions as Excel calls them: real formulas in a HyperFormula sheet loaded from the sample
 * workbooks, through the bridge the simulator uses. Spilled results must equal the engine's own
 * analysis (analyzeTable) and the totals/ranks in the samples' expected.json.
 */
import * as fs from "fs";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { analyzeTable } from "../../src/core";
import { registerThiduaFunctions, THIDUA_NAMES } from "../../src/functions/hyperformula";
import { block, evaluate, loadSample, LoadedSheet, samplePath } from "./workbook";

interface Expected {
  units: { name: string; total: number; rank: number }[];
  issues: { code: string; cell?: string; unit?: string }[];
}

function expected(name: string): Expected {
  return JSON.parse(fs.readFileSync(samplePath(name, "expected.json"), "utf8"));
}

/** The expected totals in the sheet's column order (header row `headerRow`, columns from..to). */
function totalsInColumnOrder(s: LoadedSheet, name: string, headerRange: string): number[] {
  const names = block(s, headerRange)[0];
  const exp = expected(name);
  return names.map((n: string) => {
    const u = exp.units.find((x) => x.name === n);
    if (!u) throw new Error(`no expected unit ${n}`);
    return u.total;
  });
}

describe("THIDUA.TOTAL in HyperFormula over sample s1 (layout A, criteria rows 5–23)", () => {
  let s: LoadedSheet;
  beforeAll(async () => {
    s = await loadSample("s1-layout-a");
  });

  test("R9: spills one total per unit column, equal to expected.json and to analyzeTable", () => {
    const got = evaluate(s, "A40", "=THIDUA.TOTAL(A5:C23, D5:J23)", 1, 8);
    const want = totalsInColumnOrder(s, "s1-layout-a", "D4:J4");
    expect(got[0].slice(0, 7)).toEqual(want);
    // Spills exactly 7 wide: the cell after is untouched.
    expect(got[0][7]).toBeNull();
    const engine = analyzeTable(block(s, "A5:C23"), block(s, "D5:J23"), { precision: 2 });
    expect(engine.ok).toBe(true);
    if (engine.ok) expect(got[0].slice(0, 7)).toEqual(engine.totals);
  });

  test("the Vietnamese display name THIDUA.TONGDIEM computes the same totals", () => {
    expect(THIDUA_NAMES.TOTAL).toBe("TONGDIEM");
    const en = evaluate(s, "A41", "=THIDUA.TOTAL(A5:C23, D5:J23)", 1, 7);
    const vi = evaluate(s, "A42", "=THIDUA.TONGDIEM(A5:C23, D5:J23)", 1, 7);
    expect(vi).toEqual(en);
  });

  test("K2 via THIDUA.RANK over the spilled totals: KH&ĐT and Ngoại vụ tie at 4 (85.25), next is 6", () => {
    evaluate(s, "A44", "=THIDUA.TOTAL(A5:C23, D5:J23)", 1, 7);
    const ranks = evaluate(s, "A45", "=THIDUA.RANK(A44:G44, A44:G44)", 1, 7)[0];
    const names = block(s, "D4:J4")[0];
    const exp = expected("s1-layout-a");
    expect(ranks).toEqual(names.map((n: string) => exp.units.find((u) => u.name === n)!.rank));
    // One RANK per cell, as offices write it: the same ranks.
    for (let c = 0; c < 7; c++) {
      const col = String.fromCharCode(65 + c);
      expect(evaluate(s, `${col}46`, `=THIDUA.RANK(${col}44, $A$44:$G$44)`, 1, 1)[0][0]).toBe(
        ranks[c]
      );
    }
  });

  test("THIDUA.RANKING spills unit, total, rank, label, classification sorted by rank", () => {
    const got = evaluate(s, "A50", "=THIDUA.RANKING(A5:C23, D5:J23, D4:J4)", 8, 5);
    const exp = expected("s1-layout-a");
    expect(got.slice(0, 7).map((r) => [r[0], r[1], r[2]])).toEqual(
      exp.units.map((u) => [u.name, u.total, u.rank])
    );
    expect(got.slice(0, 3).map((r) => r[3])).toEqual(["Nhất", "Nhì", "Ba"]);
    // K6: 90.25 of the content max 100 (the bonus cap is not in the denominator) is 90 %: "Tốt".
    expect(got[0][4]).toBe("Tốt");
    expect(got[7]).toEqual([null, null, null, null, null]);
  });

  test("THIDUA.VALIDATE says OK for the clean sample", () => {
    expect(evaluate(s, "H50", "=THIDUA.VALIDATE(A5:C23, D5:J23)", 2, 1)).toEqual([["OK"], [null]]);
  });

  test("criteria and scores of different heights give #VALUE! with a Vietnamese message", () => {
    const v = evaluate(s, "A60", "=THIDUA.TOTAL(A5:C23, D5:J22)", 1, 1)[0][0];
    expect(v).toBeInstanceOf(Object);
    expect(v.type).toBe("VALUE");
    expect(v.message).toMatch(/19 hàng.*18 hàng/);
  });
});

describe("sample s4 (bad inputs) through HyperFormula", () => {
  let s: LoadedSheet;
  beforeAll(async () => {
    s = await loadSample("s4-bad-inputs");
  });

  test("N1 '18,5', R7 cap, R8 '-1', N2 'đạt' and R4 blank: totals equal expected.json", () => {
    const got = evaluate(s, "A40", "=THIDUA.TOTAL(A4:C22, D4:H22)", 1, 5)[0];
    expect(got).toEqual(totalsInColumnOrder(s, "s4-bad-inputs", "D3:H3"));
  });

  test("THIDUA.VALIDATE lists every issue of expected.json with its real cell (or its unit)", () => {
    const got = evaluate(s, "A42", "=THIDUA.VALIDATE(A4:C22, D4:H22, D3:H3)", 40, 3).filter(
      (r) => r[0] !== null
    );
    const found = got.map((r) => `${r[1]} ${r[0]}`);
    for (const i of expected("s4-bad-inputs").issues) {
      if (i.cell) {
        // Same sheet as the formula, so the cell is named without the sheet: 'Bảng điểm lỗi'!E6 → E6.
        expect(found).toContain(`${i.code} ${i.cell.replace(/^.*!/, "")}`);
      } else {
        expect(got.some((r) => r[1] === i.code && String(r[2]).includes(i.unit!))).toBe(true);
      }
    }
    for (const r of got) expect(typeof r[2]).toBe("string");
  });

  test("VALIDATE on another sheet names the scores' sheet in each cell", () => {
    const other = s.hf.addSheet("Kiểm tra");
    const id = s.hf.getSheetId(other)!;
    s.hf.setCellContents(
      { sheet: id, row: 0, col: 0 },
      "=THIDUA.VALIDATE('Bảng điểm lỗi'!A4:C22, 'Bảng điểm lỗi'!D4:H22)"
    );
    const cells = s.hf.getSheetValues(id).map((r) => r[0]);
    expect(cells).toContain("'Bảng điểm lỗi'!E6");
  });
});

describe("a workbook with the Vietnamese decimal separator (',' with ';' between arguments)", () => {
  const VI = { decimalSeparator: ",", functionArgSeparator: ";", thousandSeparator: "." } as const;

  test("N1/R9 s4's totals are the same as with '.', and literals like 90,25 are read the sheet's way", async () => {
    const s = await loadSample("s4-bad-inputs", VI);
    const got = evaluate(s, "A40", "=THIDUA.TOTAL(A4:C22; D4:H22)", 1, 5)[0];
    expect(got).toEqual(totalsInColumnOrder(s, "s4-bad-inputs", "D3:H3"));
    expect(evaluate(s, "A41", "=THIDUA.XEPLOAI(90,25; 105)", 1, 1)[0][0]).toBe("Tốt");
    expect(evaluate(s, "A42", '=THIDUA.CHUYENSO("1.250"; ",")', 1, 1)[0][0]).toBe(1250);
  });
});

describe("THIDUA.RANK agrees with the portable rank the ranking sheet writes for recipients without the add-in", () => {
  // DESIGN.md: the output sheet ranks with 1+COUNTIF(range,">"&cell) over ROUNDed totals, so a workbook
  // emailed to someone without THIDUA shows the same ranks as THIDUA.RANK did (K2, R10).
  test("on s1's totals and on totals that only tie once rounded (0.1+0.2 vs 0.3, 85.254 vs 85.25)", async () => {
    const s = await loadSample("s1-layout-a");
    evaluate(s, "A40", "=THIDUA.TOTAL(A5:C23, D5:J23)", 1, 7);
    const ours = evaluate(s, "A41", "=THIDUA.RANK(A40:G40, A40:G40)", 1, 7)[0];
    for (let c = 0; c < 7; c++) {
      const col = String.fromCharCode(65 + c);
      s.hf.setCellContents(
        s.hf.simpleCellAddressFromString(`${col}42`, s.sheet)!,
        `=ROUND(${col}40, 2)`
      );
    }
    const portable = evaluate(s, "A43", '=1+COUNTIF($A$42:$G$42, ">"&A42)', 1, 1)[0][0];
    expect(portable).toBe(ours[0]);
    for (let c = 1; c < 7; c++) {
      const col = String.fromCharCode(65 + c);
      expect(evaluate(s, `${col}43`, `=1+COUNTIF($A$42:$G$42, ">"&${col}42)`, 1, 1)[0][0]).toBe(
        ours[c]
      );
    }

    registerThiduaFunctions(HyperFormula);
    const totals = ["=0.1+0.2", 0.3, 85.254, 85.25, 85.246, 90];
    const hf = HyperFormula.buildFromArray(
      totals.map((v, i) => [
        v,
        `=THIDUA.RANK(A${i + 1}, $A$1:$A$6)`,
        `=ROUND(A${i + 1}, 2)`,
        `=1+COUNTIF($C$1:$C$6, ">"&C${i + 1})`,
      ]),
      { licenseKey: "gpl-v3" }
    );
    const rows = hf.getSheetValues(0);
    expect(rows.map((r) => r[1])).toEqual([5, 5, 2, 2, 2, 1]);
    expect(rows.map((r) => r[3])).toEqual(rows.map((r) => r[1]));
  });
});

describe("sample s5 (TCVN3 labels and names)", () => {
  test("TOTAL and RANKING read the legacy-encoded sheet; names come out in Unicode", async () => {
    const s = await loadSample("s5-tcvn3");
    const exp = expected("s5-tcvn3");
    const got = evaluate(s, "A60", "=THIDUA.RANKING(A5:C23, D5:G23, D4:G4)", 4, 3);
    expect(got.map((r) => [r[0], r[1], r[2]])).toEqual(
      exp.units.map((u) => [u.name, u.total, u.rank])
    );
  });
});

describe("bridge mechanics", () => {
  test("registerThiduaFunctions is idempotent", () => {
    registerThiduaFunctions(HyperFormula);
    registerThiduaFunctions(HyperFormula);
    expect(
      HyperFormula.getRegisteredFunctionNames("enGB").filter((n) => n === "THIDUA.TOTAL")
    ).toHaveLength(1);
  });

  test("error cells in a range reach the functions as errors (N2 cell-error), not as text", () => {
    registerThiduaFunctions(HyperFormula);
    const hf = HyperFormula.buildFromArray(
      [
        [90, "=THIDUA.RANK(A1, A1:A3)"],
        ["=1/0", null],
        [80, null],
      ],
      { licenseKey: "gpl-v3" }
    );
    const v = hf.getCellValue({ sheet: 0, row: 0, col: 1 });
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).message).toMatch(/#DIV\/0!/);
  });

  test("THIDUA.NUMBER, THIDUA.UNICODE and THIDUA.CLASSIFY evaluate as scalars", () => {
    registerThiduaFunctions(HyperFormula);
    const hf = HyperFormula.buildFromArray(
      [
        [
          '=THIDUA.NUMBER("8,5")',
          '=THIDUA.UNICODE("Së Néi vô")',
          "=THIDUA.CLASSIFY(95, 100)",
          '=THIDUA.CHUYENSO("8,5đ")',
        ],
      ],
      { licenseKey: "gpl-v3" }
    );
    expect(hf.getSheetValues(0)[0]).toEqual([8.5, "Sở Nội vụ", "Tốt", 8.5]);
  });
});

describe("sample s3 (layout C: Tự chấm | Cụm chấm per unit) through HyperFormula (R6)", () => {
  const exp = (): [string, number, number][] =>
    expected("s3-layout-c-pairs").units.map((u) => [u.name, u.total, u.rank]);

  test("BANGXEPHANG with both header rows as units ranks one row per unit on the review scores", async () => {
    const s = await loadSample("s3-layout-c-pairs");
    const out = evaluate(s, "A40", "=THIDUA.BANGXEPHANG(A6:C24, D6:M24, D4:M5)", 5, 3);
    expect(out).toEqual(exp());
  });

  test("the merged name row alone, as Excel hands it (each name then a blank), ranks the same", async () => {
    const s = await loadSample("s3-layout-c-pairs");
    for (const a1 of ["E4", "G4", "I4", "K4", "M4"])
      s.hf.setCellContents(s.hf.simpleCellAddressFromString(a1, s.sheet)!, null);
    const out = evaluate(s, "A40", "=THIDUA.BANGXEPHANG(A6:C24, D6:M24, D4:M4)", 5, 3);
    expect(out).toEqual(exp());
  });

  test("TONGDIEM totals each column: the Cụm chấm columns give the totals that rank", async () => {
    const s = await loadSample("s3-layout-c-pairs");
    const [row] = evaluate(s, "A40", "=THIDUA.TONGDIEM(A6:C24, D6:M24)", 1, 10);
    const names = block(s, "D4:M4")[0].filter((_: string, i: number) => i % 2 === 0);
    const review = row.filter((_: number, i: number) => i % 2 === 1);
    expect(review).toEqual(
      names.map((n: string) => expected("s3-layout-c-pairs").units.find((u) => u.name === n)!.total)
    );
  });

  test("KIEMTRA with both header rows finds nothing to report, as the sample expects", async () => {
    const s = await loadSample("s3-layout-c-pairs");
    expect(evaluate(s, "A40", "=THIDUA.KIEMTRA(A6:C24, D6:M24, D4:M5)", 1, 1)[0][0]).toBe("OK");
  });
});

describe("the worked examples of README.md (section Hàm / Functions) compute what it says", () => {
  test("XEPLOAI on s1's TỔNG CỘNG cell, CHUYENSO on s4's '18,5', CHUYENMA on s5's TCVN3 name", async () => {
    const s1 = await loadSample("s1-layout-a");
    expect(evaluate(s1, "A52", "=THIDUA.XEPLOAI(E24, 100)", 1, 1)[0][0]).toBe("Tốt");
    expect(evaluate(s1, "A53", "=THIDUA.XEPLOAI(70, 100)", 1, 1)[0][0]).toBe("Khá");
    // Before the totals exist there is nothing to rank: #N/A, with the reason.
    const empty = evaluate(s1, "A53", "=THIDUA.XEPHANG(A40:G40, A40:G40)", 1, 1)[0][0];
    expect([empty.type, empty.message]).toEqual(["NA", "Không có tổng điểm nào để xếp hạng."]);
    evaluate(s1, "A40", "=THIDUA.TONGDIEM(A5:C23, D5:J23)", 1, 7);
    expect(evaluate(s1, "A41", "=THIDUA.XEPHANG(A40:G40, A40:G40)", 1, 7)[0]).toEqual([
      3, 1, 2, 4, 6, 7, 4,
    ]);
    const s4 = await loadSample("s4-bad-inputs");
    expect(evaluate(s4, "A40", "=THIDUA.CHUYENSO(E6)", 1, 1)[0][0]).toBe(18.5);
    expect(evaluate(s4, "A41", '=THIDUA.CHUYENSO("8,5 điểm")', 1, 1)[0][0]).toBe(8.5);
    const s5 = await loadSample("s5-tcvn3");
    expect(evaluate(s5, "A40", "=THIDUA.CHUYENMA(D4)", 1, 1)[0][0]).toBe("Sở Giáo dục và Đào tạo");
  });
});
