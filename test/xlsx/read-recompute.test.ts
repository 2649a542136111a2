/**
 * Formula cells saved without a result (ExcelJS drops a cached 0; tools that never calculate save none)
 * are recomputed on reading, so the engine sees the number Excel would show, never a silent 0.
 */
import ExcelJS from "exceljs";
import { analyzeWorkbook } from "../../src/core";
import { readWorkbookGrids } from "../../src/xlsx/read";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A layout-A score sheet whose first leaf for unit "Sở A" is the formula given, saved without a result. */
function scoreBook(formula: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng điểm");
  ws.addRow(["CỤM THI ĐUA SỐ 1"]);
  ws.addRow([]);
  ws.addRow(["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Sở B"]);
  ws.addRow(["1", "Kế hoạch", 10, null, 7]);
  ws.addRow(["2", "Báo cáo", 10, 4, 6]);
  ws.getCell("D4").value = { formula } as ExcelJS.CellValue;
  return wb;
}

describe("N2 formulas without a saved result (xlsx reading)", () => {
  it('a leaf "=2+3" saved with no result counts 5 in the total, with no issue', async () => {
    const grids = await readWorkbookGrids(await bytesOf(scoreBook("2+3")), "cum.xlsx");
    expect(grids[0].values[3][3]).toBe(5);
    expect(grids[0].formulas![3][3]).toBe("=2+3");
    const res = analyzeWorkbook(grids);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở B", 13],
      ["Sở A", 9],
    ]);
    expect(res.report.issues).toEqual([]);
    expect(res.report.provisional).toBe(false);
  });

  it("references to other cells, a hidden sheet and shared formulas are recomputed from the saved values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bảng điểm");
    const hidden = wb.addWorksheet("Nhập liệu");
    hidden.state = "hidden";
    hidden.getCell("A1").value = 2.5;
    hidden.getCell("A2").value = 3;
    ws.getCell("A1").value = { formula: "'Nhập liệu'!A1*2" } as ExcelJS.CellValue;
    ws.getCell("B1").value = { formula: "'Nhập liệu'!A2+A1" } as ExcelJS.CellValue;
    // A cached result is kept as saved, even where recomputing would differ.
    ws.getCell("C1").value = { formula: "A1+1", result: 100 } as ExcelJS.CellValue;
    ws.getCell("A2").value = 1;
    ws.getCell("B2").value = { formula: "A2*10" } as ExcelJS.CellValue;
    ws.getCell("A3").value = 2;
    ws.getCell("B3").value = { sharedFormula: "B2" } as ExcelJS.CellValue;
    ws.getCell("D1").value = { formula: "Z99" } as ExcelJS.CellValue;
    const [g] = await readWorkbookGrids(await bytesOf(wb));
    // D1 points at an empty cell: Excel shows 0.
    expect(g.values[0]).toEqual([5, 8, 100, 0]);
    expect(g.values[1][1]).toBe(10);
    expect(g.values[2][1]).toBe(20);
  });

  it("text that looks like a number stays text for formulas, as in Excel (SUM skips it)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "8,5";
    ws.getCell("A2").value = 1;
    ws.getCell("A3").value = { formula: "SUM(A1:A2)" } as ExcelJS.CellValue;
    const [g] = await readWorkbookGrids(await bytesOf(wb));
    expect(g.values[0][0]).toBe("8,5");
    expect(g.values[2][0]).toBe(1);
  });

  it("a formula Excel would show as #DIV/0! reads as that error, so cell-error names it", async () => {
    const grids = await readWorkbookGrids(await bytesOf(scoreBook("1/0")), "cum.xlsx");
    expect(grids[0].values[3][3]).toEqual({ error: "#DIV/0!" });
    const res = analyzeWorkbook(grids);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.issues.map((i) => [i.code, i.cell])).toEqual([
      ["cell-error", "'Bảng điểm'!D4"],
    ]);
    expect(res.report.issues[0].message).toContain("#DIV/0!");
  });

  it("a formula that cannot be recomputed (unknown function) stays unknown and is reported, never a silent 0", async () => {
    const grids = await readWorkbookGrids(await bytesOf(scoreBook("KHONGCO(1)")), "cum.xlsx");
    expect(grids[0].values[3][3]).toBeUndefined();
    const res = analyzeWorkbook(grids);
    if (!res.ok) throw new Error(res.message);
    const issue = res.report.issues.find((i) => i.cell === "'Bảng điểm'!D4");
    expect(issue?.code).toBe("cell-error");
    expect(issue?.severity).toBe("error");
    expect(issue?.message).toContain("công thức chưa có kết quả");
    expect(res.report.provisional).toBe(true);
  });
});
