/**
 * The THIDUA.* custom functions (namespace set by the manifest). The JSDoc below IS the metadata:
 * custom-functions-metadata turns it into functions.json, and scripts/functions-vi.js derives the
 * Vietnamese names from it. Each function is thin: normalise the arguments (Excel passes null for an
 * omitted optional, "" for a blank cell), one call into core, failures mapped to #VALUE! / #N/A.
 * Ids are a public contract: never rename them.
 *
 * None is @volatile or @streaming: each result depends on its arguments only, so Excel recalculates a
 * THIDUA cell exactly when a cell it reads changes. Volatile would recompute every RANK cell of a
 * 400-unit sheet on any edit anywhere in the workbook; nothing here changes over time to stream.
 */
import type { ClassificationBand } from "../core/profile";
import { DEFAULT_BANDS, profileLabel } from "../core/profile";
import {
  checkBands,
  classify as classifyTotal,
  competitionRanks,
  rankLabel,
} from "../core/ranking";
import { roundAt } from "../core/numeric";
import { parseNumberText, readScore, toUnicode } from "../core/text";
import type { CellValue } from "../core/grid";
import type { Lang } from "../core/i18n";
import {
  bonusCapArg,
  currentLang,
  optionalScalar,
  parseAddress,
  placeCell,
  precisionArg,
  separatorArg,
  toCellValue,
  toRows,
} from "./args";
import { excelError, fail, FunctionFailure, guard } from "./errors";
import { ContentCache } from "./rank-cache";
import { functionStrings } from "./strings";
import { runTable, runTotals } from "./table";

const t = functionStrings.t.bind(functionStrings);

/**
 * A number from a cell: numbers as they are, text by N1 ("8,5", "8.5", "8,5đ"); null when it is none.
 * A function cannot see the workbook's decimal separator (Excel hands it values, not the culture), and
 * "85.125" is 85,125 on an English workbook but 85125 on a Vietnamese one: such text is refused with
 * both readings named (ambiguous-number) rather than guessed, so a total typed as text never ranks
 * 1000 times too high. Every other text reads the same in both cultures.
 */
function numberOf(v: CellValue, lang: Lang): number | null {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return null;
  const read = readScore(v, { decimalSeparator: ",", scaleMax: null });
  if (read.kind === "ambiguous") fail("#VALUE!", ambiguousMessage(v, read.candidates, lang));
  return read.kind === "number" ? read.value : null;
}

function ambiguousMessage(text: string, candidates: number[], lang: Lang): string {
  const shown = candidates.map((x) => String(x).replace(".", lang === "vi" ? "," : "."));
  return t(lang, "ambiguousNumber", { text: text.trim(), a: shown[0], b: shown[1] });
}

function requireNumber(v: CellValue, lang: Lang): number {
  if (v !== null && typeof v === "object")
    fail("#VALUE!", t(lang, "cellError", { error: v.error }));
  const n = numberOf(v, lang);
  if (n === null) fail("#VALUE!", t(lang, "notANumber", { value: String(v ?? "") }));
  return n;
}

/**
 * Total score of each unit by the emulation scoring rules: leaf criteria only, weights, bonus cap, deductions, rounded.
 * @customfunction TOTAL
 * @helpurl https://localhost:3000/help.html#thidua-total
 * @param criteria The code, label, max [and weight] columns of the criteria rows.
 * @param scores The scores of one or more units on the same rows, one column per unit.
 * @param [precision] Decimals the totals are rounded to (default 2).
 * @param [bonusCap] The bonus cap; blank or 0 takes the bonus section's max.
 * @returns {any[][]} One total per score column (spills right).
 */
export function total(
  criteria: any[][],
  scores: any[][],
  precision?: number,
  bonusCap?: number
): any[][] {
  return guard(() => {
    const lang = currentLang();
    const p = precisionArg(precision, lang);
    const res = runTotals(criteria, scores, {
      lang,
      precision: p,
      bonusCap: bonusCapArg(bonusCap, lang),
    });
    // R4: a unit with nothing entered yet has no total; a blank (not 0) keeps RANK and CLASSIFY
    // beside it blank too, instead of ranking the unit last and classing it "Không hoàn thành".
    return [res.totals.map((x, i) => (res.entered[i] ? roundAt(x, p) : ""))];
  });
}

/** One shared ranking per distinct totals range (see rank-cache.ts for why and how long). */
const rankTables = new ContentCache<Map<number, number>>();

/** For tests and benchmarks: how often the shared ranking was reused. */
export function rankCacheStats(): { hits: number; misses: number } {
  return { hits: rankTables.hits, misses: rankTables.misses };
}

export function clearRankCache(): void {
  rankTables.clear();
}

/**
 * Competition rank of a total among the totals, compared at the sheet's decimals: ties share a rank (1, 2, 2, 4).
 * @customfunction RANK
 * @helpurl https://localhost:3000/help.html#thidua-rank
 * @param total The total to rank, or a whole range of totals.
 * @param totals The range of every unit's total.
 * @param [precision] Decimals used to compare (default 2).
 * @returns {any[][]} The rank; for a range, one rank per value, same shape.
 */
export function rank(total: any[][], totals: any[][], precision?: number): any[][] {
  return guard(() => {
    const lang = currentLang();
    const p = precisionArg(precision, lang);
    const table = rankTables.get(totals, p, (raw) => {
      const values: number[] = [];
      for (const cell of raw) {
        const v = toCellValue(cell);
        // An error among the totals makes every rank doubtful: say which error, rank nothing.
        if (v !== null && typeof v === "object")
          fail("#VALUE!", t(lang, "cellError", { error: v.error }));
        // Like Excel's RANK, text that is not a number (a header caught in the range) is ignored.
        const n = numberOf(v, lang);
        if (n !== null) values.push(n);
      }
      const ranks = competitionRanks(values, p);
      const byValue = new Map<number, number>();
      values.forEach((x, i) => byValue.set(roundAt(x, p), ranks[i]));
      return byValue;
    });
    if (table.size === 0) fail("#N/A", t(lang, "noTotals"));
    return toRows(total).map((row) =>
      row.map((cell) => {
        if (cell === null) return "";
        if (typeof cell === "object")
          return excelError("#VALUE!", t(lang, "cellError", { error: cell.error }));
        let n: number | null;
        try {
          n = numberOf(cell, lang);
        } catch (e) {
          // One ambiguous total is that cell's #VALUE!, not the whole spill's.
          if (e instanceof FunctionFailure) return excelError(e.code, e.message);
          throw e;
        }
        if (n === null)
          return excelError("#VALUE!", t(lang, "notANumber", { value: String(cell) }));
        const r = table.get(roundAt(n, p));
        return r ?? excelError("#N/A", t(lang, "notInTotals", { value: n }));
      })
    );
  });
}

/**
 * The units sorted by rank, one row each: unit, total, rank, label (Nhất/Nhì/Ba), classification.
 * @customfunction RANKING
 * @helpurl https://localhost:3000/help.html#thidua-ranking
 * @param criteria The code, label, max [and weight] columns of the criteria rows.
 * @param scores The units' scores on the same rows, one column per unit.
 * @param [units] The unit names, one per score column (the header row); for Tự chấm | Cụm chấm pairs, both header rows.
 * @param [precision] Decimals to round and compare at (default 2).
 * @param [bonusCap] The bonus cap; blank or 0 takes the bonus section's max.
 * @returns {any[][]} One row per unit: unit, total, rank, label, classification.
 */
export function ranking(
  criteria: any[][],
  scores: any[][],
  units?: any[][],
  precision?: number,
  bonusCap?: number
): any[][] {
  return guard(() => {
    const lang = currentLang();
    const p = precisionArg(precision, lang);
    const res = runTable(criteria, scores, {
      lang,
      precision: p,
      bonusCap: bonusCapArg(bonusCap, lang),
      units: units ?? undefined,
    });
    if (res.report.units.length === 0) fail("#N/A", t(lang, "noTotals"));
    // Units with nothing entered (R4) stay listed, so none goes missing, but last and blank: a 0 would
    // rank them and class them "Không hoàn thành nhiệm vụ" before they have sent a score.
    const unscored = new Set(res.inSheetOrder.filter((_, i) => !res.entered[i]));
    // Stable on equal ranks: the sheet's column order, which is the order the office typed.
    const rows = res.report.units.filter((u) => !unscored.has(u)).sort((a, b) => a.rank - b.rank);
    return [
      ...rows.map((u) => [
        u.name,
        roundAt(u.total, p),
        u.rank,
        u.label ?? rankLabel(u.rank, lang) ?? "",
        u.classification,
      ]),
      ...[...unscored].map((u) => [u.name, "", "", "", ""]),
    ];
  });
}

/**
 * Checks a score table: one row per issue (cell, code, message), or OK.
 * @customfunction VALIDATE
 * @helpurl https://localhost:3000/help.html#thidua-validate
 * @requiresAddress
 * @requiresParameterAddresses
 * @param criteria The code, label, max [and weight] columns of the criteria rows.
 * @param scores The units' scores on the same rows, one column per unit.
 * @param [units] The unit names, one per score column; for Tự chấm | Cụm chấm pairs, both header rows.
 * @param invocation Where the formula and its ranges are (Excel fills it in).
 * @returns {any[][]} One row per issue: the cell, the issue code, the message; or "OK".
 */
export function validate(
  criteria: any[][],
  scores: any[][],
  units?: any[][],
  invocation?: CustomFunctions.Invocation
): any[][] {
  return guard(() => {
    const lang = currentLang();
    const res = runTable(criteria, scores, { lang, units: units ?? undefined });
    const issues = res.report.issues;
    if (issues.length === 0) return [[t(lang, "ok")]];
    // Excel tells us where the ranges are, so an issue names the real cell (E6), not an offset.
    const where = invocation?.parameterAddresses ?? [];
    const at = {
      criteria: parseAddress(where[0]),
      scores: parseAddress(where[1]),
      caller: parseAddress(invocation?.address),
    };
    return issues.map((i) => [i.cell ? placeCell(i.cell, at) : (i.unit ?? ""), i.code, i.message]);
  });
}

/** Bands from a 2-column range: label, minimum share (0.9, or 90 when typed as a plain percentage). */
function bandsArg(v: any, lang: Lang): ClassificationBand[] {
  if (v === null || v === undefined) return DEFAULT_BANDS;
  // Spare blank rows selected under the bands are skipped; Excel desktop may hand them over as 0s.
  const rows = toRows(v).filter((r) => r.some((x) => x !== null && x !== 0));
  if (rows.length === 0) return DEFAULT_BANDS;
  const bands = rows.map((r) => {
    if (r.length < 2) fail("#VALUE!", t(lang, "badBands"));
    const label = r[0];
    const share = numberOf(r[1], lang);
    if (typeof label !== "string" || share === null || share < 0 || share > 100) {
      fail("#VALUE!", t(lang, "badBands"));
    }
    // 90 typed in a General cell means 90 %; Excel hands a "90 %" cell over as 0.9 already.
    return { label, minShare: share > 1 ? share / 100 : share };
  });
  // K6: a gap at the bottom or two bands at one minimum would classify some totals arbitrarily.
  const problems = checkBands(bands, lang);
  if (problems.length > 0) fail("#VALUE!", problems.join(" "));
  return bands;
}

/**
 * Classification label from the share of the content max (default bands Tốt 80 %, Khá 65 %, Trung bình).
 * @customfunction CLASSIFY
 * @helpurl https://localhost:3000/help.html#thidua-classify
 * @param total The unit's total.
 * @param maxTotal The content max (the bonus is not in the denominator, K6).
 * @param [bands] A 2-column bands table: label, minimum share (0 to 1, or %).
 * @returns {any} The classification label.
 */
export function classify(total: any, maxTotal: any, bands?: any[][]): any {
  return guard(() => {
    const lang = currentLang();
    const v = optionalScalar(total);
    // A unit not scored yet: a blank class beside its blank total, as RANK leaves a blank rank.
    if (v === null) return "";
    const x = requireNumber(v, lang);
    const max = numberOf(optionalScalar(maxTotal), lang);
    if (max === null || !(max > 0)) fail("#VALUE!", t(lang, "badMaxTotal"));
    return profileLabel(classifyTotal(x, max, bandsArg(bands, lang)), lang);
  });
}

/**
 * A number from a score typed as text: "8,5", "8.5", " 8,50 ", "8,5đ".
 * @customfunction NUMBER
 * @helpurl https://localhost:3000/help.html#thidua-number
 * @param text The cell or text to convert.
 * @param [decimalSeparator] The text's decimal separator, "," or "."; needed only for text that reads two ways, such as "1.250".
 * @returns {any} The number read.
 */
export function number(text: any, decimalSeparator?: string): any {
  return guard(() => {
    const lang = currentLang();
    const sep = separatorArg(decimalSeparator, lang);
    const v = optionalScalar(text);
    if (typeof v === "number") return v;
    if (v !== null && typeof v === "object")
      fail("#VALUE!", t(lang, "cellError", { error: v.error }));
    if (typeof v !== "string") fail("#VALUE!", t(lang, "notANumber", { value: String(v ?? "") }));
    // The separator named by the user settles "1.250"; without it, such text is refused (numberOf).
    const parsed = sep === null ? numberOf(v, lang) : parseNumberText(v, sep);
    if (parsed === null) fail("#VALUE!", t(lang, "notANumber", { value: v }));
    return parsed;
  });
}

/**
 * TCVN3 (ABC) or VNI text converted to Unicode: "Së Néi vô" becomes "Sở Nội vụ".
 * @customfunction UNICODE
 * @helpurl https://localhost:3000/help.html#thidua-unicode
 * @param text The text to convert.
 * @param [fontName] The cell's font name (".VnTime", "VNI-Times"), when known.
 * @returns {any} The Unicode text.
 */
export function unicode(text: any, fontName?: string): any {
  return guard(() => {
    const lang = currentLang();
    const v = optionalScalar(text);
    if (v === null) return "";
    if (typeof v === "object") fail("#VALUE!", t(lang, "cellError", { error: v.error }));
    if (typeof v !== "string") return v;
    const font = optionalScalar(fontName);
    return toUnicode(v, typeof font === "string" ? font : null).text.normalize("NFC");
  });
}
