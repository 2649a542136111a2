import ExcelJS from "exceljs";
import { renderSpecToWorksheet, uniqueSheetName } from "../../src/xlsx/render";
import { writeWorkbook } from "../../src/xlsx/write";
import type { SheetSpec } from "../../src/sheets/spec";

const spec: SheetSpec = {
  name: "Xếp hạng",
  kind: "ranking",
  cells: [
    {
      row: 0,
      col: 0,
      value: "BẢNG XẾP HẠNG",
      style: { bold: true, size: 14, fontName: "Times New Roman" },
    },
    { row: 2, col: 0, value: '=HYPERLINK("http://x")', style: { border: true } },
    { row: 2, col: 1, value: "+84 Sở", style: { italic: true, fill: "#FFF2CC", color: "#9C0006" } },
    {
      row: 3,
      col: 0,
      value: 1.5,
      style: { numberFormat: "0.00", horizontal: "center", unlocked: true },
    },
    { row: 3, col: 1, formula: "=ROUND(A4*2,2)", style: { wrap: true, vertical: "middle" } },
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
  columnWidths: [20, 12],
  rowHeights: { 0: 30 },
  freeze: { rows: 3, columns: 2 },
  validations: [
    { range: "A4:A5", type: "decimal", min: 0, max: 25, prompt: "0..25", errorMessage: "sai" },
  ],
  print: {
    paperSize: "A4",
    orientation: "landscape",
    fitToWidth: true,
    margins: { top: 20, bottom: 20, left: 30, right: 15 },
    repeatRows: { first: 2, last: 2 },
  },
  protect: true,
};

async function roundTrip(specs: SheetSpec[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbook(specs)) as any);
  return wb;
}

describe("SheetSpec → .xlsx (ExcelJS renderer)", () => {
  it("writes text as text: a name starting with = or + never becomes a formula (DESIGN.md)", async () => {
    const ws = (await roundTrip([spec])).worksheets[0];
    expect(ws.getCell("A3").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B3").value).toBe("+84 Sở");
    expect(ws.getCell("B4").value).toMatchObject({ formula: "ROUND(A4*2,2)" });
  });

  it("keeps fonts, fills, borders, alignment, number formats, merges, widths and heights", async () => {
    const ws = (await roundTrip([spec])).worksheets[0];
    expect(ws.getCell("A1").font).toMatchObject({ name: "Times New Roman", bold: true, size: 14 });
    expect(ws.getCell("B3").fill).toMatchObject({
      pattern: "solid",
      fgColor: { argb: "FFFFF2CC" },
    });
    expect(ws.getCell("B3").font?.color).toEqual({ argb: "FF9C0006" });
    expect(ws.getCell("A3").border?.left?.style).toBe("thin");
    expect(ws.getCell("A4").numFmt).toBe("0.00");
    expect(ws.getCell("B4").alignment).toMatchObject({ wrapText: true, vertical: "middle" });
    expect(ws.model.merges).toContain("A1:D1");
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getRow(1).height).toBe(30);
  });

  it("freezes the header, validates entries 0..max and protects all but the entry cells", async () => {
    const ws = (await roundTrip([spec])).worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3 });
    for (const a of ["A4", "A5"])
      expect(ws.getCell(a).dataValidation).toMatchObject({
        type: "decimal",
        operator: "between",
        formulae: [0, 25],
        error: "sai",
      });
    expect(ws.getCell("A4").protection).toMatchObject({ locked: false });
    expect(ws.getCell("B4").protection?.locked).not.toBe(false);
    expect((ws as any).sheetProtection).toMatchObject({ sheet: true });
    expect((ws as any).sheetProtection.hashValue).toBeUndefined();
  });

  it("prints on A4 one page wide, any number tall, with the header rows repeated", async () => {
    const ws = (await roundTrip([spec])).worksheets[0];
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    });
    expect(ws.pageSetup.margins?.left).toBeCloseTo(30 / 25.4, 5);
    expect(ws.pageSetup.margins?.top).toBeCloseTo(20 / 25.4, 5);
  });

  it("never overwrites a sheet: 'Xếp hạng' taken (any case) gives 'Xếp hạng (2)', then (3)", () => {
    expect(uniqueSheetName("Xếp hạng", [])).toBe("Xếp hạng");
    expect(uniqueSheetName("Xếp hạng", ["XẾP HẠNG"])).toBe("Xếp hạng (2)");
    expect(uniqueSheetName("Xếp hạng", ["Xếp hạng", "Xếp hạng (2)"])).toBe("Xếp hạng (3)");
    expect(uniqueSheetName("Phiếu tự chấm: Sở Tư pháp / 2025 [bản 1]", [])).toHaveLength(31);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Xếp hạng");
    expect(renderSpecToWorksheet(wb, spec).name).toBe("Xếp hạng (2)");
    expect(renderSpecToWorksheet(wb, spec, ["Xếp hạng (3)"]).name).toBe("Xếp hạng (4)");
  });
});
