import type { Lang } from "../../core/i18n";

/** Numbers as the officer reads them: Vietnamese uses a decimal comma ("92,50"). */
export function formatNumber(n: number, precision: number, lang: Lang): string {
  return n.toLocaleString(lang === "vi" ? "vi-VN" : "en-US", {
    minimumFractionDigits: 0,
    maximumFractionDigits: Math.max(0, Math.min(10, precision)),
  });
}
