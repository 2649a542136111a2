import { cellAddress, columnIndex, columnLetter, gridFromRows } from "../../src/core/grid";

describe("grid addresses (DOMAIN §6: every issue carries 'Sheet'!A1)", () => {
  it("converts columns both ways, past Z", () => {
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(25)).toBe("Z");
    expect(columnLetter(26)).toBe("AA");
    expect(columnLetter(701)).toBe("ZZ");
    expect(columnLetter(702)).toBe("AAA");
    for (const c of [0, 1, 25, 26, 51, 52, 701, 702, 16383])
      expect(columnIndex(columnLetter(c))).toBe(c);
  });

  it("qualifies addresses with the quoted sheet name and the used range's offset", () => {
    const g = gridFromRows("Bảng điểm lỗi", [[1, 2]], 5, 3);
    expect(cellAddress(g, 0, 1)).toBe("'Bảng điểm lỗi'!E6");
    expect(cellAddress(gridFromRows("O'Neil", [[1]]), 0, 0)).toBe("'O''Neil'!A1");
  });
});
