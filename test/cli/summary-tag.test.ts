/**
 * One sheet-tag contract across the adapters: a summary of returned forms ("Tổng hợp phiếu", kind
 * summary) in a workbook `thidua rank` reads is ranked as the summary, on its own "Xếp hạng theo phiếu"
 * sheet (form-missing, form-refused), as the pane ranks the same file; the same sheet untagged is a
 * plain score sheet ranked on "Xếp hạng".
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createExcelAdapter, type ExcelHost } from "../../src/excel";
import { simulatorFromXlsx } from "../../src/simulator";
import type { SheetSpec } from "../../src/sheets/spec";
import { writeWorkbook } from "../../src/xlsx/write";
import { runCli } from "./run";

jest.setTimeout(120_000);

const ROWS: (string | number)[][] = [
  ["BẢNG TỔNG HỢP PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2025"],
  ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Sở B", "Sở C"],
  ["1", "Hoàn thành kế hoạch công tác năm", 60, 55, 50, 58],
  ["2", "Cải cách hành chính", 40, 30, 38, 35],
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-summary-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function summaryFile(): Promise<string> {
  const cells: SheetSpec["cells"] = [];
  ROWS.forEach((row, r) => row.forEach((value, col) => cells.push({ row: r, col, value })));
  const file = path.join(dir, "tong-hop.xlsx");
  fs.writeFileSync(file, await writeWorkbook([{ name: "Tổng hợp phiếu", kind: "summary", cells }]));
  return file;
}

async function plainFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tổng hợp phiếu");
  for (const row of ROWS) ws.addRow(row);
  const file = path.join(dir, "plain.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

test("sheet tag kind summary: thidua rank ranks a tagged summary as the summary, on the sheet the pane gives it", async () => {
  const file = await summaryFile();
  const out = path.join(dir, "tong-hop-xep-hang.xlsx");
  const res = await runCli(["rank", file, "--out", out, "--json", "--date", "2026-02-05"]);
  expect(res.err).toBe("");
  expect(res.code).toBe(0);
  expect(await sheetNames(out)).toEqual(["Tổng hợp phiếu", "Xếp hạng theo phiếu"]);
  const cli = JSON.parse(res.out);

  // The pane, over the same file: the same sheet and the same ranks.
  const sim = await simulatorFromXlsx(fs.readFileSync(file));
  const pane = await createExcelAdapter(sim.Excel as unknown as ExcelHost, {
    office: sim.Office,
  }).oneClickRanking({ date: new Date(2026, 1, 5) });
  expect(pane.sheetName).toBe("Xếp hạng theo phiếu");
  const ranks = (units: { name: string; rank: number }[]): [string, number][] =>
    units.map((u) => [u.name, u.rank] as [string, number]).sort();
  expect(ranks(cli.units)).toEqual(ranks(pane.report.units));
  // Totals: Sở A 55 + 30 = 85, Sở B 50 + 38 = 88, Sở C 58 + 35 = 93.
  expect(ranks(cli.units)).toEqual([
    ["Sở A", 3],
    ["Sở B", 2],
    ["Sở C", 1],
  ]);
});

test("the same sheet without our tag is a plain score sheet, ranked on 'Xếp hạng'", async () => {
  const file = await plainFile();
  const out = path.join(dir, "plain-xep-hang.xlsx");
  const res = await runCli(["rank", file, "--out", out, "--date", "2026-02-05"]);
  expect(res.code).toBe(0);
  expect(await sheetNames(out)).toEqual(["Tổng hợp phiếu", "Xếp hạng"]);
});
