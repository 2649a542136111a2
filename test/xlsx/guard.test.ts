/**
 * The package guard and the one reader under small limits: what each limit refuses, in one sentence
 * naming the file and what to do, and what it lets through untouched (issue 19).
 */
import ExcelJS from "exceljs";
import { scanSheetBox } from "../../src/xlsx/guard";
import { readWorkbookBytes, WorkbookReadError } from "../../src/xlsx/reader";

async function book(
  fill: (ws: ExcelJS.Worksheet) => void,
  name = "Bảng điểm"
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet(name));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function refusal(p: Promise<unknown>): Promise<WorkbookReadError> {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(WorkbookReadError);
  return e as WorkbookReadError;
}

describe("the package guard (issue 19)", () => {
  it("counts only cells holding a value: styled empty cells and a stray style at the edge do not stretch the box", () => {
    const xml =
      '<sheetData><row r="2"><c r="B2"><v>1</v></c><c s="3"><v>2</v></c><c r="F2" s="1"/></row>' +
      '<row r="9"><c r="A9" t="inlineStr"><is><t>x</t></is></c></row>' +
      '<row r="1048576"><c r="XFD1048576" s="2"></c></row></sheetData>';
    expect(scanSheetBox(xml)).toEqual({ lastRow: 8, lastCol: 2, cells: 3, far: { r: 8, c: 0 } });
  });

  it("edge cell: a value past the cell cap is refused naming the sheet and the cell, both languages", async () => {
    const bytes = await book((ws) => {
      ws.getCell("A1").value = "STT";
      ws.getCell("Z400").value = 1;
    });
    const e = await refusal(readWorkbookBytes(bytes, "cum.xlsx", { limits: { maxCells: 5000 } }));
    expect(e.problem).toBe("edgeCell");
    expect(e.message).toBe(
      "Trang Bảng điểm của tệp cum.xlsx có dữ liệu ở tận ô Z400: hãy xoá các ô thừa rồi lưu lại."
    );
    expect(e.messageIn("en")).toBe(
      "Sheet Bảng điểm of file cum.xlsx has data as far as cell Z400: delete the stray cells and save it again."
    );
  });

  it("shared strings over the count limit are refused before ExcelJS builds them", async () => {
    const bytes = await book((ws) => {
      for (let r = 1; r <= 6; r++) ws.getCell(r, 1).value = `Đơn vị ${r}`;
    });
    const e = await refusal(
      readWorkbookBytes(bytes, "cum.xlsx", { limits: { maxSharedStrings: 5 } })
    );
    expect(e.problem).toBe("tooManyStrings");
    expect(e.message).toMatch(/^Tệp cum\.xlsx có quá nhiều ô chữ \(> 5\): hãy mở bằng Excel/);
    const ok = await readWorkbookBytes(bytes, "cum.xlsx", { limits: { maxSharedStrings: 6 } });
    expect(ok.grids[0].values.map((r) => r[0])).toEqual(
      [1, 2, 3, 4, 5, 6].map((r) => `Đơn vị ${r}`)
    );
  });

  it("a part over the per-entry budget is refused with its name and size", async () => {
    const bytes = await book((ws) => {
      for (let r = 1; r <= 200; r++) ws.getCell(r, 1).value = r;
    });
    const e = await refusal(
      readWorkbookBytes(bytes, "cum.xlsx", { limits: { maxEntryBytes: 2048 } })
    );
    expect(e.problem).toBe("tooLarge");
    expect(e.message).toMatch(
      /\((xl\/worksheets\/sheet1|xl\/styles)\.xml, \d+ kB\): hãy mở bằng Excel/
    );
  });

  it("uncached formulas past the recompute bound stay unknown (reported by the engine), under it they are computed", async () => {
    const bytes = await book((ws) => {
      ws.getCell("A1").value = 2;
      ws.getCell("A2").value = 3;
      ws.getCell("B1").value = { formula: "SUM(A1:A2)" } as ExcelJS.CellFormulaValue;
    });
    const bounded = await readWorkbookBytes(bytes, "cum.xlsx", { limits: { maxRecomputeRefs: 2 } });
    expect(bounded.grids[0].values[0][1]).toBeUndefined();
    expect(bounded.notComputed).toBe(1);
    const computed = await readWorkbookBytes(bytes, "cum.xlsx");
    expect(computed.grids[0].values[0][1]).toBe(5);
    expect(computed.notComputed).toBe(0);
  });

  it("a hyperlink over rich text reads as its text, never [object Object]", async () => {
    const bytes = await book((ws) => {
      ws.getCell("A1").value = {
        text: { richText: [{ text: "Sở " }, { text: "Tư pháp", font: { bold: true } }] },
        hyperlink: "https://stp.example.vn",
      } as unknown as ExcelJS.CellHyperlinkValue;
    });
    const { grids } = await readWorkbookBytes(bytes, "cum.xlsx");
    expect(grids[0].values[0][0]).toBe("Sở Tư pháp");
  });
});
