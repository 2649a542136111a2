/**
 * Issue 5 (with issue 8's "nothing is lost"): re-running a ranking, covenant or template writes into
 * our previous sheet cleared in place, so what the user built on it keeps working; and a template
 * per member costs a constant number of syncs.
 */
import { createSimulator, type Simulator } from "../../src/simulator";
import type { SheetModel } from "../../src/simulator";
import { defaultProfile, type ClusterProfile } from "../../src/core/profile";
import { buildSelfScoreTemplate } from "../../src/sheets";
import type { SheetSpec } from "../../src/sheets/spec";
import { adapterFor, layoutASim } from "./fixtures";

const DATE = new Date(2025, 11, 20);

/** Everything a user sees of a sheet: cells with styles, merges, sizes, freeze, validation, protection. */
function sheetState(sim: Simulator, s: SheetModel): unknown {
  const cells: Record<string, unknown> = {};
  s.forEachCell((r, c, cell) => {
    cells[`${r},${c}`] = [
      cell.value,
      cell.formula ?? null,
      sim.model.result(s, r, c),
      cell.style ?? null,
    ];
  });
  return {
    cells,
    merges: [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left),
    widths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
    heights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
    freeze: s.freeze,
    validations: s.validations,
    protection: s.protection,
    printTitleRows: s.pageLayout.printTitleRows,
  };
}

/** The cell of the ranking sheet holding the first-ranked unit's total, as "C7". */
function firstTotalCell(sim: Simulator, total: number): { row: number; col: number } {
  const s = sim.model.sheetByName("Xếp hạng")!;
  let found: { row: number; col: number } | null = null;
  s.forEachCell((r, c) => {
    if (!found && sim.model.result(s, r, c) === total) found = { row: r, col: c };
  });
  if (!found) throw new Error(`no cell holds ${total}`);
  return found;
}

const a1 = (p: { row: number; col: number }): string =>
  `${String.fromCharCode(65 + p.col)}${p.row + 1}`;

describe("issue 5: re-running keeps our sheet in place", () => {
  test("a user's formula pointing at the ranking sheet still computes after a re-run, and shows the new value", async () => {
    const sim = layoutASim(5);
    const adapter = adapterFor(sim);
    const first = await adapter.oneClickRanking({ date: DATE });
    const top = first.report.units.find((u) => u.rank === 1)!;
    const at = firstTotalCell(sim, top.total!);
    const report = sim.model.addSheet("Báo cáo");
    sim.model.setFormula(report, 0, 0, `='Xếp hạng'!${a1(at)}`);
    expect(sim.model.result(report, 0, 0)).toBe(top.total);

    // Lower the leader's scores: the first-ranked total of the new ranking is another number.
    const scores = sim.model.sheetByName("Bảng điểm")!;
    const col = 3 + Number(top.name.replace(/\D/g, "")) - 1;
    sim.model.setConstant(scores, 4, col, 5);
    const second = await adapter.oneClickRanking({ date: DATE, sheets: ["Bảng điểm"] });
    const newTop = second.report.units.find((u) => u.rank === 1)!;
    expect(newTop.total).not.toBe(top.total);

    const ranking = sim.model.sheetByName("Xếp hạng")!;
    expect(sim.model.result(report, 0, 0)).toBe(sim.model.result(ranking, at.row, at.col));
    expect(sim.model.result(report, 0, 0)).toBe(newTop.total);
    expect(sim.model.formula(report, 0, 0)).toBe(`='Xếp hạng'!${a1(at)}`);
    // Same sheet object, same place, one tag: nothing was deleted and added again.
    expect(sim.model.sheets.map((s) => s.name)).toEqual(["Bảng điểm", "Xếp hạng", "Báo cáo"]);
    expect(sim.model.names).toHaveLength(1);
    expect(second.syncs).toBe(first.syncs);
  });

  test("a longer previous ranking leaves nothing behind: the re-run sheet equals a fresh one", async () => {
    const sim = layoutASim(12);
    const adapter = adapterFor(sim);
    await adapter.oneClickRanking({ date: DATE });
    const before = sim.model.sheetByName("Xếp hạng")!;
    const longRows = before.usedRect(false)!.bottom;
    // The cluster shrinks to 5 units: empty the other 7 columns of the score sheet.
    const scores = sim.model.sheetByName("Bảng điểm")!;
    sim.model.clearContents(scores, { top: 0, left: 8, bottom: 20, right: 20 });
    sim.model.clearFormats(scores, { top: 0, left: 8, bottom: 20, right: 20 });
    const rerun = await adapter.oneClickRanking({ date: DATE, sheets: ["Bảng điểm"] });
    expect(rerun.report.units).toHaveLength(5);

    const fresh = layoutASim(5);
    await adapterFor(fresh).oneClickRanking({ date: DATE });
    const mine = sim.model.sheetByName("Xếp hạng")!;
    expect(mine).toBe(before);
    expect(mine.usedRect(false)!.bottom).toBeLessThan(longRows);
    expect(sheetState(sim, mine)).toEqual(sheetState(fresh, fresh.model.sheetByName("Xếp hạng")!));
  });

  test("old merges, validation, freeze, sizes and protection are gone when the new spec has none", async () => {
    const big: SheetSpec = {
      name: "Giao ước",
      kind: "covenant",
      cells: Array.from({ length: 30 }, (_, r) => ({
        row: r,
        col: 0,
        value: `Dòng ${r}`,
        style: { bold: true, fill: "#FFF2CC", border: true, numberFormat: "0.00" },
      })),
      merges: [
        { top: 0, left: 0, bottom: 0, right: 4 },
        { top: 20, left: 1, bottom: 25, right: 2 },
      ],
      columnWidths: [30, 12, 12],
      rowHeights: { 0: 40, 29: 22 },
      freeze: { rows: 3, columns: 1 },
      validations: [{ range: "B4:B30", type: "decimal", min: 0, max: 10, prompt: "Nhập điểm" }],
      print: {
        paperSize: "A4",
        orientation: "portrait",
        repeatRows: { first: 2, last: 2 },
      },
      protect: true,
    };
    const small: SheetSpec = {
      name: "Giao ước",
      kind: "covenant",
      cells: [
        { row: 0, col: 0, value: "GIAO ƯỚC THI ĐUA" },
        { row: 1, col: 1, value: 7.5 },
      ],
      print: { paperSize: "A4", orientation: "portrait", repeatRows: { first: 0, last: 0 } },
    };
    const sim = createSimulator({ sheets: ["Bảng điểm"] });
    const adapter = adapterFor(sim);
    await adapter.renderSheetSpec(big);
    expect(sim.model.sheetByName("Giao ước")!.protection.protected).toBe(true);
    const again = await adapter.renderSheetSpec(small);
    expect(again.sheetName).toBe("Giao ước");

    const fresh = createSimulator({ sheets: ["Bảng điểm"] });
    await adapterFor(fresh).renderSheetSpec(small);
    const mine = sim.model.sheetByName("Giao ước")!;
    expect(mine.merges).toEqual([]);
    expect(mine.validations).toEqual([]);
    expect(mine.freeze).toBeNull();
    expect(mine.protection.protected).toBe(false);
    expect(sheetState(sim, mine)).toEqual(sheetState(fresh, fresh.model.sheetByName("Giao ước")!));
  });

  test("the user's sheets are cell-for-cell unchanged by a re-run, styles and sizes included", async () => {
    const sim = layoutASim(5);
    const adapter = adapterFor(sim);
    await adapter.oneClickRanking({ date: DATE });
    const notes = sim.model.addSheet("Ghi chú");
    sim.model.setFormula(notes, 1, 1, "='Xếp hạng'!A1");
    sim.model.setConstant(notes, 2, 2, "=không phải công thức");
    sim.model.patchStyle(notes, 2, 2, { fill: "#C6EFCE", font: { italic: true } });
    sim.model.merge(notes, { top: 4, left: 0, bottom: 5, right: 3 }, false);
    notes.columnWidths.set(1, 120);
    const users = ["Bảng điểm", "Ghi chú"];
    const before = users.map((n) => sheetState(sim, sim.model.sheetByName(n)!));
    await adapter.oneClickRanking({ date: DATE, sheets: ["Bảng điểm"] });
    expect(users.map((n) => sheetState(sim, sim.model.sheetByName(n)!))).toEqual(before);
  });

  test("a user's sheet carrying our sheet's name is left alone; our renamed sheet keeps its name", async () => {
    const sim = layoutASim(5);
    const adapter = adapterFor(sim);
    await adapter.oneClickRanking({ date: DATE });
    const ours = sim.model.sheetByName("Xếp hạng")!;
    sim.model.renameSheet(ours, "Kết quả 2025");
    const theirs = sim.model.addSheet("Xếp hạng");
    sim.model.setConstant(theirs, 0, 0, "bản của tôi");
    sim.model.patchStyle(theirs, 0, 0, { font: { bold: true } });
    const before = sheetState(sim, theirs);
    const again = await adapter.oneClickRanking({ date: DATE, sheets: ["Bảng điểm"] });
    expect(again.sheetName).toBe("Kết quả 2025");
    expect(sim.model.sheetByName("Kết quả 2025")).toBe(ours);
    expect(sheetState(sim, theirs)).toEqual(before);
    expect(sim.model.sheets.map((s) => s.name)).toEqual(["Bảng điểm", "Kết quả 2025", "Xếp hạng"]);
  });

  test("our ranking sheet the user hid is written again and shown (Excel cannot activate a hidden sheet)", async () => {
    const sim = layoutASim(5);
    const adapter = adapterFor(sim);
    await adapter.oneClickRanking({ date: DATE });
    const ours = sim.model.sheetByName("Xếp hạng")!;
    sim.model.activeSheetId = sim.model.sheets[0].id;
    ours.visibility = "Hidden";
    const again = await adapter.oneClickRanking({ date: DATE, sheets: ["Bảng điểm"] });
    expect(again.sheetName).toBe("Xếp hạng");
    expect(ours.visibility).toBe("Visible");
    expect(sim.model.activeSheet()).toBe(ours);
  });

  test("our sheet protected by the user with a password: sheet-protected, and nothing of it changes", async () => {
    const sim = layoutASim(5);
    const adapter = adapterFor(sim);
    await adapter.oneClickRanking({ date: DATE });
    const ours = sim.model.sheetByName("Xếp hạng")!;
    ours.protection = { protected: true, options: {}, password: "bí mật" };
    const before = sheetState(sim, ours);
    await expect(
      adapter.oneClickRanking({ date: DATE, sheets: ["Bảng điểm"] })
    ).rejects.toMatchObject({ code: "sheet-protected" });
    expect(sheetState(sim, ours)).toEqual(before);
  });
});

/** A member's template under its own sheet name, as the task pane asks for it. */
function perMember(
  profile: ClusterProfile,
  criteria: Parameters<typeof buildSelfScoreTemplate>[1],
  unit: string
): SheetSpec {
  const spec = buildSelfScoreTemplate(profile, criteria, unit, { date: DATE, lang: "vi" });
  return { ...spec, name: `${unit} - ${spec.name}` };
}

describe("self-score templates for every member (constant syncs)", () => {
  async function templates(n: number): Promise<{ sim: Simulator; names: string[] }> {
    const sim = layoutASim(5);
    const adapter = adapterFor(sim);
    const { report } = await adapter.oneClickRanking({ date: DATE });
    const members = Array.from({ length: n }, (_, i) => `Sở thành viên số ${i + 1}`);
    const profile = { ...defaultProfile(2025), members };
    const specs = members.map((m) => perMember(profile, report.criteria, m));
    sim.resetStats();
    const { sheetNames } = await adapter.renderSheetSpecs(specs);
    return { sim, names: sheetNames };
  }

  test("3 and 30 members cost the same number of syncs, each request under 5 MB", async () => {
    const few = await templates(3);
    const many = await templates(30);
    expect(few.names).toHaveLength(3);
    expect(many.names).toHaveLength(30);
    expect(new Set(many.names).size).toBe(30);
    expect(many.sim.stats.syncs).toBe(few.sim.stats.syncs);
    expect(few.sim.stats.syncs).toBeLessThanOrEqual(2);
    expect(Math.max(...many.sim.stats.requestBytes)).toBeLessThan(5 * 1024 * 1024);
    // Each member's template names its unit and is protected for entry, as one at a time would be.
    for (const [i, name] of many.names.entries()) {
      const s = many.sim.model.sheetByName(name)!;
      const texts: unknown[] = [];
      s.forEachCell((r, c) => texts.push(many.sim.model.result(s, r, c)));
      expect(texts.join("|")).toContain(`Sở thành viên số ${i + 1}`);
      expect(s.protection.protected).toBe(true);
    }
  });

  test("making the templates again reuses the same sheets (no ' (2)' copies), in the same syncs (issue 5)", async () => {
    const { sim, names } = await templates(4);
    const count = sim.model.sheets.length;
    const syncs = sim.stats.syncs;
    const adapter = adapterFor(sim);
    const report = (await adapter.oneClickRanking({ date: DATE, sheets: ["Bảng điểm"] })).report;
    const members = Array.from({ length: 4 }, (_, i) => `Sở thành viên số ${i + 1}`);
    const profile = { ...defaultProfile(2025), members };
    sim.resetStats();
    const again = await adapter.renderSheetSpecs(
      members.map((m) => perMember(profile, report.criteria, m))
    );
    expect(sim.model.sheets.length).toBe(count);
    expect(again.sheetNames).toEqual(names);
    expect(sim.stats.syncs).toBe(syncs);
  });

  test("a unit name Excel refuses in a sheet name ('/', ':') still gets its template, under a safe name", async () => {
    const sim = layoutASim(5);
    const adapter = adapterFor(sim);
    const { report } = await adapter.oneClickRanking({ date: DATE });
    const members = ["Sở Nội vụ/Ban Thi đua", "Sở Y tế: Khối A", "Công an tỉnh"];
    const profile = { ...defaultProfile(2025), members };
    const { sheetNames } = await adapter.renderSheetSpecs(
      members.map((m) => perMember(profile, report.criteria, m))
    );
    expect(sheetNames).toHaveLength(3);
    expect(new Set(sheetNames).size).toBe(3);
    for (const n of sheetNames) {
      expect(n).not.toMatch(/[\\/?*[\]:]/);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(sim.model.sheetByName(n)).toBeDefined();
    }
  });
});

describe("the summary of returned forms is ranked like any score sheet (issue 8)", () => {
  /** Our kind-"summary" sheet holding the layout-A scores of 5 units, in a workbook with an empty Sheet1. */
  async function withSummary(): Promise<Simulator> {
    const src = layoutASim(5);
    const s = src.model.sheets[0];
    const cells: SheetSpec["cells"] = [];
    s.forEachCell((row, col, cell) => {
      const bold = cell.style?.font?.bold ? { bold: true } : undefined;
      if (cell.formula !== undefined) cells.push({ row, col, formula: cell.formula, style: bold });
      else if (cell.value !== null) cells.push({ row, col, value: cell.value, style: bold });
    });
    const sim = createSimulator();
    await adapterFor(sim).renderSheetSpec({ name: "Tổng hợp tự chấm", kind: "summary", cells });
    return sim;
  }

  test("listSheets offers it (ours: null) while saying we made it (kind: summary)", async () => {
    const sim = await withSummary();
    const list = await adapterFor(sim).listSheets();
    expect(list.find((s) => s.name === "Tổng hợp tự chấm")).toMatchObject({
      ours: null,
      kind: "summary",
      active: true,
    });
    expect(list.find((s) => s.name === "Sheet1")).toMatchObject({ ours: null, kind: null });
  });

  test("one click on the summary ranks it; from the ranking sheet the re-run reads the summary again", async () => {
    const sim = await withSummary();
    const adapter = adapterFor(sim);
    const first = await adapter.oneClickRanking({ date: DATE });
    expect(first.report.sheets).toEqual(["Tổng hợp tự chấm"]);
    expect(first.report.units).toHaveLength(5);
    // form-missing/form-refused (issue 15): a ranking of the returned forms has its own sheet, so it
    // never replaces a ranking of the full score sheet.
    expect(sim.model.activeSheet().name).toBe("Xếp hạng theo phiếu");
    const again = await adapter.oneClickRanking({ date: DATE });
    expect(again.report.sheets).toEqual(["Tổng hợp tự chấm"]);
    const grids = await adapter.readGrids();
    expect(grids.map((g) => g.sheetName)).toContain("Tổng hợp tự chấm");
    expect(grids.map((g) => g.sheetName)).not.toContain("Xếp hạng theo phiếu");
    expect(sim.model.sheets.filter((s) => s.name.startsWith("Xếp hạng"))).toHaveLength(1);
  });
});
