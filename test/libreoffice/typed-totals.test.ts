/**
 * The generated samples whose totals live in the sheet's own formulas (R14) and typed "x/y" totals,
 * recalculated by LibreOffice: the sheet's own totals are the hand-computed ones of expected.json,
 * and the engine reads the recalculated workbook to the same totals with no subtotal-mismatch.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeWorkbook } from "../../src/core";
import { readWorkbookGrids } from "../../src/xlsx/read";
import { convert, makeProfile } from "./soffice";

const FIXTURES = path.resolve(__dirname, "../fixtures");
const CASES = ["a-r14-spaces-bold-sum-formulas", "a-r14-sum-formulas-only-no-results"];

interface Expected {
  units: { name: string; total: number; rank: number }[];
}

const recalculated = new Map<string, string>();

beforeAll(() => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-typed-"));
  const copies = CASES.map((c) => {
    const copy = path.join(work, `${c}.xlsx`);
    fs.copyFileSync(path.join(FIXTURES, c, "input.xlsx"), copy);
    return copy;
  });
  const out = convert(copies, "xlsx:Calc MS Excel 2007 XML", path.join(work, "out"), makeProfile());
  CASES.forEach((c, i) => recalculated.set(c, out[i]));
}, 180_000);

describe("R14 samples recalculated by LibreOffice", () => {
  it.each(CASES)(
    "R14: %s — the sheet's own TỔNG CỘNG formulas give the hand-computed totals, and the engine agrees",
    async (name) => {
      const expected = JSON.parse(
        fs.readFileSync(path.join(FIXTURES, name, "expected.json"), "utf8")
      ) as Expected;
      const grids = await readWorkbookGrids(recalculated.get(name)!, "input.xlsx");
      const g = grids[0];
      const header = g.values.findIndex((r) => r[1] === "Nội dung tiêu chí");
      const total = g.values.findIndex((r) => r[1] === "TỔNG CỘNG");
      const typed = Object.fromEntries(
        g.values[header].slice(3).map((unit, k) => [String(unit), g.values[total][3 + k]])
      );
      expect(typed).toEqual(Object.fromEntries(expected.units.map((u) => [u.name, u.total])));
      const res = analyzeWorkbook(grids);
      if (!res.ok) throw new Error(res.message);
      expect(res.report.units.map((u) => ({ name: u.name, total: u.total, rank: u.rank }))).toEqual(
        expected.units
      );
      expect(res.report.issues.filter((i) => i.code === "subtotal-mismatch")).toEqual([]);
    },
    60_000
  );
});
