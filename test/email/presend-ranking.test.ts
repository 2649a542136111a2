/**
 * "Kiểm tra trước khi gửi" tells the truth about the ranking (issue 15 item 5): unresolved errors in
 * the score table and a Tạm tính ranking are said before anything is sent; a complete, clean table
 * adds nothing.
 */
import type { PresendFinding } from "../../src/core/presend";
import { checkWorkbookBeforeSending } from "../../src/excel/email";
import { tagName } from "../../src/excel/tags";
import { createSimulator } from "../../src/simulator";

jest.setTimeout(60_000);

/** A score table of 3 units on 2 criteria (max 50 each); `d3` is what Đơn vị A scored on criterion 1. */
function headWorkbook(d3: number | string | null) {
  const sim = createSimulator({ sheets: ["Bảng điểm"] });
  const m = sim.model;
  const s = m.sheets[0];
  m.batch(() => {
    m.setConstant(s, 0, 0, "BẢNG ĐIỂM THI ĐUA NĂM 2025");
    ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Đơn vị A", "Đơn vị B", "Đơn vị C"].forEach((h, c) =>
      m.setConstant(s, 1, c, h)
    );
    m.setConstant(s, 2, 0, "1");
    m.setConstant(s, 2, 1, "Hoàn thành kế hoạch công tác năm");
    m.setConstant(s, 2, 2, 50);
    m.setConstant(s, 3, 0, "2");
    m.setConstant(s, 3, 1, "Chất lượng tham mưu, tổng hợp");
    m.setConstant(s, 3, 2, 50);
    if (typeof d3 === "string" && d3.startsWith("=")) m.setFormula(s, 2, 3, d3);
    else m.setConstant(s, 2, 3, d3);
    [
      [3, 45],
      [4, 40],
      [5, 42.5],
    ].forEach(([c, v]) => m.setConstant(s, 3, c, v));
    m.setConstant(s, 2, 4, 44);
    m.setConstant(s, 2, 5, 41);
  });
  return sim;
}

const ranking = (f: PresendFinding[]) =>
  f.filter((x) => x.code === "score-errors" || x.code === "ranking-provisional");

describe("Kiểm tra trước khi gửi: a provisional ranking is not ready to send (issue 15)", () => {
  it("cell-error: an error left in the score table is named with its cell, the ranking called Tạm tính", async () => {
    const sim = headWorkbook("=NA()");
    const f = ranking(await checkWorkbookBeforeSending(sim.Excel, "vi"));
    expect(f.map((x) => [x.code, x.severity, x.cell])).toEqual([
      ["score-errors", "error", "'Bảng điểm'!D3"],
    ]);
    expect(f[0].message).toBe(
      "Bảng điểm còn 1 lỗi chưa xử lý ('Bảng điểm'!D3), nên kết quả xếp hạng chỉ là Tạm tính: hãy sửa rồi xếp hạng lại trước khi gửi."
    );
  });

  it("R4: a unit with a blank criterion makes the ranking provisional, said in English too", async () => {
    const sim = headWorkbook(null);
    const f = ranking(await checkWorkbookBeforeSending(sim.Excel, "en"));
    expect(f.map((x) => [x.code, x.severity])).toEqual([["ranking-provisional", "warning"]]);
    expect(f[0].message).toMatch(/^The ranking is still provisional/);
  });

  it("our ranking sheet saying TẠM TÍNH is named; a complete, clean table adds nothing", async () => {
    const clean = headWorkbook(45.5);
    expect(ranking(await checkWorkbookBeforeSending(clean.Excel, "vi"))).toEqual([]);

    const m = clean.model;
    const r = m.addSheet("Xếp hạng");
    m.setConstant(r, 3, 0, "TẠM TÍNH: bảng điểm còn 2 lỗi cần xử lý trước khi công bố kết quả");
    m.addName(tagName("ranking", "Xếp hạng"), "='Xếp hạng'!$A$1");
    const f = ranking(await checkWorkbookBeforeSending(clean.Excel, "vi"));
    expect(f.map((x) => [x.code, x.sheet])).toEqual([["ranking-provisional", "Xếp hạng"]]);
    expect(f[0].message).toBe(
      "Trang “Xếp hạng” đang ghi TẠM TÍNH: đừng gửi như kết quả chính thức; hãy xử lý các lỗi rồi xếp hạng lại."
    );
  });
});
