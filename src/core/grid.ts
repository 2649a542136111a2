/**
 * A worksheet as plain data: the ONLY input shape of the domain (DESIGN.md "Grid in, results out").
 * Adapters (the Office JavaScript API, ExcelJS, the simulator, custom-function ranges) build Grids; core never knows
 * where a Grid came from.
 */

/** An Excel error value as found in a cell (#REF!, #VALUE!, #DIV/0!, #N/A, #NAME?, #NUM!, #NULL!). */
export interface CellError {
  readonly error: string;
}

/**
 * What a cell holds. `null` is a truly empty cell. A formula cell whose result is not known (ExcelJS
 * reads a cached 0 as "no result", LibreOffice-less files carry none) has value `undefined`: it is
 * unknown, NOT blank (R4 must not call it score-missing as if nothing was typed).
 */
export type CellValue = number | string | boolean | CellError | null | undefined;

export interface CellFont {
  name?: string;
  bold?: boolean;
  italic?: boolean;
}

export interface CellFormat {
  font?: CellFont;
  /** Indent level of the cell's horizontal alignment (0 when none). */
  indent?: number;
}

/** A merged area, 0-based and inclusive, in grid coordinates (not sheet coordinates). */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The worksheet's name, as shown on its tab ("Bảng điểm"). */
  sheetName: string;
  /** Sheet row index (0-based) of grid row 0: a used range may start below A1. */
  top: number;
  /** Sheet column index (0-based) of grid column 0. */
  left: number;
  /** values[r][c]; every row has the same length. */
  values: CellValue[][];
  /** formulas[r][c] in en-US syntax with the leading "=", or null; omitted when unknown. */
  formulas?: (string | null)[][];
  /** Fonts and indents; omitted when the source gave none. */
  formats?: (CellFormat | null)[][];
  merges?: Merge[];
  /**
   * Rows and columns hidden in the sheet, in grid coordinates: an office hides last year's column or
   * folds sub-criteria away. Omitted when the source does not say.
   */
  hidden?: { rows: number[]; cols: number[] };
  /** The file the sheet came from, when there is one (CLI, email import). */
  file?: string;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

export function gridColCount(g: Grid): number {
  return g.values.length === 0 ? 0 : g.values[0].length;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Quote a sheet name the way Excel does in references: 'Bảng điểm'!D12. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The sheet-qualified A1 address of grid cell (r, c): "'Bảng điểm'!D12". */
export function cellAddress(g: Grid, r: number, c: number): string {
  return `${quoteSheetName(g.sheetName)}!${columnLetter(g.left + c)}${g.top + r + 1}`;
}

/** Build a Grid from rows of values (tests, custom-function ranges). Short rows are padded with null. */
export function gridFromRows(sheetName: string, rows: CellValue[][], top = 0, left = 0): Grid {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values = rows.map((r) => {
    const out = r.slice();
    while (out.length < width) out.push(null);
    return out;
  });
  return { sheetName, top, left, values };
}
