/**
 * The whole pipeline: Grids → detect (or the saved mapping) → read → validate and score → consolidate
 * several sheets or files → rank, classify, propose awards. Returns a RankingReport, or a sentence
 * saying why nothing could be ranked.
 */
import { columnLetter, type CellValue, type Grid } from "./grid";
import type { Lang } from "./i18n";
import type { Issue } from "./issues";
import { defaultProfile, profileLabel, type ClusterProfile } from "./profile";
import type { RankingReport, SectionScore, SkippedSheet, UnitResult } from "./report";
import { buildTreeShape } from "./criteria";
import { EPSILON, formatScore, roundAt } from "./numeric";
import { checkBands, classifier, rankUnits } from "./ranking";
import { scoreTable, totalsScorer, type ScoredTable, type TotalsScorer } from "./scoring";
import type { TreeShape } from "./criteria";
import { CORE_STRINGS } from "./strings";
import { readTable, type ScoreTable, type TableUnit } from "./table";
import type { StructureReading } from "./structure";
import { normalizeText } from "./text";
import { detectInView } from "./layout/detect";
import { isSheetMapping, type MappingSummary, type SheetMapping } from "./layout/types";
import { SheetView } from "./layout/view";
import { duplicateUnitIssues, legacyIssues, makeIssue } from "./validation";

export interface AnalyzeOptions {
  profile?: Partial<ClusterProfile>;
  lang?: Lang;
  /** Read only this sheet (by name). */
  sheet?: string;
  /** Saved mappings by sheet name (overrides profile.mappings); a valid one is used instead of detecting. */
  mappings?: Record<string, unknown>;
}

export type AnalyzeResult =
  { ok: true; report: RankingReport } | { ok: false; message: string; reasons: string[] };

interface Reading {
  grid: Grid;
  view: SheetView;
  mapping: SheetMapping;
}

function fileOf(g: Grid): string {
  return g.file ?? "";
}

/**
 * Choose what to rank in each file: its summary sheet (A, B, C) if it has one, else all its unit forms
 * (D). Whatever is left out is returned too, so the report can say which sheet was ranked instead.
 */
function selectReadings(readings: Reading[]): { chosen: Reading[]; skipped: SkippedSheet[] } {
  const byFile = new Map<string, Reading[]>();
  for (const r of readings) {
    const k = fileOf(r.grid);
    byFile.set(k, [...(byFile.get(k) ?? []), r]);
  }
  const out: Reading[] = [];
  const skipped: SkippedSheet[] = [];
  for (const list of byFile.values()) {
    const summaries = list.filter((r) => r.mapping.layout !== "D");
    if (summaries.length === 0) {
      out.push(...list);
      continue;
    }
    const units = (r: Reading): number =>
      r.mapping.layout === "B"
        ? r.mapping.lastRow - r.mapping.firstRow + 1
        : r.mapping.units.length;
    // Several summaries in one file (sơ kết and tổng kết…): the most confident, then the largest, then the first.
    const best = summaries.reduce((a, b) =>
      b.mapping.confidence > a.mapping.confidence ||
      (b.mapping.confidence === a.mapping.confidence && units(b) > units(a))
        ? b
        : a
    );
    out.push(best);
    for (const r of list) {
      if (r === best) continue;
      const s: SkippedSheet = {
        sheet: r.grid.sheetName,
        layout: r.mapping.layout,
        instead: best.grid.sheetName,
      };
      if (r.grid.file !== undefined) s.file = r.grid.file;
      skipped.push(s);
    }
  }
  return { chosen: out, skipped };
}

/** One sentence per skipped sheet, naming the sheet ranked in its place (and its file, if several). */
function skippedNotes(skipped: SkippedSheet[], lang: Lang, files: number): string[] {
  const t = CORE_STRINGS.t.bind(CORE_STRINGS);
  return skipped.map((s) =>
    t(lang, s.layout === "D" ? "noteSkippedForm" : "noteSkippedSheet", {
      sheet: s.sheet,
      instead: s.instead,
      inFile:
        s.file && files > 1 ? t(lang, "noteInFile", { file: s.file.replace(/^.*[\\/]/, "") }) : "",
    })
  );
}

export function analyzeWorkbook(grids: Grid[], options: AnalyzeOptions = {}): AnalyzeResult {
  const res = analyze(grids, options);
  return res.ok ? { ok: true, report: res.report } : res;
}

/** `address` names cells (sheet coordinates) in issues and leafCells instead of "'Sheet'!A1". */
function analyze(
  grids: Grid[],
  options: AnalyzeOptions,
  address?: (row: number, col: number) => string
): AnalyzeResult | { ok: true; report: RankingReport; inSheetOrder: UnitResult[] } {
  const lang: Lang = options.lang ?? "vi";
  const profile: ClusterProfile = { ...defaultProfile(), ...(options.profile ?? {}) };
  const saved = options.mappings ?? profile.mappings ?? {};
  const t = CORE_STRINGS.t.bind(CORE_STRINGS);
  let pool = grids;
  if (options.sheet !== undefined) {
    const want = normalizeText(options.sheet);
    pool = grids.filter((g) => normalizeText(g.sheetName) === want);
    if (pool.length === 0)
      return {
        ok: false,
        message: t(lang, "notScoreSheet", {
          what: t(lang, "sheetNotFound", { sheet: options.sheet }),
        }),
        reasons: grids.map((g) => g.sheetName),
      };
  }
  if (pool.length === 0)
    return {
      ok: false,
      message: t(lang, "notScoreSheet", { what: t(lang, "noSheets") }),
      reasons: [],
    };

  const readings: Reading[] = [];
  const failures: string[] = [];
  let firstFailure: string | null = null;
  let firstFailureNoHeader = true;
  for (const grid of pool) {
    const view = new SheetView(grid);
    const s = saved[grid.sheetName];
    if (isSheetMapping(s) && s.sheet === grid.sheetName) {
      readings.push({ grid, view, mapping: s });
      continue;
    }
    const d = detectInView(view, { lang, decimalSeparator: profile.decimalSeparator });
    if (d.ok) readings.push({ grid, view, mapping: d.mapping });
    else {
      // A sheet whose header was found says more ("no max column") than one with no header at all.
      const noHeader = d.message === t(lang, "notScoreSheet", { what: t(lang, "noHeader") });
      if (firstFailure === null || (!noHeader && firstFailureNoHeader)) {
        firstFailure = d.message;
        firstFailureNoHeader = noHeader;
      }
      failures.push(
        `${grid.file ? grid.file.replace(/^.*[\\/]/, "") + " › " : ""}${grid.sheetName}: ${d.message}`
      );
    }
  }
  if (readings.length === 0) {
    // One sheet: its own sentence. Several: the most telling one, every sheet's in the reasons.
    return {
      ok: false,
      message: firstFailure ?? t(lang, "notScoreSheet", { what: t(lang, "noHeader") }),
      reasons: failures,
    };
  }
  const { chosen, skipped } = selectReadings(readings);
  const scored: Scored[] = [];
  const issues: Issue[] = [];
  for (const reading of chosen) {
    const table = readTable(reading.view, reading.mapping, profile.decimalSeparator);
    reading.mapping = withNoteCaps(withStructure(reading.mapping, table.structure), table, lang);
    const result = scoreTable(table, {
      precision: profile.precision,
      bonusCap: profile.bonusCap,
      itemBonus: profile.itemBonus === true,
      decimalSeparator: profile.decimalSeparator,
      lang,
      file: reading.grid.file,
      address,
    });
    scored.push({ reading, result, table });
    issues.push(...legacyIssues(reading.view, lang, reading.grid.file, address));
    issues.push(...result.issues);
  }
  const built = buildReport(scored, issues, profile, lang);
  // Hidden columns and rows change what is ranked: the reading's reasons say it, the report repeats it.
  const hiddenNotes = chosen.flatMap((r) =>
    r.mapping.reasons
      .filter((x) => x.key.startsWith("reasonHidden") || x.key === "reasonNoteCap")
      .map((x) =>
        t(lang, "noteOnSheet", {
          sheet: r.grid.sheetName,
          text: t(lang, x.key as "reasonHiddenUnitCols", x.params),
        })
      )
  );
  if (hiddenNotes.length > 0) built.report.notes = hiddenNotes;
  if (skipped.length > 0) {
    built.report.skippedSheets = skipped;
    const files = new Set(readings.map((r) => fileOf(r.grid))).size;
    built.report.notes = [...(built.report.notes ?? []), ...skippedNotes(skipped, lang, files)];
  }
  return { ok: true, report: built.report, inSheetOrder: built.inSheetOrder };
}

const READING_REASON = {
  "no-codes": "reasonTreeNoCodes",
  "no-bold": "reasonTreeNoBold",
  "no-indent": "reasonTreeNoIndent",
} as const;

/**
 * R14: the reasons say how the tree was read, and the confidence is never full while the sheet's own
 * typed subtotals disagree with the reading on every unit (a copy: a saved mapping is not changed).
 */
function withStructure(mapping: SheetMapping, s: StructureReading | undefined): SheetMapping {
  if (s === undefined || mapping.layout === "B") return mapping;
  const reasons = [...mapping.reasons];
  let confidence = mapping.confidence;
  if (s.formulaParents > 0)
    reasons.push({ key: "reasonTreeFormulas", params: { n: s.formulaParents } });
  if (s.reading !== "as-read") {
    reasons.push({ key: READING_REASON[s.reading] });
    confidence = Math.min(confidence, 0.85);
  }
  if (s.systematic) {
    reasons.push({ key: "reasonTypedDisagree", params: { n: s.disagree } });
    confidence = Math.min(confidence, 0.6);
  } else if (s.disagree > 0) confidence = Math.min(confidence, 0.9);
  if (reasons.length === mapping.reasons.length && confidence === mapping.confidence)
    return mapping;
  return { ...mapping, reasons, confidence };
}

/** Maxima read from notes ("Tối đa 2 điểm") change results: the reading says where each came from. */
function withNoteCaps(mapping: SheetMapping, table: ScoreTable, lang: Lang): SheetMapping {
  const caps = table.noteCaps ?? [];
  if (caps.length === 0) return mapping;
  const reasons = [...mapping.reasons];
  for (const c of caps)
    reasons.push({
      key: "reasonNoteCap",
      params: {
        criterion: [c.item.code, c.item.label].filter((x) => x !== "").join(" "),
        cell: `${columnLetter(c.at[1])}${c.at[0] + 1}`,
        text: table.view.text(c.at[0], c.at[1]) ?? "",
        max: formatScore(c.max, 2, lang),
      },
    });
  return { ...mapping, reasons };
}

interface Scored {
  reading: Reading;
  result: ScoredTable;
  table: ScoreTable;
}

function buildReport(
  scored: Scored[],
  issues: Issue[],
  profile: ClusterProfile,
  lang: Lang
): { report: RankingReport; inSheetOrder: UnitResult[] } {
  const units = scored.flatMap((s) => s.result.units);
  issues.push(
    ...duplicateUnitIssues(
      units.map((u) => ({ name: u.name, cell: u.nameCell, file: u.file })),
      lang
    )
  );
  const head = scored[0].result;
  const bonusCap = head.bonusCap ?? head.bonusLeafMax;
  const maxTotal = head.contentMax + bonusCap;
  const p = profile.precision;
  const ineligible = new Map<string, string[]>();
  for (const e of profile.eligibility ?? [])
    if (e.reasons.length > 0) ineligible.set(normalizeText(e.unit), e.reasons);
  // R11: units with different maxima rank by share of their own max, unrounded; with equal maxima
  // the order is the same as by points, which the sheet shows and R10 compares.
  const byShare = units.some(
    (u) =>
      u.ownMax &&
      (u.max === null || Math.abs(u.max - head.contentMax) > EPSILON * Math.max(1, u.max))
  );
  const shareOf = (u: (typeof units)[number]): number | null =>
    u.max !== null && u.max > 0 ? u.rawTotal / u.max : null;
  const outcome = rankUnits(
    units.map((u) => ({
      name: u.name,
      // Percent at ten decimals: unrounded to any precision an office shows, free of binary noise.
      total: byShare ? (shareOf(u) ?? 0) * 100 : u.rawTotal,
      sections: [u.firstSection],
      bonus: u.bonus,
      deduction: u.deduction,
      eligible: ineligible.size === 0 || !ineligible.has(normalizeText(u.name)),
    })),
    {
      precision: byShare ? 10 : p,
      tieBreak: profile.tieBreak,
      // K10: awards are yearly (no proposal at a sơ kết) and need someone to compare with.
      awards: profile.period === "so-ket" || units.length < 2 ? undefined : profile.awards,
      lang,
    }
  );
  const pending = new Set(outcome.pending);
  if (outcome.tiedAtTop.length > 1) {
    issues.push(
      makeIssue("tie-at-top", lang, {
        unit: outcome.tiedAtTop.map((i) => units[i].name).join("; "),
        params: {
          units: outcome.tiedAtTop.map((i) => units[i].name).join(", "),
          total: formatScore(units[outcome.tiedAtTop[0]].rawTotal, p, lang),
        },
      })
    );
  }
  for (const i of outcome.passedOver)
    issues.push(
      makeIssue("not-eligible", lang, {
        unit: units[i].name,
        params: { reasons: (ineligible.get(normalizeText(units[i].name)) ?? []).join("; ") },
        file: units[i].file,
      })
    );
  const classOf = classifier(profile.bands);
  const results: UnitResult[] = units.map((u, i) => {
    const total = roundAt(u.rawTotal, p);
    // sections and leafCells are built on first read: 100,000 addresses for a 1,000 × 100 sheet are
    // wasted unless the ranking sheet links to the user's cells (formula mode). Own enumerable
    // accessors, so JSON and structured cloning still see them.
    let cells: Record<string, string> | null = null;
    let sections: SectionScore[] | null = null;
    const r: UnitResult = {
      name: u.name,
      total,
      rawTotal: u.rawTotal,
      rank: outcome.ranks[i],
      // K10: a single unit's form has no rank to name.
      label: units.length < 2 ? null : outcome.labels[i],
      // K6: the share of the content max; a unit with bonus may pass 100 %.
      classification: profileLabel(
        byShare ? classOf(u.rawTotal, u.max ?? 0) : classOf(total, head.contentMax),
        lang
      ),
      award: outcome.awards[i],
      get sections(): SectionScore[] {
        return (sections ??= u.sectionsOf());
      },
      set sections(v: SectionScore[]) {
        sections = v;
      },
      bonus: u.bonus,
      deduction: u.deduction,
      complete: u.complete,
      eligible: ineligible.size === 0 || !ineligible.has(normalizeText(u.name)),
      get leafCells(): Record<string, string> {
        return (cells ??= u.leafCellsOf());
      },
      set leafCells(v: Record<string, string>) {
        cells = v;
      },
      sheet: u.sheet,
    };
    if (u.file !== undefined) r.file = u.file;
    if (pending.has(i)) r.awardPending = true;
    if (byShare) {
      r.max = u.max;
      r.share = shareOf(u);
    }
    return r;
  });
  const order = results.map((_, i) => i).sort((a, b) => results[a].rank - results[b].rank || a - b);
  const errorCount = issues.filter((x) => x.severity === "error").length;
  const files = [
    ...new Set(scored.map((s) => s.reading.grid.file).filter((f): f is string => !!f)),
  ];
  const report: RankingReport = {
    files,
    sheets: [...new Set(scored.map((s) => s.reading.grid.sheetName))],
    mappings: scored.map((s) =>
      profile.decimalSeparator === ","
        ? { ...s.reading.mapping, sections: sectionsOfTable(s.table, s.result.shape) }
        : withSummary(s.reading)
    ),
    provisional: errorCount > 0 || results.some((u) => !u.complete),
    errorCount,
    criteria: head.criteria,
    contentMax: head.contentMax,
    bonusCap,
    maxTotal,
    precision: p,
    ...(byShare ? { rankedBy: "share" as const } : {}),
    units: order.map((i) => results[i]),
    issues,
    settingsProblems: checkBands(profile.bands, lang),
  };
  return { report, inSheetOrder: results };
}

/**
 * The mapping with the sections it found, so describeMapping can show them without the sheet. The
 * summary reads the table with "," (as detectLayout does); with that separator the scored table is
 * the same table and is reused above.
 */
function withSummary(r: Reading): SheetMapping {
  return { ...r.mapping, sections: sectionSummary(r.view, r.mapping) };
}

export function sectionSummary(view: SheetView, mapping: SheetMapping): MappingSummary["sections"] {
  const table = readTable(view, mapping, ",");
  return sectionsOfTable(table, buildTreeShape(table.criteria));
}

function sectionsOfTable(table: ScoreTable, shape: TreeShape): MappingSummary["sections"] {
  const out: MappingSummary["sections"] = [];
  for (let i = 0; i < shape.parent.length; i++) {
    if (shape.parent[i] >= 0) continue;
    const c = table.criteria[i];
    let max: number | null = c.maxKnown;
    if (max === null && typeof c.maxValue === "number") max = c.maxValue;
    out.push({ code: shape.code[i], label: shape.label[i], max, kind: shape.kind[i] });
  }
  return out;
}

/** What analyzeTable and tableTotals accept besides the two ranges. */
export interface TableOptions {
  precision?: number;
  bonusCap?: number | null;
  decimalSeparator?: "," | ".";
  lang?: Lang;
  units?: string[];
  /**
   * Layout C (DOMAIN §4): the score columns come in pairs, Tự chấm | Cụm chấm per unit, so unit i
   * reads self from column 2i and review from 2i + 1 (R6: the review counts where present).
   */
  selfReviewPairs?: boolean;
}

/**
 * The criteria range and the scores range side by side as one block of rows: a row's first
 * `criteriaWidth` cells are its criterion (code, label, max [, weight]), the next `scoreWidth` its
 * scores. The custom functions build it in the same pass that converts Excel's values, so a
 * 1,000-row table is copied once per recalculation, not three times.
 */
export interface TableBlock {
  rows: CellValue[][];
  criteriaWidth: number;
  scoreWidth: number;
}

function cellOfUnknown(x: unknown): CellValue {
  if (
    x === null ||
    x === undefined ||
    typeof x === "number" ||
    typeof x === "string" ||
    typeof x === "boolean"
  )
    return x as CellValue;
  if (typeof x === "object" && typeof (x as { error?: unknown }).error === "string")
    return x as CellValue;
  return String(x);
}

/** Two plain ranges as one block (rows sized up front: growing them by push fed the collector). */
export function tableBlock(criteria: unknown[][], scores: unknown[][]): TableBlock {
  const w = criteria.reduce((m, r) => Math.max(m, r.length), 0);
  const k = scores.reduce((m, r) => Math.max(m, r.length), 0);
  const n = Math.max(criteria.length, scores.length);
  const rows = new Array<CellValue[]>(n);
  for (let r = 0; r < n; r++) {
    const cr = criteria[r] ?? [];
    const sr = scores[r] ?? [];
    const row = new Array<CellValue>(w + k);
    for (let c = 0; c < w; c++) row[c] = cellOfUnknown(cr[c] ?? null);
    for (let c = 0; c < k; c++) row[w + c] = cellOfUnknown(sr[c] ?? null);
    rows[r] = row;
  }
  return { rows, criteriaWidth: w, scoreWidth: k };
}

interface BlockReading {
  grid: Grid;
  mapping: SheetMapping;
  address: (r: number, c: number) => string;
  profile: Partial<ClusterProfile>;
}

/** The block as a one-sheet grid with its mapping (layout A, or C for pairs), or why it cannot be. */
function readBlock(
  block: TableBlock,
  options: TableOptions
): { ok: true; reading: BlockReading } | { ok: false; message: string } {
  const lang = options.lang ?? "vi";
  const { rows: values, criteriaWidth: w, scoreWidth: k } = block;
  const rows = values.length;
  if (w < 2 || k < 1 || rows < 1)
    return {
      ok: false,
      message: CORE_STRINGS.t(lang, "notScoreSheet", { what: CORE_STRINGS.t(lang, "noCriteria") }),
    };
  const pairs = options.selfReviewPairs === true && k >= 2 && k % 2 === 0;
  const names = Array.from({ length: pairs ? k / 2 : k }, (_, i) =>
    options.units?.[i] !== undefined && String(options.units[i]).trim() !== ""
      ? String(options.units[i])
      : CORE_STRINGS.t(lang, "unitFallback", { n: i + 1 })
  );
  const grid: Grid = { sheetName: "scores", top: 0, left: 0, values };
  const two = w === 2;
  const mapping: SheetMapping = {
    version: 1,
    layout: pairs ? "C" : "A",
    sheet: grid.sheetName,
    headerRow: -1,
    headerRows: 1,
    codeCol: two ? null : 0,
    labelCol: two ? 0 : 1,
    maxCol: two ? 1 : 2,
    weightCol: w >= 4 ? 3 : null,
    firstRow: 0,
    lastRow: rows - 1,
    totalRow: null,
    units: names.map((name, i) =>
      pairs
        ? { name, self: w + 2 * i, review: w + 2 * i + 1, nameCell: null }
        : { name, self: w + i, review: null, nameCell: null }
    ),
    confidence: 1,
    reasons: [],
  };
  // Cells are named relative to the two ranges as they are scored: no sheet-qualified address is
  // built and then rewritten, and leafCells stay lazy.
  const letters: string[] = [];
  const letter = (c: number): string => (letters[c] ??= columnLetter(c));
  const address = (r: number, c: number): string =>
    c >= w ? `${letter(c - w)}${r + 1}` : `criteria!${letter(c)}${r + 1}`;
  const profile: Partial<ClusterProfile> = {
    precision: options.precision ?? 2,
    bonusCap: options.bonusCap ?? null,
    decimalSeparator: options.decimalSeparator ?? ",",
  };
  return { ok: true, reading: { grid, mapping, address, profile } };
}

/**
 * For the custom functions: ranges as plain 2-D arrays. `criteria` = rows × [code, label, max] or
 * [code, label, max, weight] ([label, max] with 2 columns); `scores` = the same rows × one column per
 * unit. Issue cells are A1 addresses relative to the `scores` range ("B3" = third row, second unit); a
 * problem in the criteria range (a max) is prefixed "criteria!" ("criteria!C2").
 */
export function analyzeTable(
  criteria: unknown[][],
  scores: unknown[][],
  options: TableOptions = {}
):
  | { ok: true; totals: number[]; report: RankingReport; inSheetOrder: UnitResult[] }
  | { ok: false; message: string } {
  return analyzeBlock(tableBlock(criteria, scores), options);
}

/** analyzeTable over a block already built (the custom functions build it while converting). */
export function analyzeBlock(
  block: TableBlock,
  options: TableOptions = {}
):
  | { ok: true; totals: number[]; report: RankingReport; inSheetOrder: UnitResult[] }
  | { ok: false; message: string } {
  const read = readBlock(block, options);
  if (!read.ok) return read;
  const { grid, mapping, address, profile } = read.reading;
  const res = analyze(
    [grid],
    { lang: options.lang ?? "vi", mappings: { [grid.sheetName]: mapping }, profile },
    address
  );
  if (!res.ok) return { ok: false, message: res.message };
  const report = res.report;
  // One unit per score column, in column order, even when names repeat (duplicate-unit).
  const inOrder = "inSheetOrder" in res ? res.inSheetOrder : report.units;
  const totals = inOrder.map((u) => u.total);
  return { ok: true, totals, report, inSheetOrder: inOrder };
}

/**
 * THIDUA.TOTAL's path: the same reading and scoring as analyzeBlock, so the same totals (a property
 * test holds them equal), without what only a ranking needs: no issue is built, no typed subtotal is
 * checked, nothing is ranked or classified. On 1,000 criteria × 50 units the issues alone (a
 * text-number for every "8,5") were a fifth of the call.
 */
export function blockTotals(
  block: TableBlock,
  options: TableOptions = {}
): { ok: true; totals: number[] } | { ok: false; message: string } {
  const read = readBlock(block, options);
  if (!read.ok) return read;
  const { grid, mapping, profile } = read.reading;
  const lang = options.lang ?? "vi";
  const p = profile.precision ?? 2;
  const sep = profile.decimalSeparator ?? ",";
  const key = planKey(block, mapping, p, profile.bonusCap ?? null, sep, lang);
  const filled = filledRows(block);
  const kept = findPlan(block, key, filled);
  if (kept) {
    const raw = kept.scorer.totals(new SheetView(grid, { scan: false }), kept.units);
    return { ok: true, totals: raw.map((x) => roundAt(x, p)) };
  }
  const table = readTable(new SheetView(grid), mapping, sep);
  const opts = { precision: p, bonusCap: profile.bonusCap ?? null, decimalSeparator: sep, lang };
  const scorer = totalsScorer(table, opts);
  const raw = scorer.totals(table.view, table.units);
  if (reusable(table, filled)) keepPlan({ block, key, filled, scorer, units: table.units });
  return { ok: true, totals: raw.map((x) => roundAt(x, p)) };
}

/**
 * THIDUA.TOTAL is recalculated on every edit of a score, and the criteria beside the scores seldom
 * change: the reading of the criteria (rows, tree, maxima) is kept for the next call over the same
 * criteria. What the scores can change in that reading is checked before it is reused: which rows
 * hold a score at all (a row with no code, no max and no score is a note, not a criterion), and
 * whether a parent row holds a typed subtotal (R14 may then choose another tree). A plan is kept only
 * when no parent row holds anything, so the same emptiness of every row means the same reading.
 */
interface TotalsPlan {
  block: TableBlock;
  key: string;
  filled: Uint8Array;
  scorer: TotalsScorer;
  units: TableUnit[];
}

/** A few tables (one per THIDUA.TOTAL over other criteria), the oldest dropped first. */
const plans: TotalsPlan[] = [];
const PLANS_MAX = 4;

function planKey(
  block: TableBlock,
  mapping: SheetMapping,
  precision: number,
  bonusCap: number | null,
  sep: string,
  lang: Lang
): string {
  if (mapping.layout === "B") return "";
  const units = mapping.units
    .map((u) => `${u.name}\u0000${u.self}\u0000${u.review}`)
    .join("\u0001");
  return [
    block.rows.length,
    block.criteriaWidth,
    block.scoreWidth,
    precision,
    bonusCap,
    sep,
    lang,
    mapping.layout,
    units,
  ].join("\u0002");
}

/** Per row, 1 when any of its score cells is not empty (the view's isEmpty). */
function filledRows(block: TableBlock): Uint8Array {
  const { rows, criteriaWidth: w, scoreWidth: k } = block;
  const out = new Uint8Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = w; c < w + k; c++) {
      const v = row[c];
      if (v === null || (typeof v === "string" && v.trim() === "")) continue;
      out[r] = 1;
      break;
    }
  }
  return out;
}

function sameCriteria(a: TableBlock, b: TableBlock): boolean {
  const w = a.criteriaWidth;
  for (let r = 0; r < a.rows.length; r++) {
    const x = a.rows[r];
    const y = b.rows[r];
    for (let c = 0; c < w; c++) if (x[c] !== y[c]) return false;
  }
  return true;
}

function findPlan(block: TableBlock, key: string, filled: Uint8Array): TotalsPlan | null {
  for (const plan of plans) {
    if (plan.key !== key) continue;
    let same = true;
    for (let r = 0; r < filled.length && same; r++) same = plan.filled[r] === filled[r];
    if (same && sameCriteria(plan.block, block)) return plan;
  }
  return null;
}

/** The reading is the scores' own only through which rows hold one: no parent row holds anything. */
function reusable(table: ScoreTable, filled: Uint8Array): boolean {
  const shape = table.shape;
  if (!shape || table.axis !== "rows" || table.view.hasMerges) return false;
  if (table.structure && table.structure.reading !== "as-read") return false;
  for (let i = 0; i < shape.children.length; i++)
    if (shape.children[i].length > 0 && table.lines[i] >= 0 && filled[table.lines[i]] === 1)
      return false;
  return true;
}

function keepPlan(plan: TotalsPlan): void {
  // Only the criteria cells are compared later: the scores' copy is not kept alive with them.
  const rows = plan.block.rows.map((row) => row.slice(0, plan.block.criteriaWidth));
  plans.unshift({ ...plan, block: { ...plan.block, rows } });
  if (plans.length > PLANS_MAX) plans.length = PLANS_MAX;
}

/** blockTotals over two plain ranges. */
export function tableTotals(
  criteria: unknown[][],
  scores: unknown[][],
  options: TableOptions = {}
): { ok: true; totals: number[] } | { ok: false; message: string } {
  return blockTotals(tableBlock(criteria, scores), options);
}
