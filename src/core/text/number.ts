/**
 * N1/N2: reading a score cell. Officers type "8,5" into a cell formatted as text, paste " 8,50 " from Word,
 * or write "8,5đ"; a file made on an English-locale machine has "8.5". Each of these is the number the
 * officer meant and must be read as such (raising text-number), while "x", "đạt" and "#REF!" must never
 * silently become a number.
 */
import type { CellValue } from "../grid";
import { isCellError } from "../grid";

export type ScoreRead =
  | { kind: "number"; value: number; fromText: boolean; outOf?: number }
  | { kind: "na" }
  | { kind: "blank" }
  | { kind: "unknown" }
  | { kind: "error"; error: string }
  | { kind: "ambiguous"; text: string; candidates: number[] }
  | { kind: "nan"; text: string };

export type DecimalSeparator = "," | ".";

export interface ReadScoreOptions {
  decimalSeparator: DecimalSeparator;
  /** The criterion's max (điểm chuẩn); null/undefined when unknown. Decides how "1.000" reads. */
  scaleMax?: number | null;
}

/** The error values Excel shows (and newer ones from dynamic arrays and data types), upper case. */
const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#EXTERNAL!",
  "#PYTHON!",
]);

/** The canonical Excel error named by `text` ("#n/a " → "#N/A"), or null. */
export function excelErrorText(text: string): string | null {
  // Every error starts with "#": the other texts (a label, "8,5") leave without a copy of themselves.
  const first = text.charCodeAt(0);
  if (first !== 35 && !/^\s*#/.test(text)) return null;
  const t = text.trim().toUpperCase();
  return EXCEL_ERRORS.has(t) ? t : null;
}

// A unit written after the number: "8,5đ", "8,5 điểm", "8.5d", "8,5 diem". Case-insensitive so "Đ" too.
const UNIT_SUFFIX = /\s*(?:điểm|diem|đ|d)\.?$/iu;
// U+2212 is the minus sign Word substitutes for "-"; U+2013 the en dash it makes of " - ".
const SIGN = /^([+\-\u2212\u2013])\s*/;

function cleanNumberText(text: string): { sign: number; body: string } {
  let body = text.normalize("NFC").replace(/\s+/g, " ").trim();
  body = body.replace(UNIT_SUFFIX, "").trim();
  let sign = 1;
  const m = SIGN.exec(body);
  if (m) {
    sign = m[1] === "+" ? 1 : -1;
    body = body.slice(m[0].length);
  }
  return { sign, body };
}

const PLAIN: Record<DecimalSeparator, RegExp> = {
  ",": /^(\d*)(?:,(\d+))?$/,
  ".": /^(\d*)(?:\.(\d+))?$/,
};
const GROUPED: Record<DecimalSeparator, RegExp> = {
  ",": /^([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/,
  ".": /^([1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d+))?$/,
};

/**
 * N1: Excel keeps 15 significant digits, so a magnitude from 1e15 up is no score anyone typed (a
 * 400-digit text, an edited "1e308"); two such values would also sum past Infinity, which no ranking
 * sheet, OOXML cell or JSON can hold. They read as not-a-number, with their cell.
 */
export const MAX_NUMBER_MAGNITUDE = 1e15;

function inRange(v: number): boolean {
  return Number.isFinite(v) && Math.abs(v) < MAX_NUMBER_MAGNITUDE;
}

/** "8", "8,5", ",5" with `dec` as the decimal separator, or null. */
function readPlain(body: string, dec: DecimalSeparator): number | null {
  const m = PLAIN[dec].exec(body);
  if (!m || (m[1] === "" && m[2] === undefined)) return null;
  return Number(`${m[1] === "" ? "0" : m[1]}.${m[2] ?? "0"}`);
}

/** "1.000,5", "1.234.567": groups of exactly three with the other separator, `dec` as the decimal one. */
function readGrouped(body: string, dec: DecimalSeparator): number | null {
  const m = GROUPED[dec].exec(body);
  if (!m) return null;
  return Number(`${m[1].replace(/[.,]/g, "")}.${m[2] ?? "0"}`);
}

/**
 * For THIDUA.NUMBER and the fix of text-number: the number in "8,5", " 8,50 ", "8.5", "8,5đ", "8,5 điểm", "-2", or null.
 * N1: the culture's decimal separator is tried first, then the other one, so "8.5" reads 8.5 on a
 * Vietnamese workbook too. A single group of three ("1.000") reads the culture's way (1000 with ",",
 * 1 with "."); readScore is where such text is flagged ambiguous-number.
 */
export function parseNumberText(text: string, decimalSeparator: DecimalSeparator): number | null {
  const { sign, body } = cleanNumberText(text);
  if (body === "") return null;
  const other: DecimalSeparator = decimalSeparator === "," ? "." : ",";
  // The culture's whole convention first (its decimal separator, its thousands separator), then the
  // other culture's: "8.5" is 8.5 and "1.000" is 1000 on a Vietnamese workbook.
  const value =
    readPlain(body, decimalSeparator) ??
    readGrouped(body, decimalSeparator) ??
    readPlain(body, other) ??
    readGrouped(body, other);
  if (value === null || !inRange(value)) return null;
  // "-0" is zero: a negative zero would print as "-0" in a fixed cell.
  return value === 0 ? 0 : sign * value;
}

// "1.000", "2,500", "-12.500": one group of exactly three digits after a first group without a leading
// zero. Read as a decimal it is 1 / 2.5 / 12.5; read with a thousands separator it is 1000 / 2500 / 12500.
const ONE_GROUP = /^([1-9]\d{0,2})([.,])(\d{3})$/;

/**
 * R11: a criterion that does not apply to this unit, marked instead of scored: "-", "–", "không áp
 * dụng", "KAD", "K/AD". It is neither blank (R4) nor zero: the unit's max leaves it out.
 */
const NOT_APPLICABLE =
  /^\s*(?:[-\u2013\u2014]|kh[oô]ng [aá]p d[uụ]ng|kad|k\/ad|k\.a\.d\.?|n\/a)\s*$/iu;

/** Score and max in one cell: "9,49/9,5", "9,49/\n9,5", "83,1 / 100". */
const SCORE_OVER_MAX = /^\s*([+-]?\s*[0-9][0-9.,]*)\s*\/\s*([0-9][0-9.,]*)\s*$/u;

/** N1: score and max in one cell, "9,49/9,5" or "9,49/\n9,5" (a line break after the slash), or null. */
export function scoreOverMax(
  text: string,
  decimalSeparator: DecimalSeparator
): { value: number; outOf: number } | null {
  const m = SCORE_OVER_MAX.exec(text);
  if (m === null) return null;
  const value = parseNumberText(m[1], decimalSeparator);
  const outOf = parseNumberText(m[2], decimalSeparator);
  return value === null || outOf === null ? null : { value, outOf };
}

/** Digits, then one separator and other than three digits: the same number in both cultures (N1). */
const PLAIN_SCORE = /^(\d+)(?:[.,](\d{1,2}|\d{4,}))?$/;

/**
 * N1/N2/R4: what a score cell holds. Blank is not zero (R4), a formula with no known result is unknown,
 * an error (real or typed as text) is an error, "1.000" on a scale below 1000 is ambiguous.
 */
export function readScore(v: CellValue, opts: ReadScoreOptions): ScoreRead {
  if (v === undefined) return { kind: "unknown" };
  if (v === null) return { kind: "blank" };
  if (typeof v === "number") {
    return inRange(v)
      ? { kind: "number", value: v, fromText: false }
      : { kind: "nan", text: String(v) };
  }
  if (typeof v === "boolean") return { kind: "nan", text: v ? "TRUE" : "FALSE" };
  if (isCellError(v)) return { kind: "error", error: v.error };
  const text = v;
  // Nearly every text score is a bare "8,5", "8.5" or "9": read it at once. Three digits after the
  // separator ("1.000") may be a thousands separator and takes the full path below (ONE_GROUP).
  const plain = PLAIN_SCORE.exec(text);
  if (plain !== null) {
    const value = Number(`${plain[1]}.${plain[2] ?? "0"}`);
    return inRange(value) ? { kind: "number", value, fromText: true } : { kind: "nan", text };
  }
  if (text.replace(/[\s\u200B-\u200D\u2060]+/g, "") === "") return { kind: "blank" };
  const err = excelErrorText(text);
  if (err !== null) return { kind: "error", error: err };
  if (NOT_APPLICABLE.test(text.normalize("NFC"))) return { kind: "na" };
  const over = scoreOverMax(text, opts.decimalSeparator);
  // A published "9,49/9,5" is the office's format, not a number typed as text: no text-number.
  if (over !== null)
    return { kind: "number", value: over.value, fromText: false, outOf: over.outOf };

  const { sign, body } = cleanNumberText(text);
  const one = ONE_GROUP.exec(body);
  if (one) {
    // At most 3 + 3 digits: always in range.
    const asDecimal = sign * Number(`${one[1]}.${one[3]}`);
    const asThousands = sign * Number(`${one[1]}${one[3]}`);
    const max = opts.scaleMax;
    if (max !== null && max !== undefined && Number.isFinite(max) && max >= 1000) {
      return { kind: "number", value: asThousands, fromText: true };
    }
    // Scale below 1000, or unknown: the thousands reading would exceed any score scale an office uses,
    // yet "1.000" is how Vietnamese write one thousand; only the officer can say which was meant.
    return { kind: "ambiguous", text, candidates: [asDecimal, asThousands].sort((a, b) => a - b) };
  }
  const n = parseNumberText(text, opts.decimalSeparator);
  if (n === null) return { kind: "nan", text };
  return { kind: "number", value: n, fromText: true };
}
