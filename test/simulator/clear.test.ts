/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- these tests drive the load/sync protocol itself; the rules only see syntax. */
/**
 * What src/excel needs to empty our sheet in place (issue 5), behaving as Office documents it:
 * Range.clear(applyTo), unmerge, dataValidation.clear, RangeFormat.useStandardWidth/Height,
 * freezePanes.unfreeze, protection.unprotect(password).
 */
import { createSimulator, type Simulator } from "../../src/simulator";

// The simulator is typed loosely (it is an adapter); these tests drive it the way src/excel does.
type Ctx = any;

/** "Bảng" with a styled, merged, validated, resized, frozen block in A1:C4, and "Khác" untouched. */
function filled(): Simulator {
  const s = createSimulator({ sheets: ["Bảng", "Khác"] });
  const m = s.model;
  const b = m.sheets[0];
  m.setConstant(b, 0, 0, "Tiêu đề");
  m.setConstant(b, 1, 1, 9.5);
  m.setFormula(b, 2, 1, "=B2*2");
  m.patchStyle(b, 1, 1, { fill: "#FFF2CC", numberFormat: "0.00", font: { bold: true } });
  m.merge(b, { top: 0, left: 0, bottom: 0, right: 2 }, false);
  b.validations.push({
    range: { top: 1, left: 1, bottom: 3, right: 1 },
    rule: { decimal: { formula1: 0, formula2: 10, operator: "Between" } },
  });
  b.columnWidths.set(0, 200);
  b.rowHeights.set(0, 40);
  b.freeze = { rows: 1, columns: 0 };
  m.setFormula(m.sheets[1], 0, 0, "='Bảng'!B3");
  return s;
}

describe("simulator: clearing a sheet in place (issue 5)", () => {
  test("clear('Contents') keeps formats and merges; a formula elsewhere pointing here is not #REF!", async () => {
    const s = filled();
    const [b, other] = s.model.sheets;
    expect(s.model.result(other, 0, 0)).toBe(19);
    await s.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Bảng").getRange().clear("Contents");
    });
    expect(b.usedRect(true)).toBeNull();
    expect(b.cell(1, 1)?.style?.fill).toBe("#FFF2CC");
    expect(b.merges).toHaveLength(1);
    expect(b.validations).toHaveLength(1);
    // Still a live reference to the emptied cell, showing 0 as Excel does (not empty).
    expect(s.model.formula(other, 0, 0)).toBe("='Bảng'!B3");
    expect(s.model.result(other, 0, 0)).toBe(0);
    const shown = await s.Excel.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem(other.name).getRange("A1");
      r.load("values");
      await context.sync();
      return r.values;
    });
    expect(shown).toEqual([[0]]);
  });

  test("clear('Formats') keeps values, drops styles and unmerges; widths and heights stay (they are not formats)", async () => {
    const s = filled();
    const b = s.model.sheets[0];
    await s.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Bảng").getRange("A1:C4").clear("Formats");
    });
    expect(s.model.result(b, 1, 1)).toBe(9.5);
    expect(b.cell(1, 1)?.style).toBeUndefined();
    expect(b.merges).toEqual([]);
    expect(b.validations).toHaveLength(1);
    expect(b.columnWidth(0)).toBe(200);
  });

  test("clear() is 'All': values, formulas, formats, merges and validation go; an unknown mode is refused", async () => {
    const s = filled();
    const b = s.model.sheets[0];
    await s.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Bảng").getRange().clear();
    });
    expect(b.cells.size).toBe(0);
    expect(b.merges).toEqual([]);
    expect(b.validations).toEqual([]);
    expect(b.rowHeight(0)).toBe(40);
    await expect(
      s.Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Bảng").getRange().clear("Everything");
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("useStandardWidth/Height = true reset sizes to the sheet default, and read back true", async () => {
    const s = filled();
    const b = s.model.sheets[0];
    let before: unknown;
    let after: unknown;
    await s.Excel.run(async (context: Ctx) => {
      const all = context.workbook.worksheets.getItem("Bảng").getRange("A1:C4");
      const f = all.format;
      f.load("useStandardWidth, useStandardHeight");
      await context.sync();
      before = [f.useStandardWidth, f.useStandardHeight];
      f.useStandardWidth = true;
      f.useStandardHeight = true;
      const g = context.workbook.worksheets.getItem("Bảng").getRange("A1:C4").format;
      g.load("useStandardWidth, useStandardHeight");
      await context.sync();
      after = [g.useStandardWidth, g.useStandardHeight];
    });
    // Column A and row 1 had their own size, the others did not: mixed reads null.
    expect(before).toEqual([null, null]);
    expect(after).toEqual([true, true]);
    expect(b.columnWidths.size).toBe(0);
    expect(b.rowHeights.size).toBe(0);
  });

  test("a protected sheet refuses clear, unmerge and validation changes until unprotected; unfreeze drops panes", async () => {
    const s = filled();
    const b = s.model.sheets[0];
    b.protection = { protected: true, options: {} };
    for (const act of [
      (ws: Ctx) => ws.getRange().clear("All"),
      (ws: Ctx) => ws.getRange().unmerge(),
      (ws: Ctx) => ws.getRange().dataValidation.clear(),
    ]) {
      await expect(
        s.Excel.run(async (context: Ctx) => act(context.workbook.worksheets.getItem("Bảng")))
      ).rejects.toMatchObject({ code: "InvalidOperation" });
    }
    expect(b.merges).toHaveLength(1);
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Bảng");
      ws.protection.unprotect();
      ws.getRange().clear("All");
      ws.freezePanes.unfreeze();
    });
    expect(b.cells.size).toBe(0);
    expect(b.freeze).toBeNull();
  });

  test("unprotect is a no-op on an unprotected sheet and needs the password a sheet was protected with", async () => {
    const s = filled();
    const b = s.model.sheets[0];
    await s.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Khác").protection.unprotect();
      context.workbook.worksheets.getItem("Bảng").protection.protect({}, "mật khẩu");
    });
    expect(b.protection.protected).toBe(true);
    await expect(
      s.Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Bảng").protection.unprotect();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(b.protection.protected).toBe(true);
    await s.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Bảng").protection.unprotect("mật khẩu");
    });
    expect(b.protection.protected).toBe(false);
  });
});
