/**
 * Range selection as Excel makes it: an active cell inside a rectangle, the rectangle grown over the
 * merges it touches, Ctrl+A's current region, and the name box's addresses ("D5", "D5:J23").
 */
import { parseRect, rectA1, type Rect, type SheetModel } from "../simulator";

export interface CellPos {
  row: number;
  col: number;
}

/** The selection: the cell typing goes to, the block it belongs to, and the corner Shift+arrows move. */
export interface GridSelection {
  active: CellPos;
  rect: Rect;
  extent: CellPos;
}

/** The cells from `a` to `b` whichever way round, grown until no merge sticks out of it. */
export function spanRect(sheet: SheetModel, a: CellPos, b: CellPos): Rect {
  const r: Rect = {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
  // Excel never selects part of a merged area: a block touching one takes all of it.
  for (let grown = true; grown;) {
    grown = false;
    for (const m of sheet.merges) {
      const touches =
        m.top <= r.bottom && r.top <= m.bottom && m.left <= r.right && r.left <= m.right;
      if (!touches) continue;
      if (m.top < r.top || m.left < r.left || m.bottom > r.bottom || m.right > r.right) {
        r.top = Math.min(r.top, m.top);
        r.left = Math.min(r.left, m.left);
        r.bottom = Math.max(r.bottom, m.bottom);
        r.right = Math.max(r.right, m.right);
        grown = true;
      }
    }
  }
  return r;
}

/** One cell (or the merge holding it) selected. */
export function cellSelection(sheet: SheetModel, pos: CellPos): GridSelection {
  return { active: pos, rect: spanRect(sheet, pos, pos), extent: pos };
}

function filled(sheet: SheetModel, row: number, col: number): boolean {
  if (row < 0 || col < 0) return false;
  const c = sheet.cell(row, col);
  return !!c && (c.formula !== undefined || (c.value !== null && c.value !== ""));
}

/**
 * Ctrl+A's first press: the block of filled cells around the active cell, each side pushed out while
 * the row or column just beyond it (diagonals included) holds anything.
 */
export function currentRegion(sheet: SheetModel, pos: CellPos): Rect {
  const r: Rect = { top: pos.row, left: pos.col, bottom: pos.row, right: pos.col };
  const rowHas = (row: number): boolean => {
    for (let c = r.left - 1; c <= r.right + 1; c++) if (filled(sheet, row, c)) return true;
    return false;
  };
  const colHas = (col: number): boolean => {
    for (let row = r.top - 1; row <= r.bottom + 1; row++) if (filled(sheet, row, col)) return true;
    return false;
  };
  for (let grown = true; grown;) {
    grown = false;
    if (r.top > 0 && rowHas(r.top - 1)) (r.top--, (grown = true));
    if (rowHas(r.bottom + 1)) (r.bottom++, (grown = true));
    if (r.left > 0 && colHas(r.left - 1)) (r.left--, (grown = true));
    if (colHas(r.right + 1)) (r.right++, (grown = true));
  }
  return spanRect(sheet, { row: r.top, col: r.left }, { row: r.bottom, col: r.right });
}

/** What the name box shows: the active cell alone, or the block ("D5:J23"). */
export function nameBoxText(sheet: SheetModel, sel: GridSelection): string {
  const single = spanRect(sheet, sel.active, sel.active);
  const same =
    single.top === sel.rect.top &&
    single.left === sel.rect.left &&
    single.bottom === sel.rect.bottom &&
    single.right === sel.rect.right;
  return same
    ? rectA1({
        top: sel.active.row,
        left: sel.active.col,
        bottom: sel.active.row,
        right: sel.active.col,
      })
    : rectA1(sel.rect);
}

/**
 * The selection a name-box entry asks for ("b3", "D5:J23", "$A$1"), the block's top-left cell
 * active; null when it is not a cell or block address.
 */
export function parseNameBox(sheet: SheetModel, text: string): GridSelection | null {
  const t = text.trim();
  if (!/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(t)) return null;
  const r = parseRect(t);
  if (!r) return null;
  const active = { row: r.top, col: r.left };
  const extent = { row: r.bottom, col: r.right };
  return { active, rect: spanRect(sheet, active, extent), extent };
}
