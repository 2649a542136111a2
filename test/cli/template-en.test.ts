/**
 * The round trip of an English self-score form (issue 4): `thidua template --lang en` → each unit fills
 * its form → `thidua rank` on the returned files. The English forms ("No. | Criterion | Max points |
 * Self score | Reviewed score", "Unit: …", "TOTAL") must read back as layout D and rank exactly as
 * Vietnamese forms filled with the same numbers.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli as run } from "./run";
import { sample } from "../paths";

const S1 = sample("s1-layout-a");

/**
 * Fills a form as a unit would: every entry cell (the unlocked cells of the self-score column) at its
 * max, the first one `k` points lower, so unit k ranks k-th.
 */
/** The form unlocks exactly the cells a unit types into. */
const isEntry = (c: ExcelJS.Cell): boolean => c.protection?.locked === false;

async function fill(file: string, selfHeader: string, k: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  let selfCol = 0;
  let header = 0;
  ws.eachRow((row, rn) =>
    row.eachCell((c, cn) => {
      if (c.value === selfHeader) [selfCol, header] = [cn, rn];
    })
  );
  const maxCol = selfCol - 1;
  let first = true;
  ws.eachRow((row, rn) => {
    if (rn <= header || !isEntry(row.getCell(selfCol))) return;
    const max = Number(row.getCell(maxCol).value);
    row.getCell(selfCol).value = first ? max - k : max;
    first = false;
  });
  await wb.xlsx.writeFile(file);
}

async function roundTrip(
  lang: "vi" | "en",
  selfHeader: string,
  dir: string
): Promise<{ files: string[]; units: { name: string; total: number; rank: number }[] }> {
  const out = path.join(dir, lang);
  const made = await run(["template", S1, "--out", out, "--lang", lang]);
  expect(made.code).toBe(0);
  const files = fs.readdirSync(out).sort();
  for (let k = 0; k < files.length; k++) await fill(path.join(out, files[k]), selfHeader, k);
  const r = await run(["rank", ...files.map((f) => path.join(out, f)), "--json", "--lang", lang]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out);
  expect(json.mapping.map((m: { layout: string }) => m.layout)).toEqual(files.map(() => "D"));
  const units = json.units.map((u: { name: string; total: number; rank: number }) => ({
    name: u.name,
    total: u.total,
    rank: u.rank,
  }));
  return { files, units };
}

describe("thidua template --lang en → fill → thidua rank (issue 4)", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-tpl-en-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("English forms read back (layout D, unit from 'Unit: …') and rank like Vietnamese ones (K1)", async () => {
    const en = await roundTrip("en", "Self score", dir);
    const vi = await roundTrip("vi", "Điểm tự chấm", dir);
    expect(en.units).toHaveLength(7);
    expect(en.units).toEqual(vi.units);
    // Unit k lost k points on its first criterion: ranked in file order, one point apart.
    expect(en.units.map((u) => `${u.name}.xlsx`)).toEqual(en.files);
    expect(en.units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (let i = 1; i < en.units.length; i++)
      expect(en.units[i - 1].total - en.units[i].total).toBe(1);
  }, 30000);
});
