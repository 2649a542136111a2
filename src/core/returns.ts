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
import type { Grid } from "./grid";
import type { Lang } from "./i18n";
import type { Severity } from "./issues";
import type { ClusterProfile } from "./profile";
import type { CriterionNode } from "./report";
import { detectLayout } from "./layout/detect";
import { foldKey, normalizeText } from "./text/normalize";
import { parseNumberText } from "./text/number";
import { EPSILON } from "./numeric";
import { RETURNS_STRINGS, type ReturnsKey } from "./returns-strings";
import {
  EMPTY,
  readSheet,
  readSummaryReceipt,
  sameCluster,
  type SummaryReceipt,
  type SheetReading,
  type SummaryRow,
  type SummaryValue,
} from "./returns-read";

import { checkForm, FORM_PROBLEM_CODES, type FormCheck } from "./returns-check";

export type { FormCheck };

export type { SummaryReceipt, SummaryRow, SummaryValue } from "./returns-read";

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
  /** Who is not in the columns and why, and the forms accepted anyway: said on the summary sheet. */
  receipt?: SummaryReceipt;
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
  | "value-unknown"
  | "accepted-anyway"
  | "accept-unused"
  | "no-member-list";

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
  "accepted-anyway": "info",
  "accept-unused": "warning",
  "no-member-list": "info",
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
  /** In the cluster's member list; every unit is when no member list is set (nothing to compare with). */
  member: boolean;
  /** received: a file was consolidated; kept: only the existing summary has it; missing; rejected. */
  status: "received" | "kept" | "missing" | "rejected";
  files: string[];
  /** Why the form was refused (rejected), or why it needed accepting (acceptedAnyway), in words. */
  reason?: string;
  /** The head accepted a form of another year or cluster explicitly ("vẫn nhận"). */
  acceptedAnyway?: boolean;
  /** Every criterion self-scored (R4) in the forms received this time; absent when none was read. */
  complete?: boolean;
  /** What the forms received this time show, score issues and changed criteria, with their cells. */
  checks?: FormCheck[];
}

/** A form not consolidated because it is of another year or cluster: never ranked. */
export interface RefusedForm {
  file: string;
  sheet: string;
  unit: string;
  reason: string;
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
  /**
   * Refused forms the head accepts anyway ("vẫn nhận"): file names or unit names. The acceptance is
   * said in the problems and on the summary sheet.
   */
  accept?: string[];
}

export interface ConsolidateResult {
  units: ReturnedUnit[];
  /**
   * The forms refused (another year or cluster, not accepted): none of them is in the summary.
   * Always set by consolidateReturns; optional for results built by hand.
   */
  refused?: RefusedForm[];
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

interface Refusal {
  code: "other-year" | "other-cluster";
  expected: string;
  found: string;
  reason: string;
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

/** A form consolidated: one unit of one returned sheet. */
interface Accepted {
  reading: SheetReading;
  grid: Grid;
  unit: SheetReading["units"][number];
  name: string;
  member: boolean;
  file: string;
}

/** One unit's column pair in the summary being built, with where each value came from. */
interface Slot {
  unit: SummaryUnit;
  member: boolean;
  selfSrc: ValueSource[];
  reviewSrc: ValueSource[];
  files: string[];
  fromExisting: boolean;
}

/** What every step of the consolidation shares: the language, the member list, the problems found. */
interface Ctx {
  lang: Lang;
  sep: "," | ".";
  profile: ClusterProfile;
  options: ConsolidateOptions;
  t: (k: ReturnsKey, p?: Record<string, string | number>) => string;
  problems: ReturnProblem[];
  problem: (
    code: ReturnProblemCode,
    p: Omit<Partial<ReturnProblem>, "code" | "severity" | "message">,
    params: Record<string, string | number>
  ) => void;
  members: string[];
  memberByKey: Map<string, string>;
  canonical: (name: string) => { name: string; member: boolean };
}

function context(profile: ClusterProfile, options: ConsolidateOptions): Ctx {
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
    return { name, member: members.length === 0 };
  };
  return { lang, sep, profile, options, t, problems, problem, members, memberByKey, canonical };
}

/**
 * Step 2: each returned file's self-score sheet(s), refused when of another cluster or year unless
 * the head accepts it anyway.
 */
function sortForms(
  returned: ReturnedFile[],
  ctx: Ctx
): { accepted: Accepted[]; refused: RefusedForm[]; acceptedAnyway: Map<string, string> } {
  const { lang, sep, t, problem, canonical, members, options, profile } = ctx;
  const accepted: Accepted[] = [];
  const refused: RefusedForm[] = [];
  const acceptedAnyway = new Map<string, string>();
  const acceptKeys = new Set((options.accept ?? []).map(foldKey));
  const usedKeys = new Set<string>();
  const refusalOf = (reading: SheetReading): Refusal | null => {
    if (options.checkYear !== false && reading.year !== null && reading.year !== profile.year)
      return {
        code: "other-year",
        expected: String(profile.year),
        found: String(reading.year),
        reason: t("reason.other-year", { expected: profile.year, found: reading.year }),
      };
    if (
      reading.cluster !== null &&
      profile.clusterName.trim() !== "" &&
      !sameCluster(profile.clusterName, reading.cluster)
    )
      return {
        code: "other-cluster",
        expected: profile.clusterName,
        found: reading.cluster,
        reason: t("reason.other-cluster", {
          expected: profile.clusterName,
          found: reading.cluster,
        }),
      };
    return null;
  };
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
      const refusal = refusalOf(reading);
      for (const u of reading.units) {
        const { name, member } = canonical(u.name);
        if (refusal) {
          const where = { file: rf.file, unit: name };
          const key = [foldKey(rf.file), foldKey(name)].find((k) => acceptKeys.has(k));
          if (key !== undefined) {
            usedKeys.add(key);
            problem("accepted-anyway", where, { ...where, reason: refusal.reason });
            acceptedAnyway.set(foldKey(name), refusal.reason);
          } else {
            problem(
              refusal.code,
              { ...where, expected: refusal.expected, found: refusal.found },
              { ...where, expected: refusal.expected, found: refusal.found }
            );
            refused.push({
              file: rf.file,
              sheet: grid.sheetName,
              unit: name,
              reason: refusal.reason,
            });
            continue;
          }
        }
        if (!u.fromTitle)
          problem(
            "unit-name-from-file",
            { file: rf.file, unit: name },
            { file: rf.file, unit: name }
          );
        if (!member && members.length > 0)
          problem("unknown-unit", { file: rf.file, unit: name }, { file: rf.file, unit: name });
        accepted.push({ reading, grid, unit: u, name, member, file: rf.file });
      }
    }
    if (found === 0) {
      const r = reason !== "" ? reason : "—";
      problem("no-self-score-sheet", { file: rf.file }, { file: rf.file, reason: r });
    }
  }
  // Without a member list every unit counts as the cluster's: said once, as information, rather than
  // calling each unit a stranger.
  if (members.length === 0 && returned.length > 0) problem("no-member-list", {}, {});
  // A name to accept that matches no refused form is a typo or a form that was never refused: said,
  // so the head does not believe a form was taken.
  for (const a of new Set(options.accept ?? []))
    if (!usedKeys.has(foldKey(a))) problem("accept-unused", {}, { name: a });
  return { accepted, refused, acceptedAnyway };
}

/** Step 3: the cluster's table: given, else the summary's, else the most common among the files. */
function referenceRows(
  options: ConsolidateOptions,
  existing: SheetReading | null,
  accepted: Accepted[]
): SummaryRow[] {
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
  return ref;
}

/** A returned form whose criteria differ from the reference: each label, max, missing or extra row. */
function criteriaProblems(ctx: Ctx, ref: SummaryRow[], a: Accepted, al: Alignment): void {
  const { problem } = ctx;
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
}

/**
 * One accepted form's values into its unit's slot: an empty cell takes the value, an equal one is
 * left, a different one is a conflict settled by the user's choice (keep the existing by default).
 */
function mergeValues(
  ctx: Ctx,
  ref: SummaryRow[],
  s: Slot,
  a: Accepted,
  al: Alignment,
  conflicts: ReturnConflict[]
): void {
  const { sep, t, problem, options } = ctx;
  const choose = (id: string): ConflictChoice =>
    options.choices?.[id] ?? options.defaultChoice ?? "keep-existing";
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

/** Step 4: merge the existing summary first, then each accepted file in order. */
function mergeForms(
  ctx: Ctx,
  ref: SummaryRow[],
  existing: SheetReading | null,
  accepted: Accepted[]
): { slots: Map<string, Slot>; order: string[]; conflicts: ReturnConflict[] } {
  const { sep, t, problem, canonical } = ctx;
  const conflicts: ReturnConflict[] = [];
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

  const byUnitFiles = new Map<string, string[]>();
  for (const a of accepted) {
    const k = foldKey(a.name);
    byUnitFiles.set(k, [...(byUnitFiles.get(k) ?? []), a.file]);
  }

  for (const a of accepted) {
    const s = slotFor(a.name, a.member);
    const al = align(ref, a.reading.rows, sep);
    criteriaProblems(ctx, ref, a, al);
    const firstOfUnit = !s.files.length;
    s.files.push(a.file);
    if (firstOfUnit) s.unit.file = a.file;
    mergeValues(ctx, ref, s, a, al, conflicts);
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
  return { slots, order, conflicts };
}

/**
 * Step 5: one line per unit: received (with what its forms' check found), kept, refused and why, or
 * missing. Members with nothing at all are reported, not added as empty columns (an empty column
 * would rank as 0 and make the meeting's table look final); a refused unit is not also "missing".
 */
function receiptUnits(
  ctx: Ctx,
  state: {
    slots: Map<string, Slot>;
    order: string[];
    accepted: Accepted[];
    refused: RefusedForm[];
    acceptedAnyway: Map<string, string>;
    existingSummary: Grid | null | undefined;
  }
): ReturnedUnit[] {
  const { lang, profile, problem, problems, canonical, members, memberByKey } = ctx;
  const { slots, order, accepted, refused, acceptedAnyway, existingSummary } = state;
  const before = existingSummary ? readSummaryReceipt(existingSummary) : null;
  const refusedBefore = new Map((before?.refused ?? []).map((r) => [foldKey(r.unit), r.reason]));
  const acceptedBefore = new Map((before?.accepted ?? []).map((r) => [foldKey(r.unit), r.reason]));
  const checked = new Map<string, { complete: boolean; checks: FormCheck[] }>();
  for (const a of accepted) {
    const k = foldKey(a.name);
    const own = checkForm(a.grid, profile, lang);
    const changed = problems
      .filter((p) => p.file === a.file && p.unit === a.name && FORM_PROBLEM_CODES.has(p.code))
      .map((p): FormCheck => ({
        code: p.code,
        severity: p.severity,
        cell: p.cell,
        criterion: p.criterion,
        message: p.message,
      }));
    const prev = checked.get(k);
    checked.set(k, {
      complete: (prev?.complete ?? true) && own.complete,
      checks: [...(prev?.checks ?? []), ...own.checks, ...changed],
    });
  }
  const received = (k: string, name: string, member: boolean, files: string[]): ReturnedUnit => {
    const u: ReturnedUnit = { name, member, status: "received", files };
    const why = acceptedAnyway.get(k) ?? acceptedBefore.get(k);
    if (why !== undefined) {
      u.acceptedAnyway = true;
      u.reason = why;
    }
    const c = checked.get(k);
    if (c) {
      u.complete = c.complete;
      u.checks = c.checks;
    }
    return u;
  };
  const refusedOf = (k: string): { files: string[]; reason: string } | null => {
    const mine = refused.filter((r) => foldKey(r.unit) === k);
    if (mine.length > 0) return { files: mine.map((r) => r.file), reason: mine[0].reason };
    const old = refusedBefore.get(k);
    return old !== undefined ? { files: [], reason: old } : null;
  };
  const units: ReturnedUnit[] = [];
  for (const m of members) {
    const k = foldKey(m);
    const s = slots.get(k);
    if (s && s.files.length > 0) units.push(received(k, m, true, s.files));
    else if (s && s.unit.self.some((v) => v !== null)) {
      const u = received(k, m, true, []);
      units.push({ ...u, status: "kept" });
    } else {
      const rej = refusedOf(k);
      if (rej)
        units.push({
          name: m,
          member: true,
          status: "rejected",
          files: rej.files,
          reason: rej.reason,
        });
      else {
        units.push({ name: m, member: true, status: "missing", files: [] });
        problem("unit-missing", { unit: m }, { unit: m });
      }
    }
  }
  for (const k of order) {
    const s = slots.get(k);
    if (!s || memberByKey.has(k)) continue;
    const u = received(k, s.unit.name, s.member, s.files);
    units.push(s.files.length > 0 ? u : { ...u, status: "kept" });
  }
  // Refused forms of units outside the member list (or of any unit, when there is none).
  const listed = new Set(units.map((u) => foldKey(u.name)));
  for (const r of refused) {
    const k = foldKey(r.unit);
    if (listed.has(k)) continue;
    listed.add(k);
    const rej = refusedOf(k);
    units.push({
      name: r.unit,
      member: canonical(r.unit).member,
      status: "rejected",
      files: rej?.files ?? [r.file],
      reason: r.reason,
    });
  }
  return units;
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
  const ctx = context(profile, options);
  const { lang, sep, t, problems, members, memberByKey } = ctx;

  // 1. The existing summary.
  let existing: SheetReading | null = null;
  if (existingSummary) {
    const det = detectLayout(existingSummary, { lang, decimalSeparator: sep });
    if (!det.ok || det.mapping.layout === "B") {
      return {
        units: [],
        refused: [],
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

  const { accepted, refused, acceptedAnyway } = sortForms(returned, ctx);
  const ref = referenceRows(options, existing, accepted);
  const { slots, order, conflicts } = mergeForms(ctx, ref, existing, accepted);
  const units = receiptUnits(ctx, {
    slots,
    order,
    accepted,
    refused,
    acceptedAnyway,
    existingSummary,
  });

  // Members first in the agreed order, then the others as met.
  const memberOrder = members.map((m) => foldKey(m)).filter((k) => slots.has(k));
  const others = order.filter((k) => !memberByKey.has(k));
  const summaryUnits = [...memberOrder, ...others]
    .map((k) => slots.get(k))
    .filter((s): s is Slot => s !== undefined)
    .filter((s) => s.fromExisting || s.files.length > 0)
    .map((s) => s.unit);

  const receipt: SummaryReceipt = {
    missing: units.filter((u) => u.status === "missing").map((u) => u.name),
    refused: units
      .filter((u) => u.status === "rejected")
      .map((u) => ({ unit: u.name, reason: u.reason ?? "" })),
    accepted: units
      .filter((u) => u.acceptedAnyway)
      .map((u) => ({ unit: u.name, reason: u.reason ?? "" })),
  };
  return {
    units,
    refused,
    problems,
    conflicts,
    summary: {
      clusterName: profile.clusterName,
      year: profile.year,
      rows: ref,
      units: summaryUnits,
      hasWeights: ref.some((r) => r.weight !== null),
      receipt,
    },
  };
}
