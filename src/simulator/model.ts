/**
 * The workbook behind the simulator: sheets of sparse cells with styles, evaluated by HyperFormula.
 * Plain data with direct methods; the Office-shaped proxies (api.ts) queue calls against it and the
 * playground draws it. Units follow Excel's JavaScript API: widths and heights in points, colours "#RRGGBB".
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  containsCell,
  formatSheetName,
  intersects,
  rectA1,
} from "./address";
import { registerRankPlugin } from "./rank-plugin";
import { engineFunctions } from "./engine-functions";
import { fitResultSpills } from "./spill-fit";
import { SimError } from "./errors";

export type Scalar = number | string | boolean | null;
export type Edge =
  | "EdgeTop"
  | "EdgeBottom"
  | "EdgeLeft"
  | "EdgeRight"
  | "InsideVertical"
  | "InsideHorizontal"
  | "DiagonalDown"
  | "DiagonalUp";

export interface FontModel {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  underline?: string;
}

export interface BorderModel {
  style: string;
  color?: string;
  weight?: string;
}

export interface CellStyle {
  font?: FontModel;
  /** "#RRGGBB"; absent = no fill. */
  fill?: string;
  borders?: Partial<Record<Edge, BorderModel>>;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  numberFormat?: string;
  locked?: boolean;
}

export interface CellModel {
  /** The constant typed in; for a formula cell the formula text lives in `formula`. */
  value: Scalar;
  formula?: string;
  style?: CellStyle;
}

/** What a cell shows: a formula's result or the constant; errors as Excel's error strings. */
export type CellResult = number | string | boolean | { error: string } | null;

export const DEFAULT_FONT: Required<Omit<FontModel, "underline">> = {
  name: "Calibri",
  size: 11,
  bold: false,
  italic: false,
  color: "#000000",
};
/** Excel's default column is 8.43 characters = 64 px = 48 pt; rows are 15 pt. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/** Excel column width in characters (the .xlsx unit) → points (the JavaScript API unit). */
export function charsToPoints(chars: number): number {
  return Math.round(Math.trunc(chars * 7 + 5) * 0.75 * 100) / 100;
}

export function pointsToChars(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  /** Points. */
  margins: {
    top: number;
    bottom: number;
    left: number;
    right: number;
    header: number;
    footer: number;
  };
  printTitleRows: string | null;
  printTitleColumns: string | null;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  printArea: string | null;
}

export interface ValidationModel {
  range: Rect;
  rule: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
}

/** A conditional format of a sheet; the Office objects over it are in conditional-formats.ts. */
export interface ConditionalFormatModel {
  id: string;
  /** "Custom" (a formula) or "CellValue" (the cell's value compared with one or two values). */
  type: "Custom" | "CellValue";
  range: Rect;
  /** 0 is applied first; Excel numbers them per sheet without gaps. */
  priority: number;
  stopIfTrue: boolean;
  /** Custom: `formula`; CellValue: `formula1`, `formula2`, `operator`. */
  rule: { formula?: string; formula1?: string; formula2?: string; operator?: string };
  format: { fill?: string; fontColor?: string; bold?: boolean; italic?: boolean };
}

const key = (row: number, col: number): number => row * MAX_COLS + col;

let nextId = 1;
function newId(prefix: string): string {
  return `{${prefix}-${(nextId++).toString(16).padStart(8, "0")}}`;
}

/** "{0000002A-0000-4000-8000-000000000000}": GUID-shaped like Office's CustomXmlPart ids, reproducible. */
function newGuid(): string {
  const n = (nextId++).toString(16).toUpperCase().padStart(8, "0");
  return `{${n}-0000-4000-8000-000000000000}`;
}

export class SheetModel {
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  showGridlines = true;
  readonly cells = new Map<number, CellModel>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Hidden rows and columns (0-based): kept apart from heights and widths, so unhiding restores them. */
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  merges: Rect[] = [];
  freeze: { rows: number; columns: number } | null = null;
  pageLayout: PageLayoutModel = {
    orientation: "Portrait",
    paperSize: "Letter",
    margins: { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 },
    printTitleRows: null,
    printTitleColumns: null,
    zoom: { scale: 100 },
    centerHorizontally: false,
    printArea: null,
  };
  protection: { protected: boolean; options: Record<string, unknown>; password?: string } = {
    protected: false,
    options: {},
  };
  validations: ValidationModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];

  constructor(name: string) {
    this.id = newId("sheet");
    this.name = name;
  }

  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(key(row, col));
  }

  /** The cell, created empty when absent (for writes). */
  cellForWrite(row: number, col: number): CellModel {
    const k = key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null };
      this.cells.set(k, c);
    }
    return c;
  }

  forEachCell(fn: (row: number, col: number, cell: CellModel) => void): void {
    for (const [k, c] of this.cells) fn(Math.floor(k / MAX_COLS), k % MAX_COLS, c);
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /** The merged area holding the cell, if any. */
  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => containsCell(m, row, col));
  }

  /**
   * The used range as Excel defines it: cells with a value or formula, and (unless `valuesOnly`) cells
   * that only carry formatting. Null on an empty sheet.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let r: Rect | null = null;
    this.forEachCell((row, col, c) => {
      const hasValue = c.formula !== undefined || (c.value !== null && c.value !== "");
      if (!hasValue && (valuesOnly || !c.style)) return;
      if (!r) r = { top: row, left: col, bottom: row, right: col };
      else {
        r.top = Math.min(r.top, row);
        r.left = Math.min(r.left, col);
        r.bottom = Math.max(r.bottom, row);
        r.right = Math.max(r.right, col);
      }
    });
    return r;
  }
}

export interface CustomXmlPartModel {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export type ChangeListener = () => void;

/** The namespace of the root element, as Office reports it for a custom XML part. */
export function namespaceOf(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*\b([^>]*)>/.exec(
    xml.replace(/<\?[^>]*\?>/g, "")
  );
  if (!root) return "";
  const prefix = root[1] ? root[1].slice(0, -1) : "";
  const attr = new RegExp(`xmlns${prefix ? ":" + prefix : ""}\\s*=\\s*"([^"]*)"`).exec(root[2]);
  return attr ? attr[1] : "";
}

export class WorkbookModel {
  readonly hf: HyperFormula;
  sheets: SheetModel[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; rect: Rect } | null = null;
  customXmlParts: CustomXmlPartModel[] = [];
  names: NameModel[] = [];
  decimalSeparator: "," | "." = ".";
  thousandsSeparator: "," | "." = ",";
  private listeners = new Set<ChangeListener>();
  /**
   * Cell contents not yet given to HyperFormula: a sync writing thousands of cells would otherwise
   * recalculate after each one. Flushed in one engine batch before anything is read.
   */
  private pending: { sheet: SheetModel; row: number; col: number; content: Scalar }[] = [];
  private batchDepth = 0;
  private dirty = false;

  constructor() {
    registerRankPlugin();
    // THIDUA.* compute here exactly what the add-in computes in Excel (same implementations).
    engineFunctions()?.register(HyperFormula);
    // No undo: HyperFormula's undo bookkeeping is quadratic in batch size, and Excel's API has no undo either.
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLS,
      undoLimit: 0,
    });
  }

  /** Runs a group of edits with recalculation and change notifications once at the end. */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    try {
      return fn();
    } finally {
      if (--this.batchDepth === 0) {
        if (this.dirty) {
          this.dirty = false;
          for (const l of [...this.listeners]) l();
        }
      }
    }
  }

  private queue(sheet: SheetModel, row: number, col: number, content: Scalar): void {
    this.pending.push({ sheet, row, col, content });
  }

  /** Gives queued contents to the engine (one batch, one recalculation). */
  flush(): void {
    if (this.pending.length === 0) return;
    const work = this.pending;
    this.pending = [];
    // suspend/resume rather than hf.batch(): a batch keeps one undo entry whose bookkeeping is
    // quadratic in its size (seconds for a 500-unit sheet).
    // Only the last content of a cell counts, and formulas go in after every constant and blank: a
    // dynamic-array formula given to HyperFormula while its spill area still holds values stays
    // blocked once they are cleared, where Excel spills as soon as the area is free.
    const last = new Map<string, (typeof work)[number]>();
    for (const w of work) {
      const k = `${w.sheet.id}:${w.row}:${w.col}`;
      last.delete(k);
      last.set(k, w);
    }
    const isFormula = (w: (typeof work)[number]): boolean =>
      typeof w.content === "string" && w.content.startsWith("=");
    const ordered = [...last.values()];
    const sorted = [...ordered.filter((w) => !isFormula(w)), ...ordered.filter(isFormula)];
    this.hf.suspendEvaluation();
    try {
      for (const w of sorted) {
        if (!this.sheets.includes(w.sheet)) continue;
        this.hf.setCellContents(
          { sheet: this.hfSheet(w.sheet), row: w.row, col: w.col },
          w.content
        );
      }
    } finally {
      this.hf.resumeEvaluation();
    }
    fitResultSpills(this.hf);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  touch(): void {
    if (this.batchDepth > 0) this.dirty = true;
    else for (const l of [...this.listeners]) l();
  }

  // ---- sheets ----

  sheetByName(name: string): SheetModel | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  activeSheet(): SheetModel {
    const s = (this.activeSheetId && this.sheetById(this.activeSheetId)) || this.sheets[0];
    if (!s) throw new SimError("ItemNotFound", "The workbook has no worksheet.");
    return s;
  }

  /** Excel's next default name: Sheet1, Sheet2… skipping taken ones. */
  private defaultSheetName(): string {
    for (let i = this.sheets.length + 1; ; i++)
      if (!this.sheetByName(`Sheet${i}`)) return `Sheet${i}`;
  }

  addSheet(name?: string): SheetModel {
    const n = name ?? this.defaultSheetName();
    if (!n || n.length > 31 || /[\\/?*[\]:]/.test(n) || n.startsWith("'") || n.endsWith("'")) {
      throw new SimError("InvalidArgument", `The sheet name "${n}" is not valid.`);
    }
    if (this.sheetByName(n))
      throw new SimError("ItemAlreadyExists", `A sheet named "${n}" already exists.`);
    const s = new SheetModel(n);
    this.flush();
    this.hf.addSheet(n);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    this.touch();
    return s;
  }

  deleteSheet(sheet: SheetModel): void {
    this.flush();
    if (this.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
      throw new SimError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet."
      );
    }
    this.hf.removeSheet(this.hfSheet(sheet));
    for (const n of this.names) n.formula = retarget(n.formula, sheet.name, "#REF");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheetId === sheet.id) {
      this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
    }
    if (this.selection?.sheetId === sheet.id) this.selection = null;
    this.touch();
  }

  renameSheet(sheet: SheetModel, name: string): void {
    this.flush();
    if (sheet.name === name) return;
    const other = this.sheetByName(name);
    if (other && other !== sheet)
      throw new SimError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    this.hf.renameSheet(this.hfSheet(sheet), name);
    // Defined names follow the sheet, as in Excel.
    for (const n of this.names) n.formula = retarget(n.formula, sheet.name, formatSheetName(name));
    sheet.name = name;
    this.touch();
  }

  moveSheet(sheet: SheetModel, position: number): void {
    const rest = this.sheets.filter((s) => s !== sheet);
    const p = Math.max(0, Math.min(position, rest.length));
    rest.splice(p, 0, sheet);
    this.sheets = rest;
    this.touch();
  }

  hfSheet(sheet: SheetModel): number {
    const id = this.hf.getSheetId(sheet.name);
    if (id === undefined) throw new SimError("GeneralException", `Engine lost sheet ${sheet.name}`);
    return id;
  }

  // ---- cells ----

  /** What the cell shows (a formula's result from HyperFormula). */
  result(sheet: SheetModel, row: number, col: number): CellResult {
    this.flush();
    const at = { sheet: this.hfSheet(sheet), row, col };
    return this.shown(this.hf.getCellValue(at), at);
  }

  /**
   * Excel shows 0 for a formula whose result is an empty cell (`=B3` with B3 empty) where
   * HyperFormula returns null; `=""` stays "" in both.
   */
  private shown(v: unknown, at: { sheet: number; row: number; col: number }): CellResult {
    const r = toResult(v);
    return r === null && this.hf.doesCellHaveFormula(at) ? 0 : r;
  }

  /** Results of a rectangle in one engine call. */
  results(sheet: SheetModel, r: Rect): CellResult[][] {
    this.flush();
    const sid = this.hfSheet(sheet);
    const raw = this.hf.getRangeValues({
      start: { sheet: sid, row: r.top, col: r.left },
      end: { sheet: sid, row: r.bottom, col: r.right },
    });
    return raw.map((row, i) =>
      row.map((v, j) => this.shown(v, { sheet: sid, row: r.top + i, col: r.left + j }))
    );
  }

  /**
   * Where a dynamic-array formula anchored at the cell spills, as Excel's getSpillingToRange reports it:
   * null for a cell that does not spill (a constant, a one-value result, or a spill blocked by #SPILL!).
   */
  spillRect(sheet: SheetModel, row: number, col: number): Rect | null {
    this.flush();
    const at = { sheet: this.hfSheet(sheet), row, col };
    const v = this.hf.arrayMapping.getArrayByCorner(at);
    if (!v || (v.width === 1 && v.height === 1)) return null;
    const shown = this.hf.getCellValue(at);
    if (shown instanceof DetailedCellError && shown.value === "#SPILL!") return null;
    return { top: row, left: col, bottom: row + v.height - 1, right: col + v.width - 1 };
  }

  /** The anchor of the spill the cell belongs to (the anchor itself included), or null. */
  spillParent(sheet: SheetModel, row: number, col: number): { row: number; col: number } | null {
    this.flush();
    const sid = this.hfSheet(sheet);
    if (!this.hf.isCellPartOfArray({ sheet: sid, row, col })) return null;
    for (const v of this.hf.arrayMapping.arrayMapping.values()) {
      const c = v.leftCorner;
      if (c.sheet !== sid || row < c.row || col < c.col) continue;
      if (row >= c.row + v.height || col >= c.col + v.width) continue;
      return this.spillRect(sheet, c.row, c.col) ? { row: c.row, col: c.col } : null;
    }
    return null;
  }

  /** Every spill on the sheet, by its rectangle (spills never overlap). */
  spills(sheet: SheetModel): Rect[] {
    this.flush();
    const sid = this.hfSheet(sheet);
    const out: Rect[] = [];
    for (const v of this.hf.arrayMapping.arrayMapping.values()) {
      const c = v.leftCorner;
      if (c.sheet !== sid) continue;
      const r = this.spillRect(sheet, c.row, c.col);
      if (r) out.push(r);
    }
    return out;
  }

  /** Excel's used range: spilled values count as used, though only their anchor holds a formula. */
  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
    let r = sheet.usedRect(valuesOnly);
    if (!r) return r;
    sheet.forEachCell((row, col, c) => {
      if (c.formula === undefined) return;
      const s = this.spillRect(sheet, row, col);
      if (!s || !r) return;
      r = {
        top: Math.min(r.top, s.top),
        left: Math.min(r.left, s.left),
        bottom: Math.max(r.bottom, s.bottom),
        right: Math.max(r.right, s.right),
      };
    });
    return r;
  }

  /** The formula of a cell as Excel reports it ("=SUM(A1:A3)"), or undefined for a constant. */
  formula(sheet: SheetModel, row: number, col: number): string | undefined {
    const c = sheet.cell(row, col);
    if (c?.formula === undefined) return undefined;
    this.flush();
    // HyperFormula keeps references right when sheets are renamed; our text is the fallback for
    // formulas it could not parse (unknown functions).
    return this.hf.getCellFormula({ sheet: this.hfSheet(sheet), row, col }) ?? c.formula;
  }

  /** Stores a constant exactly as given: strings stay strings (no number or formula parsing). */
  setConstant(sheet: SheetModel, row: number, col: number, value: Scalar): void {
    const c = sheet.cellForWrite(row, col);
    c.value = value === "" ? null : value;
    delete c.formula;
    this.queue(
      sheet,
      row,
      col,
      // The apostrophe tells HyperFormula "text": without it "=x" would be parsed, "12" made a number.
      typeof value === "string" && value !== "" ? `'${value}` : value === "" ? null : value
    );
    this.dropIfEmpty(sheet, row, col);
    this.touch();
  }

  setFormula(sheet: SheetModel, row: number, col: number, formula: string): void {
    const f = normalizeFormula(formula);
    const c = sheet.cellForWrite(row, col);
    c.value = null;
    c.formula = f;
    this.queue(sheet, row, col, f);
    this.touch();
  }

  /**
   * A value written the way Excel takes `range.values` (like typing): "=…" becomes a formula, "12" or
   * "8,5" (in a comma culture) a number, "TRUE" a boolean, a leading apostrophe forces text; cells
   * formatted as text ("@") keep the string as it is.
   */
  enter(sheet: SheetModel, row: number, col: number, v: unknown): void {
    if (v === null || v === undefined || v === "") {
      this.setConstant(sheet, row, col, null);
      return;
    }
    if (typeof v === "number" || typeof v === "boolean") {
      this.setConstant(sheet, row, col, v);
      return;
    }
    const s = String(v);
    const fmt = sheet.cell(row, col)?.style?.numberFormat;
    if (fmt === "@") this.setConstant(sheet, row, col, s);
    else if (s.startsWith("'")) this.setConstant(sheet, row, col, s.slice(1));
    else if (s.startsWith("=") && s.length > 1) this.setFormula(sheet, row, col, s);
    else {
      const n = this.parseNumber(s);
      if (n !== undefined) this.setConstant(sheet, row, col, n);
      else if (/^(true|false)$/i.test(s))
        this.setConstant(sheet, row, col, s.toLowerCase() === "true");
      else this.setConstant(sheet, row, col, s);
    }
  }

  parseNumber(s: string): number | undefined {
    const t = s.trim();
    const dec = this.decimalSeparator === "," ? "," : "\\.";
    const m = new RegExp(`^([+-]?)(\\d+(?:${dec}\\d*)?|${dec}\\d+)(?:[eE]([+-]?\\d+))?(%?)$`).exec(
      t
    );
    if (!m) return undefined;
    let n = Number(m[2].replace(",", ".")) * (m[3] ? 10 ** Number(m[3]) : 1);
    if (m[1] === "-") n = -n;
    if (m[4]) n /= 100;
    return n;
  }

  clearContents(sheet: SheetModel, r: Rect): void {
    sheet.forEachCell((row, col, c) => {
      if (!containsCell(r, row, col)) return;
      c.value = null;
      delete c.formula;
      this.queue(sheet, row, col, null);
      this.dropIfEmpty(sheet, row, col);
    });
    this.touch();
  }

  clearFormats(sheet: SheetModel, r: Rect): void {
    sheet.forEachCell((row, col, c) => {
      if (!containsCell(r, row, col)) return;
      delete c.style;
      this.dropIfEmpty(sheet, row, col);
    });
    this.touch();
  }

  private dropIfEmpty(sheet: SheetModel, row: number, col: number): void {
    const c = sheet.cell(row, col);
    if (c && c.value === null && c.formula === undefined && !c.style)
      sheet.cells.delete(key(row, col));
  }

  style(sheet: SheetModel, row: number, col: number): CellStyle {
    return sheet.cell(row, col)?.style ?? {};
  }

  /** Merges a partial style into a cell's style (fonts and borders merged field by field). */
  patchStyle(sheet: SheetModel, row: number, col: number, patch: CellStyle): void {
    const c = sheet.cellForWrite(row, col);
    const s: CellStyle = { ...(c.style ?? {}) };
    for (const [k, v] of Object.entries(patch) as [keyof CellStyle, unknown][]) {
      if (v === undefined) continue;
      if (k === "font") s.font = { ...(s.font ?? {}), ...(v as FontModel) };
      else if (k === "borders")
        s.borders = { ...(s.borders ?? {}), ...(v as CellStyle["borders"]) };
      else if (k === "fill" && v === null) delete s.fill;
      else (s as Record<string, unknown>)[k] = v;
    }
    c.style = s;
    this.touch();
  }

  merge(sheet: SheetModel, r: Rect, across: boolean): void {
    const areas: Rect[] = across
      ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({
          ...r,
          top: r.top + i,
          bottom: r.top + i,
        }))
      : [r];
    for (const a of areas) {
      if (a.top === a.bottom && a.left === a.right) continue;
      sheet.merges = sheet.merges.filter((m) => !intersects(m, a));
      // Excel keeps only the top-left value of a merged area.
      sheet.forEachCell((row, col, c) => {
        if (
          containsCell(a, row, col) &&
          !(row === a.top && col === a.left) &&
          (c.formula || c.value !== null)
        ) {
          this.setConstant(sheet, row, col, null);
        }
      });
      sheet.merges.push({ ...a });
    }
    this.touch();
  }

  unmerge(sheet: SheetModel, r: Rect): void {
    sheet.merges = sheet.merges.filter((m) => !intersects(m, r));
    this.touch();
  }

  // ---- workbook parts ----

  /** `id`: the part's id when loading a file that has one; a new GUID otherwise, as Office gives. */
  addCustomXmlPart(xml: string, id?: string): CustomXmlPartModel {
    const part = { id: id ?? newGuid(), namespaceUri: namespaceOf(xml), xml };
    this.customXmlParts.push(part);
    this.touch();
    return part;
  }

  addName(name: string, formula: string, comment = ""): NameModel {
    if (this.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
      throw new SimError("ItemAlreadyExists", `The name "${name}" already exists.`);
    }
    const f = formula.startsWith("=") ? formula : `=${formula}`;
    const n = { name, formula: f, comment, visible: true };
    this.names.push(n);
    try {
      this.flush();
      this.hf.addNamedExpression(name, f);
    } catch {
      // A name HyperFormula cannot take (e.g. an odd reference) is stored anyway, as Excel does.
    }
    this.touch();
    return n;
  }

  deleteName(name: string): void {
    this.names = this.names.filter((n) => n.name.toLowerCase() !== name.toLowerCase());
    try {
      this.hf.removeNamedExpression(name);
    } catch {
      // not known to the engine
    }
    this.touch();
  }

  /** A short label for messages: "'Bảng điểm'!A1:B2". */
  describe(sheet: SheetModel, r: Rect): string {
    return `${sheet.name}!${rectA1(r)}`;
  }
}

/** `_xlfn.RANK.EQ` (as stored in files) → `RANK.EQ` (as the API shows it). */
export function normalizeFormula(f: string): string {
  const t = f.startsWith("=") ? f : `=${f}`;
  return t.replace(/_xlfn\.|_xlws\./gi, "");
}

function toResult(v: unknown): CellResult {
  if (v instanceof DetailedCellError) return { error: v.value };
  if (v === undefined) return null;
  return v as CellResult;
}

/** A name's formula with references to sheet `from` pointed at `to` (a quoted name or "#REF"). */
function retarget(formula: string, from: string, to: string): string {
  const quoted = `'${from.replace(/'/g, "''")}'!`;
  let f = formula.split(quoted).join(`${to}!`);
  if (formatSheetName(from) === from) {
    f = f.replace(
      new RegExp(`(^|[^\\w.'])${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}!`, "g"),
      `$1${to}!`
    );
  }
  return f;
}
