/**
 * A read-only view of a Grid in sheet coordinates, with every text converted once: legacy encodings to
 * Unicode (N4), NFC and spaces normalised (N3), and a folded key for matching header words. Merged areas
 * lend their text to every cell they cover, because the Office JavaScript API gives it only to the
 * top-left cell while ExcelJS repeats it: both must read the same.
 */
import { isCellError, type CellValue, type Grid } from "../grid";
import { foldKey, normalizeText, toUnicode, type LegacyEncoding } from "../text";

export interface LegacyHit {
  row: number;
  col: number;
  raw: string;
  text: string;
  encoding: string;
}

/** Column stride of the cell keys: Excel has 16,384 columns. */
const COLS = 16384;

interface Converted {
  /** N4 + N3: Unicode, NFC, spaces normalised. */
  text: string;
  /** The legacy encoding converted from, when the conversion changed the text. */
  encoding: LegacyEncoding | null;
  /** foldKey(text), filled on first use. */
  fold?: string;
}

/**
 * Conversions by font and raw text. Detecting a legacy encoding costs ~5 µs for a label with Latin-1
 * letters ("Tiêu chí"), and THIDUA.TOTAL re-reads the same 1,000 labels on every recalculation: the
 * conversion is a pure function of (text, font), so it is kept. Bounded: emptied when it grows past
 * MEMO_MAX, which only costs recomputation.
 */
const memo = new Map<string, Converted>();
const MEMO_MAX = 50_000;

function convert(raw: string, font: string | null): Converted {
  const key = font === null ? raw : `${font}\u0000${raw}`;
  let hit = memo.get(key);
  if (hit === undefined) {
    const conv = toUnicode(raw, font);
    const text = normalizeText(conv.text);
    hit = { text, encoding: conv.encoding && text !== normalizeText(raw) ? conv.encoding : null };
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, hit);
  }
  return hit;
}

export class SheetView {
  readonly grid: Grid;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /**
   * Merged areas: grid key (row * COLS + col) of each covered cell → its top-left cell's grid key.
   * Text itself is converted on first read: a score range is mostly numbers, and the text of a score
   * cell is seldom asked for.
   */
  private readonly mergedFrom = new Map<number, number>();
  /** Grid columns holding text, per grid row (rows without text are absent). */
  private readonly textCols = new Map<number, number[]>();
  readonly legacy: LegacyHit[] = [];
  /** Hidden rows and columns, sheet coordinates. */
  private readonly hiddenRows: Set<number>;
  private readonly hiddenCols: Set<number>;

  /**
   * `scan: false` skips indexing the text cells (textColumns, legacy): for a second reading of the
   * scores of a table already read, where only values are asked for.
   */
  constructor(grid: Grid, options: { scan?: boolean } = {}) {
    this.grid = grid;
    this.top = grid.top;
    this.left = grid.left;
    const rows = grid.values.length;
    const cols = rows === 0 ? 0 : grid.values[0].length;
    this.bottom = grid.top + rows - 1;
    this.right = grid.left + cols - 1;
    const formats = grid.formats;
    this.hiddenRows = new Set((grid.hidden?.rows ?? []).map((r) => r + grid.top));
    this.hiddenCols = new Set((grid.hidden?.cols ?? []).map((c) => c + grid.left));
    for (let r = 0; r < (options.scan === false ? 0 : rows); r++) {
      const vr = grid.values[r];
      let list: number[] | null = null;
      for (let c = 0; c < vr.length; c++) {
        const v = vr[c];
        if (typeof v !== "string") continue;
        // N4 needs every text cell looked at once: a legacy cell anywhere is an issue of its own.
        const conv = convert(v, formats?.[r]?.[c]?.font?.name ?? null);
        if (conv.encoding)
          this.legacy.push({
            row: grid.top + r,
            col: grid.left + c,
            raw: v,
            text: conv.text,
            encoding: conv.encoding,
          });
        if (list) list.push(c);
        else this.textCols.set(r, (list = [c]));
      }
    }
    for (const m of grid.merges ?? []) {
      const key0 = m.top * COLS + m.left;
      for (let r = Math.max(0, m.top); r <= m.bottom && r < rows; r++)
        for (let c = Math.max(0, m.left); c <= m.right && c < cols; c++) {
          if (r === m.top && c === m.left) continue;
          this.mergedFrom.set(r * COLS + c, key0);
        }
    }
  }

  /** The conversion of the string in grid cell (r, c), or undefined when it holds no string. */
  private own(r: number, c: number): Converted | undefined {
    const v = this.grid.values[r]?.[c];
    if (typeof v !== "string") return undefined;
    return convert(v, this.grid.formats?.[r]?.[c]?.font?.name ?? null);
  }

  /**
   * The text a grid cell shows: its own, or for a cell covered by a merge the top-left's (when the
   * cell is empty or repeats it, as ExcelJS does).
   */
  private converted(r: number, c: number): Converted | undefined {
    const own = this.own(r, c);
    if (this.mergedFrom.size === 0) return own;
    const key0 = this.mergedFrom.get(r * COLS + c);
    if (key0 === undefined) return own;
    const src = this.own(Math.floor(key0 / COLS), key0 % COLS);
    if (src !== undefined && (own === undefined || own.text === src.text)) return src;
    return own;
  }

  /** True when (row, col) is covered by a merged area and is not its top-left cell. */
  isMergedOver(row: number, col: number): boolean {
    const c = col - this.left;
    return c >= 0 && c < COLS && this.mergedFrom.has((row - this.top) * COLS + c);
  }

  /** True when a merged area covers more than one cell of the grid. */
  get hasMerges(): boolean {
    return this.mergedFrom.size > 0;
  }

  /** Sheet columns of the text cells of a row (merged areas not included), in order. */
  textColumns(row: number): number[] {
    return (this.textCols.get(row - this.top) ?? []).map((c) => c + this.left);
  }

  /** The row is hidden in the sheet (sheet coordinates). */
  isHiddenRow(row: number): boolean {
    return this.hiddenRows.has(row);
  }

  /** The column is hidden in the sheet (sheet coordinates). */
  isHiddenCol(col: number): boolean {
    return this.hiddenCols.has(col);
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
    if (this.mergedFrom.size > 0) {
      const c = col - this.left;
      if (c >= 0 && c < COLS && this.mergedFrom.has((row - this.top) * COLS + c)) return null;
    }
    return this.value(row, col);
  }

  formula(row: number, col: number): string | null {
    return this.grid.formulas?.[row - this.top]?.[col - this.left] ?? null;
  }

  /** Unicode NFC text of a string cell (merges filled), or null. */
  text(row: number, col: number): string | null {
    const c = col - this.left;
    if (c < 0 || c >= COLS) return null;
    return this.converted(row - this.top, c)?.text ?? null;
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
    const conv = this.converted(row - this.top, c);
    if (conv === undefined) return "";
    return (conv.fold ??= foldKey(conv.text));
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
