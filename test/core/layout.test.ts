import { analyzeWorkbook, describeMapping, detectLayout } from "../../src/core";
import { gridFromRows, type Grid } from "../../src/core/grid";

function mappingOf(g: Grid) {
  const d = detectLayout(g);
  if (!d.ok) throw new Error(d.message);
  return d;
}

describe("DOMAIN §4 layout detection", () => {
  it("A: finds header, max column, codes and unit columns under title rows, ignoring Ghi chú", () => {
    const g = gridFromRows("Bảng điểm", [
      ["UBND TỈNH"],
      ["BẢNG TỔNG HỢP"],
      ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Sở B", "Ghi chú"],
      ["I", "Chuyên môn", 60, null, null, null],
      ["1", "Kế hoạch", 60, 50, 55, "ok"],
      [null, "TỔNG CỘNG", 60, 50, 55],
      [null, "NGƯỜI LẬP BIỂU"],
    ]);
    const d = mappingOf(g);
    const s = describeMapping(d.mapping, "vi");
    expect(s.layout).toBe("A");
    expect(s.headerRow).toBe(3);
    expect(s.units.map((u) => [u.name, u.self])).toEqual([
      ["Sở A", "D"],
      ["Sở B", "E"],
    ]);
    expect(s.sections.map((x) => [x.code, x.max])).toEqual([["I", 60]]);
    expect(d.confidence).toBeGreaterThan(0.8);
    expect(d.reasons.join(" ")).toMatch(/Dòng tiêu đề ở dòng 3/);
  });

  it("reads headers without diacritics, in capitals and in NFD the same way", () => {
    for (const words of [
      ["STT", "Noi dung", "Diem chuan"],
      ["STT", "NỘI DUNG", "ĐIỂM TỐI ĐA"],
      ["STT", "Nội dung tiêu chí".normalize("NFD"), "Điểm chuẩn".normalize("NFD")],
    ]) {
      const d = mappingOf(
        gridFromRows("S", [
          [...words, "Sở A"],
          ["1", "Tiêu chí", 10, 8],
        ])
      );
      expect(d.mapping.layout).toBe("A");
    }
  });

  it("B: max inside header text ('(20 điểm)', '(20đ)') and bonus/deduction columns by label", () => {
    const g = gridFromRows("B", [
      [
        "STT",
        "Tên đơn vị",
        "Tiêu chí 1 (20 điểm)",
        "Tiêu chí 2 (10đ)",
        "Điểm thưởng (tối đa 5đ)",
        "Điểm trừ",
        "Xếp hạng",
      ],
      [1, "Sở A", 18, 9, 1, 0, 1],
      [2, "Sở B", 17, 8, 0, 0.5, 2],
    ]);
    const d = mappingOf(g);
    expect(d.mapping.layout).toBe("B");
    if (d.mapping.layout !== "B") return;
    expect(d.mapping.criteria.map((c) => [c.max, c.kind])).toEqual([
      [20, "content"],
      [10, "content"],
      [5, "bonus"],
      [null, "deduction"],
    ]);
  });

  it("C: unit names merged over Tự chấm | Cụm chấm on two header rows", () => {
    const g: Grid = {
      ...gridFromRows("C", [
        ["STT", "Nội dung", "Điểm chuẩn", "Sở A", null, "Sở B", null],
        [null, null, null, "Tự chấm", "Cụm chấm", "Tự chấm", "Cụm chấm"],
        ["1", "Tiêu chí", 10, 9, 8, 7, 7.5],
      ]),
      merges: [
        { top: 0, left: 3, bottom: 0, right: 4 },
        { top: 0, left: 5, bottom: 0, right: 6 },
      ],
    };
    const s = describeMapping(mappingOf(g).mapping, "en");
    expect(s.layout).toBe("C");
    expect(s.units).toEqual([
      { name: "Sở A", self: "D", review: "E" },
      { name: "Sở B", self: "F", review: "G" },
    ]);
  });

  it("C with ONE unit: its name merged over Tự chấm | Cụm chấm and key headers merged down two rows is C, not D", () => {
    const m = (top: number, left: number, bottom: number, right: number) => ({
      top,
      left,
      bottom,
      right,
    });
    const g: Grid = {
      ...gridFromRows("Bảng điểm", [
        ["CỤM THI ĐUA SỐ 3"],
        [],
        ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở Tư pháp", null],
        [null, null, null, "Tự chấm", "Cụm chấm"],
        ["1", "Kế hoạch", 10, 9, 8],
        ["2", "Báo cáo", 10, 7, 7.5],
      ]),
      merges: [m(0, 0, 0, 4), m(2, 3, 2, 4), m(2, 0, 3, 0), m(2, 1, 3, 1), m(2, 2, 3, 2)],
    };
    const s = describeMapping(mappingOf(g).mapping, "en");
    expect(s.layout).toBe("C");
    expect(s.units).toEqual([{ name: "Sở Tư pháp", self: "D", review: "E" }]);
    const res = analyzeWorkbook([g]);
    if (!res.ok) throw new Error(res.message);
    // R6: the review counts.
    expect(res.report.units.map((u) => [u.name, u.total])).toEqual([["Sở Tư pháp", 15.5]]);
  });

  it("D stays D when the line above the header is the form's title, even merged over the score columns", () => {
    const m = (top: number, left: number, bottom: number, right: number) => ({
      top,
      left,
      bottom,
      right,
    });
    const g: Grid = {
      ...gridFromRows("Phiếu", [
        ["PHIẾU TỰ CHẤM", null, null, "Đơn vị: Sở Tư pháp", null],
        ["STT", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Điểm cụm chấm"],
        ["1", "Tiêu chí", 10, 9, 8],
      ]),
      merges: [m(0, 3, 0, 4)],
    };
    const s = describeMapping(mappingOf(g).mapping, "vi");
    expect(s.layout).toBe("D");
    expect(s.units).toEqual([{ name: "Sở Tư pháp", self: "D", review: "E" }]);
  });

  it("D: the unit's name comes from 'Đơn vị: …' in the title block", () => {
    const g = gridFromRows("Phiếu", [
      ["PHIẾU TỰ CHẤM"],
      ["Đơn vị: Sở Tư pháp"],
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Điểm cụm chấm", "Giải trình"],
      ["1", "Tiêu chí", 10, 9, 8],
    ]);
    const s = describeMapping(mappingOf(g).mapping, "vi");
    expect(s.layout).toBe("D");
    expect(s.units).toEqual([{ name: "Sở Tư pháp", self: "D", review: "E" }]);
  });

  it("a sheet that is not a score sheet gets a sentence naming what was not found", () => {
    const d = detectLayout(
      gridFromRows("Ghi chú", [["Danh sách cán bộ"], ["Nguyễn Văn A", "Trưởng phòng"]])
    );
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.message).toMatch(/^Không phải bảng chấm điểm: không tìm thấy dòng tiêu đề/);
    const noMax = detectLayout(
      gridFromRows("X", [
        ["STT", "Nội dung", "Sở A"],
        ["1", "Tiêu chí", 5],
      ]),
      {
        lang: "en",
      }
    );
    expect(noMax.ok).toBe(false);
    if (!noMax.ok) expect(noMax.message).toMatch(/Not a score sheet: no max column/);
  });

  it("an empty grid is not a score sheet and does not throw", () => {
    expect(detectLayout(gridFromRows("E", [])).ok).toBe(false);
  });
});

describe("two-row headers", () => {
  const merge = (top: number, left: number, bottom: number, right: number) => ({
    top,
    left,
    bottom,
    right,
  });

  it("A: unit names on the row under a merged 'Đơn vị' header", () => {
    const g: Grid = {
      ...gridFromRows("S", [
        ["TT", "Nội dung", "Điểm chuẩn", "Đơn vị", null, null],
        [null, null, null, "Xã A", "Xã B", "Xã C"],
        ["1", "Kinh tế", 50, 40, 45, 42],
        ["2", "Xã hội", 50, 41, 40, 44],
      ]),
      merges: [merge(0, 3, 0, 5), merge(0, 0, 1, 0), merge(0, 1, 1, 1), merge(0, 2, 1, 2)],
    };
    const res = analyzeWorkbook([g]);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.units.map((u) => [u.name, u.total])).toEqual([
      ["Xã C", 86],
      ["Xã B", 85],
      ["Xã A", 81],
    ]);
  });

  it("B: sections merged over their criteria, each with its max in the text; bonus and deduction stay on top", () => {
    const g: Grid = {
      ...gridFromRows("S", [
        [
          "STT",
          "Tên đơn vị",
          "I. Chuyên môn (60đ)",
          null,
          "II. Đoàn thể (40đ)",
          null,
          "Điểm thưởng (5đ)",
          "Điểm trừ",
        ],
        [
          null,
          null,
          "Kế hoạch (30đ)",
          "Báo cáo (30đ)",
          "Công đoàn (20đ)",
          "Đoàn TN (20đ)",
          null,
          null,
        ],
        [1, "Sở A", 25, 28, 18, 19, 2, 1],
        [2, "Sở B", 27, 26, 19, 20, 7, 0],
      ]),
      merges: [
        merge(0, 2, 0, 3),
        merge(0, 4, 0, 5),
        merge(0, 6, 1, 6),
        merge(0, 7, 1, 7),
        merge(0, 0, 1, 0),
        merge(0, 1, 1, 1),
      ],
    };
    const res = analyzeWorkbook([g]);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.criteria.map((c) => [c.label, c.max, c.kind, c.children.length])).toEqual([
      ["Chuyên môn (60đ)", 60, "content", 2],
      ["Đoàn thể (40đ)", 40, "content", 2],
      ["Điểm thưởng (5đ)", 5, "bonus", 0],
      ["Điểm trừ", null, "deduction", 0],
    ]);
    expect(res.report.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở B", 97],
      ["Sở A", 91],
    ]);
    expect(res.report.units[0].sections.map((s) => s.score)).toEqual([53, 39]);
  });
});

describe("a saved mapping (DOMAIN §4: the user's correction travels with the workbook)", () => {
  it("is used instead of detecting, so a unit the user removed from the reading is not ranked", () => {
    const g = gridFromRows("Bảng điểm", [
      ["STT", "Nội dung", "Điểm chuẩn", "Sở A", "Sở B", "Căn cứ"],
      ["1", "Kế hoạch", 10, 9, 8, 7],
    ]);
    const d = detectLayout(g);
    if (!d.ok || d.mapping.layout === "B") throw new Error("expected layout A");
    expect(d.mapping.units.map((u) => u.name)).toEqual(["Sở A", "Sở B", "Căn cứ"]);
    const corrected = { ...d.mapping, units: d.mapping.units.slice(0, 2) };
    const res = analyzeWorkbook([g], {
      mappings: { "Bảng điểm": JSON.parse(JSON.stringify(corrected)) },
    });
    if (!res.ok) throw new Error(res.message);
    expect(res.report.units.map((u) => u.name)).toEqual(["Sở A", "Sở B"]);
  });

  it("describeMapping lists layout B's units with their rows", () => {
    const d = detectLayout(
      gridFromRows("B", [
        ["STT", "Tên đơn vị", "Tiêu chí 1 (20 điểm)"],
        [1, "Sở A", 18],
      ])
    );
    if (!d.ok) throw new Error(d.message);
    expect(describeMapping(d.mapping, "vi").units).toEqual([
      { name: "Sở A", self: "2", review: null },
    ]);
  });
});

describe("notes under the table", () => {
  it("a 'Ghi chú: …' line or a trailing note row is not a criterion (no score-missing for it)", () => {
    const g = gridFromRows("S", [
      ["Nội dung", "Điểm chuẩn", "Sở A", "Sở B"],
      ["Kế hoạch", 10, 9, 8],
      ["Báo cáo", 10, 7, 8],
      [],
      ["Ghi chú: điểm chấm theo hướng dẫn 804/HD-SNV"],
      ["Các đơn vị gửi bản giấy về Cụm trưởng"],
    ]);
    const res = analyzeWorkbook([g]);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.issues.filter((i) => i.code === "score-missing")).toEqual([]);
    expect(res.report.units.map((u) => u.total)).toEqual([16, 16]);
  });
});

describe("max written in the labels (no Điểm chuẩn column)", () => {
  it("reads '(10 điểm)' in each criterion's label as its max and scores against it", () => {
    const g = gridFromRows("S", [
      ["BẢNG ĐIỂM"],
      ["TT", "Nội dung", "Sở A", "Sở B"],
      ["I", "Chuyên môn (30 điểm)", null, null],
      ["1", "Hoàn thành kế hoạch (20 điểm)", 18, 21],
      ["2", "Báo cáo đúng hạn (10đ)", 9, 10],
      ["II", "Điểm trừ", null, null],
      ["1", "Vi phạm (5 điểm)", 1, 0],
    ]);
    const d = detectLayout(g);
    expect(d.ok && d.reasons.join(" ")).toMatch(/Điểm chuẩn ghi trong nội dung/);
    const res = analyzeWorkbook([g]);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.contentMax).toBe(30);
    expect(res.report.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở B", 31],
      ["Sở A", 26],
    ]);
    expect(res.report.issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["score-above-max@'S'!D4"]);
  });
});

describe("units in rows under a merged 'Nội dung thi đua' header", () => {
  it("B: reads the criteria on the second header row even though the first says Nội dung", () => {
    const g: Grid = {
      ...gridFromRows("S", [
        ["STT", "Tên đơn vị", "Nội dung thi đua", null, null],
        [null, null, "Kinh tế (50đ)", "Xã hội (40đ)", "Điểm trừ"],
        [1, "Xã A", 45, 35, 1],
        [2, "Xã B", 40, 38, 0],
      ]),
      merges: [
        { top: 0, left: 2, bottom: 0, right: 4 },
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 1, right: 1 },
      ],
    };
    const res = analyzeWorkbook([g]);
    if (!res.ok) throw new Error(res.message);
    expect(res.report.units.map((u) => [u.name, u.total])).toEqual([
      ["Xã A", 79],
      ["Xã B", 78],
    ]);
    expect(res.report.contentMax).toBe(90);
  });
});
