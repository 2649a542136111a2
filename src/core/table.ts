/**
 * Apply a mapping to a sheet: the criteria rows/columns in order and, per unit, the cells holding its
 * self and reviewed scores. Layout-independent from here on: scoring never asks which layout it was.
 */
import type { CellValue } from "./grid";
import type { CriterionKind } from "./report";
import { splitCode, type FlatCriterion, type TreeShape } from "./criteria";
import type { RowsMapping, SheetMapping } from "./layout/types";
import { SheetView } from "./layout/view";
import { foldKey, parseNumberText } from "./text";
import { maxInHeader } from "./layout/detect";
import { subtotalSection } from "./layout/vocab";
import {
  confirmTree,
  formulaParents,
  leadingSpaceLevels,
  sumRows,
  type StructureReading,
} from "./structure";

export type Pos = [number, number];

export interface TableCriterion extends FlatCriterion {
  /** Where the label is (for messages) and the criterion's source row/column key. */
  at: Pos;
  maxValue: CellValue;
  maxAt: Pos | null;
  /** A max already known as a number (layout B header text). */
  maxKnown: number | null;
  weight: number;
  weightAt: Pos | null;
  /** R13: the bonus this item may earn beyond its max ("Thưởng" column or its text), or null. */
  itemBonus?: number | null;
}

export interface TableUnit {
  name: string;
  nameAt: Pos | null;
  /**
   * The unit's line: its column (criteria in rows) or its row (layout B) for the self score and the
   * reviewed score; null = none. Cells are (criterion line × unit line): no per-cell objects, which
   * keeps a 1,000 × 100 sheet out of the garbage collector.
   */
  selfLine: number | null;
  reviewLine: number | null;
  /** Per criterion, the cell of the self score / reviewed score (null = none); built on first use. */
  readonly self: (Pos | null)[];
  readonly review: (Pos | null)[];
  /** The sheet has a review column for this unit (R6). */
  hasReview: boolean;
  /** Typed totals (TỔNG CỘNG row / Tổng điểm column) per column kind, checked by R2. */
  typedTotal: { self: Pos | null; review: Pos | null };
  /** Layout E: the cell of this unit's own max and of its typed share (R11); absent elsewhere. */
  own?: { maxAt: Pos; shareAt: Pos | null };
}

/** A "Cộng" / "Cộng mục I" row (or layout B column) closing a section: checked by R2, never scored. */
export interface TableSubtotal {
  /** Its row (criteria in rows) or column (layout B). */
  line: number;
  /** Index of the last criterion before it, -1 when none. */
  after: number;
  /** Index of the first criterion after the previous subtotal (where a flat list's group starts). */
  from: number;
  /** The section code its label names ("Cộng mục II" → "ii"), or null for a bare "Cộng". */
  named: string | null;
}

export interface ScoreTable {
  view: SheetView;
  mapping: SheetMapping;
  criteria: TableCriterion[];
  units: TableUnit[];
  /** "rows": criteria in rows (A, C, D); "cols": criteria in columns (B). */
  axis: "rows" | "cols";
  /** Per criterion, its row (axis rows) or column (axis cols); -1 when it holds no scores. */
  lines: number[];
  /** Section subtotals inside the table, in sheet order. */
  subtotals: TableSubtotal[];
  /** How the criteria tree was read (R14); criteria in rows only. */
  structure?: StructureReading;
  /** The tree of `criteria` as read (R14), so scoring does not build it again. */
  shape?: TreeShape;
  /** Maxima read from notes ("Tối đa 2 điểm") where the max cell was empty. */
  noteCaps?: NoteCap[];
}

/** Subtotal lines placed among the criteria lines (both in sheet order). */
function placeSubtotals(
  subLines: readonly number[],
  critLines: readonly number[],
  namedOf: (line: number) => string | null
): TableSubtotal[] {
  const out: TableSubtotal[] = [];
  let from = 0;
  for (const line of [...subLines].sort((a, b) => a - b)) {
    let after = -1;
    for (let i = 0; i < critLines.length; i++)
      if (critLines[i] >= 0 && critLines[i] < line) after = i;
    out.push({ line, after, from, named: namedOf(line) });
    from = after + 1;
  }
  return out;
}

/** The cell of criterion `i` on a unit's line, or null. */
export function cellOf(table: ScoreTable, line: number | null, i: number): Pos | null {
  const l = table.lines[i];
  if (line === null || l < 0) return null;
  return table.axis === "rows" ? [l, line] : [line, l];
}

/** A class, not a literal with getters: literals with accessors are slow to build and to read. */
class TableUnitImpl implements TableUnit {
  name: string;
  nameAt: Pos | null;
  selfLine: number | null;
  reviewLine: number | null;
  hasReview: boolean;
  typedTotal: { self: Pos | null; review: Pos | null };
  own?: { maxAt: Pos; shareAt: Pos | null };
  private cache: { self?: (Pos | null)[]; review?: (Pos | null)[] } = {};
  constructor(
    private readonly lines: number[],
    private readonly axis: "rows" | "cols",
    u: Omit<TableUnit, "self" | "review">
  ) {
    this.name = u.name;
    this.nameAt = u.nameAt;
    this.selfLine = u.selfLine;
    this.reviewLine = u.reviewLine;
    this.hasReview = u.hasReview;
    this.typedTotal = u.typedTotal;
    if (u.own) this.own = u.own;
  }
  private build(line: number | null): (Pos | null)[] {
    const axis = this.axis;
    return this.lines.map((l) =>
      line === null || l < 0 ? null : axis === "rows" ? [l, line] : [line, l]
    );
  }
  get self(): (Pos | null)[] {
    return (this.cache.self ??= this.build(this.selfLine));
  }
  get review(): (Pos | null)[] {
    return (this.cache.review ??= this.build(this.reviewLine));
  }
}

function makeUnit(
  lines: number[],
  axis: "rows" | "cols",
  u: Omit<TableUnit, "self" | "review">
): TableUnit {
  return new TableUnitImpl(lines, axis, u);
}

function weightOf(v: SheetView, at: Pos | null, sep: "," | "."): number {
  if (!at) return 1;
  const x = v.value(at[0], at[1]);
  if (typeof x === "number" && Number.isFinite(x)) return x;
  if (typeof x === "string") {
    const p = parseNumberText(x, sep);
    if (p !== null) return p;
  }
  return 1;
}

export function readTable(view: SheetView, mapping: SheetMapping, sep: "," | "."): ScoreTable {
  const v = view;
  if (mapping.layout === "B") {
    const criteria: TableCriterion[] = [];
    const sections = new Map<number, number>();
    for (const c of mapping.criteria) {
      let parentHint = -1;
      if (c.section) {
        const s = c.section;
        if (!sections.has(s.col)) {
          sections.set(s.col, criteria.length);
          criteria.push({
            code: "",
            label: s.label,
            bold: true,
            indent: 0,
            kindHint: null,
            parentHint: -1,
            at: [mapping.headerRow, s.col],
            maxValue: s.max,
            maxAt: null,
            maxKnown: s.max,
            weight: 1,
            weightAt: null,
          });
        }
        parentHint = sections.get(s.col) ?? -1;
      }
      criteria.push({
        code: c.code,
        label: c.label,
        bold: false,
        indent: 0,
        kindHint: c.kind === "content" ? (parentHint < 0 ? "content" : null) : c.kind,
        parentHint,
        at: [mapping.headerRow + mapping.headerRows - 1, c.col],
        maxValue: mapping.maxRow !== null ? v.value(mapping.maxRow, c.col) : c.max,
        maxAt: mapping.maxRow !== null ? [mapping.maxRow, c.col] : null,
        maxKnown: mapping.maxRow !== null ? null : c.max,
        weight: 1,
        weightAt: null,
      });
    }
    const sectionIdx = new Set(sections.values());
    const lines = criteria.map((c, i) => (sectionIdx.has(i) ? -1 : c.at[1]));
    const units: TableUnit[] = [];
    const hidden = new Set(mapping.hiddenUnitRows ?? []);
    const res = mapping.results;
    // A results table names its units: the group headings between them are not units.
    const listed = res ? new Set((mapping.unitRows ?? []).map((u) => u.row)) : null;
    for (let r = mapping.firstRow; r <= mapping.lastRow; r++) {
      const name = v.text(r, mapping.nameCol);
      if (name === null || hidden.has(r) || (listed !== null && !listed.has(r))) continue;
      const own = res
        ? {
            own: {
              maxAt: [r, res.maxCol] as Pos,
              shareAt: res.shareCol === null ? null : ([r, res.shareCol] as Pos),
            },
          }
        : {};
      units.push(
        makeUnit(lines, "cols", {
          name,
          nameAt: [r, mapping.nameCol],
          selfLine: r,
          reviewLine: null,
          hasReview: false,
          typedTotal: {
            self: mapping.totalCol !== null ? [r, mapping.totalCol] : null,
            review: null,
          },
          ...own,
        })
      );
    }
    // Column criteria: a criterion's own column orders it even where `lines` holds -1 (a section).
    const subtotals = placeSubtotals(
      mapping.subtotalCols ?? [],
      criteria.map((c) => c.at[1]),
      (col) => subtotalSection(v.fold(mapping.headerRow + mapping.headerRows - 1, col))
    );
    return { view, mapping, criteria, units, axis: "cols", lines, subtotals };
  }
  const criteria: TableCriterion[] = [];
  const rows: number[] = [];
  const unitCols = mapping.units
    .flatMap((u) => [u.self, u.review])
    .filter((c): c is number => c !== null);
  // "Cộng" rows closing a section repeat the sum of the rows above: reading them as criteria counts
  // that section twice.
  const subtotalSet = new Set(mapping.subtotalRows ?? []);
  const rawLabels: (string | null)[] = [];
  const noteCaps: NoteCap[] = [];
  for (let r = mapping.firstRow; r <= mapping.lastRow; r++) {
    if (subtotalSet.has(r)) continue;
    const label = v.text(r, mapping.labelCol) ?? "";
    const code = mapping.codeCol !== null ? v.display(r, mapping.codeCol).trim() : "";
    const maxEmpty = mapping.maxInLabel
      ? maxInHeader(label, sep) === null
      : mapping.maxCol === null || v.isEmpty(r, mapping.maxCol);
    if (label === "" && code === "" && maxEmpty) continue;
    const bold =
      v.bold(r, mapping.labelCol) || (mapping.codeCol !== null && v.bold(r, mapping.codeCol));
    // A plain note row under a criterion ("Ghi chú: …") has no code, no max and no score: not a criterion.
    // A note that states a cap ("Tối đa 2 điểm") is one whatever the sheet has for codes.
    const rowCap = code === "" && maxEmpty && !bold && capRow(label) ? capInNote(label, sep) : null;
    if (
      code === "" &&
      splitCode(label)[0] === "" &&
      maxEmpty &&
      !bold &&
      (mapping.codeCol !== null || rowCap !== null) &&
      unitCols.every((c) => v.isEmpty(r, c)) &&
      (rowCap !== null || !headsIndentedRows(v, r, mapping))
    ) {
      const above = criteria.length - 1;
      if (rowCap !== null && above >= 0)
        capFromNote(criteria[above], rowCap, [r, mapping.labelCol], noteCaps);
      continue;
    }
    rows.push(r);
    const raw = v.value(r, mapping.labelCol);
    rawLabels.push(typeof raw === "string" ? raw : null);
    criteria.push({
      code,
      label,
      bold,
      indent: v.indent(r, mapping.labelCol),
      at: [r, mapping.labelCol],
      maxValue: mapping.maxCol !== null ? v.value(r, mapping.maxCol) : null,
      maxAt: mapping.maxCol !== null ? [r, mapping.maxCol] : null,
      maxKnown: mapping.maxInLabel ? maxInHeader(label, sep) : null,
      weight: weightOf(v, mapping.weightCol !== null ? [r, mapping.weightCol] : null, sep),
      weightAt: mapping.weightCol !== null ? [r, mapping.weightCol] : null,
      itemBonus: itemBonusOf(v, r, mapping, label, sep),
    });
    const noteCol = mapping.noteCol;
    if (noteCol !== undefined && noteCol !== null) {
      const cap = capInNote(v.text(r, noteCol) ?? "", sep);
      if (cap !== null) capFromNote(criteria[criteria.length - 1], cap, [r, noteCol], noteCaps);
    }
  }
  // Trailing rows with neither a max nor a score (a note under the table) are not criteria.
  while (criteria.length > 0) {
    const k = criteria.length - 1;
    const r = rows[k];
    const empty =
      (mapping.maxInLabel
        ? criteria[k].maxKnown === null
        : mapping.maxCol === null || v.isEmpty(r, mapping.maxCol)) &&
      unitCols.every((c) => v.isEmpty(r, c));
    if (!empty || criteria[k].bold) break;
    criteria.pop();
    rows.pop();
    rawLabels.pop();
  }
  const read = readStructure(v, mapping, criteria, rows, rawLabels, unitCols, sep);
  const units: TableUnit[] = mapping.units.map((u) =>
    makeUnit(rows, "rows", {
      name: u.name,
      nameAt: u.nameCell,
      selfLine: u.self,
      reviewLine: u.review,
      hasReview: u.review !== null,
      typedTotal: {
        self: mapping.totalRow !== null && u.self !== null ? [mapping.totalRow, u.self] : null,
        review:
          mapping.totalRow !== null && u.review !== null ? [mapping.totalRow, u.review] : null,
      },
    })
  );
  const subtotals = placeSubtotals(mapping.subtotalRows ?? [], rows, (r) => {
    const named = subtotalSection(v.fold(r, mapping.labelCol));
    return named ?? (mapping.codeCol !== null ? subtotalSection(v.fold(r, mapping.codeCol)) : null);
  });
  return {
    view,
    mapping,
    criteria,
    units,
    axis: "rows",
    lines: rows,
    subtotals,
    ...(read ? { structure: read.reading } : {}),
    ...(read?.shape ? { shape: read.shape } : {}),
    ...(noteCaps.length > 0 ? { noteCaps: noteCaps.filter((n) => criteria.includes(n.item)) } : {}),
  };
}

/** A cap written in a note row under a criterion or in its "Ghi chú" cell, read as its max. */
export interface NoteCap {
  item: TableCriterion;
  max: number;
  /** The note's cell. */
  at: Pos;
}

/**
 * The cap a note states: "Tối đa 2 điểm", "(không quá 1,5 điểm)", "tối đa: 2đ", "tổng điểm trừ của
 * mục a1 không quá 1,5 điểm"; null for any other note. An item's own bonus ("thưởng tối đa 1 điểm")
 * is R13's, not a cap.
 */
export function capInNote(text: string, sep: "," | "."): number | null {
  if (text === "") return null;
  const f = foldKey(text);
  const m =
    /(?:^|[^a-z])(?:toi da|khong qua|khong vuot qua)\s*:?\s*([0-9]+(?:[.,][0-9]+)?)\s*(?:d|diem)\b/.exec(
      f
    );
  if (!m || /thuong|cong them/.test(f.slice(0, m.index + 1))) return null;
  return parseNumberText(m[1], sep);
}

/**
 * A row that is a cap note, not a criterion whose label mentions a cap ("Sáng kiến (tối đa 2 điểm)"
 * with its max left blank): the note starts with the cap ("Tối đa 2 điểm", "(không quá 10 điểm)",
 * "Ghi chú: tối đa 2đ", "Tổng điểm trừ của mục này không quá 1,5 điểm").
 */
function capRow(label: string): boolean {
  return /^[\s(*•–-]*(?:(?:ghi chu|luu y)\s*:\s*)?\(?\s*(?:toi da|khong qua|khong vuot qua|tong (?:so )?diem)\b/.test(
    foldKey(label)
  );
}

/** The note's cap becomes the item's max where the sheet left the max cell empty (R1, R3, R5, R7). */
function capFromNote(item: TableCriterion, max: number, at: Pos, out: NoteCap[]): void {
  const empty =
    item.maxKnown === null &&
    (item.maxValue === null ||
      item.maxValue === undefined ||
      (typeof item.maxValue === "string" && item.maxValue.trim() === ""));
  if (!empty) return;
  item.maxKnown = max;
  item.maxAt = at;
  out.push({ item, max, at });
}

/** R13: "Thưởng" beside the max, or "thưởng tối đa 1 điểm" / "cộng thêm 0,5đ" in the label. */
function itemBonusOf(
  v: SheetView,
  r: number,
  mapping: RowsMapping,
  label: string,
  sep: "," | "."
): number | null {
  if (mapping.itemBonusCol !== undefined && mapping.itemBonusCol !== null) {
    const x = v.value(r, mapping.itemBonusCol);
    if (typeof x === "number" && Number.isFinite(x)) return x;
    const typed = typeof x === "string" ? parseNumberText(x, sep) : null;
    if (typed !== null) return typed;
  }
  if (!/th[uư][oở]ng|c[oộ]ng th[eê]m/iu.test(label)) return null;
  const m = /(?:thuong|cong them)(?: toi da)?\s*:?\s*([0-9]+(?:[.,][0-9]+)?)\s*(?:d|diem)\b/.exec(
    foldKey(label)
  );
  return m ? parseNumberText(m[1], sep) : null;
}

/** How far a label sits in: the cell's indent plus its leading spaces (as levels of two). */
function depthOf(v: SheetView, r: number, col: number): number {
  const raw = v.value(r, col);
  const spaces = typeof raw === "string" ? /^[\s\u00a0]*/.exec(raw)![0].length : 0;
  return v.indent(r, col) + spaces / 2;
}

/**
 * R14: a bare label whose next row sits further in is a section heading ("ĐIỂM TRỪ" over its indented
 * items in a sheet without codes or bold), not a note.
 */
function headsIndentedRows(v: SheetView, r: number, mapping: RowsMapping): boolean {
  for (let n = r + 1; n <= mapping.lastRow; n++) {
    if (v.text(n, mapping.labelCol) === null) continue;
    return depthOf(v, n, mapping.labelCol) > depthOf(v, r, mapping.labelCol);
  }
  return false;
}

/**
 * R14 on a table with criteria in rows: leading spaces count as indentation, the sheet's SUM formulas
 * place the rows they add, and when the typed subtotals still disagree the reading they confirm wins.
 * Sets the criteria's indent and parentHint in place.
 */
function readStructure(
  v: SheetView,
  mapping: RowsMapping,
  criteria: TableCriterion[],
  rows: number[],
  rawLabels: (string | null)[],
  unitCols: number[],
  sep: "," | "."
): { reading: StructureReading; shape: TreeShape | undefined } | undefined {
  if (criteria.length === 0) return undefined;
  const spaces = leadingSpaceLevels(rawLabels);
  for (let i = 0; i < criteria.length; i++) criteria[i].indent += spaces[i];
  const cols = [...unitCols, ...(mapping.maxCol !== null ? [mapping.maxCol] : [])];
  const found = v.grid.formulas
    ? formulaParents(rows, (i) => {
        for (const c of cols) {
          const f = v.formula(rows[i], c);
          if (f !== null && sumRows(f, c) !== null) return { formula: f, col: c };
        }
        return null;
      })
    : { parent: [], parents: 0 };
  for (let i = 0; i < criteria.length; i++) {
    const q = found.parent[i];
    if (q !== undefined) criteria[i].parentHint = q;
  }
  const confirmed = confirmTree(
    {
      items: criteria,
      lines: rows,
      unitCols,
      totalRow: mapping.totalRow,
      value: (r, c) => v.ownValue(r, c),
      sep,
      precision: 2,
    },
    found.parents
  );
  if (confirmed.parents !== null)
    for (let i = 0; i < criteria.length; i++) criteria[i].parentHint = confirmed.parents[i];
  // Another reading's tree was built from items without their codes: the scorer builds the final one.
  return {
    reading: confirmed.reading,
    shape: confirmed.parents === null ? confirmed.shape : undefined,
  };
}

export type { CriterionKind };
