/**
 * A ranking of our summary of returned forms (a sheet tagged "summary") tells what the summary says:
 * members without a form and refused forms are named (form-missing, form-refused) and make it
 * provisional, and it gets its own sheet name, so it never replaces a ranking of the full score sheet.
 */
import type { Grid } from "../core/grid";
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { RankingReport } from "../core/report";
import { summaryReceipt, withReturns } from "../core/returns-check";
import { SUMMARY_STRINGS } from "../sheets/summary";
import type { SheetTag } from "./tags";

export function summaryRanking(
  report: RankingReport,
  grids: readonly Grid[],
  tags: readonly SheetTag[],
  profile: ClusterProfile,
  lang: Lang
): { report: RankingReport; sheetName?: string } {
  const summaries = new Set(
    tags
      .filter((t) => t.kind === "summary" && t.sheet)
      .map((t) => (t.sheet as string).toLowerCase())
  );
  const grid = grids.find(
    (g) => summaries.has(g.sheetName.toLowerCase()) && report.sheets.includes(g.sheetName)
  );
  if (!grid) return { report };
  const ranked = report.units.filter((u) => u.sheet === grid.sheetName).map((u) => u.name);
  return {
    report: withReturns(report, summaryReceipt(grid, profile, ranked), lang),
    sheetName: SUMMARY_STRINGS.t(lang, "rankingSheetName"),
  };
}
