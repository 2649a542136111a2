/**
 * A read-only view of a Grid in sheet coordinates, with every text converted once: legacy encodings to
 * Unicode (N4), NFC and spaces normalised (N3), and a folded key for matching header words. Merged areas
 * lend their text to every cell they cover, because Office.js gives it only to the top-left cell while
 * ExcelJS repeats it: both must read the same.
 */
import { isCellError, type CellValue, type Grid } from "../grid";
import { foldKey, normalizeText, toUnicode } from "../text";

export interface LegacyHit {
  row: number;
  col: number;
  raw: string;
  text: string;
  encoding: string;
}

/** Column stride of the cell keys: Excel has 16,384 columns. */
const COLS = 16384;

export class SheetView {
  readonly grid: Grid;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** Text and folded key per string cell, keyed by grid index (row * COLS + col): sheets are mostly numbers. */
  private readonly texts = new Map<number, string>();
  private readonly folds = new Map<number, string>();
  private readonly mergedFrom: Map<number, [number, number]> = new Map();
  /** Grid columns holding text, per grid row (rows without text are absent). */
  private readonly textCols = new Map<number, number[]>();
  readonly legacy: LegacyHit[] = [];

  constructor(grid: Grid) {
    this.grid = grid;
    this.top = grid.top;
    this.left = grid.left;
    const rows = grid.values.length;
    const cols = rows === 0 ? 0 : grid.values[0].length;
    this.bottom = grid.top + rows - 1;
    this.right = grid.left + cols - 1;
    for (let r = 0; r < rows; r++) {
      const vr = grid.values[r];
      for (let c = 0; c < vr.length; c++) {
        const v = vr[c];
        if (typeof v !== "string") continue;
        const font = grid.formats?.[r]?.[c]?.font?.name ?? null;
        const conv = toUnicode(v, font);
        const text = normalizeText(conv.text);
        if (conv.encoding && text !== normalizeText(v))
          this.legacy.push({
            row: grid.top + r,
            col: grid.left + c,
            raw: v,
            text,
            encoding: conv.encoding,
          });
        this.texts.set(r * COLS + c, text);
        this.folds.set(r * COLS + c, foldKey(text));
        const list = this.textCols.get(r);
        if (list) list.push(c);
        else this.textCols.set(r, [c]);
      }
    }
    for (const m of grid.merges ?? []) {
      const key0 = m.top * COLS + m.left;
      const src = this.texts.get(key0);
      const fsrc = this.folds.get(key0);
      for (let r = Math.max(0, m.top); r <= m.bottom && r < rows; r++)
        for (let c = Math.max(0, m.left); c <= m.right && c < cols; c++) {
          if (r === m.top && c === m.left) continue;
          const key = r * COLS + c;
          this.mergedFrom.set(key, [grid.top + m.top, grid.left + m.left]);
          const own = this.texts.get(key);
          if (src !== undefined && fsrc !== undefined && (own === undefined || own === src)) {
            this.texts.set(key, src);
            this.folds.set(key, fsrc);
          }
        }
    }
  }

  /** True when a merged area covers more than one cell of the grid. */
  get hasMerges(): boolean {
    return this.mergedFrom.size > 0;
  }

  /** Sheet columns of the text cells of a row (merged areas not included), in order. */
  textColumns(row: number): number[] {
    return (this.textCols.get(row - this.top) ?? []).map((c) => c + this.left);
  }

  inRange(row: number, col: number): boolean {
    return row >= this.top && row <= this.bottom && col >= this.left && col <= this.right;
  }

  value(row: number, col: number): CellValue {
    const r = this.grid.values[row - this.top];
    const i = col - this.left;
    // undefined inside the grid is "a formula with no known result", distinct from an empty cell.
    return r === undefined || i < 0 || i >= r.length ? null : r[i];
  }

  /** The value, or null for a cell covered by a merge but not its top-left (ExcelJS repeats it there). */
  ownValue(row: number, col: number): CellValue {
    if (
      this.mergedFrom.size > 0 &&
      this.mergedFrom.has((row - this.top) * COLS + (col - this.left))
    )
      return null;
    return this.value(row, col);
  }

  formula(row: number, col: number): string | null {
    return this.grid.formulas?.[row - this.top]?.[col - this.left] ?? null;
  }

  /** Unicode NFC text of a string cell (merges filled), or null. */
  text(row: number, col: number): string | null {
    const c = col - this.left;
    if (c < 0 || c >= COLS) return null;
    return this.texts.get((row - this.top) * COLS + c) ?? null;
  }

  /** Text of any non-empty cell (numbers as typed), "" when empty. */
  display(row: number, col: number): string {
    const t = this.text(row, col);
    if (t !== null) return t;
    const v = this.value(row, col);
    if (v === null || v === undefined) return "";
    if (isCellError(v)) return v.error;
    return String(v);
  }

  fold(row: number, col: number): string {
    const c = col - this.left;
    if (c < 0 || c >= COLS) return "";
    return this.folds.get((row - this.top) * COLS + c) ?? "";
  }

  bold(row: number, col: number): boolean {
    return this.grid.formats?.[row - this.top]?.[col - this.left]?.font?.bold === true;
  }

  indent(row: number, col: number): number {
    return this.grid.formats?.[row - this.top]?.[col - this.left]?.indent ?? 0;
  }

  fontName(row: number, col: number): string | null {
    return this.grid.formats?.[row - this.top]?.[col - this.left]?.font?.name ?? null;
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === "string" && v.trim() === "");
  }

  rowIsEmpty(row: number): boolean {
    for (let c = this.left; c <= this.right; c++) if (!this.isEmpty(row, c)) return false;
    return true;
  }
}
