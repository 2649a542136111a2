/**
 * What the product writes, as data: a SheetSpec. Pure (no Office.js, no ExcelJS); src/excel and
 * src/xlsx render the same spec, so both outputs are identical and testable without Excel.
 * Coordinates are 0-based from A1.
 */

export type SpecValue = string | number | boolean | null;

export interface SpecStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  fontName?: string;
  /** "#RRGGBB" */
  color?: string;
  /** "#RRGGBB" background fill. */
  fill?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin borders on all four sides. */
  border?: boolean;
  numberFormat?: string;
  /** Unlocked for entry when the sheet is protected (self-score template). */
  unlocked?: boolean;
}

export interface SpecCell {
  row: number;
  col: number;
  /** A literal value. Strings are ALWAYS written as text, even "=HYPERLINK(…)" or "+84…". */
  value?: SpecValue;
  /** An en-US formula with the leading "=", from the portable set only (DESIGN.md). */
  formula?: string;
  style?: SpecStyle;
}

export interface SpecMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SpecValidation {
  /** A1 range on this sheet, e.g. "D6:D30". */
  range: string;
  type: "decimal";
  min: number;
  /** A number, or an A1 reference on this sheet for per-row max ("C6"), used relatively. */
  max: number | string;
  promptTitle?: string;
  prompt?: string;
  errorMessage?: string;
}

export interface PrintSetup {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Fit to one page wide (any number tall). */
  fitToWidth?: boolean;
  /** Margins in millimetres. */
  margins?: { top: number; bottom: number; left: number; right: number };
  /** 0-based inclusive rows repeated at the top of each printed page. */
  repeatRows?: { first: number; last: number };
}

export interface SheetSpec {
  /** The wanted name; a user's sheet with this name is never overwritten (adapters add " (2)"). */
  name: string;
  /** What we made it for: the tag stored in the profile so re-running replaces only our sheets. */
  kind: "ranking" | "covenant" | "template" | "votes" | "summary";
  cells: SpecCell[];
  merges?: SpecMerge[];
  /** Column widths in characters (Excel's unit), by 0-based column. */
  columnWidths?: number[];
  /** Row heights in points, by 0-based row (sparse). */
  rowHeights?: Record<number, number>;
  /** Rows/columns frozen at the top/left. */
  freeze?: { rows: number; columns: number };
  validations?: SpecValidation[];
  print?: PrintSetup;
  /** Protect the sheet (only `unlocked` cells editable), no password: a guard, not security. */
  protect?: boolean;
}
