/**
 * One sheet-tag contract (src/sheets/tags.ts) across both adapters: a ranking sheet written by the CLI
 * is known as ours by the pane (rewritten in place, never read as a score sheet), and one written by the
 * pane is known as ours by the CLI. DESIGN.md "The user's cells are theirs".
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { saveXlsx, simulatorFromXlsx } from "../../src/simulator";
import { readWorkbookGrids } from "../../src/xlsx/read";
import { writeRankedCopy } from "../../src/xlsx/write";
import { kindOfTag, tagName } from "../../src/sheets/tags";
import { runCli } from "../cli/run";
import { adapterFor, layoutASim } from "../excel/fixtures";

jest.setTimeout(120_000);

const DATE = new Date(2025, 11, 20);

async function sheetNames(bytes: Uint8Array | Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  return wb.worksheets.map((w) => w.name);
}

/** A five-unit layout-A score workbook as a user saves it, with no sheet of ours. */
async function scoreWorkbook(dir: string): Promise<string> {
  const file = path.join(dir, "bang-diem.xlsx");
  fs.writeFileSync(file, await saveXlsx(layoutASim(5).model));
  return file;
}

describe("tag names", () => {
  it("reads both spellings, any case, and nothing of the user's", () => {
    expect(kindOfTag(tagName("ranking", "Xếp hạng"))).toBe("ranking");
    expect(kindOfTag("_thidua_covenant_3")).toBe("covenant");
    expect(kindOfTag("_THIDUA_SUMMARY_1x9")).toBe("summary");
    expect(kindOfTag("Print_Area")).toBeNull();
    expect(kindOfTag("_thidua_")).toBeNull();
  });
});

describe("a ranking sheet crosses adapters as ours", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-tags-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("CLI → pane: the pane lists it as ours, ranks the score sheet from it, and rewrites it in place", async () => {
    const input = await scoreWorkbook(dir);
    const out = path.join(dir, "xep-hang.xlsx");
    const r = await runCli(["rank", input, "--out", out]);
    expect(r.code).toBe(0);
    const sim = await simulatorFromXlsx(new Uint8Array(fs.readFileSync(out)));
    const adapter = adapterFor(sim);
    const sheets = await adapter.listSheets();
    const ranking = sheets.find((s) => s.ours === "ranking");
    expect(ranking?.name).toBe("Xếp hạng");
    expect(sheets.find((s) => s.name === "Bảng điểm")?.ours).toBeNull();

    // With the CLI's ranking active, one click ranks what it was made from, not the ranking itself.
    sim.model.activeSheetId = sim.model.sheetByName("Xếp hạng")!.id;
    const again = await adapter.oneClickRanking({ date: DATE });
    expect(again.report.units.map((u) => u.name).sort()).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Đơn vị số ${n}`)
    );
    // Rewritten in place: no "Xếp hạng (2)" beside the CLI's sheet.
    expect(sim.model.sheets.map((s) => s.name)).toEqual(["Bảng điểm", "Xếp hạng"]);
  });

  it("pane → CLI: the CLI reads only the score sheet and replaces the pane's ranking on --out", async () => {
    const sim = layoutASim(5);
    await adapterFor(sim).oneClickRanking({ date: DATE });
    expect(sim.model.sheets.map((s) => s.name)).toEqual(["Bảng điểm", "Xếp hạng"]);
    const saved = path.join(dir, "tu-excel.xlsx");
    fs.writeFileSync(saved, await saveXlsx(sim.model));

    const grids = await readWorkbookGrids(saved);
    expect(grids.map((g) => g.sheetName)).toEqual(["Bảng điểm"]);

    const json = await runCli(["rank", saved, "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).units).toHaveLength(5);

    const out = path.join(dir, "lai.xlsx");
    expect((await runCli(["rank", saved, "--out", out])).code).toBe(0);
    expect(await sheetNames(fs.readFileSync(out))).toEqual(["Bảng điểm", "Xếp hạng"]);
  });

  it("a sheet of the user's called 'Xếp hạng' is never replaced by either adapter", async () => {
    const sim = layoutASim(5);
    const mine = sim.model.addSheet("Xếp hạng");
    sim.model.setConstant(mine, 0, 0, "ghi chú của tôi");
    const saved = path.join(dir, "co-sheet-trung-ten.xlsx");
    fs.writeFileSync(saved, await saveXlsx(sim.model));
    const copy = await writeRankedCopy(saved, [
      { name: "Xếp hạng", kind: "ranking", cells: [{ row: 0, col: 0, value: "x" }] },
    ]);
    expect(await sheetNames(copy)).toEqual(["Bảng điểm", "Xếp hạng", "Xếp hạng (2)"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy as any);
    expect(wb.getWorksheet("Xếp hạng")!.getCell("A1").value).toBe("ghi chú của tôi");
  });

  it("issue 19: a stray tag on a user's sheet never drops that sheet from the --out copy", async () => {
    const sim = layoutASim(5);
    const notes = sim.model.addSheet("Ghi chú");
    sim.model.setConstant(notes, 0, 0, "biên bản họp ngày 05/02");
    const saved = path.join(dir, "the-la.xlsx");
    fs.writeFileSync(saved, await saveXlsx(sim.model));
    // A tag of ours pointing at the user's sheet, as a copied sheet or a hand-made name leaves one.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    wb.definedNames.add("'Ghi chú'!$A$1", "_thidua_ranking_1");
    await wb.xlsx.writeFile(saved);
    const out = path.join(dir, "ra.xlsx");
    expect((await runCli(["rank", saved, "--out", out])).code).toBe(0);
    expect(await sheetNames(fs.readFileSync(out))).toEqual(["Bảng điểm", "Ghi chú", "Xếp hạng"]);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    expect(copy.getWorksheet("Ghi chú")!.getCell("A1").value).toBe("biên bản họp ngày 05/02");
  });
});
