import { buildTreeShape, codeStyle, splitCode } from "../../src/core/criteria";

const item = (code: string, label: string, bold = false, indent = 0) => ({
  code,
  label,
  bold,
  indent,
});

describe("the criteria tree from codes, bold and indent (DOMAIN §3)", () => {
  it("nests I / 1 / 1.1 / a) / - / + and returns to the right level", () => {
    const shape = buildTreeShape([
      item("I", "Chuyên môn"),
      item("1", "Kế hoạch"),
      item("1.1", "Tiến độ"),
      item("a)", "Quý"),
      item("-", "Tháng"),
      item("+", "Tuần"),
      item("1.2", "Chất lượng"),
      item("2", "Báo cáo"),
      item("II", "Đoàn thể"),
    ]);
    expect(shape.parent).toEqual([-1, 0, 1, 2, 3, 4, 1, 0, -1]);
    expect(shape.level).toEqual([0, 1, 2, 3, 4, 5, 2, 1, 0]);
  });

  it("reads 'I.', '1.', '1.1.', 'a.', 'II.1.1' the same way as their bare forms", () => {
    expect(["I.", "1.", "1.1.", "a.", "II.1", "II.1.1", "1)"].map((c) => codeStyle(c))).toEqual([
      "roman",
      "num1",
      "num2",
      "letter",
      "num1",
      "num2",
      "num1",
    ]);
    const shape = buildTreeShape([
      item("II", "A"),
      item("II.1", "B"),
      item("II.1.1", "C"),
      item("II.2", "D"),
    ]);
    expect(shape.parent).toEqual([-1, 0, 1, 0]);
  });

  it("takes a code typed inside the label ('1.2. Ban hành …')", () => {
    expect(splitCode("1.2. Ban hành kế hoạch")).toEqual(["1.2.", "Ban hành kế hoạch"]);
    expect(splitCode("II. Đoàn thể")).toEqual(["II.", "Đoàn thể"]);
    expect(splitCode("Sở Nội vụ")).toEqual(["", "Sở Nội vụ"]);
  });

  it("without codes, bold rows are sections and indented rows nest under them", () => {
    const shape = buildTreeShape([
      item("", "CHUYÊN MÔN", true),
      item("", "Kế hoạch", false, 1),
      item("", "Tiến độ", false, 2),
      item("", "Báo cáo", false, 1),
      item("", "ĐOÀN THỂ", true),
      item("", "Công đoàn", false, 1),
    ]);
    expect(shape.parent).toEqual([-1, 0, 1, 0, -1, 4]);
  });

  it("kinds come from the labels: Điểm thưởng/Điểm cộng are bonus, Điểm trừ deduction, children inherit", () => {
    const shape = buildTreeShape([
      item("I", "Chuyên môn"),
      item("1", "Khen thưởng cán bộ"),
      item("II", "Điểm cộng (tối đa 5 điểm)"),
      item("1", "Sáng kiến"),
      item("III", "ĐIỂM TRỪ"),
      item("1", "Vi phạm"),
    ]);
    expect(shape.kind).toEqual(["content", "content", "bonus", "bonus", "deduction", "deduction"]);
  });
});

describe("sections lettered A, B, C", () => {
  it("treats C as a letter, not the Roman hundred, when the sheet letters its sections", () => {
    const shape = buildTreeShape([
      item("A", "Chuyên môn"),
      item("1", "Kế hoạch"),
      item("a)", "Quý"),
      item("B", "Đoàn thể"),
      item("1", "Công đoàn"),
      item("C", "Điểm thưởng"),
      item("1", "Sáng kiến"),
    ]);
    expect(shape.parent).toEqual([-1, 0, 1, -1, 3, -1, 5]);
    expect(shape.kind[6]).toBe("bonus");
  });
});
