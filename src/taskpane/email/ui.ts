/** Small pieces the email tab's sections share. */
import { formatScore } from "../../core/numeric";
import type { Lang } from "../../core/i18n";

export { download } from "../download";

export function intentOf(severity: string): "error" | "warning" | "info" {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "info";
}

/**
 * A value the way the user reads it: numbers with the language's decimal mark ("87,75" in
 * Vietnamese), without the binary noise of a computed total (87.75000000001).
 */
export function shownValue(v: string | number | boolean, lang: Lang): string {
  if (typeof v === "number") return formatScore(v, 6, lang);
  return String(v);
}

/** Runs a piece of work with the panel's spinner and error bar. */
export type RunWork = (work: () => Promise<void>) => void;
