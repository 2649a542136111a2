/** Sheet-qualified A1 addresses as core writes them ("'Bảng điểm'!D12") and Office returns them. */
import { columnIndex } from "../core/grid";

export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface QualifiedAddress {
  sheet: string | null;
  /** The local part as given ("D12", "A1:K28"). */
  local: string;
  rect: CellRect;
}

function unquote(sheet: string): string {
  return sheet.startsWith("'") && sheet.endsWith("'")
    ? sheet.slice(1, -1).replace(/''/g, "'")
    : sheet;
}

/** Parses "'Bảng điểm'!D12", "Sheet1!A1:B2" or "D12"; null when it is none of these. */
export function parseAddress(address: string): QualifiedAddress | null {
  const s = address.trim();
  const bang = s.lastIndexOf("!");
  const sheet = bang < 0 ? null : unquote(s.slice(0, bang));
  const local = (bang < 0 ? s : s.slice(bang + 1)).replace(/\$/g, "");
  const m = /^([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?$/.exec(local);
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  if (top < 0 || bottom < top || right < left) return null;
  return { sheet, local, rect: { top, left, bottom, right } };
}

/** Splits a RangeAreas address ("S!A1:B2,S!D4") at commas outside quoted sheet names. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
