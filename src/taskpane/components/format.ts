import type { Lang } from "../../core/i18n";

/** Numbers as the officer reads them: Vietnamese uses a decimal comma ("92,50"). */
export function formatNumber(n: number, precision: number, lang: Lang): string {
  return n.toLocaleString(lang === "vi" ? "vi-VN" : "en-US", {
    minimumFractionDigits: 0,
    maximumFractionDigits: Math.max(0, Math.min(10, precision)),
  });
}

/**
 * A column of totals: every row with the sheet's precision ("88,00" under "87,75"), as the ranking
 * sheet prints them, so the decimals line up and no total looks rounder than its neighbours.
 */
export function formatFixed(n: number, precision: number, lang: Lang): string {
  const digits = Math.max(0, Math.min(10, precision));
  return n.toLocaleString(lang === "vi" ? "vi-VN" : "en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
