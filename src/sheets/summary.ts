/**
 * The cluster head's summary of the returned forms (bảng tổng hợp): layout C of DOMAIN.md §4, the
 * criteria in rows and, per unit, "Tự chấm | Cụm chấm" under its merged name. The head types the
 * reviewed scores into the "Cụm chấm" columns; the engine ranks the sheet as it ranks any layout C.
 */
import { defineStrings, type Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { RankingReport } from "../core/report";
import type { SummaryModel } from "../core/returns";
import { RETURNS_STRINGS } from "../core/returns-strings";
import { clusterFullName, finishSpec, SpecBuilder, upper } from "./document";
import { heightFor, linesNeeded, sumWidths } from "./layout";
import type { SheetSpec, SpecStyle } from "./spec";

export const SUMMARY_STRINGS = defineStrings(
  "summary-sheet",
  {
    sheetName: "Tổng hợp tự chấm",
    title: "BẢNG TỔNG HỢP ĐIỂM TỰ CHẤM VÀ ĐIỂM CỤM CHẤM NĂM {year}",
    note: 'Tổng hợp từ phiếu tự chấm các đơn vị gửi về. Nhập điểm cụm chấm vào các cột "Cụm chấm" (ô màu vàng).',
    colCode: "STT",
    colCriterion: "Nội dung tiêu chí",
    colMax: "Điểm tối đa",
    colWeight: "Hệ số",
    colSelf: "Tự chấm",
    colReview: "Cụm chấm",
    totalRow: "TỔNG CỘNG",
    rankingSheetName: "Xếp hạng theo phiếu",
    bannerStart: "TẠM TÍNH",
    bannerMissing: "chưa nhận phiếu của {units}",
    bannerRefused: "phiếu không được tổng hợp: {units}",
    bannerErrors: "còn {count} lỗi cần xử lý",
    bannerIncomplete: "còn đơn vị chưa chấm đủ các tiêu chí",
  },
  {
    sheetName: "Self-score summary",
    title: "SUMMARY OF SELF SCORES AND REVIEWED SCORES {year}",
    note: 'Consolidated from the self-score forms the units sent back. Enter the reviewed scores in the "Cụm chấm" (review) columns, shown in yellow.',
    // The engine recognises the Vietnamese header words; the English sits in brackets, which it ignores.
    colCode: "STT",
    colCriterion: "Nội dung tiêu chí (Criterion)",
    colMax: "Điểm tối đa (Max)",
    colWeight: "Hệ số (Weight)",
    colSelf: "Tự chấm (Self)",
    colReview: "Cụm chấm (Review)",
    totalRow: "TỔNG CỘNG",
    rankingSheetName: "Ranking from forms",
    bannerStart: "PROVISIONAL",
    bannerMissing: "no form yet from {units}",
    bannerRefused: "forms not consolidated: {units}",
    bannerErrors: "{count} errors to resolve",
    bannerIncomplete: "some units have not scored every criterion",
  }
);

/**
 * The provisional banner of a ranking made from returned forms: it names the members without a form
 * and the refused forms (DOMAIN.md §8), then the errors and incomplete units as the usual banner does.
 * Null when the ranking has no such member (the usual banner is then the right one).
 */
export function returnsBanner(report: RankingReport, lang: Lang): string | null {
  const r = report.returns;
  if (!r || (r.missing.length === 0 && r.refused.length === 0)) return null;
  const t = SUMMARY_STRINGS.t.bind(SUMMARY_STRINGS);
  const parts: string[] = [];
  if (r.missing.length > 0) parts.push(t(lang, "bannerMissing", { units: r.missing.join(", ") }));
  if (r.refused.length > 0)
    parts.push(
      t(lang, "bannerRefused", {
        units: r.refused.map((x) => (x.reason ? `${x.unit} (${x.reason})` : x.unit)).join(", "),
      })
    );
  if (report.errorCount > 0) parts.push(t(lang, "bannerErrors", { count: report.errorCount }));
  if (report.units.some((u) => !u.complete)) parts.push(t(lang, "bannerIncomplete"));
  return `${t(lang, "bannerStart")}: ${parts.join("; ")}`;
}

/**
 * Under the table, who is not in it and why, and which forms the head accepted anyway (DOMAIN.md §8):
 * the sheet says it to whoever reads it, and core reads it back (readSummaryReceipt) so the ranking
 * of this sheet names the same units. Returns the next free row.
 */
function receiptBlock(
  b: SpecBuilder,
  model: SummaryModel,
  lang: Lang,
  row: number,
  right: number,
  widths: number[]
): number {
  const receipt = model.receipt;
  if (!receipt) return row;
  const r = RETURNS_STRINGS.t.bind(RETURNS_STRINGS);
  const lines: [string, string][] = [
    ...receipt.missing.map((u): [string, string] => [u, r(lang, "receipt.missing")]),
    ...receipt.refused.map((x): [string, string] => [
      x.unit,
      `${r(lang, "receipt.refused")}: ${x.reason}`,
    ]),
    ...receipt.accepted.map((x): [string, string] => [
      x.unit,
      `${r(lang, "receipt.accepted")}: ${x.reason}`,
    ]),
  ];
  if (lines.length === 0) return row;
  b.value(row, 1, r(lang, "receipt.heading"), { bold: true });
  row++;
  for (const [unit, text] of lines) {
    b.value(row, 1, unit, { wrap: true, vertical: "top" });
    const style = { wrap: true, vertical: "top" as const, italic: true };
    if (right > 2) b.merged(row, 2, row, right, text, style);
    else b.value(row, 2, text, style);
    const lines = Math.max(
      linesNeeded(unit, widths[1], 12),
      linesNeeded(text, sumWidths(widths, 2, right), 12)
    );
    b.height(row, heightFor(lines, 12));
    row++;
  }
  return row;
}

/** The note beside a unit whose form of another year or cluster the head accepted anyway. */
export function acceptedNote(report: RankingReport, unit: string, lang: Lang): string | null {
  const hit = report.returns?.accepted.find((a) => a.unit === unit);
  if (!hit) return null;
  const label = RETURNS_STRINGS.t(lang, "receipt.accepted");
  return hit.reason ? `${label}: ${hit.reason}` : label;
}

export interface SummarySheetOptions {
  lang: Lang;
}

const HEADER_FILL = "#DDE5F0";
const REVIEW_FILL = "#FFFDE7";

/** The summary sheet for `model` (from consolidateReturns). Values are copied as typed: "8,5" stays text, so the engine still reports it. */
export function buildSummarySheet(
  model: SummaryModel,
  profile: ClusterProfile,
  opts: SummarySheetOptions
): SheetSpec {
  const { lang } = opts;
  const t = SUMMARY_STRINGS.t.bind(SUMMARY_STRINGS);
  const w = model.hasWeights;
  const col = { code: 0, label: 1, max: 2, weight: w ? 3 : -1 };
  const firstUnit = w ? 4 : 3;
  const last = firstUnit + model.units.length * 2 - 1;
  const widths = [6, 46, 9, ...(w ? [7] : []), ...model.units.flatMap(() => [9, 9])];
  const b = new SpecBuilder(12);
  const center: SpecStyle = { horizontal: "center", vertical: "middle", wrap: true };
  const right = Math.max(last, col.max);

  b.merged(0, 0, 0, right, upper(clusterFullName(profile, lang)), { ...center, bold: true });
  b.merged(1, 0, 1, right, t(lang, "title", { year: model.year }), {
    ...center,
    bold: true,
    size: 14,
  });
  b.merged(2, 0, 2, right, t(lang, "note"), { ...center, italic: true, size: 11 });
  b.height(
    1,
    heightFor(
      linesNeeded(
        t(lang, "title", { year: model.year }),
        widths.reduce((s, x) => s + x, 0),
        14
      ),
      14
    )
  );

  const hr = 4;
  const head: SpecStyle = { ...center, border: true, bold: true, fill: HEADER_FILL };
  // The key headers are NOT merged down over the second header row: a merge would lend "STT",
  // "Nội dung tiêu chí"… to that row too, and with a single unit it would then read as a one-unit
  // form (layout D) instead of a summary (layout C).
  const keys: [number, string][] = [
    [col.code, t(lang, "colCode")],
    [col.label, t(lang, "colCriterion")],
    [col.max, t(lang, "colMax")],
  ];
  if (w) keys.push([col.weight, t(lang, "colWeight")]);
  for (const [c, text] of keys) {
    b.value(hr, c, text, head);
    b.value(hr + 1, c, null, head);
  }
  model.units.forEach((u, k) => {
    const c = firstUnit + k * 2;
    b.merged(hr, c, hr, c + 1, u.name, head);
    b.value(hr + 1, c, t(lang, "colSelf"), head);
    b.value(hr + 1, c + 1, t(lang, "colReview"), head);
  });
  b.height(hr, heightFor(Math.max(2, ...model.units.map((u) => linesNeeded(u.name, 18, 12))), 12));
  b.height(hr + 1, heightFor(2, 12));

  let row = hr + 2;
  for (let i = 0; i < model.rows.length; i++) {
    const r = model.rows[i];
    const base: SpecStyle = { border: true, vertical: "middle", bold: r.bold };
    const num: SpecStyle = { ...base, horizontal: "center", numberFormat: "General" };
    b.value(row, col.code, r.code, { ...base, horizontal: "center" });
    b.value(row, col.label, r.label, { ...base, wrap: true });
    b.value(row, col.max, r.max, num);
    if (w) b.value(row, col.weight, r.weight, num);
    model.units.forEach((u, k) => {
      const c = firstUnit + k * 2;
      b.value(row, c, r.leaf ? u.self[i] : null, num);
      b.value(
        row,
        c + 1,
        r.leaf ? u.review[i] : null,
        r.leaf ? { ...num, fill: REVIEW_FILL } : num
      );
    });
    b.height(row, heightFor(linesNeeded(r.label, widths[col.label], 12), 12));
    row++;
  }
  // The total row only closes the table for the engine; totals live on the ranking sheet, where
  // bonus caps and deductions are applied (a plain SUM here would be wrong).
  for (let c = 0; c <= right; c++)
    b.value(row, c, c === col.label ? t(lang, "totalRow") : null, {
      border: true,
      bold: true,
      horizontal: "center",
    });

  row = receiptBlock(b, model, lang, row + 2, right, widths);

  return finishSpec(b, {
    name: t(lang, "sheetName"),
    kind: "summary",
    columnWidths: widths,
    freeze: { rows: hr + 2, columns: firstUnit },
    print: {
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: true,
      margins: { top: 20, bottom: 20, left: 20, right: 15 },
      repeatRows: { first: hr, last: hr + 1 },
    },
  });
}
