/**
 * The one path from a (criteria, scores) pair of ranges to the engine: normalise, check the shapes a
 * user can get wrong with the mouse, call core's analyzeTable once, map its refusal to #VALUE!.
 */
import type { CellValue } from "../core/grid";
import type { Lang } from "../core/i18n";
import { analyzeBlock, blockTotals, type TableBlock } from "../core";
import type { TableOptions as CoreTableOptions } from "../core";
import type { RankingReport, UnitResult } from "../core/report";
import { foldKey, parseNumberText, toUnicode } from "../core/text";
import { headerRole } from "../core/layout/vocab";
import { fail } from "./errors";
import { flatten, toCellValue, toRows } from "./args";
import { functionStrings } from "./strings";

export interface TableOptions {
  lang: Lang;
  precision?: number;
  bonusCap?: number;
  decimalSeparator?: "," | ".";
  /** Unit names range (any shape); omitted → core names the columns. */
  units?: any;
}

export interface TableResult {
  totals: number[];
  report: RankingReport;
  /** The units in column order (the report's are in rank order): the same objects. */
  inSheetOrder: UnitResult[];
  /** Count of score columns (two per unit in layout C). */
  columns: number;
  /**
   * Per unit, in column order: something is entered in its column(s). A column holding only blanks,
   * or 0s where a SUM of blank cells or Excel desktop's blank-as-0 put them, is a unit not scored yet.
   */
  entered: boolean[];
}

/** A cell that can only hold text, handed over as 0 by Excel desktop for a blank cell. */
function blankIfZero(v: CellValue): CellValue {
  return v === 0 ? null : v;
}

/** The unit columns as the function reads them: one per unit, or self | review pairs (layout C). */
interface UnitsReading {
  names: string[] | undefined;
  pairs: boolean;
}

function unitName(v: CellValue): string {
  // N4: names typed in TCVN3/VNI come out in Unicode, as everywhere the product shows a name. A range
  // carries no font, so the text itself is what gives the encoding away.
  return v === null || typeof v === "object" ? "" : toUnicode(String(v)).text.normalize("NFC");
}

/**
 * The units argument against the score columns. Layout C (DOMAIN §4) puts each unit's name merged over
 * two columns, Tự chấm | Cụm chấm; Excel hands a merged cell over as its value then blanks. Two shapes
 * are read as pairs: the two header rows (names, then Tự chấm / Cụm chấm under each), and one row of
 * names where every second cell is blank or repeats the name before it (at least two units, so one
 * unit without a name yet is not taken for a pair; two neighbours of one name would be a
 * duplicate-unit error anyway). Without units nothing tells a review column from a unit's column: each column is
 * a unit, as documented.
 */
function readUnits(unitsArg: any, columns: number, lang: Lang): UnitsReading {
  if (unitsArg === undefined || unitsArg === null) return { names: undefined, pairs: false };
  const rows = toRows(unitsArg).map((r) => r.map(blankIfZero));
  // A blank cell given for the optional units is the argument left out.
  if (rows.every((r) => r.every((v) => v === null))) return { names: undefined, pairs: false };
  const even = columns >= 2 && columns % 2 === 0;

  if (rows.length === 2 && rows[0].length === columns) {
    const roles = rows[1].map((v) => (typeof v === "string" ? headerRole(foldKey(v)) : null));
    if (roles.some((r) => r === "self" || r === "review")) {
      const paired = even && roles.every((r, i) => r === (i % 2 === 0 ? "self" : "review"));
      if (!paired) fail("#VALUE!", functionStrings.t(lang, "pairsOrder"));
      const names = Array.from({ length: columns / 2 }, (_, i) =>
        unitName(rows[0][2 * i] ?? rows[0][2 * i + 1])
      );
      return { names, pairs: true };
    }
  }

  const flat = flatten(rows);
  // The second half of a merged name is blank in Excel; a copy that unmerged it repeats the name.
  const merged = (i: number): boolean =>
    flat[2 * i] !== null && (flat[2 * i + 1] === null || flat[2 * i + 1] === flat[2 * i]);
  if (
    flat.length === columns &&
    even &&
    columns >= 4 &&
    Array.from({ length: columns / 2 }, (_, i) => i).every(merged)
  ) {
    return { names: flat.filter((_, i) => i % 2 === 0).map(unitName), pairs: true };
  }
  // A units range selected one cell too wide (the "Ghi chú" column) is a mistake worth naming.
  if (flat.length !== columns) {
    fail("#VALUE!", functionStrings.t(lang, "unitsMismatch", { units: flat.length, columns }));
  }
  return { names: flat.map(unitName), pairs: false };
}

/** A range argument as rows, unconverted: a single value is a 1×1 range. */
function rawRows(range: any): any[][] {
  if (range === null || range === undefined) return [];
  if (!Array.isArray(range)) return [[range]];
  return range.map((row: any) => (Array.isArray(row) ? row : [row]));
}

interface Prepared {
  block: TableBlock;
  columns: number;
  entered: boolean[];
  units: UnitsReading;
}

/**
 * Criteria and scores are selected as two ranges over the same rows. Trailing rows blank in BOTH are
 * dropped (users select to row 400 to leave room), but a row count that differs otherwise is a
 * selection mistake, never something to guess around.
 *
 * One pass converts Excel's values (toCellValue), reads Excel desktop's blank-as-0 back as blank where
 * a 0 cannot be what the user typed (R4: a blank is not a zero): a code or a label of 0, a max
 * (điểm chuẩn) of 0, and so a row with no code and no label whose other cells are all 0 or blank (a
 * spacer row, or the spare rows selected below the table). A 0 in a score cell stays a score: there it
 * may be typed, and nothing in the value tells the two apart. The same pass lays criteria and scores
 * side by side as core's TableBlock, so a 1,000 × 50 table is copied once.
 */
function prepare(criteriaArg: any, scoresArg: any, opts: TableOptions): Prepared {
  const { lang } = opts;
  const criteria = rawRows(criteriaArg);
  const scores = rawRows(scoresArg);
  if (criteria.length === 0 || criteria.every((r) => r.every((v) => toCellValue(v) === null))) {
    fail("#VALUE!", functionStrings.t(lang, "noCriteria"));
  }
  if (scores.length === 0 || scores[0].length === 0)
    fail("#VALUE!", functionStrings.t(lang, "noScores"));
  if (criteria.length !== scores.length) {
    fail(
      "#VALUE!",
      functionStrings.t(lang, "sizeMismatch", { criteria: criteria.length, scores: scores.length })
    );
  }
  // core reads the max (điểm chuẩn) from the 3rd column, or the 2nd when only 2 are selected.
  const width = criteria.reduce((w, r) => Math.max(w, r.length), 0);
  const maxCol = width === 2 ? 1 : 2;
  const columns = scores[0].length;
  const k = scores.reduce((w, r) => Math.max(w, r.length), 0);
  const sep = opts.decimalSeparator ?? ",";
  const rows = new Array<CellValue[]>(criteria.length);
  let end = 0;
  let hasMax = false;
  const filled = new Array<boolean>(columns).fill(false);
  for (let r = 0; r < criteria.length; r++) {
    const cr = criteria[r];
    const sr = scores[r];
    const row = new Array<CellValue>(width + k);
    // The code, the label and the max cannot be 0: Excel's 0 there is a blank.
    let empty = true;
    for (let c = 0; c < width; c++) {
      const v = toCellValue(cr[c]);
      row[c] = v === 0 && c <= maxCol ? null : v;
      if (v !== null && v !== 0) empty = false;
    }
    for (let c = 0; c < k; c++) {
      const v = toCellValue(sr[c]);
      row[width + c] = v;
      if (v !== null && v !== 0) empty = false;
    }
    if (empty) {
      // A spacer row (or a spare one below the table): blank, whatever Excel handed over.
      row.fill(null);
    } else {
      end = r + 1;
      const m = row[maxCol];
      if (typeof m === "number" || (typeof m === "string" && parseNumberText(m, sep) !== null))
        hasMax = true;
      for (let c = 0; c < columns; c++) {
        const v = row[width + c];
        if (v !== null && v !== 0) filled[c] = true;
      }
    }
    rows[r] = row;
  }
  if (end === 0) fail("#VALUE!", functionStrings.t(lang, "noCriteria"));
  // A selection without a single number in the max column (the STT and label columns only, or the
  // wrong columns) is a selection mistake: say so rather than total scores against no max.
  if (width >= 2 && !hasMax)
    fail("#VALUE!", functionStrings.t(lang, "noMaxColumn", { column: maxCol + 1 }));
  if (end < rows.length) rows.length = end;

  const units = readUnits(opts.units, columns, lang);
  const entered = units.pairs
    ? Array.from({ length: columns / 2 }, (_, i) => filled[2 * i] || filled[2 * i + 1])
    : filled;
  return { block: { rows, criteriaWidth: width, scoreWidth: k }, columns, entered, units };
}

function coreOptions(opts: TableOptions, units: UnitsReading): CoreTableOptions {
  return {
    precision: opts.precision,
    bonusCap: opts.bonusCap,
    decimalSeparator: opts.decimalSeparator,
    lang: opts.lang,
    units: units.names,
    selfReviewPairs: units.pairs,
  };
}

/** The full reading (report, issues, ranks), for RANKING and VALIDATE. */
export function runTable(criteriaArg: any, scoresArg: any, opts: TableOptions): TableResult {
  const prep = prepare(criteriaArg, scoresArg, opts);
  const res = analyzeBlock(prep.block, coreOptions(opts, prep.units));
  if (!res.ok)
    fail("#VALUE!", functionStrings.t(opts.lang, "analyzeFailed", { reason: res.message }));
  return {
    totals: res.totals,
    report: res.report,
    inSheetOrder: res.inSheetOrder,
    columns: prep.columns,
    entered: prep.entered,
  };
}

/** THIDUA.TOTAL: the same checks and the same totals as runTable, with nothing else built. */
export function runTotals(
  criteriaArg: any,
  scoresArg: any,
  opts: TableOptions
): { totals: number[]; entered: boolean[] } {
  const prep = prepare(criteriaArg, scoresArg, opts);
  const res = blockTotals(prep.block, coreOptions(opts, prep.units));
  if (!res.ok)
    fail("#VALUE!", functionStrings.t(opts.lang, "analyzeFailed", { reason: res.message }));
  return { totals: res.totals, entered: prep.entered };
}
