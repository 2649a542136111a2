/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read, office-addins/no-navigational-load -- these tests drive the load/sync protocol itself, reads before sync included; the rules only see syntax. */
import { createSimulator, SimError } from "../../src/simulator";

// The simulator is typed loosely (it is an adapter); these tests drive it the way src/excel does.
type Ctx = any;

function sim() {
  return createSimulator({ sheets: ["Bảng điểm", "Sheet2"] });
}

describe("simulator protocol (Office semantics src/excel relies on)", () => {
  test("reading a property before load + sync throws PropertyNotLoaded, after sync it has the value", async () => {
    const s = sim();
    s.model.enter(s.model.sheets[0], 0, 0, 42);
    await s.Excel.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("Bảng điểm").getRange("A1");
      expect(() => r.values).toThrow(/load method/);
      try {
        void r.values;
      } catch (e) {
        expect((e as SimError).code).toBe("PropertyNotLoaded");
      }
      r.load("values, address");
      expect(() => r.values).toThrow(SimError);
      await context.sync();
      expect(r.values).toEqual([[42]]);
      expect(r.address).toBe("'Bảng điểm'!A1");
      expect(() => r.formulas).toThrow(/formulas/);
    });
  });

  test("writes are queued and applied only at sync, and each sync is counted with its payload", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("Sheet2").getRange("A1:B1");
      r.values = [[1, 2]];
      expect(s.model.result(s.model.sheets[1], 0, 0)).toBeNull();
      await context.sync();
      expect(s.model.result(s.model.sheets[1], 0, 1)).toBe(2);
    });
    expect(s.stats.syncs).toBe(1);
    expect(s.stats.requestBytes[0]).toBeGreaterThan(10);
  });

  test("Excel.run sends what is left queued when the batch returns; an empty batch costs no round trip", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet2").getRange("C3").values = [["x"]];
    });
    expect(s.model.result(s.model.sheets[1], 2, 2)).toBe("x");
    expect(s.stats.syncs).toBe(1);
    await s.Excel.run(async () => undefined);
    expect(s.stats.syncs).toBe(1);
  });

  test("getItemOrNullObject answers isNullObject after sync; getItem of a missing sheet rejects with ItemNotFound", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Xếp hạng");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet2");
      expect(() => missing.isNullObject).toThrow();
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
    await expect(
      s.Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Nope").load("name");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("a request above the payload limit is refused whole (Excel on the web's 5 MB), nothing applied", async () => {
    const s = sim();
    s.payloadLimitBytes = 1000;
    const big = Array.from({ length: 100 }, (_, i) => [`unit ${i}`]);
    await expect(
      s.Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Sheet2").getRange("A1:A100").values = big;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(s.model.sheets[1].usedRect(true)).toBeNull();
  });

  test("a 2-D array of the wrong shape is refused like Office does", async () => {
    const s = sim();
    await expect(
      s.Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Sheet2").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("simulator cells: values, formulas, text", () => {
  test("a string starting with = becomes a formula, unless the cell is formatted as text or prefixed with '", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Sheet2");
      ws.getRange("A1").values = [["=1+1"]];
      const b = ws.getRange("B1");
      b.numberFormat = [["@"]];
      b.values = [['=HYPERLINK("http://x","y")']];
      ws.getRange("C1").values = [["'=2+2"]];
      const all = ws.getRange("A1:C1");
      all.load("values, formulas, valueTypes");
      await context.sync();
      expect(all.values).toEqual([[2, '=HYPERLINK("http://x","y")', "=2+2"]]);
      expect(all.formulas[0][0]).toBe("=1+1");
      expect(all.formulas[0][1]).toBe('=HYPERLINK("http://x","y")');
      expect(all.valueTypes).toEqual([["Double", "String", "String"]]);
    });
  });

  test("numbers typed as text follow the workbook culture (N1: '8,5' is a number in a comma culture)", async () => {
    const s = createSimulator({ decimalSeparator: "," });
    await s.Excel.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1");
      r.values = [["8,5", "18.5.2024"]];
      r.numberFormat = [["0.00", "General"]];
      r.load("values, text");
      const nf = context.application.cultureInfo.numberFormat;
      nf.load("numberDecimalSeparator");
      await context.sync();
      expect(r.values).toEqual([[8.5, "18.5.2024"]]);
      expect(r.text).toEqual([["8,50", "18.5.2024"]]);
      expect(nf.numberDecimalSeparator).toBe(",");
    });
  });

  test("HyperFormula evaluates formulas across sheets and RANK / RANK.EQ / RANK.AVG work", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Bảng điểm");
      ws.getRange("A1:A5").values = [[90], [85.5], [90], [70], ["n/a"]];
      ws.getRange("B1:B4").formulas = [
        ["=RANK(A1,$A$1:$A$5)"],
        ["=RANK.EQ(A2,$A$1:$A$5)"],
        ["=RANK.AVG(A3,$A$1:$A$5)"],
        ["=RANK(A4,$A$1:$A$5,1)"],
      ];
      context.workbook.worksheets.getItem("Sheet2").getRange("A1").formulas = [
        ["=SUM('Bảng điểm'!A1:A4)"],
      ];
      context.workbook.worksheets.getItem("Sheet2").getRange("A2").formulas = [
        ["=RANK(1,'Bảng điểm'!A1:A4)"],
      ];
      const b = ws.getRange("B1:B4");
      b.load("values");
      const sum = context.workbook.worksheets.getItem("Sheet2").getRange("A1:A2");
      sum.load("values, valueTypes");
      await context.sync();
      expect(b.values).toEqual([[1], [3], [1.5], [1]]);
      expect(sum.values).toEqual([[335.5], ["#N/A"]]);
      expect(sum.valueTypes[1][0]).toBe("Error");
    });
  });

  test("used range: null object on an empty sheet, values only ignores formatted-but-empty cells", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Sheet2");
      const empty = ws.getUsedRangeOrNullObject(true);
      await context.sync();
      expect(empty.isNullObject).toBe(true);
      ws.getRange("C3:D4").values = [
        [1, 2],
        [3, 4],
      ];
      ws.getRange("F8").format.fill.color = "#FFFF00";
      const vals = ws.getUsedRangeOrNullObject(true);
      const all = ws.getUsedRange();
      vals.load("address, rowIndex, columnIndex, rowCount, columnCount");
      all.load("address");
      await context.sync();
      expect(vals.address).toBe("Sheet2!C3:D4");
      expect([vals.rowIndex, vals.columnIndex, vals.rowCount, vals.columnCount]).toEqual([
        2, 2, 2, 2,
      ]);
      expect(all.address).toBe("Sheet2!C3:F8");
    });
  });

  test("getCell, getResizedRange and getOffsetRange address the cells Excel would", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const base = context.workbook.worksheets.getItem("Sheet2").getRange("B2");
      const a = base.getResizedRange(2, 3);
      const b = base.getOffsetRange(1, 1);
      const c = a.getCell(1, 2);
      for (const r of [a, b, c]) r.load("address");
      await context.sync();
      expect([a.address, b.address, c.address]).toEqual(["Sheet2!B2:E4", "Sheet2!C3", "Sheet2!D3"]);
    });
  });
});

describe("simulator formatting and sheet structure", () => {
  test("setCellProperties / getCellProperties carry fonts, fills, borders, alignment, indent", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("Sheet2").getRange("A1:B1");
      r.setCellProperties([
        [
          {
            format: {
              font: { bold: true, name: "Times New Roman", size: 13, color: "#c00000" },
              fill: { color: "#DDEBF7" },
            },
          },
          {
            format: {
              indentLevel: 2,
              wrapText: true,
              horizontalAlignment: "Center",
              borders: { top: { style: "Continuous" } },
            },
          },
        ],
      ]);
      const p = r.getCellProperties({
        address: true,
        format: {
          font: { bold: true, name: true, color: true },
          fill: { color: true },
          indentLevel: true,
          wrapText: true,
          borders: { top: { style: true } },
        },
      });
      await context.sync();
      expect(p.value[0][0]).toEqual({
        address: "Sheet2!A1",
        format: {
          font: { bold: true, name: "Times New Roman", color: "#C00000" },
          fill: { color: "#DDEBF7" },
          indentLevel: 0,
          wrapText: false,
          borders: { top: { style: "None" } },
        },
      });
      expect(p.value[0][1].format).toMatchObject({
        font: { bold: false, name: "Calibri" },
        indentLevel: 2,
        wrapText: true,
        borders: { top: { style: "Continuous" } },
      });
    });
  });

  test("range.format setters, merge, column widths and freeze panes are stored", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Sheet2");
      const r = ws.getRange("A1:C1");
      r.values = [["Title", "gone", ""]];
      r.merge();
      r.format.font.bold = true;
      r.format.columnWidth = 120;
      ws.getRange("A2").format.rowHeight = 30;
      ws.freezePanes.freezeRows(2);
      r.load("values");
      r.format.load("columnWidth");
      r.format.font.load("bold");
      const areas = ws.getRange("A1:D4").getMergedAreasOrNullObject();
      areas.load("address");
      await context.sync();
      expect(r.values).toEqual([["Title", "", ""]]);
      expect(r.format.font.bold).toBe(true);
      expect(r.format.columnWidth).toBe(120);
      expect(areas.address).toBe("Sheet2!A1:C1");
    });
    const sheet = s.model.sheetByName("Sheet2")!;
    expect(sheet.freeze).toEqual({ rows: 2, columns: 0 });
    expect(sheet.rowHeight(1)).toBe(30);
  });

  test("worksheets: add, rename, position, visibility, activate, delete, items", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.add("Xếp hạng");
      ws.position = 0;
      ws.activate();
      context.workbook.worksheets.getItem("Sheet2").visibility = "Hidden";
      const all = context.workbook.worksheets;
      all.load("items/name, items/position, items/visibility");
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      expect(all.items.map((w: any) => [w.name, w.position, w.visibility])).toEqual([
        ["Xếp hạng", 0, "Visible"],
        ["Bảng điểm", 1, "Visible"],
        ["Sheet2", 2, "Hidden"],
      ]);
      expect(active.name).toBe("Xếp hạng");
      ws.name = "Xếp hạng 2";
      context.workbook.worksheets.getItem("Bảng điểm").delete();
      await context.sync();
    });
    expect(s.model.sheets.map((x) => x.name)).toEqual(["Xếp hạng 2", "Sheet2"]);
    await expect(
      s.Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.add("sheet2");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("a protected sheet refuses writes to locked cells but accepts unlocked ones", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Sheet2");
      ws.getRange("B2").format.protection.locked = false;
      ws.protection.protect();
      ws.getRange("B2").values = [[7]];
      await context.sync();
      ws.getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(s.model.result(s.model.sheets[1], 1, 1)).toBe(7);
    expect(s.model.result(s.model.sheets[1], 0, 0)).toBeNull();
  });

  test("page layout, data validation and names are stored as set", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Sheet2");
      ws.pageLayout.orientation = "Landscape";
      ws.pageLayout.paperSize = "A4";
      ws.pageLayout.topMargin = 56.7;
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.setPrintTitleRows("$1:$3");
      const dv = ws.getRange("D6:D30").dataValidation;
      dv.rule = { decimal: { formula1: 0, formula2: "=$C6", operator: "Between" } };
      context.workbook.names.add("Totals", "=Sheet2!$A$1:$A$3");
      ws.getRange("A1:A3").values = [[1], [2], [3]];
      ws.getRange("B1").formulas = [["=SUM(Totals)"]];
      const b = ws.getRange("B1");
      b.load("values");
      ws.pageLayout.load("orientation, topMargin");
      const printTitles = ws.pageLayout.getPrintTitleRowsOrNullObject();
      printTitles.load("address");
      await context.sync();
      expect(b.values).toEqual([[6]]);
      expect(ws.pageLayout.orientation).toBe("Landscape");
      expect(printTitles.address).toBe("Sheet2!1:3");
    });
    const sheet = s.model.sheetByName("Sheet2")!;
    expect(sheet.pageLayout.paperSize).toBe("A4");
    expect(sheet.validations[0].rule).toEqual({
      decimal: { formula1: 0, formula2: "=$C6", operator: "Between" },
    });
  });

  test("custom XML parts: add, find by namespace, read, replace, delete", async () => {
    const s = sim();
    const ns = "urn:thidua:profile:v1";
    await s.Excel.run(async (context: Ctx) => {
      const part = context.workbook.customXmlParts.add(
        `<profile xmlns="${ns}" version="1">{}</profile>`
      );
      part.load("id");
      await context.sync();
      const found = context.workbook.customXmlParts.getByNamespace(ns);
      found.load("items");
      const other = context.workbook.customXmlParts.getByNamespace("urn:other");
      const count = other.getCount();
      await context.sync();
      expect(found.items).toHaveLength(1);
      expect(count.value).toBe(0);
      found.items[0].setXml(`<profile xmlns="${ns}" version="1">{"a":1}</profile>`);
      const xml = context.workbook.customXmlParts.getItem(part.id).getXml();
      expect(() => xml.value).toThrow();
      await context.sync();
      expect(xml.value).toContain('{"a":1}');
      context.workbook.customXmlParts.getItem(part.id).delete();
      await context.sync();
    });
    expect(s.model.customXmlParts).toHaveLength(0);
  });

  test("select() moves the selection and getSelectedRange reports it", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet2").getRange("D12").select();
      await context.sync();
      const sel = context.workbook.getSelectedRange();
      sel.load("address");
      await context.sync();
      expect(sel.address).toBe("Sheet2!D12");
    });
  });
});

describe("simulator custom functions", () => {
  test("THIDUA.NUMBER computes in a cell as in Excel (N1: '8,5' → 8.5)", async () => {
    const s = sim();
    await s.Excel.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("Sheet2").getRange("A1:A2");
      r.formulas = [['=THIDUA.NUMBER("8,5")'], ['=THIDUA.NUMBER("8,5đ")+1']];
      r.load("values");
      await context.sync();
      expect(r.values).toEqual([[8.5], [9.5]]);
    });
  });
});
