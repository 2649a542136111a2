/**
 * Argument normalisation: what Excel (or the HyperFormula bridge) hands a custom function, turned into
 * the cell values core expects. Excel passes `null` for an omitted optional argument (TypeScript
 * defaults never fire), "" for a blank cell inside a range, and error cells as error objects.
 */
import type { CellValue } from "../core/grid";
import { columnIndex, columnLetter, quoteSheetName } from "../core/grid";
import type { Lang } from "../core/i18n";
import { langFromLocale } from "../core/i18n";
import { excelErrorText } from "../core/text";
import { fail } from "./errors";
import { functionStrings } from "./strings";

/** The UI language: Office's display language when the runtime has one, else Vietnamese. */
export function currentLang(): Lang {
  try {
    if (typeof Office !== "undefined" && Office.context && Office.context.displayLanguage) {
      return langFromLocale(Office.context.displayLanguage);
    }
  } catch {
    // Office.context throws before Office.onReady in some hosts: fall back to the default.
  }
  return langFromLocale(null);
}

/** One cell as core sees it: null for blank, { error } for an error, the rest unchanged. */
export function toCellValue(v: any): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string") {
    const err = excelErrorText(v);
    return err === null ? v : { error: err };
  }
  if (typeof v === "boolean") return v;
  if (typeof v === "object") {
    // CustomFunctions.Error / our stand-in carry `code`; HyperFormula's CellError carries `type`.
    const code = (v as { code?: unknown }).code ?? (v as { error?: unknown }).error;
    if (typeof code === "string") return { error: code };
    const type = (v as { type?: unknown }).type;
    if (typeof type === "string") return { error: `#${type}` };
  }
  return String(v);
}

/** A range argument as rows of cell values; a single value becomes a 1×1 range. */
export function toRows(range: any): CellValue[][] {
  if (range === null || range === undefined) return [];
  if (!Array.isArray(range)) return [[toCellValue(range)]];
  return range.map((row: any) => (Array.isArray(row) ? row.map(toCellValue) : [toCellValue(row)]));
}

/** Every value of a range, row by row (unit names given as a row or as a column). */
export function flatten(rows: CellValue[][]): CellValue[] {
  const out: CellValue[] = [];
  for (const row of rows) for (const v of row) out.push(v);
  return out;
}

/** An optional scalar: Excel's null for "omitted", and a 1×1 range, both handled. */
export function optionalScalar(v: any): CellValue {
  if (Array.isArray(v)) return v.length > 0 && Array.isArray(v[0]) ? toCellValue(v[0][0]) : null;
  return toCellValue(v);
}

/** Decimals for R10: omitted → 2 (the profile default), else a whole number 0..10. */
export function precisionArg(v: any, lang: Lang, fallback = 2): number {
  const x = optionalScalar(v);
  if (x === null) return fallback;
  if (typeof x !== "number" || !Number.isInteger(x) || x < 0 || x > 10) {
    fail("#VALUE!", functionStrings.t(lang, "badPrecision"));
  }
  return x;
}

/**
 * Bonus cap for R7: omitted → undefined (core takes the bonus section's max). 0 counts as omitted too:
 * Excel desktop hands a blank cell given for the cap over as 0, and a cap of 0 would silently drop every
 * bonus point; a cluster that gives no bonus leaves its bonus section empty instead.
 */
export function bonusCapArg(v: any, lang: Lang): number | undefined {
  const x = optionalScalar(v);
  if (x === null || x === 0) return undefined;
  if (typeof x !== "number" || !(x >= 0)) fail("#VALUE!", functionStrings.t(lang, "badBonusCap"));
  return x;
}

/** Decimal separator for N1: omitted → null (unknown: the workbook's culture is not visible here). */
export function separatorArg(v: any, lang: Lang): "," | "." | null {
  const x = optionalScalar(v);
  if (x === null) return null;
  if (x === "," || x === ".") return x;
  return fail("#VALUE!", functionStrings.t(lang, "badSeparator"));
}

/** A cell's place on a sheet, 0-based. */
export interface Place {
  sheet: string;
  row: number;
  col: number;
}

/**
 * The top-left of an address Excel hands us ("Sheet1!D4:H22", "'Bảng điểm'!$D$4", "[Book1]Sheet1!D4"),
 * or null when there is none (an array constant, a host that does not pass addresses).
 */
export function parseAddress(a: unknown): Place | null {
  if (typeof a !== "string") return null;
  const m = /^(?:\[[^\]]*\])?(?:'((?:[^']|'')*)'|([^!]*))!\$?([A-Za-z]{1,3})\$?(\d+)/.exec(
    a.trim()
  );
  if (!m) return null;
  const sheet = (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]).replace(/^\[[^\]]*\]/, "");
  return { sheet, row: Number(m[4]) - 1, col: columnIndex(m[3]) };
}

/**
 * Core names a cell of an (criteria, scores) pair relative to the scores range ("B3") or the criteria
 * range ("criteria!B3"). With the ranges' places known, the user gets the real cell ("E6"; sheet-named
 * when it is not the caller's sheet); without, the relative name stays, as documented.
 */
export function placeCell(
  rel: string,
  at: { scores: Place | null; criteria: Place | null; caller: Place | null }
): string {
  const m = /^(criteria!)?([A-Z]+)(\d+)$/.exec(rel);
  if (!m) return rel;
  const base = m[1] ? at.criteria : at.scores;
  if (!base) return rel;
  const a1 = `${columnLetter(base.col + columnIndex(m[2]))}${base.row + Number(m[3])}`;
  return at.caller && at.caller.sheet === base.sheet ? a1 : `${quoteSheetName(base.sheet)}!${a1}`;
}
