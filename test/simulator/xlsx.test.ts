/* eslint-disable office-addins/load-object-before-read -- nested format loads (format/columnWidth) are loaded through the parent; the rule cannot see it. */
import * as fs from "fs";
import * as path from "path";
import { createSimulator, simulatorFromXlsx } from "../../src/simulator";
import { SAMPLES } from "../paths";

const read = (p: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(SAMPLES, p)));

type Ctx = any;

describe("simulator ⇄ .xlsx", () => {
  test("s1 loads with its values, SUM formulas recomputed, bold fonts, merges and widths", async () => {
    const s = await simulatorFromXlsx(read("s1-layout-a/input.xlsx"));
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Bảng điểm");
      const total = ws.getRange("D24:J24");
      total.load("values, formulas");
      const props = ws.getRange("A4:B6").getCellProperties({ format: { font: { bold: true } } });
      const areas = ws.getRange("A1:K2").getMergedAreasOrNullObject();
      areas.load("address");
      const b = ws.getRange("B1");
      b.format.load("columnWidth");
      await context.sync();
      // The sample's TỔNG CỘNG row (expected.json totals before the domain's own rules).
      expect(total.values[0]).toEqual([87.75, 90.25, 88, 85.25, 82.75, 78.5, 85.25]);
      expect(total.formulas[0][0]).toBe("=D5+D9+D12+D18-SUM(D22:D23)");
      expect(props.value.map((r: any[]) => r.map((p) => p.format.font.bold))).toEqual([
        [true, true],
        [true, true],
        [false, false],
      ]);
      expect(areas.address).toBe("'Bảng điểm'!A1:K1,'Bảng điểm'!A2:K2");
      expect(b.format.columnWidth).toBeGreaterThan(48);
    });
  });

  test("s4 keeps '18,5' typed as text as text (N1 must see it), not a number", async () => {
    const s = await simulatorFromXlsx(read("s4-bad-inputs/input.xlsx"));
    const texts: string[] = [];
    for (const sheet of s.model.sheets)
      sheet.forEachCell((_r, _c, cell) => typeof cell.value === "string" && texts.push(cell.value));
    expect(texts).toContain("18,5");
  });

  test("toXlsx writes values, formulas with cached results, styles and merges that load back the same", async () => {
    const s = createSimulator({ sheets: ["Xếp hạng"] });
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Xếp hạng");
      const r = ws.getRange("A1:C3");
      r.numberFormat = [
        ["@", "General", "General"],
        ["General", "General", "General"],
        ["General", "0.00", "General"],
      ];
      r.values = [
        ['=HYPERLINK("x")', "Tổng", ""],
        ["Sở Tài chính", 88, ""],
        ["Sở Nội vụ", 82.75, ""],
      ];
      ws.getRange("C2:C3").formulas = [["=RANK.EQ(B2,$B$2:$B$3)"], ["=RANK.EQ(B3,$B$2:$B$3)"]];
      ws.getRange("A1:B1").format.font.bold = true;
      ws.getRange("A1:C1").format.fill.color = "#DDEBF7";
      ws.getRange("A5:C5").merge();
      ws.getRange("A:A").format.columnWidth = 150;
      ws.freezePanes.freezeRows(1);
      await context.sync();
    });
    const bytes = await s.toXlsx();
    const back = await simulatorFromXlsx(bytes);
    const sheet = back.model.sheetByName("Xếp hạng")!;
    expect(back.model.results(sheet, { top: 0, left: 0, bottom: 2, right: 2 })).toEqual([
      ['=HYPERLINK("x")', "Tổng", null],
      ["Sở Tài chính", 88, 1],
      ["Sở Nội vụ", 82.75, 2],
    ]);
    expect(back.model.formula(sheet, 1, 2)).toBe("=RANK.EQ(B2,$B$2:$B$3)");
    expect(sheet.cell(0, 0)?.style?.font?.bold).toBe(true);
    expect(sheet.cell(0, 2)?.style?.fill).toBe("#DDEBF7");
    expect(sheet.merges).toEqual([{ top: 4, left: 0, bottom: 4, right: 2 }]);
    expect(Math.abs(sheet.columnWidth(0) - 150)).toBeLessThan(4);
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
  });
});
