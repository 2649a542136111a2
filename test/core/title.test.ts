/**
 * DOMAIN.md §8 "Where the year, the cluster and its kind come from" and issue 14 item 4 (criteria-only
 * sheets), on Grids written here.
 */
import { readCriteriaOnly } from "../../src/core/criteria-only";
import type { CellValue, Grid } from "../../src/core/grid";
import { registeredTables } from "../../src/core/i18n";
import { defaultProfile } from "../../src/core/profile";
import { titleInfo, titleInfoOf, withTitle } from "../../src/core/title";
import "../../src/sheets/meeting-strings";
import "../../src/cli/meeting";

function grid(rows: CellValue[][], sheetName = "Bảng điểm"): Grid {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    sheetName,
    top: 0,
    left: 0,
    values: rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]),
  };
}

describe("§8 the year, the cluster and Cụm/Khối from the sheet's own title", () => {
  it("reads 'NĂM 2021' and a KHỐI in the title block; the date line's year is not the scoring year", () => {
    const t = titleInfo(
      grid([
        ["KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TỈNH"],
        ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2021"],
        ["Hà Giang, ngày 20 tháng 12 năm 2026"],
        ["STT", "Nội dung", "Điểm chuẩn"],
      ])
    );
    expect(t).toEqual({
      year: 2021,
      clusterName: "KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TỈNH",
      kind: "khoi",
      period: null,
    });
  });

  it("a Cụm named inside the title, up to the year; a sơ kết title is a sơ kết", () => {
    const t = titleInfo(
      grid([[null, "KẾT QUẢ CHẤM ĐIỂM SƠ KẾT 6 THÁNG CỤM THI ĐUA CÁC SỞ, NGÀNH NĂM 2024"]])
    );
    expect(t.clusterName).toBe("CỤM THI ĐUA CÁC SỞ, NGÀNH");
    expect(t.kind).toBe("cum");
    expect(t.year).toBe(2024);
    expect(t.period).toBe("so-ket");
  });

  it("says nothing it does not read: no year, no cluster", () => {
    expect(titleInfo(grid([["BẢNG ĐIỂM"], ["STT", "Nội dung"]]))).toEqual({
      year: null,
      clusterName: null,
      kind: null,
      period: null,
    });
  });

  it("the profile's own fields win; a year nobody gave is 0 (a dotted blank), never today's", () => {
    const title = titleInfoOf([grid([["KHỐI THI ĐUA SỐ 2"], ["BẢNG ĐIỂM THI ĐUA NĂM 2021"]])]);
    const none = { year: false, clusterName: false, kind: false, period: false };
    const p = withTitle({ ...defaultProfile(), clusterName: "" }, title, none);
    expect([p.year, p.clusterName, p.kind]).toEqual([2021, "KHỐI THI ĐUA SỐ 2", "khoi"]);
    const given = withTitle({ ...defaultProfile(2025), clusterName: "Cụm số 1" }, title, {
      ...none,
      year: true,
      clusterName: true,
      kind: true,
    });
    expect([given.year, given.clusterName, given.kind]).toEqual([2025, "Cụm số 1", "cum"]);
    const blank = withTitle(defaultProfile(), titleInfoOf([grid([["BẢNG ĐIỂM"]])]), none);
    expect(blank.year).toBe(0);
  });
});

describe("issue 14 item 4: a criteria-only sheet (bảng điểm chuẩn) gives its criteria tree", () => {
  it("reads the tree, the max and the kinds of a sheet with no unit column", () => {
    const res = readCriteriaOnly([
      grid([
        ["BẢNG ĐIỂM CHUẨN THI ĐUA NĂM 2025"],
        [],
        ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Ghi chú"],
        ["I", "Công tác chuyên môn", 70, null],
        ["1", "Kế hoạch", 40, null],
        ["2", "Báo cáo", 30, "đúng hạn"],
        ["II", "Điểm thưởng", 5, null],
        ["1", "Sáng kiến", 5, null],
        ["III", "Điểm trừ", null, null],
        ["1", "Vi phạm kỷ luật", 10, null],
      ]),
    ]);
    expect(res).not.toBeNull();
    expect(res!.criteria.map((n) => [n.code, n.label, n.max, n.kind])).toEqual([
      ["I", "Công tác chuyên môn", 70, "content"],
      ["II", "Điểm thưởng", 5, "bonus"],
      ["III", "Điểm trừ", expect.anything(), "deduction"],
    ]);
    expect(res!.criteria[0].children.map((c) => [c.label, c.max])).toEqual([
      ["Kế hoạch", 40],
      ["Báo cáo", 30],
    ]);
    expect(res!.contentMax).toBe(70);
  });

  it("finds nothing in a sheet without a criteria header", () => {
    expect(readCriteriaOnly([grid([["Danh sách"], ["Họ tên", "Chức vụ"]])])).toBeNull();
  });
});

describe("the meeting's words exist in Vietnamese and English", () => {
  it("has the same keys in both tables and no empty string", () => {
    for (const name of ["meeting", "cli-meeting"]) {
      const table = registeredTables().find((x) => x.name === name)!.table;
      expect(Object.keys(table.en).sort()).toEqual(Object.keys(table.vi).sort());
      for (const v of [...Object.values(table.vi), ...Object.values(table.en)])
        expect(v.trim()).not.toBe("");
    }
  });
});
