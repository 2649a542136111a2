/**
 * The one "rank a workbook" use case (src/sheets/rank-workbook.ts): what the pane, the ribbon and the
 * CLI all rank through. §8: the year and cluster come from the settings when given, else from the
 * sheet's own title, never from today in silence; a summary of returned forms ranks on its own sheet.
 */
import { gridFromRows, type CellValue } from "../../src/core/grid";
import { defaultProfile } from "../../src/core/profile";
import { givenBy, rankWorkbook } from "../../src/sheets/rank-workbook";
import { tagName } from "../../src/sheets/tags";

const DATE = new Date(2026, 1, 5);

function sheet(name: string, title: string) {
  const rows: CellValue[][] = [
    [title, null, null, null, null],
    ["STT", "Nội dung", "Điểm chuẩn", "Sở Nội vụ", "Sở Tư pháp"],
    ["1", "Hoàn thành kế hoạch", 60, 50, 55],
    ["2", "Cải cách hành chính", 40, 30, 35],
  ];
  return gridFromRows(name, rows);
}

const texts = (spec: { cells: { value?: unknown }[] }): string =>
  spec.cells.map((c) => String(c.value ?? "")).join("\n");

describe("rankWorkbook", () => {
  it("§8: with no settings, the year and the Khối come from the sheet's title, not from today", () => {
    const grid = sheet("Bảng điểm", "KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG - BẢNG ĐIỂM THI ĐUA NĂM 2021");
    // The meeting is dated in 2022: any other year printed would have come from today.
    const res = rankWorkbook([grid], defaultProfile(), {
      lang: "vi",
      date: new Date(2022, 2, 10),
      given: givenBy(null),
    });
    if (!res.ok) throw new Error(res.message);
    expect(res.profile.year).toBe(2021);
    expect(res.profile.kind).toBe("khoi");
    expect(res.report.units.map((u) => [u.name, u.rank])).toEqual([
      ["Sở Tư pháp", 1],
      ["Sở Nội vụ", 2],
    ]);
    expect(texts(res.ranking)).toContain("2021");
    expect(texts(res.ranking)).not.toContain(String(new Date().getFullYear()));
    expect(texts(res.ranking)).toMatch(/KHỐI TRƯỞNG/);
  });

  it("§8: the cluster's own settings are never overridden by the title", () => {
    const grid = sheet("Bảng điểm", "BẢNG ĐIỂM THI ĐUA NĂM 2021");
    const profile = { ...defaultProfile(2025), clusterName: "Cụm thi đua số 3" };
    const res = rankWorkbook([grid], profile, { lang: "vi", date: DATE, given: givenBy(profile) });
    if (!res.ok) throw new Error(res.message);
    expect(res.profile.year).toBe(2025);
    expect(res.profile.clusterName).toBe("Cụm thi đua số 3");
  });

  it("form-missing: a summary of returned forms (tagged) ranks on its own sheet and names the member without a form", () => {
    const grid = sheet("Tổng hợp tự chấm", "BẢNG TỔNG HỢP PHIẾU TỰ CHẤM NĂM 2025");
    const profile = {
      ...defaultProfile(2025),
      members: ["Sở Nội vụ", "Sở Tư pháp", "Sở Ngoại vụ"],
    };
    const tags = [
      { tag: tagName("summary", "Tổng hợp tự chấm"), kind: "summary", sheet: "Tổng hợp tự chấm" },
    ];
    const res = rankWorkbook([grid], profile, { lang: "vi", date: DATE, tags });
    if (!res.ok) throw new Error(res.message);
    expect(res.ranking.name).toBe("Xếp hạng theo phiếu");
    expect(res.report.provisional).toBe(true);
    expect(res.report.issues.find((i) => i.code === "form-missing")?.unit).toBe("Sở Ngoại vụ");
    const plain = rankWorkbook([grid], profile, { lang: "vi", date: DATE });
    if (!plain.ok) throw new Error(plain.message);
    expect(plain.ranking.name).toBe("Xếp hạng");
  });

  it("says why nothing was ranked instead of throwing", () => {
    const res = rankWorkbook([gridFromRows("Ghi chú", [["chỉ có ghi chú"]])], defaultProfile(), {
      lang: "vi",
      date: DATE,
    });
    expect(res.ok).toBe(false);
  });
});
