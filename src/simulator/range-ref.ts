/**
 * What a range proxy is bound to (a sheet and a rectangle) and the cell-level rules every range
 * object shares: shapes of written arrays, protection, hidden rows and columns, uniform reads.
 */
import { MAX_COLS, MAX_ROWS, Rect, qualifiedA1, rectCols, rectRows } from "./address";
import { SimError } from "./errors";
import { formatValue } from "../core/number-format";
import { CellResult, CellStyle, SheetModel, WorkbookModel } from "./model";
import { ProxyContext } from "./proxy";

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

/** Cells of a range as a 2-D array built by `f` (guards against whole-column reads). */
export function grid<T>(ref: RangeRef, f: (row: number, col: number) => T): T[][] {
  const rows = rectRows(ref.rect);
  const cols = rectCols(ref.rect);
  if (rows * cols > 5_000_000) {
    throw new SimError(
      "GeneralException",
      `Range ${qualifiedA1(ref.sheet.name, ref.rect)} is too large to read.`
    );
  }
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: T[] = [];
    for (let c = 0; c < cols; c++) line.push(f(ref.rect.top + r, ref.rect.left + c));
    out.push(line);
  }
  return out;
}

/** Office takes either a 2-D array of the range's shape or one value for every cell. */
export function shaped(ref: RangeRef, v: unknown, what: string): (r: number, c: number) => unknown {
  const rows = rectRows(ref.rect);
  const cols = rectCols(ref.rect);
  if (!Array.isArray(v)) return () => v;
  if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new SimError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${rows}×${cols}).`
    );
  }
  return (r, c) => (v as unknown[][])[r][c];
}

export function assertEditable(ref: RangeRef, contentOnly: boolean, model: WorkbookModel): void {
  if (!ref.sheet.protection.protected) return;
  const { rect, sheet } = ref;
  if (contentOnly) {
    let allUnlocked = true;
    for (let r = rect.top; r <= rect.bottom && allUnlocked; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        if (model.style(sheet, r, c).locked !== false) {
          allUnlocked = false;
          break;
        }
      }
    }
    if (allUnlocked) return;
  }
  throw new SimError(
    "InvalidOperation",
    `The cell or chart you're trying to change is on a protected sheet (${qualifiedA1(sheet.name, rect)}).`
  );
}

export function valueOut(v: CellResult): number | string | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

export function valueType(v: CellResult): string {
  if (v === null) return "Empty";
  if (typeof v === "object") return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

/**
 * Office's Range.rowHidden / columnHidden: true when every row (column) of the span is hidden, false
 * when none is, null when some are. Walks the hidden set, not the span: a whole column is a million rows.
 */
export function hiddenState(hidden: Set<number>, first: number, last: number): boolean | null {
  let n = 0;
  for (const i of hidden) if (i >= first && i <= last) n++;
  return n === 0 ? false : n === last - first + 1 ? true : null;
}

export function setHidden(
  ref: RangeRef,
  v: unknown,
  what: "rowHidden" | "columnHidden",
  model: WorkbookModel
): void {
  if (typeof v !== "boolean") throw new SimError("InvalidArgument", `${what} takes true or false.`);
  const { sheet, rect } = ref;
  const rows = what === "rowHidden";
  // Hiding is formatting rows or columns: a protected sheet refuses it unless its options allow it.
  const allow = rows ? "allowFormatRows" : "allowFormatColumns";
  if (sheet.protection.protected && sheet.protection.options[allow] !== true) {
    throw new SimError(
      "InvalidOperation",
      `The cell or chart you're trying to change is on a protected sheet (${qualifiedA1(sheet.name, rect)}).`
    );
  }
  const set = rows ? sheet.hiddenRows : sheet.hiddenCols;
  const [first, last] = rows ? [rect.top, rect.bottom] : [rect.left, rect.right];
  if (v) {
    if (last - first + 1 > 100_000) throw new SimError("GeneralException", "Too many rows.");
    for (let i = first; i <= last; i++) set.add(i);
  } else for (const i of [...set]) if (i >= first && i <= last) set.delete(i);
  model.touch();
}

export function uniform<T>(ref: RangeRef, f: (r: number, c: number) => T): T | null {
  const { rect } = ref;
  let first: T | undefined;
  let seen = false;
  const n = rectRows(rect) * rectCols(rect);
  if (n > 100_000) return null;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = f(r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
    }
  }
  return first ?? null;
}

/** Applies a style patch to every cell of the range (rows/columns themselves for widths and heights). */
export function styleEach(ctx: ProxyContext, ref: RangeRef, patch: CellStyle): void {
  const m = ctx.model;
  assertEditable(ref, false, m);
  const { rect } = ref;
  if (rectRows(rect) * rectCols(rect) > 1_000_000) {
    throw new SimError(
      "GeneralException",
      "Formatting a range this large is not supported by the simulator."
    );
  }
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++) m.patchStyle(ref.sheet, r, c, patch);
}

export function normColor(v: unknown): string {
  const s = String(v);
  return /^#[0-9a-f]{6}$/i.test(s) ? s.toUpperCase() : s;
}

/** A range's scalar property as Office reports it (values, text, formulas, sizes, hidden, spill). */
export function readRange(m: WorkbookModel, ref: RangeRef, prop: string): unknown {
  const { sheet, rect } = ref;
  switch (prop) {
    case "address":
    case "addressLocal":
      return qualifiedA1(sheet.name, rect);
    case "values":
      return m.results(sheet, rect).map((row) => row.map(valueOut));
    case "valueTypes":
      return m.results(sheet, rect).map((row) => row.map(valueType));
    case "text": {
      const res = m.results(sheet, rect);
      return res.map((row, r) =>
        row.map((v, c) =>
          formatValue(
            v,
            m.style(sheet, rect.top + r, rect.left + c).numberFormat ?? "General",
            m.decimalSeparator,
            m.thousandsSeparator
          )
        )
      );
    }
    case "formulas": {
      const res = m.results(sheet, rect);
      return res.map((row, r) =>
        row.map((v, c) => {
          const f = m.formula(sheet, rect.top + r, rect.left + c);
          if (f !== undefined) return f;
          const cell = sheet.cell(rect.top + r, rect.left + c);
          return cell ? valueOut(cell.value) : valueOut(v);
        })
      );
    }
    case "numberFormat":
      return grid(ref, (r, c) => m.style(sheet, r, c).numberFormat ?? "General");
    case "rowIndex":
      return rect.top;
    case "columnIndex":
      return rect.left;
    case "rowCount":
      return rectRows(rect);
    case "columnCount":
      return rectCols(rect);
    case "cellCount":
      return rectRows(rect) * rectCols(rect);
    case "isEntireColumn":
      return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
    case "isEntireRow":
      return rect.left === 0 && rect.right === MAX_COLS - 1;
    case "rowHidden":
      return hiddenState(sheet.hiddenRows, rect.top, rect.bottom);
    case "columnHidden":
      return hiddenState(sheet.hiddenCols, rect.left, rect.right);
    case "hasSpill": {
      // Excel: true when every cell is inside a spill, false when none is, null when some are.
      let inside = 0;
      for (const s of m.spills(sheet)) {
        const rows = Math.min(s.bottom, rect.bottom) - Math.max(s.top, rect.top) + 1;
        const cols = Math.min(s.right, rect.right) - Math.max(s.left, rect.left) + 1;
        if (rows > 0 && cols > 0) inside += rows * cols;
      }
      return inside === 0 ? false : inside === rectRows(rect) * rectCols(rect) ? true : null;
    }
    default:
      throw new SimError("InvalidArgument", `Range has no property ${prop}.`);
  }
}
