/**
 * R14, the sheet's own structure: SUM formulas on parent rows decide the tree before bold, indentation
 * (leading spaces or the cell's indent) and codes; a reading that every typed subtotal contradicts is
 * replaced by the one the sheet confirms, and the confidence says so.
 */
import fc from "fast-check";
import { analyzeWorkbook } from "../../src/core";
import type { CellFormat, CellValue, Grid } from "../../src/core/grid";
import type { CriterionNode, RankingReport } from "../../src/core/report";
import type { RowsMapping } from "../../src/core/layout/types";
import { leadingSpaceLevels, sumRows } from "../../src/core/structure";

interface Row {
  code: string;
  label: string;
  max: CellValue;
  scores: CellValue[];
  bold?: boolean;
  indent?: number;
  /** Formulas per column C.. (max, units), "" for none. */
  formulas?: string[];
}

const HEADER_ROW = 2;

/** STT | Nội dung tiêu chí | Điểm chuẩn | units…, the criteria from sheet row 4, and a TỔNG CỘNG row. */
function sheet(units: string[], rows: Row[], total?: Row): Grid {
  const all = total ? [...rows, total] : rows;
  const values: CellValue[][] = [
    ["BẢNG ĐIỂM THI ĐUA NĂM 2026", null, null, ...units.map(() => null)],
    [null, null, null, ...units.map(() => null)],
    ["STT", "Nội dung tiêu chí", "Điểm chuẩn", ...units],
    ...all.map((r) => [r.code === "" ? null : r.code, r.label, r.max, ...r.scores]),
  ];
  const formulas = values.map((row, i) =>
    row.map((_, c) => (i > HEADER_ROW && c >= 2 ? all[i - 3].formulas?.[c - 2] || null : null))
  );
  const formats = values.map((row, i) =>
    row.map((_, c): CellFormat | null => {
      if (i <= HEADER_ROW || c !== 1) return null;
      const r = all[i - 3];
      return { font: { bold: r.bold === true }, indent: r.indent ?? 0 };
    })
  );
  return { sheetName: "Bảng điểm", top: 0, left: 0, values, formulas, formats };
}

function analyze(g: Grid): RankingReport {
  const res = analyzeWorkbook([g]);
  if (!res.ok) throw new Error(res.message);
  return res.report;
}

function shapeOf(nodes: CriterionNode[]): unknown[] {
  return nodes.map((n) => [n.label, n.max, shapeOf(n.children)]);
}

const totals = (r: RankingReport): Record<string, number> =>
  Object.fromEntries(r.units.map((u) => [u.name, u.total]));

const mappingOf = (r: RankingReport): RowsMapping => r.mappings[0] as RowsMapping;

/** The sheet of the report: no codes, bold sections, two and four leading spaces, SUM on parents. */
function spacesAndSums(withResults: boolean): Grid {
  const res = (x: number): CellValue => (withResults ? x : undefined);
  const sums = (refs: (c: string) => string, m: number, a: number, b: number): Partial<Row> => ({
    max: res(m),
    scores: [res(a), res(b)],
    formulas: ["C", "D", "E"].map((c) => `=${refs(c)}`),
  });
  return sheet(
    ["Sở A", "Sở B"],
    [
      {
        code: "",
        label: "Công tác chuyên môn",
        bold: true,
        ...sums((c) => `SUM(${c}5,${c}8)`, 60, 50, 45),
      } as Row,
      {
        code: "",
        label: "  Thực hiện kế hoạch",
        ...sums((c) => `SUM(${c}6:${c}7)`, 30, 25, 20),
      } as Row,
      { code: "", label: "    Đúng hạn", max: 15, scores: [12, 10] },
      { code: "", label: "    Chất lượng", max: 15, scores: [13, 10] },
      { code: "", label: "  Cải cách hành chính", max: 30, scores: [25, 25] },
      {
        code: "",
        label: "Công tác phối hợp",
        bold: true,
        ...sums((c) => `${c}10+${c}11`, 40, 30, 35),
      } as Row,
      { code: "", label: "  Tham gia phong trào", max: 20, scores: [15, 15] },
      { code: "", label: "  Báo cáo", max: 20, scores: [15, 20] },
    ],
    { code: "", label: "TỔNG CỘNG", ...sums((c) => `SUM(${c}4,${c}9)`, 100, 80, 80) } as Row
  );
}

describe("R14 the sheet's own structure", () => {
  it("R14: SUM formulas and leading spaces nest the sub-items under their parent; typed subtotals agree", () => {
    const r = analyze(spacesAndSums(true));
    expect(shapeOf(r.criteria)).toEqual([
      [
        "Công tác chuyên môn",
        60,
        [
          [
            "Thực hiện kế hoạch",
            30,
            [
              ["Đúng hạn", 15, []],
              ["Chất lượng", 15, []],
            ],
          ],
          ["Cải cách hành chính", 30, []],
        ],
      ],
      [
        "Công tác phối hợp",
        40,
        [
          ["Tham gia phong trào", 20, []],
          ["Báo cáo", 20, []],
        ],
      ],
    ]);
    expect(totals(r)).toEqual({ "Sở A": 80, "Sở B": 80 });
    expect(r.issues.filter((i) => i.code === "subtotal-mismatch")).toEqual([]);
    expect(r.issues.filter((i) => i.code === "max-sum-mismatch")).toEqual([]);
    expect(mappingOf(r).reasons.map((x) => x.key)).toContain("reasonTreeFormulas");
  });

  it("R14: formulas without cached values still count as structure", () => {
    const r = analyze(spacesAndSums(false));
    expect(totals(r)).toEqual({ "Sở A": 80, "Sở B": 80 });
    expect(r.criteria.map((c) => c.children.length)).toEqual([2, 2]);
    expect(r.criteria[0].children[0].children.map((c) => c.label)).toEqual([
      "Đúng hạn",
      "Chất lượng",
    ]);
    expect(r.criteria[0].max).toBe(60);
    // Unknown leaf results are errors; unknown parents are structure, not scores.
    expect(r.issues.filter((i) => i.code === "cell-error")).toEqual([]);
  });

  it("R14: a row counter in STT that flattens the tree is overruled by the typed subtotals it contradicts", () => {
    const rows: Row[] = [
      { code: "1", label: "Công tác chuyên môn", bold: true, max: 30, scores: [25, 18] },
      { code: "2", label: "  Kế hoạch", max: 20, scores: [15, 10] },
      { code: "3", label: "  Báo cáo", max: 10, scores: [10, 8] },
      { code: "4", label: "Công tác phối hợp", bold: true, max: 20, scores: [12, 20] },
      { code: "5", label: "  Phong trào", max: 20, scores: [12, 20] },
    ];
    const r = analyze(
      sheet(["Sở A", "Sở B"], rows, {
        code: "",
        label: "TỔNG CỘNG",
        max: 50,
        scores: [37, 38],
      })
    );
    expect(totals(r)).toEqual({ "Sở A": 37, "Sở B": 38 });
    expect(r.issues.filter((i) => i.code === "subtotal-mismatch")).toEqual([]);
    const m = mappingOf(r);
    expect(m.reasons.map((x) => x.key)).toContain("reasonTreeNoCodes");
    expect(m.confidence).toBeLessThan(1);
  });

  it("R14: typed totals that disagree on every unit the same way keep the confidence well below full", () => {
    const rows: Row[] = [
      { code: "I", label: "Chuyên môn", max: 30, scores: [27, 22] },
      { code: "1", label: "Kế hoạch", max: 20, scores: [15, 10] },
      { code: "2", label: "Báo cáo", max: 10, scores: [10, 8] },
    ];
    const r = analyze(
      sheet(["Sở A", "Sở B"], rows, { code: "", label: "TỔNG CỘNG", max: 30, scores: [27, 20] })
    );
    const m = mappingOf(r);
    expect(m.confidence).toBeLessThanOrEqual(0.6);
    expect(m.reasons.map((x) => x.key)).toContain("reasonTypedDisagree");
    // The rule is kept: the children's sum is used and each typed cell is reported (R2).
    expect(totals(r)).toEqual({ "Sở A": 25, "Sở B": 18 });
    expect(r.issues.filter((i) => i.code === "subtotal-mismatch").length).toBe(4);
  });

  it("R14: a sheet whose typed subtotals all agree keeps its full confidence", () => {
    const r = analyze(spacesAndSums(true));
    expect(mappingOf(r).confidence).toBe(1);
  });

  it("reads plain sums only: SUM lists, ranges and '+' over one column", () => {
    expect(sumRows("=SUM(D14,D15)", 3)).toEqual([13, 14]);
    expect(sumRows("=SUM($D$5:$D$7)+D9", 3)).toEqual([4, 5, 6, 8]);
    expect(sumRows("=D5+D6", 3)).toEqual([4, 5]);
    expect(sumRows("=SUM(E5,E6)", 3)).toBeNull();
    expect(sumRows("=AVERAGE(D5:D6)", 3)).toBeNull();
    expect(sumRows("=D5*2", 3)).toBeNull();
    expect(sumRows("='Khác'!D5+D6", 3)).toBeNull();
  });

  it("leading spaces become indentation levels whatever the step", () => {
    expect(leadingSpaceLevels(["A", "  b", "    c", "  d", null, "\u00a0\u00a0e"])).toEqual([
      0, 1, 2, 1, 0, 1,
    ]);
  });
});

/** A random criteria tree: sections of criteria, some with sub-items, integer maxima and scores. */
interface Node {
  label: string;
  max: number;
  scores: [number, number];
  children: Node[];
}

const leaf = (label: string): fc.Arbitrary<Node> =>
  fc
    .integer({ min: 1, max: 10 })
    .chain((max) =>
      fc
        .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max }))
        .map((scores) => ({ label, max, scores, children: [] }) as Node)
    );

function parentOf(label: string, children: Node[]): Node {
  const add = (f: (n: Node) => number): number => children.reduce((s, c) => s + f(c), 0);
  return {
    label,
    max: add((c) => c.max),
    scores: [add((c) => c.scores[0]), add((c) => c.scores[1])],
    children,
  };
}

const tree: fc.Arbitrary<Node[]> = fc
  .array(fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 3,
  })
  .chain((sections) =>
    fc.tuple(
      ...sections.map((crits, s) =>
        fc
          .tuple(
            ...crits.map((subs, k) =>
              subs === 0
                ? leaf(`Tiêu chí ${s + 1}.${k + 1}`)
                : fc
                    .tuple(
                      ...Array.from({ length: subs }, (_, j) =>
                        leaf(`Nội dung ${s + 1}.${k + 1}.${j + 1}`)
                      )
                    )
                    .map((kids) => parentOf(`Tiêu chí ${s + 1}.${k + 1}`, kids))
            )
          )
          .map((kids) => parentOf(`Mục ${s + 1}`, kids))
      )
    )
  );

type Style = "codes" | "spaces" | "indent" | "sums" | "sums-no-results";
const ROMAN = ["I", "II", "III"];

function render(sections: Node[], style: Style): Grid {
  const rows: Row[] = [];
  const at: number[] = [];
  const visit = (n: Node, level: number, code: string): void => {
    const i = rows.length;
    const line = i + 4;
    rows.push({
      code: style === "codes" ? code : "",
      label: style === "spaces" ? " ".repeat(level * 2) + n.label : n.label,
      max: n.max,
      scores: [...n.scores],
      indent: style === "indent" ? level : 0,
    });
    at.push(line);
    n.children.forEach((c, k) =>
      visit(c, level + 1, level === 0 ? String(k + 1) : `${code}.${k + 1}`)
    );
    if (n.children.length > 0 && style.startsWith("sums")) {
      const kids: number[] = [];
      let j = i + 1;
      for (const c of n.children) {
        kids.push(at[j]);
        j += count(c);
      }
      const r = rows[i];
      r.formulas = ["C", "D", "E"].map((col) => `=SUM(${kids.map((k) => col + k).join(",")})`);
      if (style === "sums-no-results") {
        r.max = undefined;
        r.scores = [undefined, undefined];
      }
    }
  };
  sections.forEach((s, k) => visit(s, 0, ROMAN[k]));
  const all = parentOf("TỔNG CỘNG", sections);
  return sheet(["Sở A", "Sở B"], rows, {
    code: "",
    label: "TỔNG CỘNG",
    max: all.max,
    scores: [...all.scores],
  });
}

function count(n: Node): number {
  return 1 + n.children.reduce((s, c) => s + count(c), 0);
}

function expectedShape(nodes: Node[]): unknown[] {
  return nodes.map((n) => [n.label, n.max, expectedShape(n.children)]);
}

describe("R14 property: one tree, written five ways, reads the same", () => {
  it("R14: codes, leading spaces, cell indent and SUM formulas (with or without results) give the same tree and totals", () => {
    fc.assert(
      fc.property(tree, (sections) => {
        const all = parentOf("", sections);
        for (const style of ["codes", "spaces", "indent", "sums", "sums-no-results"] as Style[]) {
          const r = analyze(render(sections, style));
          expect([style, shapeOf(r.criteria)]).toEqual([style, expectedShape(sections)]);
          expect([style, totals(r)]).toEqual([
            style,
            { "Sở A": all.scores[0], "Sở B": all.scores[1] },
          ]);
          expect(r.issues.filter((i) => i.code === "subtotal-mismatch")).toEqual([]);
        }
      }),
      { numRuns: 60 }
    );
  });
});

describe("R2 at the sheet's precision", () => {
  const withTotal = (typed: number): RankingReport =>
    analyze(
      sheet(
        ["Sở A"],
        [
          { code: "1", label: "Kế hoạch", max: 30, scores: [20.005] },
          { code: "2", label: "Báo cáo", max: 20, scores: [10.005] },
        ],
        { code: "", label: "TỔNG CỘNG", max: 50, scores: [typed] }
      )
    );

  it("subtotal-mismatch: a typed total rounded part by part (off by 0,01) is not an error at 2 decimals", () => {
    // Each part shown as 20,01 and 10,01 adds up to 30,02; the full-precision total is 30,01.
    expect(withTotal(30.02).issues.filter((i) => i.code === "subtotal-mismatch")).toEqual([]);
  });

  it("subtotal-mismatch: a typed total off by 0,02 still is", () => {
    expect(withTotal(30.03).issues.map((i) => [i.code, i.cell])).toEqual([
      ["subtotal-mismatch", "'Bảng điểm'!D6"],
    ]);
  });
});
