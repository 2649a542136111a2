/**
 * The mapping of a score sheet (DOMAIN §4): where the header, codes, labels, max, weights and each unit's
 * scores are. Plain JSON with sheet coordinates (0-based, absolute, not grid-relative), so it can be saved
 * in the workbook (profile.mappings) and applied to a Grid read later with a different used range.
 */
import type { Params } from "../i18n";

/** E: a results table, read through a layout-B mapping with `results` (DOMAIN §4). */
export type LayoutKind = "A" | "B" | "C" | "D" | "E";

/** A reason for the reading, translated when shown (describeMapping). */
export interface Reason {
  key: string;
  params?: Params;
}

export interface UnitColumns {
  name: string;
  /** Column of the self score (tự chấm), or null. In layout A the only column is `self`. */
  self: number | null;
  /** Column of the reviewed score (cụm chấm, thẩm định), or null. */
  review: number | null;
  /** Where the name was read ([row, col]); null when it came from the file name. */
  nameCell: [number, number] | null;
}

export interface SectionSummary {
  code: string;
  label: string;
  max: number | null;
  kind: "content" | "bonus" | "deduction";
}

/** Layouts A, C, D: criteria in rows. */
export interface RowsMapping {
  version: 1;
  layout: "A" | "C" | "D";
  sheet: string;
  headerRow: number;
  /** 1, or 2 when unit names are merged over Tự chấm | Cụm chấm. */
  headerRows: number;
  codeCol: number | null;
  labelCol: number;
  maxCol: number | null;
  /** No max column: each label carries its max ("Hoàn thành kế hoạch (10 điểm)"). */
  maxInLabel?: boolean;
  weightCol: number | null;
  /** R13: a "Thưởng" column beside the max: the bonus each item may earn beyond its max. */
  itemBonusCol?: number | null;
  /** The "Ghi chú" column: a cap written there ("Tối đa 2 điểm") is the row's max when its cell is empty. */
  noteCol?: number | null;
  /** Criterion rows (inclusive). */
  firstRow: number;
  lastRow: number;
  /** A TỔNG CỘNG row, whose typed totals are checked (R2). */
  totalRow: number | null;
  /**
   * "Cộng" rows closing a section inside firstRow..lastRow: subtotals (R2), not criteria. Readers that
   * build the criteria list must skip them.
   */
  subtotalRows?: number[];
  units: UnitColumns[];
  confidence: number;
  reasons: Reason[];
  /** The top-level sections found, for describeMapping (filled by detectLayout). */
  sections?: SectionSummary[];
}

export interface ColumnCriterion {
  col: number;
  code: string;
  label: string;
  /** Max from the header text ("(20 điểm)"), or null when it is read from `maxRow`. */
  max: number | null;
  kind: "content" | "bonus" | "deduction";
  /** A merged header above this column (two-row header): the section it belongs to. */
  section?: { label: string; max: number | null; col: number };
}

/** Layout E's columns besides the unit name and the points (R11). */
export interface ResultsColumns {
  /** Điểm chuẩn tối đa: this unit's own max. */
  maxCol: number;
  /** Chỉ số (%) as typed, checked against points ÷ max. */
  shareCol: number | null;
  rankCol: number | null;
  classCol: number | null;
}

/** Layout B: units in rows, criteria in columns. */
export interface ColsMapping {
  version: 1;
  layout: "B";
  sheet: string;
  headerRow: number;
  headerRows: number;
  nameCol: number;
  /** A row under the header holding each criterion's max, or null. */
  maxRow: number | null;
  firstRow: number;
  lastRow: number;
  criteria: ColumnCriterion[];
  /** A typed "Tổng điểm" column, checked against the computed total (R2). */
  totalCol: number | null;
  /** "Cộng" / "Cộng mục I" columns closing a section: subtotals (R2), not criteria. */
  subtotalCols?: number[];
  /** Unit rows hidden in the sheet: not ranked (the reasons name them). */
  hiddenUnitRows?: number[];
  /** The units found, with their rows (for describeMapping; scoring re-reads the rows). */
  unitRows?: { name: string; row: number }[];
  /**
   * Layout E (results table): each unit row carries its own max; the one criterion is the points
   * column; only `unitRows` are units (group headings between them are not).
   */
  results?: ResultsColumns;
  confidence: number;
  reasons: Reason[];
  sections?: SectionSummary[];
}

export type SheetMapping = RowsMapping | ColsMapping;

export type DetectResult =
  | { ok: true; mapping: SheetMapping; confidence: number; reasons: string[] }
  | { ok: false; message: string; reasons: string[] };

/** What the task pane shows about a reading. */
export interface MappingSummary {
  layout: LayoutKind | null;
  layoutName: string;
  sheet: string;
  /** 1-based sheet row numbers, as the user sees them. */
  headerRow: number | null;
  /**
   * Units with the column letters of their self and review scores; in layout B (units in rows) `self`
   * is the unit's 1-based row number instead.
   */
  units: { name: string; self: string | null; review: string | null }[];
  sections: SectionSummary[];
  bonus: string | null;
  deduction: string | null;
  confidence: number;
  reasons: string[];
}

export function isSheetMapping(m: unknown): m is SheetMapping {
  if (typeof m !== "object" || m === null) return false;
  const o = m as Record<string, unknown>;
  if (o.version !== 1 || typeof o.sheet !== "string" || typeof o.headerRow !== "number")
    return false;
  if (o.layout === "B") return typeof o.nameCol === "number" && Array.isArray(o.criteria);
  return (
    (o.layout === "A" || o.layout === "C" || o.layout === "D") &&
    typeof o.labelCol === "number" &&
    Array.isArray(o.units)
  );
}
