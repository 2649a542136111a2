/**
 * Layout E (DOMAIN §4): a results table, units in rows with their own max and the points they reached,
 * as provinces publish the administrative-reform index of departments and communes: `Thứ hạng | Đơn vị |
 * Điểm chuẩn tối đa | Điểm đạt được | Chỉ số (%) | Xếp loại`. Ranked by share of each unit's max (R11).
 */
import { columnLetter } from "../grid";
import type { Lang } from "../i18n";
import { isFooterText, isTotalLabel } from "./vocab";
import type { ColsMapping, DetectResult, Reason } from "./types";
import type { SheetView } from "./view";
import { fail, first, isNumberingRow, numericLike, ok, rowHasFooter, type Roles } from "./common";
import { CORE_STRINGS } from "../strings";

/** A header that names units, a max and the points (or the share) and no criterion column. */
export function looksLikeResults(roles: Roles): boolean {
  return (
    roles.has("unit") &&
    roles.has("max") &&
    !roles.has("label") &&
    !roles.has("self") &&
    !roles.has("review") &&
    (roles.has("points") || roles.has("total"))
  );
}

export function detectResults(
  v: SheetView,
  hr: number,
  roles: Roles,
  reasons: Reason[],
  lang: Lang,
  sep: "," | "."
): DetectResult {
  const nameCol = first(roles, "unit")!;
  const maxCol = first(roles, "max")!;
  const pointsCol = first(roles, "points") ?? first(roles, "total")!;
  const shareCol = first(roles, "share");
  const rankCol = first(roles, "rank");
  const classCol = first(roles, "classification");
  // A header merged down over two rows ("Điểm chuẩn tối đa" over "(1)"), or a numbering row.
  let r = hr + 1;
  while (r <= v.bottom && (isNumberingRow(v, r) || v.isMergedOver(r, nameCol))) r++;
  const unitRows: { name: string; row: number }[] = [];
  let firstRow = -1;
  let lastRow = -1;
  for (; r <= v.bottom; r++) {
    const f = v.fold(r, nameCol);
    if (isTotalLabel(f) || isFooterText(f) || rowHasFooter(v, r)) {
      if (firstRow >= 0) break;
      continue;
    }
    const name = v.text(r, nameCol);
    if (name === null) continue;
    // A group heading between the units ("Khối sở, ban, ngành", "Huyện A"): neither max nor points.
    const scored =
      (!v.isEmpty(r, maxCol) && numericLike(v, r, maxCol, sep)) ||
      (!v.isEmpty(r, pointsCol) && numericLike(v, r, pointsCol, sep));
    if (!scored) continue;
    if (firstRow < 0) firstRow = r;
    lastRow = r;
    if (!v.isHiddenRow(r)) unitRows.push({ name, row: r });
  }
  if (unitRows.length === 0) return fail(lang, CORE_STRINGS.t(lang, "noUnits"), reasons);
  reasons.push({
    key: "reasonResults",
    params: { max: columnLetter(maxCol), points: columnLetter(pointsCol) },
  });
  if (shareCol !== null)
    reasons.push({ key: "reasonShareCol", params: { col: columnLetter(shareCol) } });
  reasons.push({
    key: "reasonUnits",
    params: { n: unitRows.length, names: unitRows.map((u) => u.name).join("; ") },
  });
  const label = v.text(hr, pointsCol) ?? "";
  let confidence = 0.75;
  if (first(roles, "stt") !== null || rankCol !== null) confidence += 0.1;
  if (shareCol !== null) confidence += 0.05;
  if (unitRows.length >= 2) confidence += 0.05;
  const mapping: ColsMapping = {
    version: 1,
    layout: "B",
    sheet: v.grid.sheetName,
    headerRow: hr,
    headerRows: 1,
    nameCol,
    maxRow: null,
    firstRow,
    lastRow,
    criteria: [{ col: pointsCol, code: "", label, max: null, kind: "content" }],
    totalCol: null,
    unitRows,
    results: { maxCol, shareCol, rankCol, classCol },
    confidence: Math.min(1, Math.round(confidence * 100) / 100),
    reasons,
  };
  return ok(mapping, lang);
}
