/** Small pieces the email tab's sections share. */
import { formatScore } from "../../core/numeric";
import type { Lang } from "../../core/i18n";

/** Hands a blob to the browser as a download (Excel on the web and desktop webviews both allow it). */
export function download(blob: Blob, fileName: string): void {
  if (typeof URL.createObjectURL !== "function") return;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

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
