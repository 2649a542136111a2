/**
 * The Họp cụm screen's seam to the workbook (types only): the pane's service hands out a
 * MeetingService loaded with the screen, so none of this reaches the pane's first paint.
 */
import type { Lang } from "../core/i18n";
import type { MeetingEntries, MeetingProblem } from "../sheets/meeting-input";
import type { CovenantDocxResult, MeetingDoc, Reading } from "./service";

export type { MeetingEntries, MeetingProblem };

export interface MeetingCandidate {
  name: string;
  rank: number;
  /** The award the ranking proposes; null when the unit is tied at the last slot (K9). */
  award: string | null;
}

/** What the screen starts from: the members, the candidates and the rotation's suggestion. */
export interface MeetingSetup {
  /** In the agreed order, else in the sheet's. */
  members: string[];
  /** The units the ranking proposes for an award or ties at the last slot (K6, K9), by rank. */
  candidates: MeetingCandidate[];
  /** K8: this year's deputy and the next member; "" when there is no head or deputy to rotate from. */
  nextHead: string;
  nextDeputy: string;
  /** The year the documents will print (0: none known, printed as a dotted blank). */
  year: number;
  /** "Cụm thi đua …" / "Khối thi đua …" as the documents will print it. */
  cluster: string;
  /** A Khối elects a Khối trưởng, never a Cụm trưởng (§8). */
  kind: "cum" | "khoi";
  /** Today, YYYY-MM-DD, for the date field. */
  today: string;
}

export interface MeetingService {
  setup(reading: Reading, lang: Lang): Promise<MeetingSetup>;
  /** Every problem of the entries, with the field it concerns (empty: fine). */
  check(entries: MeetingEntries): MeetingProblem[];
  /** The vote tally as a new sheet of ours (never over a user's sheet, nor over an earlier tally). */
  writeTally(reading: Reading, entries: MeetingEntries, lang: Lang): Promise<{ sheetName: string }>;
  /**
   * Deletes the tally sheet this screen wrote; false (nothing deleted) when it is gone, renamed, not
   * ours, or someone typed on it since.
   */
  undoTally(sheetName: string): Promise<boolean>;
  buildDoc(
    doc: MeetingDoc,
    reading: Reading,
    entries: MeetingEntries,
    lang: Lang
  ): Promise<CovenantDocxResult>;
}
