import { parseNumberText, readScore } from "../../../src/core/text/number";
import { analyzeWorkbook } from "../../../src/core";
import { gridFromRows } from "../../../src/core/grid";

const opts = { decimalSeparator: "," as const };

describe("not-a-number: only finite numbers within Excel's 15 digits reach the engine (N1)", () => {
  it("not-a-number: a 400-digit text score is not read as Infinity", () => {
    const digits = "9".repeat(400);
    expect(readScore(digits, opts)).toEqual({ kind: "nan", text: digits });
    expect(parseNumberText(digits, ",")).toBeNull();
  });

  it("not-a-number: 1e308 in a number cell, which summed twice would be Infinity", () => {
    expect(readScore(1e308, opts).kind).toBe("nan");
    expect(readScore(-1e16, opts).kind).toBe("nan");
    expect(readScore(Infinity, opts).kind).toBe("nan");
  });

  it("N1: ordinary and large-but-typable scores still read as numbers", () => {
    expect(readScore(999_999_999_999_999, opts)).toEqual({
      kind: "number",
      value: 999_999_999_999_999,
      fromText: false,
    });
    expect(readScore("8,5", opts)).toEqual({ kind: "number", value: 8.5, fromText: true });
  });
});

describe("not-a-number message (N1)", () => {
  it("names the cell and quotes only the start of a 400-digit paste", () => {
    const grid = gridFromRows("Bảng điểm", [
      ["STT", "Nội dung", "Điểm chuẩn", "Sở Nội vụ", "Sở Tư pháp"],
      ["1", "Hoàn thành kế hoạch", 60, 50, "9".repeat(400)],
      ["2", "Cải cách hành chính", 40, 30, 35],
    ]);
    const res = analyzeWorkbook([grid], { lang: "vi" });
    if (!res.ok) throw new Error(res.message);
    const nan = res.report.issues.find((i) => i.code === "not-a-number")!;
    expect(nan.cell).toBe("'Bảng điểm'!E2");
    expect(nan.message).toContain(`"${"9".repeat(40)}…"`);
    expect(nan.message.length).toBeLessThan(160);
    expect(res.report.units.every((u) => Number.isFinite(u.total))).toBe(true);
  });
});
