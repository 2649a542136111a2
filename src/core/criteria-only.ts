/**
 * The criteria-only sheet (bảng điểm chuẩn, DOMAIN.md §4): the criteria tree with its max points and no
 * unit yet, the first document of the year. It is refused by the ranking (nothing to rank) but it is
 * the source of the self-score forms and of the covenant.
 */
import { analyzeWorkbook } from "./analyze";
import type { CellValue, Grid } from "./grid";
import type { Lang } from "./i18n";
import type { ClusterProfile } from "./profile";
import type { CriterionNode } from "./report";
import { foldKey } from "./text";

/** How far down a header row is looked for: title blocks above it are a few rows at most. */
const HEADER_SCAN_ROWS = 25;
const LABEL_WORDS = /^(noi dung|tieu chi|noi dung tieu chi|ten tieu chi|noi dung cham diem)\b/;
const MAX_WORDS = /^(diem chuan|diem toi da|thang diem|diem td|muc diem|diem)\b/;
/** A column header no real sheet uses, so the engine reads it as the one (empty) unit column. */
const PLACEHOLDER_UNIT = "Mẫu";

export interface CriteriaOnlyResult {
  criteria: CriterionNode[];
  contentMax: number;
  sheet: string;
}

/**
 * The criteria of the first sheet in `grids` that has a criteria header (label and max columns) and
 * no unit column: the sheet is read as a score sheet with one empty unit column added after the max,
 * so the criteria tree follows every rule of the engine (codes, bold, indentation, R14, kinds).
 * Null when no sheet reads that way.
 */
export function readCriteriaOnly(
  grids: Grid[],
  options: { lang?: Lang; profile?: Partial<ClusterProfile> } = {}
): CriteriaOnlyResult | null {
  for (const grid of grids) {
    const widened = withPlaceholderUnit(grid);
    if (!widened) continue;
    const res = analyzeWorkbook([widened], {
      lang: options.lang,
      profile: { ...(options.profile ?? {}), mappings: {} },
    });
    if (!res.ok || res.report.criteria.length === 0) continue;
    return {
      criteria: res.report.criteria,
      contentMax: res.report.contentMax,
      sheet: grid.sheetName,
    };
  }
  return null;
}

function withPlaceholderUnit(grid: Grid): Grid | null {
  const rows = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const folded = grid.values[r].map((v) => (typeof v === "string" ? foldKey(v) : ""));
    const label = folded.findIndex((f) => LABEL_WORDS.test(f));
    const max = folded.findIndex((f, c) => c !== label && MAX_WORDS.test(f));
    if (label < 0 || max < 0) continue;
    // The unit column goes right after the max column; the columns after it (Ghi chú…) shift right.
    const at = max + 1;
    const insert = (row: CellValue[], i: number): CellValue[] => [
      ...row.slice(0, at),
      i === r ? PLACEHOLDER_UNIT : null,
      ...row.slice(at),
    ];
    const out: Grid = { ...grid, values: grid.values.map(insert) };
    if (grid.formulas)
      out.formulas = grid.formulas.map((row) => [...row.slice(0, at), null, ...row.slice(at)]);
    if (grid.formats)
      out.formats = grid.formats.map((row) => [...row.slice(0, at), null, ...row.slice(at)]);
    if (grid.merges)
      out.merges = grid.merges.map((m) => ({
        ...m,
        left: m.left >= at ? m.left + 1 : m.left,
        right: m.right >= at ? m.right + 1 : m.right,
      }));
    if (grid.hidden)
      out.hidden = {
        rows: grid.hidden.rows,
        cols: grid.hidden.cols.map((c) => (c >= at ? c + 1 : c)),
      };
    return out;
  }
  return null;
}
