/**
 * The pane's Read and then Rank share one reading: Rank writes what Read read, in the round trip that
 * also tells whether the workbook changed since, and reads again only when it did. Together they cost
 * at most one sync more than a fresh one click, for 5 and 500 units alike.
 */
import { createExcelService } from "../../src/taskpane/excel-service";
import type { Simulator } from "../../src/simulator";
import { adapterFor, layoutASim, snapshot } from "../excel/fixtures";

jest.setTimeout(120_000);

const DATE = new Date(2025, 11, 20);

function serviceOver(sim: Simulator): ReturnType<typeof createExcelService> {
  return createExcelService({ excel: sim.Excel as any, office: sim.Office, now: () => DATE });
}

/** Every cell of every sheet (values, formulas, computed results). */
function whole(sim: Simulator): Record<string, unknown> {
  return snapshot(sim);
}

test.each([5, 500])(
  "Read then Rank on %i units: at most a fresh one click's syncs + 1, and the same ranking sheet",
  async (n) => {
    const fresh = layoutASim(n);
    await adapterFor(fresh).oneClickRanking({ date: DATE });
    const oneClick = fresh.stats.syncs;
    expect(oneClick).toBe(2);

    const sim = layoutASim(n);
    const before = whole(sim);
    const svc = serviceOver(sim);
    // Counted from the pane's second reading on: its first may also tidy up after an earlier session.
    await svc.read(undefined, "vi");
    sim.resetStats();
    const reading = await svc.read(undefined, "vi");
    const readSyncs = sim.stats.syncs;
    expect(readSyncs).toBe(1);
    const res = await svc.buildRanking("values", reading, "vi");
    expect(sim.stats.syncs - readSyncs).toBe(1);
    expect(sim.stats.syncs).toBeLessThanOrEqual(oneClick + 1);
    expect(res.report.units).toHaveLength(n);

    // The user's sheet is as it was; the ranking sheet is the one a fresh one click writes.
    const after = whole(sim);
    const userCells = Object.keys(before);
    expect(userCells.map((k) => after[k])).toEqual(userCells.map((k) => before[k]));
    const ranking = (s: Simulator): Record<string, unknown> => snapshot(s, [res.sheetName]);
    expect(ranking(sim)).toEqual(ranking(fresh));
  }
);

test("a score changed between Read and Rank is ranked with its new value (read again)", async () => {
  const sim = layoutASim(5);
  const svc = serviceOver(sim);
  const reading = await svc.read(undefined, "vi");
  const first = reading.report.units.find((u) => u.name === "Đơn vị số 1")!;
  // The user lowers one score of unit 1 by 5 points in Excel after pressing Read.
  const sheet = sim.model.sheetByName("Bảng điểm")!;
  let row = -1;
  sheet.forEachCell((r, c, cell) => {
    if (row < 0 && c === 3 && typeof cell.value === "number" && cell.value >= 5 && r > 3) row = r;
  });
  const old = sheet.cell(row, 3)!.value as number;
  sim.model.setConstant(sheet, row, 3, old - 5);
  const readSyncs = sim.stats.syncs;
  const res = await svc.buildRanking("values", reading, "vi");
  const now = res.report.units.find((u) => u.name === "Đơn vị số 1")!;
  expect(now.total).toBeCloseTo(first.total - 5, 6);
  // The stale write, then the fresh read and write: never more than a one click after it.
  expect(sim.stats.syncs - readSyncs).toBeLessThanOrEqual(3);
  // What is on the ranking sheet is the new total, not the one Read saw.
  const texts: unknown[] = [];
  const out = sim.model.sheetByName(res.sheetName)!;
  out.forEachCell((r, c) => texts.push(sim.model.result(out, r, c)));
  expect(texts).toContain(now.total);
  expect(texts).not.toContain(first.total);
});

test("a second Rank from the same reading reads again (its own sheet was added since)", async () => {
  const sim = layoutASim(5);
  const svc = serviceOver(sim);
  const reading = await svc.read(undefined, "vi");
  const a = await svc.buildRanking("values", reading, "vi");
  const b = await svc.buildRanking("values", reading, "vi");
  expect(b.sheetName).toBe(a.sheetName);
  expect(sim.model.sheets.map((s) => s.name)).toEqual(["Bảng điểm", a.sheetName]);
});

test("a sheet the user names 'Xếp hạng' between Read and Rank is kept; ours goes beside it", async () => {
  const sim = layoutASim(5);
  const svc = serviceOver(sim);
  const reading = await svc.read(undefined, "vi");
  const mine = sim.model.addSheet("Xếp hạng");
  sim.model.setConstant(mine, 0, 0, "ghi chú của tôi");
  const before = whole(sim);
  const res = await svc.buildRanking("values", reading, "vi");
  expect(res.sheetName).toBe("Xếp hạng (2)");
  const after = whole(sim);
  expect(Object.keys(before).map((k) => after[k])).toEqual(
    Object.keys(before).map((k) => before[k])
  );
  expect(sim.model.sheets.map((s) => s.name)).toEqual(["Bảng điểm", "Xếp hạng", "Xếp hạng (2)"]);
});
