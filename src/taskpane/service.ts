/**
 * The seam between the task pane and the workbook (STYLE.md 1: UI components get callbacks, never
 * `Excel`). Components only see a ThiduaService through React context; src/taskpane/excel-service.ts
 * implements it over src/excel + src/core + src/sheets, the tests implement it with plain data.
 * Everything crossing the seam is plain data built from src/core types.
 */
import type { Lang } from "../core/i18n";
import type { ClassificationBand, ClusterProfile } from "../core/profile";
import type { Issue, IssueFix } from "../core/issues";
import type { RankingReport, UnitResult } from "../core/report";
import type { TitleInfo } from "../core/title";
import type { MeetingEntries, MeetingProblem, MeetingSetup, MeetingVoteLine } from "./meeting-api";
import type { CriteriaOnlyService } from "./criteria-only-api";
import type { ErrorCode } from "../sheets/errors";

export interface SheetInfo {
  name: string;
  active: boolean;
  /** A sheet the product wrote (ranking, covenant, template): never offered as a score sheet. */
  ours: boolean;
}

/** The parts of a reading the user can correct by selecting a range (DOMAIN.md §4). */
export const MAPPING_PARTS = [
  "header",
  "codes",
  "labels",
  "max",
  "weights",
  "units",
  "self",
  "review",
  "bonus",
  "deduction",
] as const;
export type MappingPart = (typeof MAPPING_PARTS)[number];

export interface MappingPartInfo {
  part: MappingPart;
  /** Where the part was found ("'Bảng điểm'!C6:C30"), null when not found. */
  where: string | null;
  /** True when the user set this part by hand (saved in the workbook profile). */
  corrected?: boolean;
  /** False when this part is derived (from labels, headers) and a selection cannot set it. */
  correctable?: boolean;
}

export interface UnitColumns {
  unit: string;
  /** Where the unit's self scores (tự chấm) are, null when the sheet has none. */
  self: string | null;
  /** Where the reviewed scores (cụm chấm / thẩm định) are, null when the sheet has none. */
  review: string | null;
}

export interface MappingSummary {
  /** "A" | "B" | "C" | "D" (DOMAIN.md §4) or "" when unknown. */
  layout: string;
  /** 0..1 */
  confidence: number;
  /** Why the engine read the sheet this way, in the requested language. */
  reasons: string[];
  parts: MappingPartInfo[];
  /** describeMapping's sentences, in the requested language. */
  lines: string[];
  /** The reading came from the mapping saved in the workbook, not from detection. */
  saved: boolean;
}

export interface Reading {
  sheets: string[];
  mapping: MappingSummary;
  units: UnitColumns[];
  report: RankingReport;
  /** The year, cluster and Cụm/Khối the sheet's own title names (DOMAIN.md §8), when it names them. */
  title?: TitleInfo;
}

export interface FixPreview {
  fix: IssueFix;
  /** The cell's current content as shown ("18,5", "Së Néi vô"). */
  before: string;
}

export type RankMode = "values" | "formulas";

export interface RankResult {
  /** The sheet written (a suffixed name when the user had a sheet with ours). */
  sheetName: string;
  report: RankingReport;
}

export interface CovenantSheetResult {
  kind: "sheet";
  sheetName: string;
}

export interface CovenantDocxResult {
  kind: "docx";
  fileName: string;
  blob: Blob;
}

export type CovenantResult = CovenantSheetResult | CovenantDocxResult;

/** The meeting's documents (DOMAIN.md §8): minutes, ballot with the vote count, award proposal. */
export type MeetingDoc = "minutes" | "votes" | "proposal";

export interface TemplatesResult {
  sheetNames: string[];
}

/** A print preview Office was asked to open; `closed` settles when the user closes it. */
export interface PreviewHandle {
  closed: Promise<void>;
}

/** A gap, overlap or bad value in the classification bands (K6), as core's checkBands words it. */
export interface BandProblem {
  message: string;
}

export interface RotationSuggestion {
  head: string;
  deputy: string;
}

/**
 * Why a call failed, so the pane can say what to do next. Adapters throw ServiceError; anything else
 * is shown as "unexpected" without its stack.
 */
export type ServiceErrorCode = ErrorCode;

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    /** Extra detail for the user (a sheet name, what was not found), already in their language. */
    readonly detail?: string
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "ServiceError";
  }
}

export interface ThiduaService {
  /** Office's display language ("vi-VN", "en-US"); the pane starts in it. */
  readonly displayLanguage: string;
  listSheets(): Promise<SheetInfo[]>;
  /** Read and analyse the named sheets (default: the active one). Reading never writes. */
  read(sheets: string[] | undefined, lang: Lang): Promise<Reading>;
  /** Take the range selected in Excel as `part` of the current reading, save it, read again. */
  useSelection(part: MappingPart, reading: Reading, lang: Lang): Promise<Reading>;
  /** Forget the mapping saved for these sheets and detect again. */
  resetMapping(reading: Reading, lang: Lang): Promise<Reading>;
  /** The current content of the cells the fixes would change. */
  previewFixes(fixes: IssueFix[]): Promise<FixPreview[]>;
  /** Write exactly these cells; returns how many were written. */
  applyFixes(fixes: IssueFix[]): Promise<number>;
  selectCell(address: string): Promise<void>;
  /**
   * Colours the cells these issues name (a temporary conditional format by severity, over any earlier
   * marks); returns how many cells are marked. Absent where the workbook cannot be marked.
   */
  markIssues?(issues: Pick<Issue, "cell" | "severity">[]): Promise<number>;
  /** Removes the marks, and nothing else; also done before every write and every new reading. */
  clearMarks?(): Promise<void>;
  buildRanking(mode: RankMode, reading: Reading, lang: Lang): Promise<RankResult>;
  buildCovenant(as: "sheet" | "docx", reading: Reading | null, lang: Lang): Promise<CovenantResult>;
  /** One of the meeting's documents as a Word file; what the meeting has not said prints blank. */
  buildMeetingDoc(doc: MeetingDoc, reading: Reading, lang: Lang): Promise<CovenantDocxResult>;
  buildTemplates(reading: Reading, lang: Lang): Promise<TemplatesResult>;
  /** The ranking and the covenant at print size in a large dialog (absent where there is no Office). */
  openPreview?(reading: Reading, lang: Lang): Promise<PreviewHandle>;
  /**
   * The Họp cụm screen's side of the workbook (attendance, ballots, votes → tally sheet and documents),
   * loaded with the screen; absent where the pane has no workbook to write to.
   */
  meeting?(): Promise<MeetingService>;
  /** The criteria-only panel's side (bảng điểm chuẩn → forms, covenant), loaded with the panel. */
  criteriaOnly?(): Promise<CriteriaOnlyService>;
  loadProfile(): Promise<ClusterProfile>;
  saveProfile(profile: ClusterProfile): Promise<void>;
  /** K8: next head = this deputy, next deputy = the next member in the agreed order. */
  suggestRotation(profile: ClusterProfile): RotationSuggestion | null;
  /** K6: gaps and overlaps in the bands. */
  checkBands(bands: ClassificationBand[], lang: Lang): BandProblem[];
}

/** The Họp cụm screen's side of the workbook, loaded with the screen (ThiduaService.meeting). */
export interface MeetingService {
  setup(reading: Reading, lang: Lang): Promise<MeetingSetup>;
  /** Every problem of the entries, with the field it concerns (empty: fine). */
  check(entries: MeetingEntries): MeetingProblem[];
  /** K7 as typed: each candidate's share of the ballots returned and, with a threshold, the result. */
  results(entries: MeetingEntries, threshold: number | null): MeetingVoteLine[];
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

/** Units sorted by rank, then by name, for the "top units" list. */
export function topUnits(report: RankingReport, n: number): UnitResult[] {
  return report.units
    .slice()
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, "vi"))
    .slice(0, n);
}
