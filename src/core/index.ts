/**
 * The engine's public API: what the task pane, the custom functions, the CLI and the tests call.
 * Pure TypeScript: nothing here knows where a Grid came from.
 */
import type { Grid } from "./grid";
import type { Lang } from "./i18n";
import { detectInView } from "./layout/detect";
import type { DetectResult } from "./layout/types";
import { SheetView } from "./layout/view";
import { sectionSummary } from "./analyze";

export {
  analyzeWorkbook,
  analyzeTable,
  analyzeBlock,
  blockTotals,
  tableBlock,
  tableTotals,
} from "./analyze";
export type { AnalyzeOptions, AnalyzeResult, TableBlock, TableOptions } from "./analyze";
export { describeMapping } from "./layout/describe";
export type {
  DetectResult,
  MappingSummary,
  SheetMapping,
  RowsMapping,
  ColsMapping,
  LayoutKind,
  UnitColumns,
} from "./layout/types";
export { roundAt, sameAt, formatScore } from "./numeric";
export {
  competitionRanks,
  rankLabel,
  classify,
  checkBands,
  suggestRotation,
  tallyVotes,
  tallyCounts,
  rankUnits,
} from "./ranking";
export type { VoteResult, RankEntry, RankOutcome } from "./ranking";
export { CORE_STRINGS } from "./strings";
export type { Grid, CellValue } from "./grid";
export type { Issue, IssueCode, Severity } from "./issues";
export type { RankingReport, UnitResult, CriterionNode, SectionScore } from "./report";
export type { ClusterProfile, ClassificationBand } from "./profile";

/**
 * The mapping of one sheet (DOMAIN §4) with a confidence and the reasons, or a clear "not a score sheet:
 * …" naming what was not found. Never throws. The mapping carries its sections so describeMapping can
 * show them.
 */
export function detectLayout(
  grid: Grid,
  options: { lang?: Lang; decimalSeparator?: "," | "." } = {}
): DetectResult {
  try {
    const view = new SheetView(grid);
    const d = detectInView(view, options);
    if (!d.ok) return d;
    return { ...d, mapping: { ...d.mapping, sections: sectionSummary(view, d.mapping) } };
  } catch (e) {
    // A detector bug must not take the task pane down: report it as an unreadable sheet.
    return { ok: false, message: String(e instanceof Error ? e.message : e), reasons: [] };
  }
}
