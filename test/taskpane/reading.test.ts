/**
 * Corrections of a reading from a selected range (DOMAIN §4 "the user can correct it"): each part
 * lands in the saved mapping exactly where the user pointed, and a selection that cannot be that part
 * is refused with a sentence instead of a silent guess.
 */
import { gridFromRows } from "../../src/core/grid";
import type { RowsMapping, ColsMapping } from "../../src/core";
import { correctMapping, parseAddress, rectAddress } from "../../src/taskpane/reading";
import { ServiceError } from "../../src/taskpane/service";

const rows: RowsMapping = {
  version: 1,
  layout: "C",
  sheet: "Bảng điểm",
  headerRow: 2,
  headerRows: 2,
  codeCol: 0,
  labelCol: 1,
  maxCol: 2,
  weightCol: null,
  firstRow: 4,
  lastRow: 20,
  totalRow: 21,
  units: [
    { name: "Sở Nội vụ", self: 3, review: 4, nameCell: [2, 3] },
    { name: "Sở Tư pháp", self: 5, review: 6, nameCell: [2, 5] },
  ],
  confidence: 0.9,
  reasons: [],
};

const sel = (address: string) => parseAddress(address, "Bảng điểm")!;

test("addresses as Excel returns them parse to sheet rectangles and back", () => {
  expect(parseAddress("'Bảng điểm'!$C$6:$C$30")).toEqual({
    sheet: "Bảng điểm",
    top: 5,
    bottom: 29,
    left: 2,
    right: 2,
  });
  expect(parseAddress("Sheet1!D4")).toEqual({
    sheet: "Sheet1",
    top: 3,
    bottom: 3,
    left: 3,
    right: 3,
  });
  expect(parseAddress("'O''Brien'!A1:B2,D4")?.sheet).toBe("O'Brien");
  expect(parseAddress("E:E", "S")).toMatchObject({ sheet: "S", left: 4, right: 4, top: 0 });
  expect(parseAddress("not an address")).toBeNull();
  expect(rectAddress({ sheet: "Bảng điểm", top: 5, bottom: 29, left: 2, right: 2 })).toBe(
    "'Bảng điểm'!C6:C30"
  );
});

test("the max column is taken from a one-column selection and marked corrected", () => {
  const m = correctMapping(rows, "max", sel("H5:H21"), undefined, "vi");
  expect(m.layout === "C" && m.maxCol).toBe(7);
  expect(m.correctedParts).toEqual(["max"]);
  // The original mapping is not mutated (it belongs to the last report).
  expect(rows.maxCol).toBe(2);
});

test("a tall label selection also sets where the criteria rows start and end", () => {
  const m = correctMapping(rows, "labels", sel("B6:B18"), undefined, "vi") as RowsMapping;
  expect([m.labelCol, m.firstRow, m.lastRow]).toEqual([1, 5, 17]);
});

test("layout C: selecting the four score columns as review takes every second one", () => {
  const m = correctMapping(rows, "review", sel("D5:G20"), undefined, "vi") as RowsMapping;
  expect(m.units.map((u) => [u.self, u.review])).toEqual([
    [3, 4],
    [5, 6],
  ]);
  const self = correctMapping(rows, "self", sel("H5:I20"), undefined, "vi") as RowsMapping;
  expect(self.units.map((u) => u.self)).toEqual([7, 8]);
});

test("the wrong number of score columns is refused, naming how many are needed", () => {
  expect(() => correctMapping(rows, "self", sel("D5:F20"), undefined, "en")).toThrow(
    expect.objectContaining({
      code: "no-selection",
      detail: "Select 2 columns, one per unit, in unit order",
    })
  );
});

test("a selection on another sheet is refused", () => {
  const err = (() => {
    try {
      correctMapping(rows, "max", parseAddress("'Xếp hạng'!C5")!, undefined, "vi");
      return null;
    } catch (e) {
      return e as ServiceError;
    }
  })();
  expect(err?.code).toBe("no-selection");
  expect(err?.detail).toContain("Xếp hạng");
});

test("unit names are read from the selected header cells (NFC, spaces collapsed), empty cells skipped", () => {
  const grid = gridFromRows("Bảng điểm", [
    [],
    [],
    [null, null, null, "Sở  Nội vụ", null, "Sở Tư pha\u0301p", null, "Sở Y tế"],
  ]);
  const m = correctMapping(rows, "units", sel("D3:H3"), grid, "vi") as RowsMapping;
  expect(m.units.map((u) => u.name)).toEqual(["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế"]);
  expect(m.units[2]).toEqual({ name: "Sở Y tế", self: 7, review: null, nameCell: [2, 7] });
  // The known units keep their review columns.
  expect(m.units[0].review).toBe(4);
});

test("layout B: units column and max row can be corrected; bonus derived from labels cannot", () => {
  const b: ColsMapping = {
    version: 1,
    layout: "B",
    sheet: "Bảng điểm",
    headerRow: 3,
    headerRows: 1,
    nameCol: 1,
    maxRow: null,
    firstRow: 4,
    lastRow: 10,
    criteria: [{ col: 2, code: "1", label: "Tiêu chí 1", max: 20, kind: "content" }],
    totalCol: null,
    confidence: 0.8,
    reasons: [],
  };
  const m = correctMapping(b, "units", sel("C5:C12"), undefined, "vi") as ColsMapping;
  expect([m.nameCol, m.firstRow, m.lastRow]).toEqual([2, 4, 11]);
  expect((correctMapping(b, "max", sel("C5:J5"), undefined, "vi") as ColsMapping).maxRow).toBe(4);
  expect(() => correctMapping(b, "bonus", sel("C5"), undefined, "vi")).toThrow(
    expect.objectContaining({ code: "not-supported" })
  );
});
