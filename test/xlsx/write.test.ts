import ExcelJS from "exceljs";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { SheetSpec } from "../../src/sheets/spec";
import { writeRankedCopy, writeWorkbook } from "../../src/xlsx/write";
import { SAMPLES } from "../sheets/fixtures";

const ours: SheetSpec = {
  name: "Xếp hạng",
  kind: "ranking",
  cells: [
    { row: 0, col: 0, value: "Đơn vị" },
    { row: 1, col: 0, formula: "=SUM(1,2)" },
  ],
};

function sampleFiles(): string[] {
  return fs
    .readdirSync(SAMPLES)
    .filter((d) => fs.statSync(path.join(SAMPLES, d)).isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(SAMPLES, d))
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => path.join(SAMPLES, d, f))
    );
}

type Cells = Map<string, unknown>;

async function cellsOf(source: string | Buffer): Promise<Map<string, Cells>> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === "string") await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as any);
  const out = new Map<string, Cells>();
  for (const ws of wb.worksheets) {
    const cells: Cells = new Map();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        if (!c.isMerged || c.master === c) cells.set(c.address, c.value);
      })
    );
    out.set(ws.name, cells);
  }
  return out;
}

describe("writeRankedCopy: the user's workbook with our sheet added (DESIGN.md: the user's cells are theirs)", () => {
  const files = sampleFiles();

  it("finds the sample workbooks", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files.map((f) => [path.relative(SAMPLES, f), f]))(
    "%s: every user sheet comes out cell for cell (values, formulas, cached results); the input is untouched",
    async (_name, file) => {
      const before = createHash("sha256").update(fs.readFileSync(file)).digest("hex");
      const out = await writeRankedCopy(file, [ours]);
      expect(createHash("sha256").update(fs.readFileSync(file)).digest("hex")).toBe(before);
      const original = await cellsOf(file);
      const copy = await cellsOf(out);
      for (const [sheet, cells] of original) {
        expect(copy.has(sheet)).toBe(true);
        expect([...copy.get(sheet)!.entries()]).toEqual([...cells.entries()]);
      }
      expect([...copy.keys()]).toEqual([...original.keys(), "Xếp hạng"]);
    }
  );

  it("keeps a user's sheet named 'Xếp hạng' and names ours 'Xếp hạng (2)'", async () => {
    const wb = new ExcelJS.Workbook();
    const mine = wb.addWorksheet("Xếp hạng");
    mine.getCell("A1").value = "bảng của tôi";
    mine.getCell("B2").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const copy = await cellsOf(await writeRankedCopy(input, [ours]));
    expect([...copy.keys()]).toEqual(["Xếp hạng", "Xếp hạng (2)"]);
    expect(copy.get("Xếp hạng")!.get("A1")).toBe("bảng của tôi");
    expect(copy.get("Xếp hạng")!.get("B2")).toEqual({ formula: "1+1", result: 2 });
    expect(copy.get("Xếp hạng (2)")!.get("A1")).toBe("Đơn vị");
  });

  it("running again replaces only our tagged sheets; the user's 'Xếp hạng' stays, ours is not piled up", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Xếp hạng").getCell("A1").value = "bảng của tôi";
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const once = await writeRankedCopy(input, [ours]);
    const next: SheetSpec = { ...ours, cells: [{ row: 0, col: 0, value: "lần 2" }] };
    const twice = await cellsOf(await writeRankedCopy(once, [next]));
    expect([...twice.keys()]).toEqual(["Xếp hạng", "Xếp hạng (2)"]);
    expect(twice.get("Xếp hạng")!.get("A1")).toBe("bảng của tôi");
    expect(twice.get("Xếp hạng (2)")!.get("A1")).toBe("lần 2");
    // A sheet of another kind (the covenant) is added beside it, not in its place.
    const third = await cellsOf(
      await writeRankedCopy(await writeRankedCopy(once, [next]), [
        { ...ours, name: "Giao ước", kind: "covenant" },
      ])
    );
    expect([...third.keys()]).toEqual(["Xếp hạng", "Xếp hạng (2)", "Giao ước"]);
  });

  it("writeWorkbook makes a new workbook with the specs in order", async () => {
    const copy = await cellsOf(await writeWorkbook([ours, { ...ours, name: "Giao ước" }]));
    expect([...copy.keys()]).toEqual(["Xếp hạng", "Giao ước"]);
    expect(copy.get("Xếp hạng")!.get("A2")).toEqual({ formula: "SUM(1,2)" });
  });
});
