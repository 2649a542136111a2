/**
 * Reading one self-score sheet (layout D) or the head's summary (layout C) for the email loop: the
 * rows of the criteria table, each unit's self and review cells as typed, and the title block's
 * year and cluster, by which a returned form is matched to the cluster.
 */
import { cellAddress, isCellError, type CellValue, type Grid } from "./grid";
import { buildTreeShape } from "./criteria";
import type { RowsMapping } from "./layout/types";
import { SheetView } from "./layout/view";
import { readTable, type Pos } from "./table";
import { foldKey, normalizeText } from "./text/normalize";
import { RETURNS_STRINGS } from "./returns-strings";

/** A value as it goes into the summary: numbers as numbers, anything typed as text stays that text. */
export type SummaryValue = number | string | null;

export interface SummaryRow {
  code: string;
  label: string;
  /** The max as the source typed it; null when none (a deduction section). */
  max: SummaryValue;
  /** The weight (hệ số) typed on the row, null when the source has no weight column. */
  weight: number | null;
  /** Only leaves carry scores (R2); parents are left blank so nothing contradicts their children. */
  leaf: boolean;
  level: number;
  bold: boolean;
}

export interface ScoreCell {
  value: SummaryValue;
  cell: string | null;
  unknown: boolean;
}

export interface SheetReading {
  file: string | null;
  sheet: string;
  rows: SummaryRow[];
  units: { name: string; fromTitle: boolean; self: ScoreCell[]; review: ScoreCell[] }[];
  year: number | null;
  cluster: string | null;
}

export const EMPTY: ScoreCell = { value: null, cell: null, unknown: false };

export function toSummaryValue(v: CellValue): { value: SummaryValue; unknown: boolean } {
  if (v === undefined) return { value: null, unknown: true };
  if (v === null) return { value: null, unknown: false };
  if (typeof v === "number") return { value: v, unknown: false };
  if (typeof v === "boolean") return { value: v ? "TRUE" : "FALSE", unknown: false };
  // An error is kept as its text so the summary still shows (and the engine still flags) it.
  if (isCellError(v)) return { value: v.error, unknown: false };
  return { value: v.trim() === "" ? null : v, unknown: false };
}

export function readSheet(grid: Grid, mapping: RowsMapping, sep: "," | "."): SheetReading {
  const view = new SheetView(grid);
  const table = readTable(view, mapping, sep);
  const shape = buildTreeShape(table.criteria);
  const at = (p: Pos | null): ScoreCell => {
    if (!p) return EMPTY;
    const { value, unknown } = toSummaryValue(view.ownValue(p[0], p[1]));
    return { value, unknown, cell: cellAddress(grid, p[0] - grid.top, p[1] - grid.left) };
  };
  const rows: SummaryRow[] = table.criteria.map((c, i) => ({
    code: c.code,
    label: c.label,
    max: toSummaryValue(c.maxValue).value,
    weight: mapping.weightCol !== null ? c.weight : null,
    leaf: shape.children[i].length === 0,
    level: shape.level[i],
    bold: c.bold,
  }));
  const units = table.units.map((u, k) => ({
    name: normalizeText(u.name),
    fromTitle: mapping.units[k]?.nameCell !== null,
    self: u.self.map((p, i) => (rows[i].leaf ? at(p) : EMPTY)),
    review: u.review.map((p, i) => (rows[i].leaf ? at(p) : EMPTY)),
  }));
  const title = readTitleBlock(view, mapping.headerRow);
  return { file: grid.file ?? null, sheet: grid.sheetName, rows, units, ...title };
}

// "ngày 05 tháng 02 năm 2026" or "05/02/2026": the date the form was made, not the year it scores.
const DATE_LINE = /ngay\s*[0-9.…_ ]*\s*thang|\d{1,2}\/\d{1,2}\/\d{4}|\bdate\b/;
const TITLE_WORDS = /(phieu|tu cham|thi dua|cham diem|bang tong hop|self-score|form|summary)/;
const YEAR = /\b(19[5-9][0-9]|2[0-9]{3})\b/;

/** The scoring year and the cluster's name from the title rows above the header. */
export function readTitleBlock(
  v: SheetView,
  headerRow: number
): { year: number | null; cluster: string | null } {
  let year: number | null = null;
  let cluster: string | null = null;
  for (let r = v.top; r < headerRow; r++) {
    for (let c = v.left; c <= v.right; c++) {
      const f = v.fold(r, c);
      if (f === "" || (c > v.left && f === v.fold(r, c - 1))) continue;
      if (
        cluster === null &&
        /^(cum thi dua|khoi thi dua|emulation cluster|emulation bloc)\b/.test(f)
      )
        cluster = v.text(r, c);
      // The title ("PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024") names the year scored; a place such as
      // "Quảng Nam" must not make the date line look like one.
      if (year === null && !DATE_LINE.test(f) && TITLE_WORDS.test(f)) {
        const m = YEAR.exec(f);
        if (m) year = Number(m[1]);
      }
    }
  }
  return { year, cluster };
}

const CLUSTER_PREFIX = /^(cum thi dua|khoi thi dua|cum|khoi|emulation cluster|emulation bloc)\s*/;

/** "……", "...", "___": the dotted line a form carries when it was made before the name was set. */
const PLACEHOLDER = /^[.…_\-\s]*$/;

/**
 * Whether a form's cluster line names the cluster of the profile. A dotted placeholder matches any
 * cluster: forms sent before the settings were filled are still the cluster's own forms.
 */
export function sameCluster(profileName: string, found: string): boolean {
  const a = foldKey(profileName).replace(CLUSTER_PREFIX, "");
  const b = foldKey(found).replace(CLUSTER_PREFIX, "");
  return a === b || PLACEHOLDER.test(a) || PLACEHOLDER.test(b);
}

/** Who is not in the summary's columns and why, and whose form was accepted anyway. */
export interface SummaryReceipt {
  missing: string[];
  refused: { unit: string; reason: string }[];
  accepted: { unit: string; reason: string }[];
}

const RECEIPT_STATUS = ["missing", "refused", "accepted"] as const;

/**
 * The receipt block our summary sheet carries under its table (sheets/summary.ts writes it in the
 * head's language): a heading, then one row per unit, its name, then "<status>: <reason>". Read in
 * either language, so a summary written in English ranks the same for a Vietnamese pane. Null when
 * the sheet has no such block (a summary written before it existed, or a user's own sheet).
 */
export function readSummaryReceipt(grid: Grid): SummaryReceipt | null {
  const v = new SheetView(grid);
  const headings = new Set(
    (["vi", "en"] as const).map((l) => foldKey(RETURNS_STRINGS.t(l, "receipt.heading")))
  );
  const labels = RECEIPT_STATUS.flatMap((status) =>
    (["vi", "en"] as const).map((l) => ({
      status,
      key: foldKey(RETURNS_STRINGS.t(l, `receipt.${status}`)),
    }))
  );
  for (let r = v.top; r <= v.bottom; r++) {
    for (let c = v.left; c <= v.right; c++) {
      if (!headings.has(v.fold(r, c))) continue;
      const out: SummaryReceipt = { missing: [], refused: [], accepted: [] };
      for (let rr = r + 1; rr <= v.bottom; rr++) {
        const unit = v.text(rr, c) ?? "";
        if (unit === "") break;
        let statusCol = c + 1;
        while (statusCol <= v.right && (v.text(rr, statusCol) ?? "") === "") statusCol++;
        const text = (statusCol <= v.right ? v.text(rr, statusCol) : null) ?? "";
        const folded = foldKey(text);
        const hit = labels.find((l) => folded.startsWith(l.key));
        if (!hit) continue;
        if (hit.status === "missing") {
          out.missing.push(unit);
          continue;
        }
        // The refused and accepted labels hold no colon: the reason is what follows the first one.
        const colon = text.indexOf(":");
        out[hit.status].push({ unit, reason: colon >= 0 ? text.slice(colon + 1).trim() : "" });
      }
      return out;
    }
  }
  return null;
}
