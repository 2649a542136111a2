/** A1 addresses the way Excel writes and reads them (sheet quoting, $ anchors, whole rows/columns). */
import { columnIndex, columnLetter } from "../core/grid";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectRows(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function rectCols(r: Rect): number {
  return r.right - r.left + 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function containsCell(a: Rect, row: number, col: number): boolean {
  return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
}

/** Excel quotes a sheet name unless it is a plain identifier: Sheet1!A1 but 'Bảng điểm'!A1. */
export function formatSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function cellA1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function rectA1(r: Rect): string {
  if (r.top === 0 && r.bottom === MAX_ROWS - 1)
    return `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  const a = cellA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellA1(r.bottom, r.right)}`;
}

export function qualifiedA1(sheetName: string, r: Rect): string {
  return `${formatSheetName(sheetName)}!${rectA1(r)}`;
}

/** Splits "'It''s'!A1:B2" into the sheet name (unquoted) and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i++];
    }
    if (s[i + 1] !== "!") throw new Error(`Bad address: ${address}`);
    return { sheet: name, local: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  return bang < 0 ? { local: s } : { sheet: s.slice(0, bang), local: s.slice(bang + 1) };
}

type Part = { row?: number; col?: number };

function parsePart(p: string): Part | null {
  const m = /^\$?([A-Za-z]{0,3})\$?([0-9]*)$/.exec(p.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const part: Part = {};
  if (m[1]) part.col = columnIndex(m[1]);
  if (m[2]) part.row = Number(m[2]) - 1;
  return part;
}

/** Parses a local A1 reference ("B3", "A1:K28", "C:C", "2:4"); null when it is not one. */
export function parseRect(local: string): Rect | null {
  const [a, b = a] = local.split(":");
  const p = parsePart(a);
  const q = parsePart(b);
  if (!p || !q) return null;
  const whole = (x: Part): boolean => x.row === undefined || x.col === undefined;
  if (whole(p) !== whole(q) && local.includes(":")) return null;
  const top = p.row ?? 0;
  const bottom = q.row ?? (p.row === undefined ? MAX_ROWS - 1 : top);
  const left = p.col ?? 0;
  const right = q.col ?? (p.col === undefined ? MAX_COLS - 1 : left);
  if (p.row === undefined && q.row !== undefined) return null;
  const r = {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) return null;
  return r;
}

/** Splits a RangeAreas address ("S!A1:B2,S!D4") at commas outside quotes. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out.map((s) => s.trim());
}
