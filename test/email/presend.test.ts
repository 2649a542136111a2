import { gridFromRows, type Grid } from "../../src/core/grid";
import { checkBeforeSending, externalWorkbookIn, thiduaFunctionIn } from "../../src/core/presend";

function sheet(name: string, values: Grid["values"], formulas: (string | null)[][]): Grid {
  return { ...gridFromRows(name, values), formulas };
}

describe("checkBeforeSending (Kiểm tra trước khi gửi, issue 8)", () => {
  const ranking = sheet(
    "Xếp hạng",
    [
      ["Tổng", 90.25, 1, "#NAME?"],
      [null, { error: "#NAME?" }, { error: "#REF!" }, 7],
    ],
    [
      [null, "=THIDUA.TOTAL(C5:C20,D5:D20)", "=THIDUA.RANK(B1,B1:B9)", '="THIDUA.TOTAL(" & A1'],
      [
        null,
        "=_xldudf_THIDUA_RANKING(A1:A3,B1:B3,C1:C3)",
        "=SUM(#REF!)",
        "='[Điểm 2024.xlsx]Bảng điểm'!D7",
      ],
    ]
  );

  it("finds every THIDUA formula (a recipient without the add-in sees #NAME?), not text that merely mentions it", () => {
    const f = checkBeforeSending([ranking], [{ name: "Xếp hạng", visibility: "Visible" }]);
    expect(f.filter((x) => x.code === "thidua-formula").map((x) => x.cell)).toEqual([
      "'Xếp hạng'!B1",
      "'Xếp hạng'!C1",
      "'Xếp hạng'!B2",
    ]);
    expect(f[0].message).toContain("#NAME?");
    expect(f[0].severity).toBe("error");
  });

  it("finds links to other workbooks and error cells, reporting a THIDUA cell's #NAME? only once", () => {
    const f = checkBeforeSending([ranking], [{ name: "Xếp hạng", visibility: "Visible" }]);
    expect(
      f
        .filter((x) => x.code === "external-link")
        .map((x) => [x.cell, x.message.includes("Điểm 2024.xlsx")])
    ).toEqual([["'Xếp hạng'!D2", true]]);
    expect(f.filter((x) => x.code === "error-cell").map((x) => x.cell)).toEqual(["'Xếp hạng'!C2"]);
  });

  it("lists hidden and very hidden sheets, and nothing for a clean workbook", () => {
    const clean = sheet("Bảng điểm", [[1, 2, 3]], [[null, null, "=SUM(A1:B1)"]]);
    const f = checkBeforeSending(
      [clean],
      [
        { name: "Bảng điểm", visibility: "Visible" },
        { name: "Nháp", visibility: "Hidden" },
        { name: "Cấu hình", visibility: "VeryHidden" },
      ],
      { lang: "en" }
    );
    expect(f.map((x) => [x.code, x.sheet])).toEqual([
      ["hidden-sheet", "Nháp"],
      ["hidden-sheet", "Cấu hình"],
    ]);
    expect(f[0].message).toMatch(/^Sheet "Nháp" is hidden/);
    expect(checkBeforeSending([clean], [{ name: "Bảng điểm", visibility: "Visible" }])).toEqual([]);
  });

  it("tells a structured reference from a link, and names the function called", () => {
    expect(externalWorkbookIn("=SUM(Bảng1[Điểm])")).toBeNull();
    expect(externalWorkbookIn("=[1]Sheet1!A1")).toBe("[1]");
    expect(externalWorkbookIn("='C:\\Cụm\\[Tổng hợp.xlsx]Xếp hạng'!B2")).toBe("Tổng hợp.xlsx");
    expect(thiduaFunctionIn("=thidua.tongdiem(A1:A3,B1:B3)")).toBe("THIDUA.TONGDIEM");
    expect(thiduaFunctionIn("=_xldudf_THIDUA_RANK(A1,A1:A3)")).toBe("THIDUA.RANK");
    expect(thiduaFunctionIn("=_xldudf_THIDUA.RANKING(A1:A3,B1:B3,C1:C3)")).toBe("THIDUA.RANKING");
    expect(thiduaFunctionIn('=A1&"THIDUA.RANK("')).toBeNull();
  });
});
