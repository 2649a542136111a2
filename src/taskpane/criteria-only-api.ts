/**
 * The criteria-only sheet (bảng điểm chuẩn, DOMAIN.md §4) in the pane: the first document of the year
 * has the criteria and their max but no unit yet. The ranking refuses it; from it and the members the
 * secretary types, the pane builds each member's self-score form and the covenant, with the same
 * builders as `thidua template` and `thidua covenant`. Loaded with the panel that offers it.
 */
import type { Lang } from "../core/i18n";
import type { CriterionNode } from "../core/report";

export interface CriteriaOnlySource {
  /** The sheet the criteria were read from. */
  sheet: string;
  criteria: CriterionNode[];
  contentMax: number;
  /** The members the saved settings list, in their order (empty when none are saved). */
  members: string[];
}

export interface CriteriaOnlyService {
  /** The criteria-only sheet among these sheets (default: the active one), or null when none is. */
  read(sheets: string[] | undefined, lang: Lang): Promise<CriteriaOnlySource | null>;
  /**
   * One self-score form per member, in the order given, each a sheet of ours: a form made earlier for
   * the same member is made again in place (`replaced`), every other one is a new sheet.
   */
  writeForms(
    source: CriteriaOnlySource,
    members: string[],
    lang: Lang
  ): Promise<{ sheetNames: string[]; replaced: string[] }>;
  /** The covenant sheet, its parties the members given. */
  writeCovenant(
    source: CriteriaOnlySource,
    members: string[],
    lang: Lang
  ): Promise<{ sheetName: string }>;
  /** The covenant as a Word file to download (the document the members sign); writes nothing. */
  covenantDocx(
    source: CriteriaOnlySource,
    members: string[],
    lang: Lang
  ): Promise<{ fileName: string; blob: Blob }>;
  /** The way back: deletes these sheets the panel wrote (never a user's sheet); returns how many. */
  undo(sheetNames: string[], kind: "template" | "covenant"): Promise<number>;
}

/**
 * The members typed one per line: spaces trimmed and collapsed, NFC (N3), blank lines dropped, the
 * order kept; a name typed twice is kept once and reported, since two forms for one unit would collide.
 */
export function membersFromText(text: string): { members: string[]; duplicates: string[] } {
  const members: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const name = line.normalize("NFC").replace(/\s+/g, " ").trim();
    if (name === "") continue;
    const key = name.toLocaleLowerCase("vi");
    if (seen.has(key)) {
      if (!duplicates.includes(name)) duplicates.push(name);
      continue;
    }
    seen.add(key);
    members.push(name);
  }
  return { members, duplicates };
}
