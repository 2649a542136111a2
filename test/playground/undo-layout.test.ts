/**
 * Undo in the playground takes back what the add-in wrote into a sheet that already existed: merges,
 * column widths, row heights, hidden rows, frozen panes and data validation come back with the cells
 * (the add-in writes its own sheets again in place), and redo puts them back.
 */
import { createSimulator, type Simulator } from "../../src/simulator";
import { History } from "../../src/playground/history";

type Ctx = any;

/** "Xếp hạng" as an earlier run left it: a title merged over A1:C1, a wide B, a tall row 1. */
function workbook(): Simulator {
  const s = createSimulator({ sheets: ["Bảng điểm", "Xếp hạng"], decimalSeparator: "," });
  const m = s.model;
  const sheet = m.sheets[1];
  m.setConstant(sheet, 0, 0, "BẢNG XẾP HẠNG 2025");
  m.merge(sheet, { top: 0, left: 0, bottom: 0, right: 2 }, false);
  m.setConstant(sheet, 1, 0, "Sở A");
  m.setConstant(sheet, 1, 1, 95);
  sheet.columnWidths.set(1, 120);
  sheet.rowHeights.set(0, 30);
  return s;
}

/** Every cell and every part of each sheet's layout the add-in can write. */
function everything(s: Simulator): unknown {
  return s.model.sheets.map((sheet) => ({
    name: sheet.name,
    cells: [...sheet.cells].map(([k, c]) => [k, JSON.stringify(c)]).sort(),
    merges: sheet.merges.map((r) => ({ ...r })),
    widths: [...sheet.columnWidths].sort(),
    heights: [...sheet.rowHeights].sort(),
    hiddenRows: [...sheet.hiddenRows].sort(),
    freeze: sheet.freeze,
    validations: JSON.stringify(sheet.validations),
  }));
}

describe("undo covers the layout the add-in writes (issue 18)", () => {
  test("merges, widths, heights, hidden rows, panes and validation written in place are undone and redone", async () => {
    const s = workbook();
    const h = new History(s.model);
    const before = everything(s);
    h.begin(1);
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Xếp hạng");
      // Written again in place, as the add-in rewrites its own ranking sheet for another year.
      ws.getRange("A1:C1").unmerge();
      ws.getRange("A1:E1").merge(false);
      ws.getRange("A1").values = [["BẢNG XẾP HẠNG 2026"]];
      ws.getRange("B:B").format.columnWidth = 60;
      ws.getRange("D:D").format.columnWidth = 200;
      ws.getRange("1:1").format.rowHeight = 45;
      ws.getRange("3:3").rowHidden = true;
      ws.freezePanes.freezeRows(2);
      ws.getRange("B2:B9").dataValidation.rule = {
        decimal: { formula1: 0, formula2: 100, operator: "Between" },
      };
      await context.sync();
    });
    h.end();
    const after = everything(s);
    expect(after).not.toEqual(before);
    const ranking = s.model.sheets[1];
    expect(ranking.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect(ranking.columnWidth(1)).toBe(60);

    expect(h.undo()).toBe(true);
    expect(everything(s)).toEqual(before);
    expect(ranking.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(ranking.columnWidth(1)).toBe(120);
    expect(ranking.columnWidth(3)).toBe(48);
    expect(ranking.hiddenRows.has(2)).toBe(false);
    expect(s.model.result(ranking, 0, 0)).toBe("BẢNG XẾP HẠNG 2025");

    expect(h.redo()).toBe(true);
    expect(everything(s)).toEqual(after);
  });

  test("a step that changes only a column width is a step of its own", async () => {
    const s = workbook();
    const h = new History(s.model);
    h.begin(2);
    await s.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Bảng điểm").getRange("C:C").format.columnWidth = 90;
      await context.sync();
    });
    h.end();
    expect(h.canUndo).toBe(true);
    h.undo();
    expect(s.model.sheets[0].columnWidth(2)).toBe(48);
  });
});
