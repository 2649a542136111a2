/**
 * A workbook with several score sheets that are not one self-score form per unit ("Quý I" and "Quý II",
 * a score sheet and its old copy): `thidua rank` ranks one and says which, names the sheet it skipped
 * and how to choose (--sheet); never a silent pick (DESIGN.md "Command line").
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeWorkbook } from "../../src/core";
import { gridFromRows } from "../../src/core/grid";
import { runCli as run } from "./run";

/** One layout-A sheet: Sở A and Sở B, two criteria of 50. */
function addQuarter(wb: ExcelJS.Workbook, name: string, a: number, b: number): void {
  const ws = wb.addWorksheet(name);
  ws.addRow([`BẢNG ĐIỂM THI ĐUA ${name.toUpperCase()}`]);
  ws.addRow(["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Sở B"]);
  ws.addRow(["1", "Hoàn thành kế hoạch", 50, a, b]);
  ws.addRow(["2", "Cải cách hành chính", 50, 40, 40]);
}

let dir: string;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-sheets-"));
  file = path.join(dir, "quy.xlsx");
  const wb = new ExcelJS.Workbook();
  // Quý I: Sở B first; Quý II: Sở A first. Which one was ranked changes the winner.
  addQuarter(wb, "Quý I", 30, 45);
  addQuarter(wb, "Quý II", 48, 20);
  await wb.xlsx.writeFile(file);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("several score sheets in one workbook", () => {
  it("the report names the sheet ranked and the one skipped (core)", () => {
    const g = (name: string, a: number) => ({
      ...gridFromRows(name, [
        ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Sở B"],
        ["1", "Tiêu chí", 100, a, 50],
      ]),
      file: "x.xlsx",
    });
    const r = analyzeWorkbook([g("Bảng điểm", 60), g("Bảng điểm (cũ)", 40)]);
    if (!r.ok) throw new Error(r.message);
    expect(r.report.sheets).toEqual(["Bảng điểm"]);
    expect(r.report.skippedSheets).toEqual([
      { sheet: "Bảng điểm (cũ)", layout: "A", instead: "Bảng điểm", file: "x.xlsx" },
    ]);
    expect(r.report.notes).toEqual([
      'Trang "Bảng điểm (cũ)" cũng là bảng điểm nhưng không được xếp hạng: đã xếp hạng trang "Bảng điểm".',
    ]);
  });

  it("thidua rank says in its table which sheet it ranked and which it skipped, and how to choose", async () => {
    const r = await run(["rank", file]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toContain("Quý I");
    expect(r.out).toContain(
      'Trang "Quý II" cũng là bảng điểm nhưng không được xếp hạng: đã xếp hạng trang "Quý I".'
    );
    expect(r.out).toContain('chọn bằng --sheet: "Quý I", "Quý II"');
  });

  it("--json carries skippedSheets and notes; the note also goes to stderr, in English with --lang en", async () => {
    const r = await run(["rank", file, "--json", "--lang", "en"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.sheet).toBe("Quý I");
    expect(json.units.map((u: { name: string }) => u.name)).toEqual(["Sở B", "Sở A"]);
    expect(json.skippedSheets).toEqual([{ sheet: "Quý II", layout: "A", instead: "Quý I", file }]);
    expect(json.notes).toEqual([
      'Sheet "Quý II" is a score sheet too but was not ranked: sheet "Quý I" was ranked.',
    ]);
    expect(r.err).toContain('thidua: Sheet "Quý II" is a score sheet too but was not ranked');
    expect(r.err).toContain('choose it with --sheet: "Quý I", "Quý II"');
  });

  it("a copy written by --out, ranked again, does not count our own ranking sheet as a skipped score sheet", async () => {
    const out = path.join(dir, "xep-hang.xlsx");
    expect((await run(["rank", file, "--sheet", "Quý I", "--out", out])).code).toBe(0);
    const again = await run(["rank", out, "--sheet", "Quý I", "--json"]);
    expect(again.code).toBe(0);
    expect(again.err).toBe("");
    expect(JSON.parse(again.out).skippedSheets).toBeUndefined();
    // The note still names the user's other quarter, and only it.
    const all = JSON.parse((await run(["rank", out, "--json"])).out);
    expect(all.skippedSheets.map((s: { sheet: string }) => s.sheet)).toEqual(["Quý II"]);
  });

  it("--sheet ranks the sheet asked for, with nothing skipped to report", async () => {
    const r = await run(["rank", file, "--sheet", "Quý II", "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    expect(json.sheet).toBe("Quý II");
    expect(json.units.map((u: { name: string }) => u.name)).toEqual(["Sở A", "Sở B"]);
    expect(json.skippedSheets).toBeUndefined();
  });
});
