/**
 * The one "rank a workbook" use case, pure: the score sheets (Grids) and the cluster's settings in,
 * the report and the ranking sheet to write out. The pane and the ribbon (through the Excel adapter),
 * the CLI and the playground all rank through here, so they agree on what is read, what is provisional
 * and what the sheet says.
 */
import { analyzeWorkbook } from "../core/analyze";
import type { Grid } from "../core/grid";
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { RankingReport } from "../core/report";
import { summaryReceipt, withReturns } from "../core/returns-check";
import { titleInfoOf, withTitle } from "../core/title";
import { buildRankingSheet } from "./ranking";
import type { SheetSpec } from "./spec";
import { SUMMARY_STRINGS } from "./summary";
import type { SheetTag } from "./tags";

/** Which of the profile's fields the cluster set itself; the sheet's title fills in the others. */
export interface ProfileGiven {
  year: boolean;
  clusterName: boolean;
  kind: boolean;
  period: boolean;
}

/** What a stored profile says of itself: a field left empty was never set. */
export function givenBy(profile: ClusterProfile | null): ProfileGiven {
  return {
    year: profile !== null && profile.year > 0,
    clusterName: profile !== null && profile.clusterName.trim() !== "",
    kind: profile !== null,
    period: profile !== null,
  };
}

export interface RankWorkbookOptions {
  lang: Lang;
  /** The ranking sheet's date (the day of the meeting). */
  date: Date;
  mode?: "values" | "formulas";
  /** Rank only this sheet (by name). */
  sheet?: string;
  /**
   * The fields the cluster set (a profile file, the pane's saved settings); the year, cluster name, kind
   * and period it lacks come from the sheet's own title (DOMAIN.md §8), never from today silently.
   * Absent: the profile is taken as complete.
   */
  given?: ProfileGiven;
  /** Our sheets' tags in the workbook: a summary of returned forms ranks as one (form-missing, form-refused). */
  tags?: readonly SheetTag[];
  /** What the caller knows beyond the sheets (returned forms collected from separate files). */
  adjust?: (report: RankingReport) => RankingReport;
}

export type RankWorkbookResult =
  | { ok: false; message: string; reasons: string[] }
  | { ok: true; report: RankingReport; profile: ClusterProfile; ranking: SheetSpec };

export function rankWorkbook(
  grids: Grid[],
  profile: ClusterProfile,
  options: RankWorkbookOptions
): RankWorkbookResult {
  const { lang } = options;
  const filled = options.given ? withTitle(profile, titleInfoOf(grids), options.given) : profile;
  const result = analyzeWorkbook(grids, {
    profile: filled,
    lang,
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(filled.mappings ? { mappings: filled.mappings } : {}),
  });
  if (!result.ok) return result;
  let report = result.report;
  let sheetName: string | undefined;
  const summary = summaryGrid(report, grids, options.tags ?? []);
  if (summary) {
    // A ranking of our summary tells what the summary says, on a sheet of its own: it never
    // replaces a ranking of the full score sheet.
    const ranked = report.units.filter((u) => u.sheet === summary.sheetName).map((u) => u.name);
    report = withReturns(report, summaryReceipt(summary, filled, ranked), lang);
    sheetName = SUMMARY_STRINGS.t(lang, "rankingSheetName");
  }
  if (options.adjust) report = options.adjust(report);
  const ranking = buildRankingSheet(report, filled, {
    mode: options.mode ?? "values",
    date: options.date,
    sourceSheets: report.sheets,
    lang,
    ...(sheetName ? { sheetName } : {}),
  });
  return { ok: true, report, profile: filled, ranking };
}

function summaryGrid(
  report: RankingReport,
  grids: readonly Grid[],
  tags: readonly SheetTag[]
): Grid | undefined {
  const summaries = new Set(
    tags
      .filter((t) => t.kind === "summary" && t.sheet)
      .map((t) => (t.sheet as string).toLowerCase())
  );
  if (summaries.size === 0) return undefined;
  return grids.find(
    (g) => summaries.has(g.sheetName.toLowerCase()) && report.sheets.includes(g.sheetName)
  );
}
