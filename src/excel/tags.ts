/**
 * Which sheets the product made. Each one is tagged by a hidden workbook name pointing at its A1
 * ("_THIDUA_ranking_1k3x9a" → ='Xếp hạng'!$A$1): Excel keeps the reference right when the user
 * renames the sheet and turns it into #REF! when they delete it, the tag travels inside the file, and
 * it is read in the same round trip as the sheet list. A user's sheet is never tagged, so it is never
 * replaced (DESIGN.md "The user's cells are theirs").
 */
import type { SheetSpec } from "../sheets/spec";

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

export function tagName(kind: SheetSpec["kind"], wanted: string): string {
  return `${TAG_PREFIX}${kind}_${hash(wanted)}`;
}

export interface SheetTag {
  tag: string;
  kind: string;
  /** The sheet it points at now; null when the user deleted it (#REF!). */
  sheet: string | null;
}

/** The sheet name inside "='Xếp hạng'!$A$1" / "=Sheet1!$A$1"; null for #REF!. */
export function sheetOfFormula(formula: string): string | null {
  const f = formula.replace(/^=/, "");
  if (f.includes("#REF")) return null;
  const bang = f.lastIndexOf("!");
  if (bang < 0) return null;
  const s = f.slice(0, bang);
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

export function queueTags(context: Excel.RequestContext): () => SheetTag[] {
  const names = context.workbook.names;
  names.load("items/name, items/formula");
  return () =>
    names.items
      .filter((n) => n.name.startsWith(TAG_PREFIX))
      .map((n) => ({
        tag: n.name,
        kind: n.name.slice(TAG_PREFIX.length).split("_")[0],
        sheet: sheetOfFormula(n.formula),
      }));
}

/**
 * Kinds of our sheets that hold scores to rank, read like the user's own score sheets: the summary of
 * the returned self-score forms is the cluster's score table once the email round is done.
 */
export const SCORE_KINDS: ReadonlySet<string> = new Set(["summary"]);

/**
 * Sheet names (lower-cased) of our outputs (ranking, covenant, templates, votes): never read as
 * scores. A summary is ours too, but it is an input (SCORE_KINDS).
 */
export function ourSheets(tags: SheetTag[]): Set<string> {
  return new Set(
    tags
      .filter((t) => t.sheet && !SCORE_KINDS.has(t.kind))
      .map((t) => (t.sheet as string).toLowerCase())
  );
}
