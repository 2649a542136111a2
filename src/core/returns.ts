/**
 * Collecting the self-score forms units send back by email (DOMAIN.md §1, layout D of §4) into one
 * summary (layout C: Tự chấm | Cụm chấm per unit). It sits on top of the engine's reading: the engine
 * finds the header, the unit's name and the score cells; this module decides which file is which
 * member, refuses files of another cluster or year, compares each file's criteria with the cluster's,
 * and merges everything without losing a value the head already has.
 *
 * Nothing is lost: a returned file fills blanks only. Where a file and the existing summary (or two
 * files of one unit) disagree, the disagreement is a conflict listed with both values, and the
 * existing value is kept unless the head explicitly chooses the incoming one.
 *
 * The summary is returned as data (SummaryModel); src/sheets/summary.ts turns it into a sheet, because
 * core never imports sheets (DESIGN.md arrows).
 */
import { cellAddress, isCellError, type CellValue, type Grid } from "./grid";
import type { Lang } from "./i18n";
import type { Severity } from "./issues";
import type { ClusterProfile } from "./profile";
import type { CriterionNode } from "./report";
import { buildTreeShape } from "./criteria";
import { detectLayout } from "./layout/detect";
import type { RowsMapping } from "./layout/types";
import { SheetView } from "./layout/view";
import { readTable, type Pos } from "./table";
import { foldKey, normalizeText } from "./text/normalize";
import { parseNumberText } from "./text/number";
import { EPSILON } from "./numeric";
import { RETURNS_STRINGS, type ReturnsKey } from "./returns-strings";

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

export interface SummaryUnit {
  name: string;
  /** Per row of SummaryModel.rows; always null on parent rows. */
  self: SummaryValue[];
  review: SummaryValue[];
  /** The file the self scores came from this time, null when they were kept from the summary. */
  file: string | null;
}

export interface SummaryModel {
  clusterName: string;
  year: number;
  rows: SummaryRow[];
  units: SummaryUnit[];
  hasWeights: boolean;
}

export type ReturnProblemCode =
  | "unit-missing"
  | "other-year"
  | "other-cluster"
  | "criteria-label"
  | "criteria-max"
  | "criteria-missing"
  | "criteria-extra"
  | "duplicate-return"
  | "unknown-unit"
  | "unit-name-from-file"
  | "no-self-score-sheet"
  | "unreadable"
  | "value-unknown";

export const RETURN_PROBLEM_SEVERITY: Record<ReturnProblemCode, Severity> = {
  "unit-missing": "warning",
  "other-year": "error",
  "other-cluster": "error",
  "criteria-label": "warning",
  "criteria-max": "error",
  "criteria-missing": "error",
  "criteria-extra": "warning",
  "duplicate-return": "warning",
  "unknown-unit": "warning",
  "unit-name-from-file": "info",
  "no-self-score-sheet": "error",
  unreadable: "error",
  "value-unknown": "error",
};

export interface ReturnProblem {
  code: ReturnProblemCode;
  severity: Severity;
  file: string | null;
  /** Sheet-qualified address in the returned file, when one cell is concerned. */
  cell: string | null;
  unit: string | null;
  criterion: string | null;
  /** What the cluster expects and what the file has (year, cluster, label, max), when relevant. */
  expected?: string;
  found?: string;
  message: string;
}

export interface ValueSource {
  value: SummaryValue;
  /** A file name, or the summary sheet. */
  file: string | null;
  /** Sheet-qualified address where the value is. */
  cell: string | null;
}

export type ConflictChoice = "keep-existing" | "take-incoming";

export interface ReturnConflict {
  /** Stable id for the choice parameter: unit|row|column|file. */
  id: string;
  unit: string;
  criterion: string;
  code: string;
  /** Index in SummaryModel.rows. */
  row: number;
  column: "self" | "review";
  existing: ValueSource;
  incoming: ValueSource;
  chosen: ConflictChoice;
  /** Short description in the requested language. */
  message: string;
}

export interface ReturnedUnit {
  name: string;
  member: boolean;
  /** received: a file was consolidated; kept: only the existing summary has it; missing; rejected. */
  status: "received" | "kept" | "missing" | "rejected";
  files: string[];
}

export interface ConsolidateOptions {
  lang?: Lang;
  /** The cluster's criteria (e.g. the head's reading); default: the existing summary's, else the files' most common table. */
  criteria?: CriterionNode[];
  /** Per conflict id; conflicts not named keep the existing value. */
  choices?: Record<string, ConflictChoice>;
  /** The choice for every conflict not in `choices` (default keep-existing). */
  defaultChoice?: ConflictChoice;
  /**
   * Refuse forms whose title names another year than profile.year (default true). Off when the
   * profile is only the defaults (no cluster settings saved yet): its year is merely today's.
   */
  checkYear?: boolean;
}

export interface ConsolidateResult {
  units: ReturnedUnit[];
  problems: ReturnProblem[];
  conflicts: ReturnConflict[];
  /** Null when the existing summary could not be read: writing over it could lose the head's scores. */
  summary: SummaryModel | null;
  /** Why summary is null, in the requested language. */
  blocked?: string;
}

export interface ReturnedFile {
  file: string;
  grids: Grid[];
  /** Set by an adapter that could not parse the file (a damaged or password-protected .xlsx). */
  error?: string;
}

interface ScoreCell {
  value: SummaryValue;
  cell: string | null;
  unknown: boolean;
}

interface SheetReading {
  file: string | null;
  sheet: string;
  rows: SummaryRow[];
  units: { name: string; fromTitle: boolean; self: ScoreCell[]; review: ScoreCell[] }[];
  year: number | null;
  cluster: string | null;
}

const EMPTY: ScoreCell = { value: null, cell: null, unknown: false };

function toSummaryValue(v: CellValue): { value: SummaryValue; unknown: boolean } {
  if (v === undefined) return { value: null, unknown: true };
  if (v === null) return { value: null, unknown: false };
  if (typeof v === "number") return { value: v, unknown: false };
  if (typeof v === "boolean") return { value: v ? "TRUE" : "FALSE", unknown: false };
  // An error is kept as its text so the summary still shows (and the engine still flags) it.
  if (isCellError(v)) return { value: v.error, unknown: false };
  return { value: v.trim() === "" ? null : v, unknown: false };
}

function readSheet(grid: Grid, mapping: RowsMapping, sep: "," | "."): SheetReading {
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
function readTitleBlock(
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

function sameCluster(profileName: string, found: string): boolean {
  const a = foldKey(profileName).replace(CLUSTER_PREFIX, "");
  const b = foldKey(found).replace(CLUSTER_PREFIX, "");
  return a === b || a === "" || b === "";
}

function rowKey(r: SummaryRow): string {
  return `${foldKey(r.code).replace(/[.)]+$/, "")}|${foldKey(r.label)}`;
}

function asNumber(v: SummaryValue, sep: "," | "."): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string") return parseNumberText(v, sep);
  return null;
}

function sameValue(a: SummaryValue, b: SummaryValue, sep: "," | "."): boolean {
  if (a === null || b === null) return a === b;
  const x = asNumber(a, sep);
  const y = asNumber(b, sep);
  if (x !== null && y !== null) return Math.abs(x - y) < EPSILON;
  return normalizeText(String(a)) === normalizeText(String(b));
}

function show(v: SummaryValue): string {
  return v === null ? "" : String(v);
}

/** CriterionNode (weighted, R5) → the rows a form shows: the raw max beside its weight, as the template writes it. */
function rowsFromCriteria(nodes: CriterionNode[]): SummaryRow[] {
  const out: SummaryRow[] = [];
  const weighted = (function any(ns: CriterionNode[]): boolean {
    return ns.some((n) => (n.weight ?? 1) !== 1 || any(n.children));
  })(nodes);
  const walk = (ns: CriterionNode[]): void => {
    for (const n of ns) {
      const leaf = n.children.length === 0;
      const w = n.weight || 1;
      const max = n.max === null ? null : leaf ? Number((n.max / w).toFixed(6)) : n.max;
      out.push({
        code: n.code,
        label: n.label,
        max,
        weight: weighted ? (leaf ? w : null) : null,
        leaf,
        level: n.level,
        bold: !leaf || n.level === 0,
      });
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

interface Alignment {
  /** For each reference row, the index of the file's row (or -1). */
  map: number[];
  labelDiffers: number[];
  maxDiffers: number[];
  extra: number[];
}

/** Which row of a file is which row of the cluster's table. */
function align(ref: SummaryRow[], rows: SummaryRow[], sep: "," | "."): Alignment {
  const map = new Array<number>(ref.length).fill(-1);
  if (ref.length === rows.length) {
    for (let i = 0; i < ref.length; i++) map[i] = i;
  } else {
    // Different row counts: a criterion was added or removed, so position means nothing; match by
    // code and label, then by label alone, each file row used once.
    const used = new Set<number>();
    const pass = (key: (r: SummaryRow) => string): void => {
      for (let i = 0; i < ref.length; i++) {
        if (map[i] >= 0) continue;
        const k = key(ref[i]);
        const j = rows.findIndex((r, jj) => !used.has(jj) && key(r) === k);
        if (j >= 0) {
          map[i] = j;
          used.add(j);
        }
      }
    };
    pass(rowKey);
    pass((r) => foldKey(r.label));
  }
  const labelDiffers: number[] = [];
  const maxDiffers: number[] = [];
  for (let i = 0; i < ref.length; i++) {
    const j = map[i];
    if (j < 0) continue;
    if (foldKey(ref[i].label) !== foldKey(rows[j].label)) labelDiffers.push(i);
    const a = asNumber(ref[i].max, sep);
    const b = asNumber(rows[j].max, sep);
    if ((a === null) !== (b === null) || (a !== null && b !== null && Math.abs(a - b) > EPSILON))
      maxDiffers.push(i);
  }
  const mapped = new Set(map);
  const extra = rows.map((_, j) => j).filter((j) => !mapped.has(j));
  return { map, labelDiffers, maxDiffers, extra };
}

function signature(rows: SummaryRow[]): string {
  return rows.map((r) => `${rowKey(r)}=${show(r.max)}`).join("\n");
}

/**
 * Consolidate the returned forms into one summary. `existingSummary` is the summary sheet already in
 * the head's workbook (read back as a Grid): its values are never overwritten without a choice.
 */
export function consolidateReturns(
  returned: { file: string; grids: Grid[]; error?: string }[],
  profile: ClusterProfile,
  existingSummary?: Grid | null,
  options: ConsolidateOptions = {}
): ConsolidateResult {
  const lang = options.lang ?? "vi";
  const sep = profile.decimalSeparator;
  const t = (k: ReturnsKey, p?: Record<string, string | number>): string =>
    RETURNS_STRINGS.t(lang, k, p);
  const problems: ReturnProblem[] = [];
  const problem = (
    code: ReturnProblemCode,
    p: Omit<Partial<ReturnProblem>, "code" | "severity" | "message">,
    params: Record<string, string | number>
  ): void => {
    problems.push({
      code,
      severity: RETURN_PROBLEM_SEVERITY[code],
      file: p.file ?? null,
      cell: p.cell ?? null,
      unit: p.unit ?? null,
      criterion: p.criterion ?? null,
      ...(p.expected !== undefined ? { expected: p.expected } : {}),
      ...(p.found !== undefined ? { found: p.found } : {}),
      message: t(`problem.${code}` as ReturnsKey, params),
    });
  };

  const members = profile.members.map((m) => normalizeText(m)).filter((m) => m !== "");
  const memberByKey = new Map(members.map((m) => [foldKey(m), m]));
  const canonical = (name: string): { name: string; member: boolean } => {
    const k = foldKey(name);
    const exact = memberByKey.get(k);
    if (exact) return { name: exact, member: true };
    return { name, member: false };
  };

  // 1. The existing summary.
  let existing: SheetReading | null = null;
  if (existingSummary) {
    const det = detectLayout(existingSummary, { lang, decimalSeparator: sep });
    if (!det.ok || det.mapping.layout === "B") {
      return {
        units: [],
        problems,
        conflicts: [],
        summary: null,
        blocked: det.ok
          ? t("problem.no-self-score-sheet", { file: existingSummary.sheetName, reason: "" })
          : det.message,
      };
    }
    existing = readSheet(existingSummary, det.mapping, sep);
  }

  // 2. Each returned file: its self-score sheet(s), refused when of another cluster or year.
  interface Accepted {
    reading: SheetReading;
    unit: SheetReading["units"][number];
    name: string;
    member: boolean;
    file: string;
  }
  const accepted: Accepted[] = [];
  const rejected = new Map<string, string[]>();
  for (const rf of returned) {
    if (rf.error !== undefined) {
      problem("unreadable", { file: rf.file }, { file: rf.file, reason: rf.error });
      continue;
    }
    let found = 0;
    let reason = "";
    for (const g of rf.grids) {
      const grid: Grid = g.file ? g : { ...g, file: rf.file };
      const det = detectLayout(grid, { lang, decimalSeparator: sep });
      if (!det.ok) {
        if (reason === "") reason = det.message;
        continue;
      }
      if (det.mapping.layout !== "D") {
        reason = t("notAForm");
        continue;
      }
      found++;
      const reading = readSheet(grid, det.mapping, sep);
      for (const u of reading.units) {
        const { name, member } = canonical(u.name);
        if (options.checkYear !== false && reading.year !== null && reading.year !== profile.year) {
          problem(
            "other-year",
            {
              file: rf.file,
              unit: name,
              expected: String(profile.year),
              found: String(reading.year),
            },
            { file: rf.file, unit: name, expected: profile.year, found: reading.year }
          );
          rejected.set(foldKey(name), [...(rejected.get(foldKey(name)) ?? []), rf.file]);
          continue;
        }
        if (
          reading.cluster !== null &&
          profile.clusterName.trim() !== "" &&
          !sameCluster(profile.clusterName, reading.cluster)
        ) {
          problem(
            "other-cluster",
            { file: rf.file, unit: name, expected: profile.clusterName, found: reading.cluster },
            { file: rf.file, unit: name, expected: profile.clusterName, found: reading.cluster }
          );
          rejected.set(foldKey(name), [...(rejected.get(foldKey(name)) ?? []), rf.file]);
          continue;
        }
        if (!u.fromTitle)
          problem(
            "unit-name-from-file",
            { file: rf.file, unit: name },
            { file: rf.file, unit: name }
          );
        if (!member && members.length > 0)
          problem("unknown-unit", { file: rf.file, unit: name }, { file: rf.file, unit: name });
        accepted.push({ reading, unit: u, name, member, file: rf.file });
      }
    }
    if (found === 0) {
      const r = reason !== "" ? reason : "—";
      problem("no-self-score-sheet", { file: rf.file }, { file: rf.file, reason: r });
    }
  }

  // 3. The cluster's table: given, else the summary's, else the most common among the files.
  let ref: SummaryRow[];
  if (options.criteria && options.criteria.length > 0) ref = rowsFromCriteria(options.criteria);
  else if (existing) ref = existing.rows;
  else if (accepted.length > 0) {
    const votes = new Map<string, { n: number; rows: SummaryRow[] }>();
    for (const a of accepted) {
      const s = signature(a.reading.rows);
      const e = votes.get(s);
      if (e) e.n++;
      else votes.set(s, { n: 1, rows: a.reading.rows });
    }
    let best: { n: number; rows: SummaryRow[] } | null = null;
    for (const e of votes.values()) if (!best || e.n > best.n) best = e;
    ref = best ? best.rows : [];
  } else ref = [];

  // 4. Merge: the existing summary first, then each accepted file in order.
  const conflicts: ReturnConflict[] = [];
  interface Slot {
    unit: SummaryUnit;
    member: boolean;
    selfSrc: ValueSource[];
    reviewSrc: ValueSource[];
    files: string[];
    fromExisting: boolean;
  }
  const slots = new Map<string, Slot>();
  const order: string[] = [];
  const blankSources = (): ValueSource[] =>
    ref.map(() => ({ value: null, file: null, cell: null }));
  const slotFor = (name: string, member: boolean): Slot => {
    const k = foldKey(name);
    let s = slots.get(k);
    if (!s) {
      s = {
        unit: { name, self: ref.map(() => null), review: ref.map(() => null), file: null },
        member,
        selfSrc: blankSources(),
        reviewSrc: blankSources(),
        files: [],
        fromExisting: false,
      };
      slots.set(k, s);
      order.push(k);
    }
    return s;
  };
  const summaryLabel = t("summarySource");

  if (existing) {
    const al = align(ref, existing.rows, sep);
    for (const u of existing.units) {
      const { name, member } = canonical(u.name);
      const s = slotFor(name, member);
      s.fromExisting = true;
      ref.forEach((r, i) => {
        const j = al.map[i];
        if (!r.leaf || j < 0) return;
        const sv = u.self[j] ?? EMPTY;
        const rv = u.review[j] ?? EMPTY;
        s.unit.self[i] = sv.value;
        s.unit.review[i] = rv.value;
        s.selfSrc[i] = { value: sv.value, file: summaryLabel, cell: sv.cell };
        s.reviewSrc[i] = { value: rv.value, file: summaryLabel, cell: rv.cell };
      });
    }
  }

  const choose = (id: string): ConflictChoice =>
    options.choices?.[id] ?? options.defaultChoice ?? "keep-existing";
  const byUnitFiles = new Map<string, string[]>();
  for (const a of accepted) {
    const k = foldKey(a.name);
    byUnitFiles.set(k, [...(byUnitFiles.get(k) ?? []), a.file]);
  }

  for (const a of accepted) {
    const s = slotFor(a.name, a.member);
    const al = align(ref, a.reading.rows, sep);
    for (const i of al.labelDiffers)
      problem(
        "criteria-label",
        {
          file: a.file,
          unit: a.name,
          criterion: ref[i].label,
          expected: ref[i].label,
          found: a.reading.rows[al.map[i]].label,
        },
        {
          file: a.file,
          unit: a.name,
          code: ref[i].code || String(i + 1),
          expected: ref[i].label,
          found: a.reading.rows[al.map[i]].label,
        }
      );
    for (const i of al.maxDiffers)
      problem(
        "criteria-max",
        {
          file: a.file,
          unit: a.name,
          criterion: ref[i].label,
          expected: show(ref[i].max),
          found: show(a.reading.rows[al.map[i]].max),
        },
        {
          file: a.file,
          unit: a.name,
          criterion: ref[i].label,
          expected: show(ref[i].max),
          found: show(a.reading.rows[al.map[i]].max),
        }
      );
    ref.forEach((r, i) => {
      if (r.leaf && al.map[i] < 0)
        problem(
          "criteria-missing",
          { file: a.file, unit: a.name, criterion: r.label },
          { file: a.file, unit: a.name, criterion: r.label }
        );
    });
    for (const j of al.extra) {
      const row = a.reading.rows[j];
      if (row.leaf && (a.unit.self[j]?.value ?? null) !== null)
        problem(
          "criteria-extra",
          { file: a.file, unit: a.name, criterion: row.label, cell: a.unit.self[j].cell },
          {
            file: a.file,
            unit: a.name,
            criterion: row.label,
          }
        );
    }
    const firstOfUnit = !s.files.length;
    s.files.push(a.file);
    if (firstOfUnit) s.unit.file = a.file;
    ref.forEach((r, i) => {
      const j = al.map[i];
      if (!r.leaf || j < 0) return;
      for (const column of ["self", "review"] as const) {
        const inc = (column === "self" ? a.unit.self[j] : a.unit.review[j]) ?? EMPTY;
        if (inc.unknown)
          problem(
            "value-unknown",
            { file: a.file, unit: a.name, cell: inc.cell, criterion: r.label },
            {
              file: a.file,
              unit: a.name,
              cell: inc.cell ?? "",
            }
          );
        if (inc.value === null) continue;
        const values = column === "self" ? s.unit.self : s.unit.review;
        const sources = column === "self" ? s.selfSrc : s.reviewSrc;
        const incoming: ValueSource = { value: inc.value, file: a.file, cell: inc.cell };
        if (values[i] === null) {
          values[i] = inc.value;
          sources[i] = incoming;
          continue;
        }
        if (sameValue(values[i], inc.value, sep)) continue;
        const id = `${foldKey(a.name)}|${i}|${column}|${a.file}`;
        const chosen = choose(id);
        conflicts.push({
          id,
          unit: a.name,
          criterion: r.label,
          code: r.code,
          row: i,
          column,
          existing: { ...sources[i] },
          incoming,
          chosen,
          message: t(column === "self" ? "conflict.self" : "conflict.review"),
        });
        if (chosen === "take-incoming") {
          values[i] = inc.value;
          sources[i] = incoming;
        }
      }
    });
  }
  for (const [k, files] of byUnitFiles) {
    if (files.length < 2) continue;
    const s = slots.get(k);
    if (!s) continue;
    problem(
      "duplicate-return",
      { unit: s.unit.name, file: files[1] },
      { unit: s.unit.name, files: files.join(", "), kept: files[0] }
    );
  }

  // 5. Members with nothing at all: reported, not added as empty columns (an empty column would rank
  // as 0 and make the meeting's table look final).
  const units: ReturnedUnit[] = [];
  for (const m of members) {
    const k = foldKey(m);
    const s = slots.get(k);
    if (s && s.files.length > 0)
      units.push({ name: m, member: true, status: "received", files: s.files });
    else if (s && s.unit.self.some((v) => v !== null))
      units.push({ name: m, member: true, status: "kept", files: [] });
    else {
      const rej = rejected.get(k);
      units.push({ name: m, member: true, status: rej ? "rejected" : "missing", files: rej ?? [] });
      problem("unit-missing", { unit: m }, { unit: m });
    }
  }
  for (const k of order) {
    const s = slots.get(k);
    if (!s || s.member) continue;
    units.push({
      name: s.unit.name,
      member: false,
      status: s.files.length > 0 ? "received" : "kept",
      files: s.files,
    });
  }

  // Members first in the agreed order, then the others as met.
  const memberOrder = members.map((m) => foldKey(m)).filter((k) => slots.has(k));
  const others = order.filter((k) => !memberByKey.has(k));
  const summaryUnits = [...memberOrder, ...others]
    .map((k) => slots.get(k))
    .filter((s): s is Slot => s !== undefined)
    .filter((s) => s.fromExisting || s.files.length > 0)
    .map((s) => s.unit);

  return {
    units,
    problems,
    conflicts,
    summary: {
      clusterName: profile.clusterName,
      year: profile.year,
      rows: ref,
      units: summaryUnits,
      hasWeights: ref.some((r) => r.weight !== null),
    },
  };
}
