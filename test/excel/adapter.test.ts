import { createSimulator } from "../../src/simulator";
import { defaultProfile } from "../../src/core/profile";
import { PROFILE_NAMESPACE, type ExcelAdapterError } from "../../src/excel";
import type { SheetSpec } from "../../src/sheets/spec";
import { adapterFor, layoutASim, sampleSim, snapshot } from "./fixtures";
import * as fs from "fs";
import * as path from "path";
import { SAMPLES } from "./fixtures";

const DATE = new Date(2025, 11, 20);

describe("oneClickRanking against the simulator (DESIGN.md round trips, user's cells)", () => {
  test("s1: ranks the sample as expected.json says and writes a 'Xếp hạng' sheet", async () => {
    const sim = await sampleSim("s1-layout-a/input.xlsx");
    const expected = JSON.parse(
      fs.readFileSync(path.join(SAMPLES, "s1-layout-a/expected.json"), "utf8")
    );
    const res = await adapterFor(sim).oneClickRanking({ date: DATE });
    expect(res.sheetName).toBe("Xếp hạng");
    expect(res.report.units.map((u) => [u.name, u.total, u.rank])).toEqual(
      expected.units.map((u: any) => [u.name, u.total, u.rank])
    );
    const sheet = sim.model.sheetByName("Xếp hạng")!;
    const texts: unknown[] = [];
    sheet.forEachCell((r, c) => texts.push(sim.model.result(sheet, r, c)));
    expect(texts).toContain("Văn phòng UBND tỉnh");
    expect(sim.model.activeSheet().name).toBe("Xếp hạng");
  });

  test("the number of syncs is the same for 5, 50 and 500 units, and the write fits one request", async () => {
    const counts: number[] = [];
    for (const n of [5, 50, 500]) {
      const sim = layoutASim(n);
      const res = await adapterFor(sim).oneClickRanking({ date: DATE });
      expect(res.report.units).toHaveLength(n);
      expect(res.syncs).toBe(sim.stats.syncs);
      counts.push(sim.stats.syncs);
    }
    expect(counts[0]).toBeLessThanOrEqual(3);
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);
  });

  test("no value or formula of the user's sheets changes", async () => {
    const sim = await sampleSim("s4-bad-inputs/input.xlsx");
    const userSheets = sim.model.sheets.map((s) => s.name);
    const before = snapshot(sim, userSheets);
    await adapterFor(sim).oneClickRanking({ date: DATE });
    expect(snapshot(sim, userSheets)).toEqual(before);
  });

  test("re-running replaces only our sheet; a user's sheet named 'Xếp hạng' is kept and ours is 'Xếp hạng (2)'", async () => {
    const sim = layoutASim(5);
    sim.model.addSheet("Xếp hạng");
    const mine = sim.model.sheetByName("Xếp hạng")!;
    sim.model.setConstant(mine, 0, 0, "ghi chú của tôi");
    const a = adapterFor(sim);
    const first = await a.oneClickRanking({ date: DATE });
    expect(first.sheetName).toBe("Xếp hạng (2)");
    const second = await a.oneClickRanking({ date: DATE, sheets: ["Bảng điểm"] });
    expect(second.sheetName).toBe("Xếp hạng (2)");
    expect(sim.model.sheets.map((s) => s.name)).toEqual(["Bảng điểm", "Xếp hạng", "Xếp hạng (2)"]);
    expect(sim.model.result(mine, 0, 0)).toBe("ghi chú của tôi");
    expect(mine.usedRect(false)).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
  });

  test("our sheet renamed by the user is still ours: the re-run rewrites it in its place, keeping the user's name (issue 5)", async () => {
    const sim = layoutASim(5);
    sim.model.addSheet("Khác");
    const a = adapterFor(sim);
    await a.oneClickRanking({ date: DATE });
    const ours = sim.model.sheetByName("Xếp hạng")!;
    sim.model.renameSheet(ours, "Kết quả 2025");
    sim.model.moveSheet(ours, 0);
    await a.oneClickRanking({ date: DATE, sheets: ["Bảng điểm"] });
    expect(sim.model.sheets.map((s) => s.name)).toEqual(["Kết quả 2025", "Bảng điểm", "Khác"]);
  });

  test("our sheet deleted by the user: its stale tag is dropped and the re-run makes a fresh sheet", async () => {
    const sim = layoutASim(5);
    const a = adapterFor(sim);
    await a.oneClickRanking({ date: DATE });
    sim.model.deleteSheet(sim.model.sheetByName("Xếp hạng")!);
    expect(sim.model.names[0].formula).toContain("#REF");
    const again = await a.oneClickRanking({ date: DATE, sheets: ["Bảng điểm"] });
    expect(again.sheetName).toBe("Xếp hạng");
    expect(sim.model.names).toHaveLength(1);
    expect(sim.model.names[0].formula).toContain("Xếp hạng");
  });

  test("ranking from our own sheet (active) reads the user's sheets instead of our output", async () => {
    const sim = layoutASim(5);
    const a = adapterFor(sim);
    await a.oneClickRanking({ date: DATE });
    const again = await a.oneClickRanking({ date: DATE });
    expect(again.report.sheets).toEqual(["Bảng điểm"]);
    expect(sim.model.sheets.map((s) => s.name)).toEqual(["Bảng điểm", "Xếp hạng"]);
  });

  test("a sheet that is not a score sheet fails with the engine's reasons, and writes nothing", async () => {
    const sim = createSimulator({ sheets: ["Ghi chép"] });
    sim.model.setConstant(sim.model.sheets[0], 0, 0, "Danh sách cuộc họp");
    await expect(adapterFor(sim).oneClickRanking({ date: DATE })).rejects.toMatchObject({
      code: "no-score-sheet",
    });
    expect(sim.model.sheets.map((s) => s.name)).toEqual(["Ghi chép"]);
  });
});

describe("renderSheetSpec", () => {
  const spec = (cells: SheetSpec["cells"], extra: Partial<SheetSpec> = {}): SheetSpec => ({
    name: "Xếp hạng",
    kind: "ranking",
    cells,
    ...extra,
  });

  test("strings are written as text: a unit named '=HYPERLINK(…)' or '0123' stays exactly that", async () => {
    const sim = createSimulator({ sheets: ["Bảng điểm"] });
    await adapterFor(sim).renderSheetSpec(
      spec([
        { row: 0, col: 0, value: '=HYPERLINK("http://evil","Sở A")' },
        { row: 1, col: 0, value: "0123" },
        { row: 2, col: 0, value: "+84 912" },
        { row: 3, col: 0, value: "Sở Tài chính" },
        { row: 4, col: 0, value: 8.5 },
        { row: 5, col: 0, formula: "=A5*2" },
      ])
    );
    const s = sim.model.sheetByName("Xếp hạng")!;
    expect(sim.model.results(s, { top: 0, left: 0, bottom: 5, right: 0 }).map((r) => r[0])).toEqual(
      ['=HYPERLINK("http://evil","Sở A")', "0123", "+84 912", "Sở Tài chính", 8.5, 17]
    );
    expect(s.cell(0, 0)?.formula).toBeUndefined();
    // Ordinary text keeps the General format (Excel shows #### for long text-formatted cells).
    expect(s.cell(3, 0)?.style?.numberFormat).toBeUndefined();
  });

  test("styles, merges, widths, freeze, print setup, validation and protection reach the sheet", async () => {
    const sim = createSimulator({ sheets: ["Bảng điểm"] });
    await adapterFor(sim).renderSheetSpec(
      spec(
        [
          {
            row: 0,
            col: 0,
            value: "BẢNG XẾP HẠNG",
            style: { bold: true, size: 14, fill: "#DDE5F0", horizontal: "center" },
          },
          {
            row: 1,
            col: 1,
            value: 9.5,
            style: { numberFormat: "0.00", border: true, unlocked: true },
          },
        ],
        {
          merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
          columnWidths: [6, 40],
          freeze: { rows: 1, columns: 2 },
          print: {
            paperSize: "A4",
            orientation: "landscape",
            fitToWidth: true,
            repeatRows: { first: 0, last: 0 },
            margins: { top: 20, bottom: 20, left: 30, right: 15 },
          },
          validations: [
            {
              range: "B2:B9",
              type: "decimal",
              min: 0,
              max: "C2",
              prompt: "Nhập điểm",
              errorMessage: "Quá điểm chuẩn",
            },
          ],
          protect: true,
        }
      )
    );
    const s = sim.model.sheetByName("Xếp hạng")!;
    expect(s.cell(0, 0)?.style).toMatchObject({
      font: { bold: true, size: 14 },
      fill: "#DDE5F0",
      horizontalAlignment: "Center",
    });
    expect(s.cell(1, 1)?.style).toMatchObject({
      numberFormat: "0.00",
      locked: false,
      borders: { EdgeTop: { style: "Continuous" } },
    });
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(s.columnWidth(1)).toBeCloseTo(213.75, 1);
    expect(s.freeze).toEqual({ rows: 1, columns: 2 });
    expect(s.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$1",
      zoom: { horizontalFitToPages: 1 },
    });
    expect(s.pageLayout.margins.left).toBeCloseTo(85.04, 1);
    expect(s.validations[0].rule).toEqual({
      decimal: { formula1: 0, formula2: "=C2", operator: "Between" },
    });
    expect(s.protection.protected).toBe(true);
  });

  test("a write above the request budget is split into several syncs, each under Excel on the web's limit", async () => {
    const cells: SheetSpec["cells"] = [];
    for (let r = 0; r < 400; r++) {
      cells.push({
        row: r,
        col: 0,
        value: `Đơn vị có tên khá dài số ${r}`,
        style: { border: true, fill: "#FFF2CC" },
      });
      cells.push({
        row: r,
        col: 1,
        value: r * 1.25,
        style: { numberFormat: "0.00", border: true },
      });
    }
    const sim = createSimulator({ sheets: ["Bảng điểm"] });
    sim.payloadLimitBytes = 60_000;
    await adapterFor(sim, 50_000).renderSheetSpec(spec(cells));
    expect(sim.stats.syncs).toBeGreaterThan(3);
    expect(Math.max(...sim.stats.requestBytes)).toBeLessThanOrEqual(60_000);
    const s = sim.model.sheetByName("Xếp hạng")!;
    expect(sim.model.result(s, 399, 1)).toBe(498.75);
    expect(s.cell(399, 0)?.style?.fill).toBe("#FFF2CC");
  });
});

describe("reading, fixes, selection, profile", () => {
  test("readGrids gives values, formulas, bold fonts, errors and merges in grid coordinates, in one sync", async () => {
    const sim = await sampleSim("s1-layout-a/input.xlsx");
    const grids = await adapterFor(sim).readGrids(["Bảng điểm"]);
    expect(sim.stats.syncs).toBe(1);
    const g = grids[0];
    expect(g.sheetName).toBe("Bảng điểm");
    expect([g.top, g.left]).toEqual([0, 0]);
    expect(g.values[23][3]).toBe(87.75);
    expect(g.formulas?.[23][3]).toBe("=D5+D9+D12+D18-SUM(D22:D23)");
    expect(g.formats?.[4][1]?.font?.bold).toBe(true);
    expect(g.formats?.[5][1]?.font?.bold).toBeFalsy();
    expect(g.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 10 },
      { top: 1, left: 0, bottom: 1, right: 10 },
    ]);
  });

  test("readGrids without names reads every visible sheet that is not ours", async () => {
    const sim = layoutASim(3);
    const a = adapterFor(sim);
    await a.oneClickRanking({ date: DATE });
    sim.model.addSheet("Ẩn").visibility = "Hidden";
    const grids = await a.readGrids();
    expect(grids.map((g) => g.sheetName)).toEqual(["Bảng điểm"]);
    const list = await a.listSheets();
    expect(list.map((s) => [s.name, s.ours, s.visible])).toEqual([
      ["Bảng điểm", null, true],
      ["Xếp hạng", "ranking", true],
      ["Ẩn", null, false],
    ]);
  });

  test("applyFixes writes only the cells named (text-number '18,5' → 18.5); text fixes stay text", async () => {
    const sim = await sampleSim("s4-bad-inputs/input.xlsx");
    // Contents only: formulas that depend on the fixed cell are expected to show new results.
    const before = snapshot(sim, undefined, false);
    const a = adapterFor(sim);
    const n = await a.applyFixes([
      { cell: "'Bảng điểm lỗi'!E6", value: 18.5 },
      { cell: "'Bảng điểm lỗi'!B30", value: "=không phải công thức" },
    ]);
    expect(n).toBe(2);
    const after = snapshot(sim, undefined, false);
    const changed = Object.keys({ ...before, ...after }).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])
    );
    expect(changed.sort()).toEqual(["Bảng điểm lỗi!29,1", "Bảng điểm lỗi!5,4"]);
    const s = sim.model.sheetByName("Bảng điểm lỗi")!;
    expect(sim.model.result(s, 5, 4)).toBe(18.5);
    expect(sim.model.result(s, 29, 1)).toBe("=không phải công thức");
    const peek = await a.peekCells(["'Bảng điểm lỗi'!E6"]);
    expect(peek[0]).toMatchObject({ value: 18.5, formula: null });
  });

  test("applyFixes refuses a range or an unqualified address before writing anything", async () => {
    const sim = await sampleSim("s4-bad-inputs/input.xlsx");
    const before = snapshot(sim);
    await expect(
      adapterFor(sim).applyFixes([
        { cell: "'Bảng điểm lỗi'!E6", value: 1 },
        { cell: "'Bảng điểm lỗi'!E6:E9", value: 1 },
      ])
    ).rejects.toMatchObject({ code: "bad-address" } as Partial<ExcelAdapterError>);
    expect(snapshot(sim)).toEqual(before);
    expect(sim.stats.syncs).toBe(0);
  });

  test("selectCell activates the sheet and selects the cell an issue names", async () => {
    const sim = layoutASim(3);
    sim.model.addSheet("Khác");
    const a = adapterFor(sim);
    await a.selectCell("'Bảng điểm'!E6");
    expect(await a.selectedAddress()).toBe("'Bảng điểm'!E6");
    await expect(a.selectCell("'Không có'!A1")).rejects.toMatchObject({ code: "sheet-not-found" });
  });

  test("the profile is stored in one Custom XML part of our namespace with its schema version, and read back", async () => {
    const sim = createSimulator();
    const a = adapterFor(sim);
    expect(await a.loadProfile()).toEqual(defaultProfile());
    const p = {
      ...defaultProfile(2025),
      clusterName: "Cụm thi đua số 1 <&>",
      members: ["Sở Tài chính", "Sở Nội vụ"],
      precision: 3,
    };
    await a.saveProfile(p);
    await a.saveProfile({ ...p, place: "Lạng Sơn" });
    expect(sim.model.customXmlParts).toHaveLength(1);
    expect(sim.model.customXmlParts[0].namespaceUri).toBe(PROFILE_NAMESPACE);
    expect(sim.model.customXmlParts[0].xml).toContain('schemaVersion="1"');
    expect(await a.loadProfile()).toEqual({ ...p, place: "Lạng Sơn" });
  });

  test("the stored profile drives the ranking (precision R10) and the culture's separator is used (N1)", async () => {
    const sim = layoutASim(5);
    const a = adapterFor(sim);
    await a.saveProfile({ ...defaultProfile(2025), clusterName: "Cụm số 7", precision: 1 });
    const res = await a.oneClickRanking({ date: DATE });
    expect(res.report.precision).toBe(1);
    expect(res.syncs).toBe(3);
  });

  test("displayLanguage comes from Office", () => {
    const sim = createSimulator({ displayLanguage: "en-US" });
    expect(adapterFor(sim).displayLanguage).toBe("en-US");
  });
});
