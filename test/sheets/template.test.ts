/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- these are ExcelJS cells, not Office.js proxies: nothing to load or sync. */
import ExcelJS from "exceljs";
import * as path from "path";
import type { CriterionNode } from "../../src/core/report";
import { buildSelfScoreTemplate, unitSheetName } from "../../src/sheets/template";
import type { SheetSpec } from "../../src/sheets/spec";
import * as fs from "fs";
import * as os from "os";
import { writeWorkbook } from "../../src/xlsx/write";
import { engineReport, node, profileFor, SAMPLES } from "./fixtures";

const DATE = new Date(2026, 1, 5);

const criteria = [
  node("I", "Kết quả thực hiện nhiệm vụ", 60, "content", [
    node("I.1", "Hoàn thành kế hoạch", 25, "content", [], 1),
    node("I.2", "Chất lượng tham mưu", 35, "content", [], 1),
  ]),
  node("II", "Điểm cộng (tối đa 5 điểm)", 5, "bonus", [
    node("II.1", "Sáng kiến", 3, "bonus", [], 1),
  ]),
  node("III", "Điểm trừ", null, "deduction", [
    node("III.1", "Chậm báo cáo", 3, "deduction", [], 1),
  ]),
];

function spec(): SheetSpec {
  return buildSelfScoreTemplate(profileFor(), criteria, "Sở Tư pháp", { date: DATE, lang: "vi" });
}

function rowOf(s: SheetSpec, row: number): (string | number | boolean | null | undefined)[] {
  return s.cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.col - b.col)
    .map((c) => c.value);
}

describe("self-score template (DOMAIN.md §8, read back as layout D of §4)", () => {
  it("has the layout-D header words of the sample forms the engine reads (s6)", async () => {
    const s = spec();
    const header = s.cells.find((c) => c.value === "STT")!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES, "s6-per-unit-files", "unit-1.xlsx"));
    const sampleHeader = (wb.worksheets[0].getRow(4).values as unknown[]).slice(1);
    expect(rowOf(s, header.row)).toEqual(sampleHeader);
    expect(rowOf(s, header.row)).toEqual([
      "STT",
      "Nội dung tiêu chí",
      "Điểm tối đa",
      "Điểm tự chấm",
      "Điểm cụm chấm",
      "Giải trình",
    ]);
    // The unit's name in the title block, alone in its row, as the samples write it.
    const unitCell = s.cells.find((c) => c.value === "Đơn vị: Sở Tư pháp")!;
    expect(unitCell.row).toBeLessThan(header.row);
    expect(
      s.cells.filter((c) => c.row === unitCell.row && typeof c.value === "string")
    ).toHaveLength(1);
    expect(s.cells.some((c) => c.value === "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2025")).toBe(true);
    // Issue 16: the unit's parent body over the unit, the cluster under the title (not a parent).
    const values = s.cells.map((c) => c.value);
    expect(values.indexOf("UBND TỈNH LẠNG SƠN")).toBeGreaterThanOrEqual(0);
    expect(s.cells.find((c) => c.value === "SỞ TƯ PHÁP")!.row).toBe(1);
    expect(values).not.toContain("CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP TỈNH LẠNG SƠN");
    expect(values).toContain("Cụm thi đua các cơ quan tham mưu tổng hợp tỉnh Lạng Sơn");
    expect(s.cells.some((c) => c.value === "TỔNG CỘNG")).toBe(true);
  });

  it("lists the criteria with their max; only the leaves' entry and explanation cells are unlocked", () => {
    const s = spec();
    const header = s.cells.find((c) => c.value === "STT")!.row;
    const rows = [1, 2, 3, 4, 5, 6, 7].map((i) => rowOf(s, header + i).slice(0, 3));
    expect(rows).toEqual([
      ["I", "Kết quả thực hiện nhiệm vụ", 60],
      ["1", "Hoàn thành kế hoạch", 25],
      ["2", "Chất lượng tham mưu", 35],
      ["II", "Điểm cộng (tối đa 5 điểm)", 5],
      ["1", "Sáng kiến", 3],
      ["III", "Điểm trừ", null],
      ["1", "Chậm báo cáo", 3],
    ]);
    const unlocked = s.cells
      .filter((c) => c.style?.unlocked)
      .map((c) => `${c.row - header}:${c.col}`);
    const entry = [2, 3, 5, 7].map((i) => `${i}:3`);
    const explain = [1, 2, 3, 4, 5, 6, 7].map((i) => `${i}:5`);
    expect(unlocked.sort()).toEqual([...entry, ...explain].sort());
    expect(s.protect).toBe(true);
  });

  it("validates every entry cell as a decimal from 0 to that criterion's max", () => {
    const s = spec();
    const header = s.cells.find((c) => c.value === "STT")!.row;
    expect(s.validations!.map((v) => [v.range, v.type, v.min, v.max])).toEqual([
      [`D${header + 3}`, "decimal", 0, 25],
      [`D${header + 4}`, "decimal", 0, 35],
      [`D${header + 6}`, "decimal", 0, 3],
      [`D${header + 8}`, "decimal", 0, 3],
    ]);
    expect(s.validations![0].errorMessage).toMatch(/từ 0 đến điểm tối đa/);
  });

  it("R5: with weights it shows a Hệ số column and each leaf's unweighted max", () => {
    const weighted = [
      node("I", "Chuyên môn", 50, "content", [
        node("I.1", "Kế hoạch", 30, "content", [], 1, 3),
        node("I.2", "Tham mưu", 20, "content", [], 1),
      ]),
    ];
    const s = buildSelfScoreTemplate(profileFor(), weighted, "Sở Tư pháp", {
      date: DATE,
      lang: "vi",
    });
    const header = s.cells.find((c) => c.value === "STT")!.row;
    expect(rowOf(s, header)).toContain("Hệ số");
    expect(rowOf(s, header + 2).slice(0, 4)).toEqual(["1", "Kế hoạch", 10, 3]);
    expect(s.validations![0].max).toBe(10);
  });

  it("§4 layout D: a filled-in form is read back by the engine with the unit's name and total", async () => {
    const s1 = await engineReport([path.join(SAMPLES, "s1-layout-a", "input.xlsx")]);
    expect(s1).not.toBeNull();
    const form = buildSelfScoreTemplate(profileFor(), s1!.criteria, "Sở Tư pháp", {
      date: DATE,
      lang: "vi",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook([form])) as any);
    const ws = wb.worksheets[0];
    // The unit fills every entry cell with 80 % of the max (deductions: 1 point each).
    let content = 0;
    let bonus = 0;
    let deduction = 0;
    const kindOf = new Map<string, string>();
    const walk = (n: CriterionNode): void => {
      kindOf.set(n.label, n.kind);
      n.children.forEach(walk);
    };
    s1!.criteria.forEach(walk);
    for (const v of form.validations!) {
      const cell = ws.getCell(v.range);
      const label = String(ws.getCell(Number(cell.row), 2).value);
      const kind = kindOf.get(label);
      const score = kind === "deduction" ? 1 : Math.round(Number(v.max) * 0.8 * 4) / 4;
      cell.value = score;
      if (kind === "deduction") deduction += score;
      else if (kind === "bonus") bonus += score;
      else content += score;
    }
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), "thidua-form-")),
      "Sở Tư pháp.xlsx"
    );
    await wb.xlsx.writeFile(file);
    const back = await engineReport([file]);
    expect(back).not.toBeNull();
    expect(back!.units.map((u) => u.name)).toEqual(["Sở Tư pháp"]);
    const expected = content + Math.min(bonus, s1!.bonusCap) - deduction;
    expect(back!.units[0].total).toBeCloseTo(expected, 2);
    expect(back!.criteria.map((c) => c.label)).toEqual(s1!.criteria.map((c) => c.label));
  });
});

describe("issue 16: the self-score form a unit can sign", () => {
  it("R9 live in TỔNG CỘNG: content + the bonus capped (R7) − deductions as magnitudes (R8)", () => {
    const s = spec();
    const header = s.cells.find((c) => c.value === "STT")!.row;
    const total = s.cells.find((c) => c.value === "TỔNG CỘNG")!;
    const formula = s.cells.find((c) => c.row === total.row && c.col === 3)!.formula;
    expect(formula).toBe(
      `=SUM(D${header + 3},D${header + 4})+MIN(5,SUM(D${header + 6}))-(SUM(ABS(D${header + 8})))`
    );
  });

  it("shows no max on the deduction section row: only its items say what each costs", () => {
    const withMax = [
      ...criteria.slice(0, 2),
      node("III", "Điểm trừ", 8, "deduction", [
        node("III.1", "Chậm báo cáo", 3, "deduction", [], 1),
      ]),
    ];
    const s = buildSelfScoreTemplate(profileFor(), withMax, "Sở Tư pháp", {
      date: DATE,
      lang: "vi",
    });
    const section = s.cells.find((c) => c.value === "Điểm trừ")!;
    expect(s.cells.find((c) => c.row === section.row && c.col === 2)!.value).toBeNull();
    expect(s.cells.find((c) => c.row === section.row + 1 && c.col === 2)!.value).toBe(3);
  });

  it("names each unit's sheet within 31 characters, cut at a word", () => {
    expect(unitSheetName("Sở Tư pháp", "Phiếu tự chấm")).toBe("Sở Tư pháp - Phiếu tự chấm");
    expect(unitSheetName("Sở Kế hoạch và Đầu tư", "Phiếu tự chấm")).toBe("Sở Kế hoạch và Đầu tư");
    const long = unitSheetName("Văn phòng Đoàn ĐBQH và HĐND tỉnh Lạng Sơn", "Phiếu tự chấm");
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).toBe("Văn phòng Đoàn ĐBQH và HĐND…");
  });
});
