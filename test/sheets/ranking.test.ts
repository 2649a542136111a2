import type { RankingReport, UnitResult } from "../../src/core/report";
import { linesNeeded } from "../../src/sheets/layout";
import { buildRankingSheet, type RankingSheetOptions } from "../../src/sheets/ranking";
import type { SheetSpec, SpecCell } from "../../src/sheets/spec";
import { node, profileFor } from "./fixtures";

const DATE = new Date(2026, 1, 5);

function unit(
  name: string,
  total: number,
  rank: number,
  over: Partial<UnitResult> = {}
): UnitResult {
  return {
    name,
    total,
    rawTotal: total,
    rank,
    label: rank <= 3 ? ["Nhất", "Nhì", "Ba"][rank - 1] : null,
    classification: "Tốt",
    award: null,
    sections: [
      { id: "I", code: "I", label: "Chuyên môn", kind: "content", score: total - 5, max: 60 },
      { id: "II", code: "II", label: "Tổ chức", kind: "content", score: 5, max: 40 },
    ],
    bonus: 0,
    deduction: 0,
    complete: true,
    eligible: true,
    leafCells: {},
    sheet: "Bảng điểm",
    ...over,
  };
}

/** Two content sections (one weighted leaf), a bonus section capped at 5, a deduction section. */
function report(units: UnitResult[], over: Partial<RankingReport> = {}): RankingReport {
  const criteria = [
    node("I", "Chuyên môn", 60, "content", [
      node("I.1", "Kế hoạch", 40, "content", [], 1),
      node("I.2", "Tham mưu", 20, "content", [], 1, 2),
    ]),
    node("II", "Tổ chức", 40, "content", [node("II.1", "Đảng", 40, "content", [], 1)]),
    node("III", "Điểm thưởng", 5, "bonus", [
      node("III.1", "Sáng kiến", 3, "bonus", [], 1),
      node("III.2", "Khen thưởng", 4, "bonus", [], 1),
    ]),
    node("IV", "Điểm trừ", null, "deduction", [
      node("IV.1", "Chậm báo cáo", 3, "deduction", [], 1),
    ]),
  ];
  return {
    files: ["input.xlsx"],
    sheets: ["Bảng điểm"],
    mappings: [],
    provisional: false,
    errorCount: 0,
    criteria,
    contentMax: 100,
    bonusCap: 5,
    maxTotal: 105,
    precision: 2,
    units,
    issues: [],
    ...over,
  };
}

function build(
  r: RankingReport,
  opts: Partial<RankingSheetOptions> = {},
  profile = profileFor()
): SheetSpec {
  return buildRankingSheet(r, profile, {
    mode: "values",
    date: DATE,
    sourceSheets: ["Bảng điểm"],
    lang: "vi",
    ...opts,
  });
}

function at(spec: SheetSpec, row: number, col: number): SpecCell | undefined {
  return spec.cells.find((c) => c.row === row && c.col === col);
}

function find(spec: SheetSpec, text: string): SpecCell {
  const c = spec.cells.find((x) => x.value === text);
  if (!c) throw new Error(`no cell "${text}"`);
  return c;
}

function texts(spec: SheetSpec): string[] {
  return spec.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
}

function leafCells(col: string, row0 = 6): Record<string, string> {
  const ids = ["I.1", "I.2", "II.1", "III.1", "III.2", "IV.1"];
  return Object.fromEntries(ids.map((id, i) => [id, `'Bảng điểm'!${col}${row0 + i}`]));
}

describe("ranking sheet (DOMAIN.md §8)", () => {
  const units = [
    unit("Sở Tư pháp", 78.5, 4),
    unit("Văn phòng UBND tỉnh", 90.25, 1, { award: "Cờ thi đua của UBND tỉnh" }),
    unit("Sở Tài chính", 88, 2),
    unit("Sở Nội vụ", 85.25, 3),
    unit("Sở Ngoại vụ", 85.25, 3),
  ];

  it("§8 has the table columns in order, one per content section, and lists units by rank", () => {
    const spec = build(report(units));
    const stt = find(spec, "STT");
    const header = spec.cells
      .filter((c) => c.row === stt.row)
      .sort((a, b) => a.col - b.col)
      .map((c) => c.value);
    expect(header).toEqual([
      "STT",
      "Đơn vị",
      "I. Chuyên môn",
      "II. Tổ chức",
      "Điểm thưởng",
      "Điểm trừ",
      "Tổng điểm",
      "Xếp hạng",
      "Suy tôn",
      "Xếp loại",
      "Đề nghị khen thưởng",
      "Ghi chú",
    ]);
    const first = stt.row + 2; // the max row sits between the header and the units
    const names = [0, 1, 2, 3, 4].map((i) => at(spec, first + i, 1)?.value);
    expect(names).toEqual([
      "Văn phòng UBND tỉnh",
      "Sở Tài chính",
      "Sở Nội vụ",
      "Sở Ngoại vụ",
      "Sở Tư pháp",
    ]);
    expect(at(spec, first, 6)?.value).toBe(90.25);
    expect(at(spec, first, 7)?.value).toBe(1);
    expect(at(spec, first, 8)?.value).toBe("Nhất");
    expect(at(spec, first, 10)?.value).toBe("Cờ thi đua của UBND tỉnh");
    // K2: tied units share rank 3 and the label Ba; STT keeps counting.
    expect([at(spec, first + 2, 7)?.value, at(spec, first + 3, 7)?.value]).toEqual([3, 3]);
    expect(at(spec, first + 3, 0)?.value).toBe(4);
    expect(at(spec, first, 6)?.style?.numberFormat).toBe("0.00");
  });

  it("§8 highlights the top three (ties at 3 included) and no one below", () => {
    const spec = build(report(units));
    const first = find(spec, "STT").row + 2;
    const fills = [0, 1, 2, 3, 4].map((i) => at(spec, first + i, 6)?.style?.fill);
    expect(fills.slice(0, 4).every((f) => f === fills[0] && f !== undefined)).toBe(true);
    expect(fills[4]).toBeUndefined();
  });

  it("shows the 'Tạm tính' banner with the count of errors only when provisional (§6)", () => {
    expect(texts(build(report(units))).some((s) => s.includes("TẠM TÍNH"))).toBe(false);
    const spec = build(report(units, { provisional: true, errorCount: 3 }));
    const banner = texts(spec).find((s) => s.startsWith("TẠM TÍNH"));
    expect(banner).toContain("3 lỗi");
    const incomplete = build(report(units, { provisional: true, errorCount: 0 }));
    expect(texts(incomplete).find((s) => s.startsWith("TẠM TÍNH"))).toMatch(/chưa chấm đủ/);
  });

  it("has the ND30 title block, the date, the source sheet and the signature block", () => {
    const spec = build(report(units));
    const all = texts(spec);
    expect(all).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(all).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(all).toContain("Lạng Sơn, ngày 05 tháng 02 năm 2026");
    expect(all).toContain("CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP TỈNH LẠNG SƠN");
    expect(all.find((s) => s.startsWith("Số liệu lấy từ"))).toBe(
      "Số liệu lấy từ trang tính 'Bảng điểm' (tệp input.xlsx), chốt ngày 05/02/2026."
    );
    for (const w of ["NGƯỜI LẬP BIỂU", "TM. CỤM THI ĐUA", "CỤM TRƯỞNG", "Nguyễn Văn An"])
      expect(all).toContain(w);
    const khoi = texts(build(report(units), {}, profileFor({ kind: "khoi" })));
    expect(khoi).toContain("TM. KHỐI THI ĐUA");
    expect(khoi).toContain("KHỐI TRƯỞNG");
  });

  it("prints on A4 one page wide, repeats the header row and freezes the header and names", () => {
    const spec = build(report(units));
    const header = find(spec, "STT").row;
    expect(spec.print).toMatchObject({
      paperSize: "A4",
      fitToWidth: true,
      repeatRows: { first: header },
    });
    expect(spec.freeze).toEqual({ rows: header + 2, columns: 2 });
    expect(
      spec.cells.every((c) => c.style?.fontName === "Times New Roman" || !c.style?.fontName)
    ).toBe(true);
  });

  it("writes a unit named like a formula as text, never as a formula", () => {
    const spec = build(report([unit('=HYPERLINK("x")', 90, 1), unit("+84 Sở", 80, 2)]), {
      mode: "formulas",
    });
    const named = spec.cells.filter((c) => c.value === '=HYPERLINK("x")' || c.value === "+84 Sở");
    expect(named).toHaveLength(2);
    expect(named.every((c) => c.formula === undefined)).toBe(true);
    expect(spec.cells.some((c) => c.formula?.includes("HYPERLINK"))).toBe(false);
  });

  it("§8 a header word never breaks inside itself: the English 'Deductions' column is widened, Vietnamese widths stay", () => {
    const en = build(report(units), { lang: "en" });
    const vi = build(report(units));
    const header = find(en, "Deductions");
    const width = en.columnWidths?.[header.col] ?? 0;
    expect(linesNeeded("Deductions", width, 11)).toBe(1);
    expect(width).toBeGreaterThan(vi.columnWidths?.[header.col] ?? 0);
    expect(vi.columnWidths?.[find(vi, "Điểm trừ").col]).toBe(8);
  });

  it("names the other language's words in English (vi and en tables)", () => {
    const all = texts(build(report(units), { lang: "en" }));
    expect(all).toContain("Total");
    expect(all).toContain("Rank");
    expect(all).toContain("Lạng Sơn, 05/02/2026");
  });
});

describe("ranking sheet, live formulas (DESIGN.md portable outputs)", () => {
  const linked = [
    unit("Văn phòng UBND tỉnh", 90.25, 1, { leafCells: leafCells("D") }),
    unit("Sở Tài chính", 88, 2, { leafCells: leafCells("E") }),
  ];

  function formulas(spec: SheetSpec): string[] {
    return spec.cells.map((c) => c.formula).filter((f): f is string => typeof f === "string");
  }

  it("uses only SUM, SUMPRODUCT, COUNTIF, IF, INDEX, MATCH, ROUND, MIN, MAX, ABS, never THIDUA.*", () => {
    const spec = build(report(linked), { mode: "formulas" });
    const used = new Set(
      formulas(spec).flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]))
    );
    expect(used.size).toBeGreaterThan(3);
    const allowed = [
      "SUM",
      "SUMPRODUCT",
      "COUNTIF",
      "IF",
      "INDEX",
      "MATCH",
      "ROUND",
      "MIN",
      "MAX",
      "ABS",
    ];
    for (const fn of used) expect(allowed).toContain(fn);
  });

  it("R5/R7/R8/R9/R10: weights multiply, the bonus is capped, deductions count as magnitudes, totals round", () => {
    const spec = build(report(linked), { mode: "formulas" });
    const first = find(spec, "STT").row + 2;
    const row = first + 1;
    expect(at(spec, first, 2)?.formula).toBe("=SUM('Bảng điểm'!D6,'Bảng điểm'!D7*2)");
    expect(at(spec, first, 3)?.formula).toBe("=SUM('Bảng điểm'!D8)");
    expect(at(spec, first, 4)?.formula).toBe("=MIN(5,SUM('Bảng điểm'!D9,'Bảng điểm'!D10))");
    expect(at(spec, first, 5)?.formula).toBe("=SUM(ABS('Bảng điểm'!D11))");
    expect(at(spec, first, 6)?.formula).toBe(`=ROUND(SUM(C${row}:D${row})+E${row}-F${row},2)`);
    // K1/K2: competition rank over the rounded totals of every unit.
    expect(at(spec, first, 7)?.formula).toBe(`=1+COUNTIF($G$${row}:$G$${row + 1},">"&G${row})`);
    expect(at(spec, first + 1, 2)?.formula).toContain("'Bảng điểm'!E6");
    expect(at(spec, first, 8)?.formula).toBe(
      `=IF(H${row}=1,"Nhất",IF(H${row}=2,"Nhì",IF(H${row}=3,"Ba","")))`
    );
    // K6: the share of the content max (100, the bonus cap left out) against each band, as the
    // engine classifies.
    const share = `ROUND(G${row}/100,6)`;
    expect(at(spec, first, 9)?.formula).toBe(
      `=IF(${share}>=0.8,"Tốt",IF(${share}>=0.65,"Khá","Trung bình"))`
    );
  });

  it("N1/N2: a cell the engine could not read is replaced by the value it counted, with a note", () => {
    const r = report(linked, {
      issues: [
        {
          code: "text-number",
          severity: "warning",
          cell: "'Bảng điểm'!D6",
          unit: "Văn phòng UBND tỉnh",
          criterion: "I.1",
          message: "",
          fix: { cell: "'Bảng điểm'!D6", value: 18.5 },
        },
        {
          code: "cell-error",
          severity: "error",
          cell: "'Bảng điểm'!D8",
          unit: "Văn phòng UBND tỉnh",
          criterion: "II.1",
          message: "",
        },
      ],
    });
    const spec = build(r, { mode: "formulas" });
    const first = find(spec, "STT").row + 2;
    expect(at(spec, first, 2)?.formula).toBe("=SUM(18.5,'Bảng điểm'!D7*2)");
    expect(at(spec, first, 3)?.formula).toBe("=SUM(0)");
    expect(at(spec, first, 11)?.value).toBe(
      "Ô 'Bảng điểm'!D6, 'Bảng điểm'!D8 không phải số hợp lệ: dùng giá trị 18,5; 0"
    );
  });

  it("writes values with a note for a unit read from another file (no portable link exists)", () => {
    const r = report([
      unit("Ban Dân tộc", 90, 1, { file: "unit-1.xlsx", leafCells: leafCells("D") }),
      unit("Sở Tư pháp", 80, 2, { file: "unit-2.xlsx", leafCells: leafCells("D") }),
    ]);
    r.files = ["unit-1.xlsx", "unit-2.xlsx"];
    const spec = build(r, { mode: "formulas" });
    const first = find(spec, "STT").row + 2;
    expect(at(spec, first, 6)?.formula).toMatch(/^=ROUND/);
    expect(at(spec, first + 1, 6)?.value).toBe(80);
    expect(at(spec, first + 1, 11)?.value).toBe("Số liệu từ tệp unit-2.xlsx");
    expect(texts(spec).find((s) => s.startsWith("Công thức liên kết"))).toContain("'Bảng điểm'");
    // The same file named by a path and by its name is one file: its units stay live.
    const one = report([
      unit("Ban Dân tộc", 90, 1, { file: "C:\\thi dua\\input.xlsx", leafCells: leafCells("D") }),
    ]);
    const live = build(one, { mode: "formulas", workbookFile: "/home/u/input.xlsx" });
    expect(at(live, find(live, "STT").row + 2, 6)?.formula).toMatch(/^=ROUND/);
  });
});

describe("issue 16: what the signed ranking says", () => {
  it("K9: units tied across the last award slot read 'Chờ bình xét' on the sheet, and no slot passes to the next rank", () => {
    const spec = build(
      report([
        unit("Sở A", 90, 1, { awardPending: true }),
        unit("Sở B", 90, 1, { awardPending: true }),
        unit("Sở C", 85, 3),
      ])
    );
    const head = find(spec, "Đề nghị khen thưởng");
    const first = head.row + 2;
    const awards = [0, 1, 2].map((i) => at(spec, first + i, head.col)?.value);
    expect(awards).toEqual([
      "Chờ bình xét (đồng điểm ở suất khen cuối)",
      "Chờ bình xét (đồng điểm ở suất khen cuối)",
      "",
    ]);
  });

  it("names the source by its file name only, never the folder path on the secretary's computer", () => {
    const spec = build(
      report([unit("Sở A", 90, 1)], { files: ["/home/van-thu/Thi đua/2021/bang-diem.xlsx"] })
    );
    const foot = texts(spec).find((t) => t.startsWith("Số liệu lấy từ"))!;
    expect(foot).toContain("(tệp bang-diem.xlsx)");
    expect(foot).not.toContain("/home");
  });

  it("prints a dotted year, never today's, when neither the profile nor the title gives one", () => {
    const spec = build(report([unit("Sở A", 90, 1)]), {}, profileFor({ year: 0 }));
    expect(texts(spec)).toContain("(tổng kết năm ……)");
    const khoi = build(report([unit("Sở A", 90, 1)]), {}, profileFor({ kind: "khoi" }));
    expect(texts(khoi)).toEqual(expect.arrayContaining(["TM. KHỐI THI ĐUA", "KHỐI TRƯỞNG"]));
    expect(texts(khoi)).not.toContain("CỤM TRƯỞNG");
  });
});
