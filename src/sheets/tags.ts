/**
 * The one sheet-tag contract, written and read by both adapters (Office.js in src/excel, ExcelJS in
 * src/xlsx). Each sheet we make is tagged by a hidden workbook-level defined name pointing at its A1
 * ("_THIDUA_ranking_1k3x9a" → ='Xếp hạng'!$A$1). A defined name survives email and every spreadsheet
 * program; Excel keeps it pointing at the sheet when the user renames it and turns it into #REF! when
 * they delete it. A user's sheet is never tagged, so it is never replaced (the user's cells are theirs).
 *
 * Defined names are case-insensitive in Excel and LibreOffice, and files written before this contract
 * carry "_thidua_<kind>_<n>": both spellings are read.
 */
import type { SheetSpec } from "./spec";

export const TAG_PREFIX = "_THIDUA_";

/** FNV-1a: a short stable key for the wanted name (names allow only letters, digits, _ and .). */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (const ch of s.normalize("NFC")) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The tag of the sheet of this kind we want to call `wanted`: the same name finds the same sheet again. */
export function tagName(kind: SheetSpec["kind"] | string, wanted: string): string {
  return `${TAG_PREFIX}${kind}_${hash(wanted)}`;
}

const TAG = /^_thidua_([a-z]+)_[0-9a-z]+$/i;

/** The kind of sheet a defined name tags ("ranking"…), or null when the name is not one of ours. */
export function kindOfTag(name: string): string | null {
  const m = TAG.exec(name);
  return m ? m[1].toLowerCase() : null;
}

export interface SheetTag {
  tag: string;
  kind: string;
  /** The sheet it points at now; null when the user deleted it (#REF!). */
  sheet: string | null;
}

/** The sheet name inside "='Xếp hạng'!$A$1" / "Sheet1!$A$1"; null for #REF! or no sheet. */
export function sheetOfReference(reference: string): string | null {
  const f = reference.replace(/^=/, "");
  if (f.includes("#REF")) return null;
  const bang = f.lastIndexOf("!");
  if (bang < 0) return null;
  const s = f.slice(0, bang);
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** Our tags among a workbook's defined names (name → the reference it holds). */
export function tagsOf(names: readonly { name: string; reference: string }[]): SheetTag[] {
  const out: SheetTag[] = [];
  for (const n of names) {
    const kind = kindOfTag(n.name);
    if (kind) out.push({ tag: n.name, kind, sheet: sheetOfReference(n.reference) });
  }
  return out;
}

/**
 * Kinds of our sheets that hold scores to rank, read like the user's own score sheets: the summary of
 * the returned self-score forms is the cluster's score table once the email round is done.
 */
export const SCORE_KINDS: ReadonlySet<string> = new Set(["summary"]);

/**
 * Sheet names (lower-cased) of our outputs (ranking, covenant, forms going out, votes, backups): never
 * read as scores beside a score sheet. A workbook holding nothing else (a returned self-score form)
 * is read whole by the readers' fallback.
 */
export function outputSheets(tags: readonly SheetTag[]): Set<string> {
  return new Set(
    tags
      .filter((t) => t.sheet && !SCORE_KINDS.has(t.kind))
      .map((t) => (t.sheet as string).toLowerCase())
  );
}
