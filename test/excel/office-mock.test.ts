/**
 * office-addin-mock pins the shape of the calls src/excel makes on the real API (it enforces
 * load → sync → read and knows nothing of Excel semantics; those are the simulator's tests).
 */
import { OfficeMockObject } from "office-addin-mock";
import { createExcelAdapter, type ExcelHost } from "../../src/excel";

type Call = [string, ...unknown[]];

function hostOver(mock: any): ExcelHost {
  return { run: (batch: any) => batch(mock) } as ExcelHost;
}

describe("src/excel against office-addin-mock (the real API's shape)", () => {
  test("readActiveGrid: used range with valuesOnly, whole-range values/formulas/valueTypes and fonts, one sync", async () => {
    const calls: Call[] = [];
    let syncs = 0;
    const mock: any = new OfficeMockObject({
      workbook: {
        worksheets: {
          getActiveWorksheet: () => mock.workbook.sheet,
        },
        sheet: {
          name: "Bảng điểm",
          getUsedRange: (valuesOnly: boolean) => {
            calls.push(["getUsedRange", valuesOnly]);
            return mock.workbook.used;
          },
        },
        used: {
          rowIndex: 3,
          columnIndex: 1,
          values: [["STT", 8.5, "#DIV/0!"]],
          formulas: [["STT", 8.5, "=1/0"]],
          valueTypes: [["String", "Double", "Error"]],
          rowHidden: false,
          columnHidden: false,
          getCellProperties: (opts: unknown) => {
            calls.push(["getCellProperties", opts]);
            return {
              value: [
                [
                  {
                    format: {
                      font: { name: "Times New Roman", bold: true, italic: false },
                      indentLevel: 0,
                    },
                  },
                  {},
                  {},
                ],
              ],
            };
          },
          getMergedAreasOrNullObject: () => mock.workbook.merged,
        },
        merged: { address: "" },
      },
    });
    mock.workbook.merged.isNullObject = true;
    const realSync = mock.sync.bind(mock);
    mock.sync = async () => {
      syncs++;
      await realSync();
    };
    const grid = await createExcelAdapter(hostOver(mock)).readActiveGrid();
    expect(syncs).toBe(1);
    expect(calls).toEqual([
      ["getUsedRange", true],
      [
        "getCellProperties",
        { format: { font: { name: true, bold: true, italic: true }, indentLevel: true } },
      ],
    ]);
    expect(grid).toMatchObject({
      sheetName: "Bảng điểm",
      top: 3,
      left: 1,
      values: [["STT", 8.5, { error: "#DIV/0!" }]],
      formulas: [[null, null, "=1/0"]],
    });
    expect(grid.formats?.[0][0]).toEqual({ font: { name: "Times New Roman", bold: true } });
  });

  test("readActiveGrid with rows partly hidden (issue 5): rowHidden null → one getRow(i) per row, all in ONE more sync", async () => {
    const calls: Call[] = [];
    let syncs = 0;
    const mock: any = new OfficeMockObject({
      workbook: {
        worksheets: { getActiveWorksheet: () => mock.workbook.sheet },
        sheet: { name: "Bảng điểm", getUsedRange: () => mock.workbook.used },
        used: {
          rowIndex: 0,
          columnIndex: 0,
          values: [
            ["Tiêu chí", "Sở A"],
            ["1", 8],
            ["2", 9],
          ],
          formulas: [
            ["Tiêu chí", "Sở A"],
            ["1", 8],
            ["2", 9],
          ],
          valueTypes: [
            ["String", "String"],
            ["String", "Double"],
            ["String", "Double"],
          ],
          rowHidden: false,
          columnHidden: false,
          getCellProperties: () => ({
            value: [
              [{}, {}],
              [{}, {}],
              [{}, {}],
            ],
          }),
          getMergedAreasOrNullObject: () => mock.workbook.merged,
          getRow: (i: number) => {
            calls.push(["getRow", i]);
            return mock.workbook[`row${i}`];
          },
          getColumn: (j: number) => {
            calls.push(["getColumn", j]);
            return mock.workbook.row0;
          },
        },
        merged: { address: "" },
        row0: { rowHidden: false },
        row1: { rowHidden: true },
        row2: { rowHidden: false },
      },
    });
    mock.workbook.merged.isNullObject = true;
    // Office's answer for a range whose rows are partly hidden (the mock cannot be built with a null).
    mock.workbook.used.rowHidden = null;
    const realSync = mock.sync.bind(mock);
    mock.sync = async () => {
      syncs++;
      calls.push(["sync"]);
      await realSync();
    };
    const grid = await createExcelAdapter(hostOver(mock)).readActiveGrid();
    expect(calls).toEqual([["sync"], ["getRow", 0], ["getRow", 1], ["getRow", 2], ["sync"]]);
    expect(syncs).toBe(2);
    expect(grid.hidden).toEqual({ rows: [1], cols: [] });
  });

  test("applyFixes: one getRange per named cell, values set as a 1×1 array, one sync, no other writes", async () => {
    const writes: Call[] = [];
    let syncs = 0;
    const range = (addr: string): any => {
      const r: any = {};
      Object.defineProperty(r, "values", {
        set: (v) => {
          writes.push(["values", addr, v]);
        },
      });
      Object.defineProperty(r, "formulas", {
        set: (v) => {
          writes.push(["formulas", addr, v]);
        },
      });
      Object.defineProperty(r, "numberFormat", {
        set: (v) => {
          writes.push(["numberFormat", addr, v]);
        },
      });
      return r;
    };
    const mock: any = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => ({ getRange: (a: string) => range(`${name}!${a}`) }),
        },
      },
    });
    mock.sync = async () => {
      syncs++;
    };
    const n = await createExcelAdapter(hostOver(mock)).applyFixes([
      { cell: "'Bảng điểm'!E6", value: 18.5 },
      { cell: "'Bảng điểm'!B9", value: "Sở Nội vụ" },
      { cell: "'Bảng điểm'!B10", value: "=1+1" },
    ]);
    expect(n).toBe(3);
    expect(syncs).toBe(1);
    expect(writes).toEqual([
      ["values", "Bảng điểm!E6", [[18.5]]],
      ["values", "Bảng điểm!B9", [["Sở Nội vụ"]]],
      // Office's text prefix: the cell keeps the user's number format and shows "=1+1" as text.
      ["values", "Bảng điểm!B10", [["'=1+1"]]],
    ]);
  });

  test("selectCell: activates the sheet, selects the local address, one sync", async () => {
    const calls: Call[] = [];
    const mock: any = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(["activate", name]),
            getRange: (a: string) => ({ select: () => calls.push(["select", name, a]) }),
          }),
        },
      },
    });
    let syncs = 0;
    mock.sync = async () => {
      syncs++;
    };
    await createExcelAdapter(hostOver(mock)).selectCell("'Bảng điểm lỗi'!$D$12");
    expect(calls).toEqual([
      ["activate", "Bảng điểm lỗi"],
      ["select", "Bảng điểm lỗi", "D12"],
    ]);
    expect(syncs).toBe(1);
  });
});
