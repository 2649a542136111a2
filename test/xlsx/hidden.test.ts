/**
 * Hidden rows and columns in an .xlsx (ExcelJS column.hidden / row.hidden): an office hides last year's
 * column ("Năm 2024") or folds sub-criteria away. A hidden unit column or row is not ranked, a hidden
 * criterion is still counted (Excel's SUM counts it), and the report says both, never in silence.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeWorkbook, type RankingReport } from "../../src/core";
import { readWorkbookGrids } from "../../src/xlsx/read";
import { main } from "../../src/cli/main";
import { addHiddenLayoutA } from "../fixtures/hidden-layout-a";

async function bytesOf(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Bảng điểm"));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rank(bytes: Buffer, lang: "vi" | "en" = "vi"): Promise<RankingReport> {
  const r = analyzeWorkbook(await readWorkbookGrids(bytes, "cum.xlsx"), { lang });
  if (!r.ok) throw new Error(r.message);
  return r.report;
}

const layoutA = (ws: ExcelJS.Worksheet): void => addHiddenLayoutA(ws);

describe("hidden rows and columns (xlsx reading)", () => {
  it("the Grid carries which rows and columns are hidden", async () => {
    const [g] = await readWorkbookGrids(await bytesOf(layoutA));
    expect(g.hidden).toEqual({ rows: [4], cols: [4] });
  });

  it("A: a hidden 'Năm 2024' column is not ranked as a unit, and the report says so", async () => {
    const r = await rank(await bytesOf(layoutA));
    expect(r.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở B", 85],
      ["Sở A", 70],
    ]);
    expect(r.notes).toContain(
      'Trang "Bảng điểm": Cột E đang ẩn (Năm 2024): không xếp hạng; bỏ ẩn cột nếu đó là đơn vị cần xếp hạng.'
    );
  });

  it("A: a hidden criterion row is still counted (the totals above include row 5) and named in the notes", async () => {
    const r = await rank(await bytesOf(layoutA), "en");
    expect(r.notes).toContain(
      'Sheet "Bảng điểm": Hidden row(s) 5: still counted as criteria (as Excel\'s SUM counts them).'
    );
    expect(r.units.find((u) => u.name === "Sở A")?.sections.map((s) => s.score)).toEqual([40, 30]);
  });

  it("without hidden columns the same sheet ranks 'Năm 2024' (so the test above can fail)", async () => {
    const r = await rank(
      await bytesOf((ws) => {
        layoutA(ws);
        ws.getColumn(5).hidden = false;
        ws.getRow(5).hidden = false;
      })
    );
    expect(r.units.map((u) => u.name)).toContain("Năm 2024");
    expect(r.notes).toBeUndefined();
  });

  it("B: a hidden unit row is not ranked; a hidden criterion column is still counted; both are said", async () => {
    const r = await rank(
      await bytesOf((ws) => {
        ws.addRow(["STT", "Tên đơn vị", "Tiêu chí 1 (50đ)", "Tiêu chí 2 (50đ)", "Tổng điểm"]);
        ws.addRow([1, "Sở A", 40, 30, 70]);
        ws.addRow([2, "Sở Cũ (đã sáp nhập)", 50, 50, 100]);
        ws.addRow([3, "Sở B", 45, 40, 85]);
        ws.getRow(3).hidden = true;
        ws.getColumn(4).hidden = true;
      })
    );
    expect(r.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở B", 85],
      ["Sở A", 70],
    ]);
    expect(r.notes).toEqual([
      'Trang "Bảng điểm": Dòng 3 đang ẩn (Sở Cũ (đã sáp nhập)): không xếp hạng; bỏ ẩn dòng nếu đó là đơn vị cần xếp hạng.',
      'Trang "Bảng điểm": Cột D đang ẩn nhưng vẫn được tính là tiêu chí (như hàm SUM của Excel).',
    ]);
  });

  it("thidua rank prints the note under the line saying what it read", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-hidden-"));
    try {
      const file = path.join(dir, "cum.xlsx");
      fs.writeFileSync(file, await bytesOf(layoutA));
      let out = "";
      const code = await main(["rank", file], {
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: () => undefined },
      });
      expect(code).toBe(0);
      const lines = out.split("\n");
      expect(lines[1]).toContain("Cột E đang ẩn (Năm 2024): không xếp hạng");
      expect(out).not.toMatch(/Năm 2024\s+\d/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
