import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookGrids, WorkbookReadError } from "../../src/xlsx/read";

async function book(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("Bảng điểm"), wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("reading .xlsx into Grids (ExcelJS adapter)", () => {
  it("reads values, formulas with cached results, fonts, indent, merges and error values", async () => {
    const bytes = await book((ws) => {
      ws.getCell("A1").value = "CỤM THI ĐUA";
      ws.mergeCells("A1:C1");
      ws.getCell("A2").value = 8.5;
      ws.getCell("B2").value = { formula: "A2*2", result: 17 } as ExcelJS.CellValue;
      ws.getCell("C2").value = { error: "#REF!" } as ExcelJS.CellValue;
      ws.getCell("A3").value = "Tiêu chí";
      ws.getCell("A3").font = { name: ".VnTime", bold: true };
      ws.getCell("A3").alignment = { indent: 2 };
    });
    const [g] = await readWorkbookGrids(bytes, "book.xlsx");
    expect(g.sheetName).toBe("Bảng điểm");
    expect(g.file).toBe("book.xlsx");
    expect(g.values[0]).toEqual(["CỤM THI ĐUA", null, null]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(g.values[1]).toEqual([8.5, 17, { error: "#REF!" }]);
    expect(g.formulas![1][1]).toBe("=A2*2");
    expect(g.formats![2][0]).toEqual({
      font: { name: ".VnTime", bold: true, italic: false },
      indent: 2,
    });
  });

  it("a formula without a cached result is recomputed, not left blank or unknown", async () => {
    const bytes = await book((ws) => {
      ws.getCell("A1").value = 0;
      ws.getCell("B1").value = { formula: "A1*2" } as ExcelJS.CellValue;
    });
    const [g] = await readWorkbookGrids(bytes);
    expect(g.values[0][1]).toBe(0);
    expect(g.values[0][0]).toBe(0);
  });

  it("skips hidden sheets", async () => {
    const bytes = await book((ws, wb) => {
      ws.getCell("A1").value = 1;
      const h = wb.addWorksheet("Ẩn");
      h.state = "hidden";
      h.getCell("A1").value = 2;
    });
    expect((await readWorkbookGrids(bytes)).map((g) => g.sheetName)).toEqual(["Bảng điểm"]);
  });

  it("a missing, non-xlsx, old .xls, encrypted or corrupt file gives one sentence, Vietnamese first", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-read-"));
    const txt = path.join(dir, "ghi-chu.xlsx");
    fs.writeFileSync(txt, "không phải bảng tính");
    const cfb = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(64),
    ]);
    const enc = Buffer.concat([cfb, Buffer.from("EncryptionInfo", "utf16le")]);
    const zipJunk = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(100, 7)]);
    const cases: [string | Buffer, string, RegExp][] = [
      [path.join(dir, "khong-co.xlsx"), "notFound", /^Không tìm thấy tệp khong-co\.xlsx: /],
      [txt, "notXlsx", /không phải bảng tính Excel/],
      [cfb, "oldXls", /Excel 97–2003/],
      [enc, "encrypted", /mật khẩu/],
      [zipJunk, "corrupt", /bị hỏng/],
    ];
    for (const [input, problem, vi] of cases) {
      const err = await readWorkbookGrids(input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkbookReadError);
      const e = err as WorkbookReadError;
      expect(e.problem).toBe(problem);
      expect(e.message).toMatch(vi);
      expect(e.messageIn("en")).not.toMatch(/[ăơưđ]/);
      expect(e.message).not.toMatch(/\n|at /);
    }
  });
});
