/**
 * What the layout readers share: header roles per row, numbering rows, numeric cells, footers, and the
 * shape of a result (a mapping with its reasons, or the sentence naming what was not found).
 */
import { CORE_STRINGS } from "../strings";
import type { Lang } from "../i18n";
import { parseNumberText, scoreOverMax } from "../text";
import { headerRole, isFooterText, type HeaderRole } from "./vocab";
import type { DetectResult, Reason, SheetMapping } from "./types";
import type { SheetView } from "./view";

export type Roles = Map<HeaderRole, number[]>;

export function rolesOfRow(v: SheetView, row: number): Roles {
  const roles: Roles = new Map();
  for (let c = v.left; c <= v.right; c++) {
    const f = v.fold(row, c);
    if (f === "") continue;
    const role = headerRole(f);
    if (role === null) continue;
    const list = roles.get(role) ?? [];
    // A merged header repeats over its columns: count the role once per distinct cell text run.
    if (
      list.length > 0 &&
      list[list.length - 1] === c - 1 &&
      v.fold(row, c - 1) === f &&
      role !== "self" &&
      role !== "review"
    ) {
      continue;
    }
    list.push(c);
    roles.set(role, list);
  }
  return roles;
}

export function headerScore(roles: Roles): number {
  let s = 0;
  for (const [role] of roles) s += role === "label" || role === "unit" || role === "max" ? 2 : 1;
  return s;
}

export function first(roles: Roles, role: HeaderRole): number | null {
  const l = roles.get(role);
  return l && l.length > 0 ? l[0] : null;
}

/** A row numbering the columns under a header: "1 2 3 4…" or "(1) (2) (3)…" or "A B 1 2". */
export function isNumberingRow(v: SheetView, row: number): boolean {
  let n = 0;
  let seq = 0;
  let prev: number | null = null;
  for (let c = v.left; c <= v.right; c++) {
    if (v.isEmpty(row, c)) continue;
    const d = v.display(row, c).replace(/[()]/g, "").trim();
    n++;
    if (/^[0-9]+$/.test(d)) {
      const x = Number(d);
      if (prev !== null && x === prev + 1) seq++;
      prev = x;
    } else if (!/^[a-z*]$/i.test(d)) return false;
  }
  return n >= 3 && seq >= 2;
}

export function numericLike(v: SheetView, row: number, col: number, sep: "," | "."): boolean {
  const x = v.value(row, col);
  if (typeof x === "number") return true;
  if (x === undefined) return true;
  if (typeof x === "string")
    return parseNumberText(x, sep) !== null || scoreOverMax(x, sep) !== null;
  return typeof x === "object" && x !== null;
}

export function fail(lang: Lang, what: string, reasons: Reason[]): DetectResult {
  return {
    ok: false,
    message: CORE_STRINGS.t(lang, "notScoreSheet", { what }),
    reasons: reasons.map((r) => CORE_STRINGS.t(lang, r.key as never, r.params)),
  };
}

export function ok(mapping: SheetMapping, lang: Lang): DetectResult {
  return {
    ok: true,
    mapping,
    confidence: mapping.confidence,
    reasons: mapping.reasons.map((r) => CORE_STRINGS.t(lang, r.key as never, r.params)),
  };
}

/** "12, 13, 14" for a few items, the first ten and "…" for more. */
export function shortList(items: string[]): string {
  return items.length <= 10 ? items.join(", ") : `${items.slice(0, 10).join(", ")}, …`;
}

export function rowHasFooter(v: SheetView, r: number): boolean {
  for (const c of v.textColumns(r)) {
    const f = v.fold(r, c);
    if (f !== "" && isFooterText(f)) return true;
  }
  return false;
}
