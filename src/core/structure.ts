/**
 * R14, the sheet's own structure: the SUM / "+" formulas on parent rows say which rows they add, so they
 * decide the criteria tree before bold, indentation and codes do. Leading spaces ("  Thực hiện…") are
 * read as indentation, like the cell's indent. When the reading still disagrees with the typed
 * subtotals and totals, the other readings (without codes, without bold, without indentation) are tried
 * and the one the sheet's own numbers confirm is kept.
 */
import { buildTreeShape, type FlatCriterion, type TreeShape } from "./criteria";
import { columnIndex, type CellValue } from "./grid";
import { typedAgrees } from "./numeric";
import { parseNumberText } from "./text";

/** A reference "D14", "$D$14" or a range "D14:D16" (column letters, row number). */
const REF =
  /(?<![A-Z$])\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?(?![0-9(])/g;

/**
 * The sheet rows (0-based) a formula adds, when it is a plain sum of cells of column `col`:
 * "=SUM(D14,D15)", "=SUM(D14:D16)", "=D14+D15", "=SUM(D5:D6)+D7". Anything else (another function,
 * another column, another sheet, a product) is not structure: null.
 */
export function sumRows(formula: string, col: number): number[] | null {
  const body = formula.replace(/^=/, "").toUpperCase();
  if (body.includes("!")) return null;
  const rows: number[] = [];
  let ok = true;
  const rest = body.replace(REF, (_m, c1: string, r1: string, c2?: string, r2?: string) => {
    if (columnIndex(c1) !== col || (c2 !== undefined && columnIndex(c2) !== col)) ok = false;
    const a = Number(r1) - 1;
    const b = r2 !== undefined ? Number(r2) - 1 : a;
    for (let r = Math.min(a, b); r <= Math.max(a, b) && rows.length <= 10_000; r++) rows.push(r);
    return " ";
  });
  if (!ok || rows.length === 0) return null;
  if (!/^[\s+(),;]*$/.test(rest.replace(/\bSUM\s*\(/g, "("))) return null;
  return rows;
}

/**
 * Per item, the index of the parent whose formula adds it (the nearest such row above it), or
 * undefined when no formula names it. `formulaOf(i)` gives item i's formula and its column.
 */
export function formulaParents(
  lines: readonly number[],
  formulaOf: (i: number) => { formula: string; col: number } | null
): { parent: (number | undefined)[]; parents: number } {
  const n = lines.length;
  const parent = new Array<number | undefined>(n);
  const byLine = new Map<number, number>();
  lines.forEach((l, i) => byLine.set(l, i));
  let parents = 0;
  for (let i = 0; i < n; i++) {
    const f = formulaOf(i);
    if (f === null) continue;
    const rows = sumRows(f.formula, f.col);
    if (rows === null) continue;
    let any = false;
    for (const r of rows) {
      const j = byLine.get(r);
      // A parent sits above what it adds; the nearest adding row wins (a range over a sub-parent
      // and its own children names both).
      if (j === undefined || j <= i) continue;
      if (parent[j] === undefined || parent[j]! < i) parent[j] = i;
      any = true;
    }
    if (any) parents++;
  }
  return { parent, parents };
}

/**
 * Leading spaces as indentation levels: the distinct counts in the column, in order, are levels 0, 1, 2…
 * ("Cải cách" with two spaces and "Đúng hạn" with four are levels 1 and 2 whatever the step).
 */
export function leadingSpaceLevels(labels: readonly (string | null)[]): number[] {
  const counts = labels.map((l) => (l === null ? 0 : /^[\s\u00a0\u3000]*/.exec(l)![0].length));
  const distinct = [...new Set(counts.filter((c) => c > 0))].sort((a, b) => a - b);
  return counts.map((c) => (c === 0 ? 0 : distinct.indexOf(c) + 1));
}

/** How the tree was finally read (R14), for the reasons and the confidence. */
export interface StructureReading {
  /** Parent rows whose own formulas placed their children. */
  formulaParents: number;
  /** "as-read", or the reading kept because the sheet's typed subtotals confirm it. */
  reading: "as-read" | "no-codes" | "no-bold" | "no-indent";
  /** Typed parent and total cells (on the sampled units) that agree / disagree with the reading. */
  agree: number;
  disagree: number;
  /** Every sampled unit with typed subtotals has at least one that disagrees. */
  systematic: boolean;
}

/** What the reading check needs of a table (criteria in rows). */
export interface StructureInput {
  items: FlatCriterion[];
  /** Per item, its row. */
  lines: readonly number[];
  /** The columns of the units' scores (self and review). */
  unitCols: readonly number[];
  totalRow: number | null;
  value: (row: number, col: number) => CellValue;
  sep: "," | ".";
  precision: number;
}

/** Units sampled to judge a reading: enough to see a pattern, cheap on a 1,000-unit sheet. */
const SAMPLE_UNITS = 12;

function numberIn(v: CellValue, sep: "," | "."): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return parseNumberText(v, sep);
  return null;
}

/** Agreement of a tree with the typed parent and total cells of the sampled unit columns. */
function judge(
  shape: TreeShape,
  inp: StructureInput,
  cols: readonly number[]
): { agree: number; disagree: number; unitsWith: number; unitsOff: number } {
  const n = shape.parent.length;
  const p = inp.precision;
  let agree = 0;
  let disagree = 0;
  let unitsWith = 0;
  let unitsOff = 0;
  const sum = new Float64Array(n);
  const parents: number[] = [];
  for (let i = 0; i < n; i++) if (shape.children[i].length > 0) parents.push(i);
  for (const col of cols) {
    // Nothing typed on the parent rows nor on the total row: nothing to confirm, no leaf to read.
    if (
      parents.every((i) => numberIn(inp.value(inp.lines[i], col), inp.sep) === null) &&
      (inp.totalRow === null || numberIn(inp.value(inp.totalRow, col), inp.sep) === null)
    )
      continue;
    sum.fill(0);
    for (let i = 0; i < n; i++)
      if (shape.children[i].length === 0) {
        const x = numberIn(inp.value(inp.lines[i], col), inp.sep) ?? 0;
        sum[i] = shape.kind[i] === "deduction" ? Math.abs(x) : x;
      }
    for (let i = n - 1; i >= 0; i--) if (shape.parent[i] >= 0) sum[shape.parent[i]] += sum[i];
    let a = 0;
    let d = 0;
    for (let i = 0; i < n; i++) {
      if (shape.children[i].length === 0) continue;
      const typed = numberIn(inp.value(inp.lines[i], col), inp.sep);
      if (typed === null) continue;
      if (typedAgrees(Math.abs(typed), sum[i], p)) a++;
      else d++;
    }
    if (inp.totalRow !== null) {
      const typed = numberIn(inp.value(inp.totalRow, col), inp.sep);
      if (typed !== null) {
        let total = 0;
        for (let i = 0; i < n; i++)
          if (shape.parent[i] < 0) total += shape.kind[i] === "deduction" ? -sum[i] : sum[i];
        if (typedAgrees(typed, total, p)) a++;
        else d++;
      }
    }
    agree += a;
    disagree += d;
    if (a + d > 0) unitsWith++;
    if (d > 0) unitsOff++;
  }
  return { agree, disagree, unitsWith, unitsOff };
}

/**
 * R14: the tree the sheet confirms. The as-read tree (formulas, then codes, bold, indentation) is kept
 * unless another reading agrees with more of the sheet's typed subtotals and totals. Returns the
 * parents to impose (null: keep the as-read tree) and what was found.
 */
export function confirmTree(
  inp: StructureInput,
  formulaParentCount: number
): { parents: number[] | null; reading: StructureReading; shape: TreeShape } {
  const cols = inp.unitCols.slice(0, SAMPLE_UNITS);
  const asRead = buildTreeShape(inp.items);
  const base = judge(asRead, inp, cols);
  const reading = (
    name: StructureReading["reading"],
    j: ReturnType<typeof judge>
  ): StructureReading => ({
    formulaParents: formulaParentCount,
    reading: name,
    agree: j.agree,
    disagree: j.disagree,
    systematic: j.unitsOff > 0 && j.unitsOff === j.unitsWith,
  });
  if (base.disagree === 0)
    return { parents: null, reading: reading("as-read", base), shape: asRead };
  // Items placed by a formula keep their parent in every reading: the formula is the strongest evidence.
  const variants: [StructureReading["reading"], (it: FlatCriterion) => FlatCriterion][] = [
    ["no-codes", (it) => ({ ...it, code: "", label: stripCode(it) })],
    ["no-bold", (it) => ({ ...it, bold: false })],
    ["no-indent", (it) => ({ ...it, indent: 0 })],
  ];
  let best: { name: StructureReading["reading"]; shape: TreeShape; j: typeof base } | null = null;
  for (const [name, change] of variants) {
    const shape = buildTreeShape(inp.items.map(change));
    const j = judge(shape, inp, cols);
    // A reading that confirms nothing is no better, only quieter (a flat list has no subtotals to miss).
    const bar = best ? best.j : base;
    if (j.agree >= Math.max(1, bar.agree) && j.disagree < bar.disagree) best = { name, shape, j };
  }
  if (best === null) return { parents: null, reading: reading("as-read", base), shape: asRead };
  return { parents: best.shape.parent, reading: reading(best.name, best.j), shape: best.shape };
}

/** The label without the code typed at its start, with the code column's code dropped too. */
function stripCode(it: FlatCriterion): string {
  const m = /^\s*(?:(?:[IVXLC]+\.)?(?:\d+\.)*\d+\.?\)?|[IVXLC]+[.)]|[a-zđ][.)])\s+(.+)$/u.exec(
    it.label
  );
  return m ? m[1] : it.label;
}
