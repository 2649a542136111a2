/**
 * What the engine returns for one ranking: the shape behind `thidua rank --json` (DESIGN.md), the
 * ranking sheet, the task pane and the custom functions.
 */
import type { Issue } from "./issues";

export type CriterionKind = "content" | "bonus" | "deduction";

export interface CriterionNode {
  /** Stable within a report: the code path or the source row ("I.1.2" / "r12"). */
  id: string;
  /** As typed ("I", "1.1", "a)"), "" when the sheet has none. */
  code: string;
  /** Unicode NFC, legacy encodings converted. */
  label: string;
  /** điểm chuẩn after weighting (R5); null when the sheet gives none. */
  max: number | null;
  weight: number;
  kind: CriterionKind;
  /** 0 for sections (I, II…), 1 for criteria, deeper for sub-criteria. */
  level: number;
  children: CriterionNode[];
}

export interface SectionScore {
  /** The top-level node's id, code and label. */
  id: string;
  code: string;
  label: string;
  kind: CriterionKind;
  /** Sum of the section's weighted leaves (bonus: before the cap; deduction: magnitude). */
  score: number;
  max: number | null;
}

export interface UnitResult {
  name: string;
  /** Rounded at the profile precision (R10): what the sheet shows is what ranks. */
  total: number;
  /** Full precision, for audits. */
  rawTotal: number;
  rank: number;
  /** "Nhất" / "Nhì" / "Ba" (or the English labels), null past 3. */
  label: string | null;
  classification: string;
  /** The award proposed for this unit (K5), null when none. */
  award: string | null;
  /** K9: tied across the last slot of an award; the meeting decides ("chờ bình xét"). */
  awardPending?: boolean;
  /** Content sections only, in sheet order. */
  sections: SectionScore[];
  /** Capped bonus (R7). */
  bonus: number;
  /** Deductions as a magnitude (R8). */
  deduction: number;
  /**
   * R11, where units have different maxima (layout E, criteria that do not apply to some units): this
   * unit's own max and its share = total ÷ max, unrounded, which is what ranks. Absent otherwise; the
   * share is null when the max is unknown or 0.
   */
  max?: number | null;
  share?: number | null;
  /** No blank leaf (R4); a rank of an incomplete unit is provisional. */
  complete: boolean;
  eligible: boolean;
  /**
   * Where each leaf's counted score lives: criterion id → sheet-qualified A1 address. Lets the ranking
   * sheet's live-formula mode reference the user's cells.
   */
  leafCells: Record<string, string>;
  /** Source of this unit's column or row: file and sheet. */
  file?: string;
  sheet: string;
}

export interface RankingReport {
  files: string[];
  /** The sheet(s) read. */
  sheets: string[];
  /** The detected (or saved) mapping per sheet; opaque to everything outside core/layout. */
  mappings: unknown[];
  /** True when any issue of severity error exists or any unit is incomplete. */
  provisional: boolean;
  errorCount: number;
  criteria: CriterionNode[];
  contentMax: number;
  bonusCap: number;
  /** contentMax + bonusCap (K6). */
  maxTotal: number;
  precision: number;
  /** R11: "share" when the units were ranked by share of their own max; absent when by points. */
  rankedBy?: "share";
  units: UnitResult[];
  issues: { [K in keyof Issue]: Issue[K] }[];
  /**
   * Problems of the cluster's settings that change results without being a cell's fault: today the
   * classification bands (K6 gaps, overlaps, out-of-range minimums), as sentences in the report's
   * language; empty when the settings are sound. Optional only for reports built outside the engine.
   */
  settingsProblems?: string[];
  /**
   * Score sheets found but not ranked, with why: another summary of the same file was ranked (a
   * workbook with "Quý I" and "Quý II", or a score sheet and its old copy), or the unit forms of a
   * file that also has a summary. Never skipped in silence: `notes` says it in words.
   */
  skippedSheets?: SkippedSheet[];
  /**
   * What the reader decided that changes the result and that the user should hear of: sheets skipped,
   * hidden columns or rows not ranked or still counted. Sentences in the report's language.
   */
  notes?: string[];
  /**
   * The email loop's receipt when the units came from returned forms: members without a form, forms
   * refused (both also form-missing / form-refused issues) and forms the head accepted anyway.
   */
  returns?: { missing: string[]; refused: UnitReason[]; accepted: UnitReason[] };
}

export interface UnitReason {
  unit: string;
  reason: string;
}

export interface SkippedSheet {
  file?: string;
  sheet: string;
  /** The layout the skipped sheet was read as (DOMAIN §4). */
  layout: "A" | "B" | "C" | "D";
  /** The sheet ranked in its place. */
  instead: string;
}
