/**
 * The one path from a (criteria, scores) pair of ranges to the engine: normalise, check the shapes a
 * user can get wrong with the mouse, call core's analyzeTable once, map its refusal to #VALUE!.
 */
import type { CellValue } from "../core/grid";
import type { Lang } from "../core/i18n";
import { analyzeTable } from "../core";
import type { RankingReport } from "../core/report";
import { parseNumberText, toUnicode } from "../core/text";
import { fail } from "./errors";
import { flatten, toRows } from "./args";
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
  /** Count of score columns, i.e. of units. */
  columns: number;
}

/**
 * Criteria and scores are selected as two ranges over the same rows. Trailing rows blank in BOTH are
 * dropped (users select to row 400 to leave room), but a row count that differs otherwise is a
 * selection mistake, never something to guess around.
 */
export function runTable(criteriaArg: any, scoresArg: any, opts: TableOptions): TableResult {
  const { lang } = opts;
  const criteria = toRows(criteriaArg);
  const scores = toRows(scoresArg);
  if (criteria.length === 0 || criteria.every((r) => r.every((v) => v === null))) {
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
  let end = criteria.length;
  while (
    end > 0 &&
    criteria[end - 1].every((v) => v === null) &&
    scores[end - 1].every((v) => v === null)
  ) {
    end--;
  }
  const crit = end === criteria.length ? criteria : criteria.slice(0, end);
  const sc = end === scores.length ? scores : scores.slice(0, end);
  const columns = sc[0].length;

  // analyzeTable reads the max (điểm chuẩn) from the 3rd column, or the 2nd when only 2 are selected. A
  // selection without a single number there (the STT and label columns only, or the wrong columns) is
  // a selection mistake: say so rather than total scores against no max.
  const width = crit.reduce((w, r) => Math.max(w, r.length), 0);
  const maxCol = width === 2 ? 1 : 2;
  const hasMax = crit.some((r) => {
    const v = r[maxCol];
    return (
      typeof v === "number" ||
      (typeof v === "string" && parseNumberText(v, opts.decimalSeparator ?? ",") !== null)
    );
  });
  if (width >= 2 && !hasMax)
    fail("#VALUE!", functionStrings.t(lang, "noMaxColumn", { column: maxCol + 1 }));

  let units: string[] | undefined;
  if (opts.units !== undefined && opts.units !== null) {
    const names = flatten(toRows(opts.units));
    // A units range selected one cell too wide (the "Ghi chú" column) is a mistake worth naming.
    if (names.length !== columns) {
      fail("#VALUE!", functionStrings.t(lang, "unitsMismatch", { units: names.length, columns }));
    }
    // N4: names typed in TCVN3/VNI come out in Unicode, as everywhere the product shows a name. A range
    // carries no font, so the text itself is what gives the encoding away.
    units = names.map((v: CellValue) =>
      v === null || typeof v === "object" ? "" : toUnicode(String(v)).text.normalize("NFC")
    );
  }

  const res = analyzeTable(crit, sc, {
    precision: opts.precision,
    bonusCap: opts.bonusCap,
    decimalSeparator: opts.decimalSeparator,
    lang,
    units,
  });
  if (!res.ok) fail("#VALUE!", functionStrings.t(lang, "analyzeFailed", { reason: res.message }));
  return { totals: res.totals, report: res.report, columns };
}
