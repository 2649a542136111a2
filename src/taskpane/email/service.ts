/**
 * The seam between the email tab and the workbook (STYLE.md 1): the panel gets an EmailService and
 * never sees `Excel`. excel-email-service.ts implements it over src/excel + src/xlsx; tests implement
 * it with plain data. Everything crossing it is plain data from src/core.
 */
import type { Lang } from "../../core/i18n";
import type { PresendFinding } from "../../core/presend";
import type { ConflictChoice, ConsolidateResult } from "../../core/returns";

/** Where the reading of returned files stands: file `index` (1-based) of `total`. */
export interface ReadProgress {
  index: number;
  total: number;
  file: string;
}

export interface DownloadFile {
  fileName: string;
  blob: Blob;
}

/** A file the user picked or dropped, read in the browser. */
export interface PickedFile {
  name: string;
  bytes: ArrayBuffer;
}

export interface TemplateFile extends DownloadFile {
  unit: string;
}

export interface ReturnsWritten {
  result: ConsolidateResult;
  /** Null when nothing was written (no valid form, or the existing summary could not be read). */
  sheetName: string | null;
}

export interface PlannedCell {
  /** 'Xếp hạng'!D5 */
  cell: string;
  /** What the cell shows and keeps; the panel writes numbers the user's way ("87,75"). */
  value: string | number | boolean;
}

/** Opaque to the panel: it shows the cells and hands the plan back unchanged. */
export interface FreezePlanView {
  /** One per formula: its whole spill ("A6:E13") on its sheet. */
  groups: { sheet: string; range: string; formula: string }[];
  /** Every cell that will change. */
  cells: PlannedCell[];
  /** Cells showing an error: their formulas are not frozen. */
  errors: (PlannedCell & { formula: string })[];
}

export interface FreezeDone {
  written: number;
  /** Cells written, spills counted cell by cell. */
  cells: number;
  skipped: string[];
  /** Spilled tables frozen whole, by address. */
  spilled: string[];
  /** The hidden sheet keeping the formulas for Hoàn tác. */
  backupSheet: string | null;
}

export interface UndoDone {
  restored: number;
  /** Frozen ranges edited since: left as they are. */
  skipped: string[];
  /** False when there was no freeze to undo. */
  found: boolean;
}

export interface CleanCopy {
  file: DownloadFile;
  frozen: number;
  withoutValue: string[];
  /** True when Excel gave the whole file; false when the copy was rebuilt from the cells (fewer formats). */
  fromFile: boolean;
}

export interface FormSettings {
  year: number | null;
  clusterName: string;
  yearFrom: "profile" | "title" | "none";
  clusterFrom: "profile" | "title" | "none";
}

export interface ConfirmedForms {
  year: number;
  clusterName: string;
}

export class EmailServiceError extends Error {
  constructor(
    /** Already in the user's language: what happened and what to do. */
    readonly userMessage: string
  ) {
    super(userMessage);
    this.name = "EmailServiceError";
  }
}

export type Choices = Record<string, ConflictChoice>;

export interface EmailService {
  /** The year and cluster the forms will carry, prefilled for the head to confirm. */
  formSettings(lang: Lang): Promise<FormSettings>;
  /** The forms, with the year and cluster the head confirmed (stored in the settings too). */
  templateFiles(lang: Lang, confirmed: ConfirmedForms): Promise<TemplateFile[]>;
  /** Opens a form as a new Excel workbook; false when this Excel cannot. */
  openTemplateWorkbook(file: TemplateFile): Promise<boolean>;
  /** Consolidate without writing: what the head reviews before choosing. */
  /** `accept`: refused files the head takes anyway ("Vẫn nhận"), by name. */
  /** `onProgress`: called before each file is read, so the pane can say which one it is on. */
  previewReturns(
    files: PickedFile[],
    lang: Lang,
    choices: Choices,
    accept?: string[],
    onProgress?: (p: ReadProgress) => void
  ): Promise<ConsolidateResult>;
  writeReturns(
    files: PickedFile[],
    lang: Lang,
    choices: Choices,
    accept?: string[],
    onProgress?: (p: ReadProgress) => void
  ): Promise<ReturnsWritten>;
  checkBeforeSending(lang: Lang): Promise<PresendFinding[]>;
  planFreeze(): Promise<FreezePlanView>;
  applyFreeze(plan: FreezePlanView, lang: Lang): Promise<FreezeDone>;
  /** "Hoàn tác": puts the frozen formulas back. */
  undoFreeze(lang: Lang): Promise<UndoDone>;
  cleanCopy(lang: Lang): Promise<CleanCopy>;
}
