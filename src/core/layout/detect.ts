/**
 * Layout detection (DOMAIN §4): find the header row by its words, decide the layout (A, B, C, D), and
 * locate codes, labels, max, weights, units and totals. Returns the reasons with the mapping; a sheet
 * that cannot be read gets a sentence naming what was not found, never a guess presented as fact.
 */
import type { Grid } from "../grid";
import { columnLetter } from "../grid";
import { CORE_STRINGS } from "../strings";
import type { Lang } from "../i18n";
import { parseNumberText } from "../text";
import { splitCode } from "../criteria";
import {
  bareHeader,
  headerRole,
  isFooterText,
  isTotalLabel,
  kindOfLabel,
  subtotalSection,
  type HeaderRole,
} from "./vocab";
import type {
  ColsMapping,
  ColumnCriterion,
  DetectResult,
  Reason,
  RowsMapping,
  UnitColumns,
} from "./types";
import { SheetView } from "./view";
import {
  fail,
  first,
  headerScore,
  isNumberingRow,
  numericLike,
  ok,
  rolesOfRow,
  rowHasFooter,
  shortList,
  type Roles,
} from "./common";
import { detectResults, looksLikeResults } from "./results";

/** How far down a header may sit under title rows. */
const HEADER_SCAN_ROWS = 40;

/** A max inside header text: "(20 điểm)", "(20đ)", "(tối đa 5đ)", "20 điểm", "- 20đ". */
export function maxInHeader(text: string, sep: "," | "."): number | null {
  const folded = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
  const m =
    /\((?:toi da|max|td|thang diem|diem chuan|=)?\s*:?\s*([0-9]+(?:[.,][0-9]+)?)\s*(?:d|diem|đ)?\s*\)/.exec(
      folded
    ) ??
    /(?:toi da|diem chuan|thang diem)\s*:?\s*([0-9]+(?:[.,][0-9]+)?)\s*(?:d|diem)?\b/.exec(
      folded
    ) ??
    /([0-9]+(?:[.,][0-9]+)?)\s*(?:d|diem)\s*\)?\s*$/.exec(folded);
  if (!m) return null;
  return parseNumberText(m[1], sep);
}

export interface DetectOptions {
  lang?: Lang;
  decimalSeparator?: "," | ".";
}

/** Detect the mapping of `grid`. Never throws: a grid of anything gives a result. */
export function detectLayout(grid: Grid, options: DetectOptions = {}): DetectResult {
  return detectInView(new SheetView(grid), options);
}

/**
 * One unit's Tự chấm | Cụm chấm under its name (layout C with a single unit) rather than a self-score
 * form (D) with its title above: the name is one merged cell over exactly the pair, and the row above
 * is itself a header row (the key headers STT / Nội dung / Điểm chuẩn merged down over both rows). A
 * D form's title above the header spans the key columns too, or holds no header word.
 */
function oneUnitOverPair(v: SheetView, hr: number, roles: Roles, cols: number[]): boolean {
  const up = hr - 1;
  const lo = Math.min(...cols);
  const hi = Math.max(...cols);
  if (hi - lo !== cols.length - 1) return false;
  const name = v.text(up, lo);
  if (name === null) return false;
  for (let c = lo + 1; c <= hi; c++)
    if (v.text(up, c) !== name || v.ownValue(up, c) !== null) return false;
  // Merged, not typed twice: the cell right of the name's first column is covered by the merge.
  if (!v.isMergedOver(up, hi)) return false;
  if (v.text(up, lo - 1) === name || v.text(up, hi + 1) === name) return false;
  const above = rolesOfRow(v, up);
  const keys = (["label", "max"] as const).filter((k) => roles.has(k));
  return keys.length > 0 && keys.every((k) => above.has(k));
}

/** The core's messages in one language, as each detector states its reasons. */
function translator(
  lang: Lang
): (k: Parameters<typeof CORE_STRINGS.t>[1], p?: Record<string, string | number>) => string {
  return (k, p) => CORE_STRINGS.t(lang, k, p);
}

export function detectInView(v: SheetView, options: DetectOptions = {}): DetectResult {
  const lang = options.lang ?? "vi";
  const sep = options.decimalSeparator ?? ",";
  const t = translator(lang);
  if (v.grid.values.length === 0 || v.right < v.left) return fail(lang, t("emptySheet"), []);

  let best = -1;
  let bestScore = 1;
  let bestRoles: Roles = new Map();
  const lastScan = Math.min(v.bottom, v.top + HEADER_SCAN_ROWS);
  for (let r = v.top; r <= lastScan; r++) {
    const roles = rolesOfRow(v, r);
    if (!roles.has("label") && !roles.has("unit") && !roles.has("max")) continue;
    const s = headerScore(roles);
    if (s > bestScore) {
      best = r;
      bestScore = s;
      bestRoles = roles;
    }
  }
  if (best < 0) return fail(lang, t("noHeader"), []);
  // Tự chấm | Cụm chấm repeated under unit names merged above (layout C): the header starts a row up.
  const pairCols = (bestRoles.get("self")?.length ?? 0) + (bestRoles.get("review")?.length ?? 0);
  if (pairCols >= 2 && best > v.top) {
    const cols = [...(bestRoles.get("self") ?? []), ...(bestRoles.get("review") ?? [])];
    const named = cols.every(
      (c) => v.text(best - 1, c) !== null && headerRole(v.fold(best - 1, c)) === null
    );
    if (named && (pairCols >= 3 || oneUnitOverPair(v, best, bestRoles, cols))) {
      best = best - 1;
      bestRoles = rolesOfRow(v, best);
    }
  }
  const words = [...bestRoles.values()]
    .flat()
    .sort((a, b) => a - b)
    .map((c) => v.text(best, c) ?? "")
    .filter((s, i, a) => s !== "" && a.indexOf(s) === i)
    .join(", ");
  const reasons: Reason[] = [{ key: "reasonHeader", params: { row: best + 1, words } }];

  if (looksLikeResults(bestRoles)) {
    const e = detectResults(v, best, bestRoles, reasons, lang, sep);
    if (e.ok) return e;
  }
  const rowsFirst = bestRoles.has("label") || (bestRoles.has("max") && !bestRoles.has("unit"));
  const primary = rowsFirst
    ? detectRows(v, best, bestRoles, reasons, lang, sep)
    : detectCols(v, best, bestRoles, reasons, lang, sep);
  // A header with both "Đơn vị" and "Nội dung" can be either shape (units in rows under a merged
  // "Nội dung thi đua"): read it both ways and keep the more confident reading.
  if (!(bestRoles.has("label") && bestRoles.has("unit"))) return primary;
  const reasons2: Reason[] = [reasons[0]];
  const other = rowsFirst
    ? detectCols(v, best, bestRoles, reasons2, lang, sep)
    : detectRows(v, best, bestRoles, reasons2, lang, sep);
  if (!other.ok) return primary;
  if (!primary.ok || other.confidence > primary.confidence) return other;
  return primary;
}

/**
 * Units in column groups `Điểm số | Chỉ số | Thứ hạng` under their names, the max inside each score
 * cell ("9,49/9,5"): the "Điểm số" columns, each under a name that is not a header word.
 */
function scoreGroups(v: SheetView, hr: number): { cols: number[]; nameRow: number } {
  // The names on the header row and the groups under it, or (key headers merged down over both
  // rows, so the lower row scored higher) the groups on the header row and the names above it.
  for (const [groupRow, nameRow] of [
    [hr + 1, hr],
    [hr, hr - 1],
  ]) {
    if (groupRow > v.bottom || nameRow < v.top) continue;
    const cols = (rolesOfRow(v, groupRow).get("points") ?? []).filter((c) => {
      const name = v.text(nameRow, c);
      return name !== null && headerRole(v.fold(nameRow, c)) === null;
    });
    if (cols.length > 0) return { cols, nameRow };
  }
  return { cols: [], nameRow: hr };
}

/** The next non-empty row under `row` is a criterion (a code, or a label with a numeric max). */
function moreCriteriaBelow(
  v: SheetView,
  row: number,
  labelCol: number,
  codeCol: number | null,
  maxCol: number | null,
  sep: "," | "."
): boolean {
  for (let r = row + 1; r <= v.bottom; r++) {
    if (v.rowIsEmpty(r)) continue;
    // A note merged across the table ("Đơn vị nhập điểm vào cột…") is prose under the table, not a
    // criterion, whatever its first words look like.
    if (v.isMergedOver(r, labelCol) || (codeCol !== null && v.isMergedOver(r, codeCol)))
      return false;
    const label = v.fold(r, labelCol);
    const code = codeCol !== null ? v.fold(r, codeCol) : "";
    if (label === "" || isTotalLabel(label) || isTotalLabel(code)) return false;
    if (isFooterText(label) || isFooterText(code) || rowHasFooter(v, r)) return false;
    // The header of a second table (a summary "STT | Đơn vị | Tổng điểm" under the grand total).
    if (headerScore(rolesOfRow(v, r)) >= 2) return false;
    // A code cell holds a short code ("1", "1.2", "a)", "II"); a sentence there is a note.
    if ((code !== "" && code.length <= 12) || splitCode(v.text(r, labelCol) ?? "")[0] !== "")
      return true;
    return maxCol !== null && !v.isEmpty(r, maxCol) && numericLike(v, r, maxCol, sep);
  }
  return false;
}

/** A bare "Cộng" / "Tổng" (in the label or the code column): the word offices use for subtotals. */
function isShortTotal(label: string, code: string): boolean {
  const short = (f: string): boolean => /^(cong|tong)$/.test(bareHeader(f));
  return short(label) || short(code);
}

/** The next non-empty row under `row` is a total or a named subtotal (before any footer). */
function totalBelow(v: SheetView, row: number, labelCol: number, codeCol: number | null): boolean {
  for (let r = row + 1; r <= v.bottom; r++) {
    if (v.rowIsEmpty(r)) continue;
    const label = v.fold(r, labelCol);
    const code = codeCol !== null ? v.fold(r, codeCol) : "";
    return (
      isTotalLabel(label) ||
      isTotalLabel(code) ||
      (subtotalSection(label) ?? subtotalSection(code)) !== null
    );
  }
  return false;
}

function sttIsRowCounter(
  v: SheetView,
  sttCol: number,
  labelCol: number,
  firstRow: number,
  lastRow: number
): boolean {
  let prev: number | null = null;
  let rows = 0;
  let coded = 0;
  for (let r = firstRow; r <= lastRow; r++) {
    const label = v.text(r, labelCol);
    const stt = v.display(r, sttCol).trim().replace(/\.$/, "");
    if (label === null && stt === "") continue;
    if (!/^[0-9]+$/.test(stt)) return false;
    const n = Number(stt);
    if (prev !== null && n !== prev + 1) return false;
    prev = n;
    rows++;
    if (label !== null && splitCode(label)[0] !== "") coded++;
  }
  return rows >= 3 && coded * 2 >= rows;
}

/** Where a rows layout keeps its keys: the label, codes, max, weights, item bonus and notes. */
interface KeyColumns {
  labelCol: number;
  codeCol: number | null;
  maxCol: number | null;
  weightCol: number | null;
  itemBonusCol: number | null;
  noteCol: number | null;
}

function keyColumns(v: SheetView, roles: Roles): KeyColumns {
  const labelCol =
    first(roles, "label") ?? Math.max(v.left, (first(roles, "max") ?? v.left + 1) - 1);
  const sttCol = first(roles, "stt");
  const maxCol = first(roles, "max");
  // R13: "Thưởng" right of the max, before the units: each item's own bonus.
  const bonusCol = first(roles, "bonus");
  const notesAt = first(roles, "note");
  return {
    labelCol,
    codeCol: sttCol !== null && sttCol < labelCol ? sttCol : null,
    maxCol,
    weightCol: first(roles, "weight"),
    itemBonusCol:
      bonusCol !== null && maxCol !== null && bonusCol > maxCol && bonusCol <= maxCol + 2
        ? bonusCol
        : null,
    noteCol: notesAt !== null && notesAt > labelCol ? notesAt : null,
  };
}

/**
 * Where the max comes from: its column; without one, each label ("1. Hoàn thành kế hoạch (10 điểm)")
 * or each score cell under "Điểm số" column groups ("9,49/9,5": R11, a max per unit). Null: nowhere.
 */
function maxSource(
  v: SheetView,
  hr: number,
  k: KeyColumns,
  sep: "," | "."
): { groups: number[]; groupNames: number; maxInLabel: boolean; reason: Reason } | null {
  const { cols: groups, nameRow: groupNames } =
    k.maxCol === null ? scoreGroups(v, hr) : { cols: [], nameRow: hr };
  if (groups.length > 0)
    return { groups, groupNames, maxInLabel: false, reason: { key: "reasonMaxInCells" } };
  if (k.maxCol !== null)
    return {
      groups,
      groupNames,
      maxInLabel: false,
      reason: { key: "reasonMaxCol", params: { col: columnLetter(k.maxCol) } },
    };
  let labels = 0;
  let withMax = 0;
  for (let r = hr + 1; r <= v.bottom && r <= hr + 200; r++) {
    const l = v.text(r, k.labelCol);
    if (l === null) continue;
    labels++;
    if (maxInHeader(l, sep) !== null) withMax++;
  }
  if (withMax < 2 || withMax < labels * 0.4) return null;
  return { groups, groupNames, maxInLabel: true, reason: { key: "reasonMaxInLabel" } };
}

/** Columns that are not units: every key column, and those its merged header covers. */
function keyedColumns(v: SheetView, hr: number, roles: Roles, k: KeyColumns): Set<number> {
  const known = new Set<number>();
  // "Đơn vị" merged over the unit columns names no column of its own: the names sit on the row below.
  for (const [role, cols] of roles)
    if (role !== "self" && role !== "review" && role !== "unit") cols.forEach((c) => known.add(c));
  // Merged key headers cover their neighbours: those columns are not units either.
  for (const c of [k.labelCol, k.codeCol, k.maxCol, k.weightCol]) {
    if (c === null) continue;
    for (
      let d = c + 1;
      d <= v.right && v.fold(hr, d) === v.fold(hr, c) && v.fold(hr, c) !== "";
      d++
    )
      known.add(d);
  }
  return known;
}

/**
 * The units the header names and the layout that follows: A (a column per unit, or "Điểm số" groups),
 * C (Tự chấm | Cụm chấm pairs under each name), D (one unit's form). Also how many rows the header
 * takes, and the reason to give when the layout needs one.
 */
function headerUnits(
  v: SheetView,
  hr: number,
  roles: Roles,
  k: KeyColumns,
  max: { groups: number[]; groupNames: number },
  sep: "," | "."
): { layout: "A" | "C" | "D"; headerRows: number; units: UnitColumns[]; reason: Reason | null } {
  const { labelCol, maxCol } = k;
  const sub = hr + 1 <= v.bottom ? rolesOfRow(v, hr + 1) : new Map<HeaderRole, number[]>();
  const subPairs = (sub.get("self")?.length ?? 0) + (sub.get("review")?.length ?? 0);
  let layout: "A" | "C" | "D";
  let headerRows = 1;
  let reason: Reason | null = null;
  const units: UnitColumns[] = [];

  if (max.groups.length > 0) {
    layout = "A";
    headerRows = max.groupNames === hr ? 2 : 1;
    for (const c of max.groups)
      units.push({
        name: v.text(max.groupNames, c)!,
        self: c,
        review: null,
        nameCell: [max.groupNames, c],
      });
  } else if (roles.has("self") || roles.has("review")) {
    layout = "D";
    const name = unitNameFromTitle(v, hr);
    const fallback = unitNameFallback(v);
    units.push({
      name: name ? name.name : fallback,
      self: first(roles, "self"),
      review: first(roles, "review"),
      nameCell: name ? name.cell : null,
    });
    reason = { key: "reasonUnitName", params: { text: name ? name.source : fallback } };
  } else if (subPairs >= 2) {
    layout = "C";
    headerRows = 2;
    const cols = [...(sub.get("self") ?? []), ...(sub.get("review") ?? [])].sort((a, b) => a - b);
    let current: UnitColumns | null = null;
    for (const c of cols) {
      const role = headerRole(v.fold(hr + 1, c));
      let name = v.text(hr, c) ?? "";
      if (name === "" && current) name = current.name;
      if (name === "") continue;
      if (
        !current ||
        current.name !== name ||
        (role === "self" && current.self !== null) ||
        (role === "review" && current.review !== null)
      ) {
        current = { name, self: null, review: null, nameCell: [hr, c] };
        units.push(current);
      }
      if (role === "self") current.self = c;
      else current.review = c;
    }
    reason = { key: "reasonPairs" };
  } else {
    layout = "A";
    const known = keyedColumns(v, hr, roles, k);
    // A second header row holding the unit names under a merged "Điểm các đơn vị".
    let nameRow = hr;
    if (
      hr + 1 <= v.bottom &&
      (maxCol === null || !numericLike(v, hr + 1, maxCol, sep)) &&
      v.isEmpty(hr + 1, labelCol) !== false
    ) {
      let texts = 0;
      for (let c = v.left; c <= v.right; c++)
        if (!known.has(c) && v.text(hr + 1, c) !== null && !v.isMergedOver(hr + 1, c)) texts++;
      if (
        texts >= 2 &&
        (v.fold(hr + 1, labelCol) === v.fold(hr, labelCol) || v.isEmpty(hr + 1, labelCol))
      ) {
        nameRow = hr + 1;
        headerRows = 2;
      }
    }
    for (let c = Math.max(labelCol, maxCol ?? labelCol) + 1; c <= v.right; c++) {
      if (known.has(c)) continue;
      const name = v.text(nameRow, c);
      if (name === null || headerRole(v.fold(nameRow, c)) !== null) continue;
      // The rest of a merged name is not another unit.
      if (v.ownValue(nameRow, c) === null) continue;
      units.push({ name, self: c, review: null, nameCell: [nameRow, c] });
    }
  }

  // Header cells merged down over two rows ("Nội dung" and each "Sở X" spanning rows 3:4): the
  // covered row is still header, not a criterion.
  while (
    hr + headerRows <= v.bottom &&
    v.isMergedOver(hr + headerRows, labelCol) &&
    v.fold(hr + headerRows, labelCol) === v.fold(hr, labelCol)
  )
    headerRows++;
  return { layout, headerRows, units, reason };
}

/** Criterion rows: from under the header to the total row or the signature block (R2 subtotals). */
function criterionRows(
  v: SheetView,
  start: number,
  k: KeyColumns,
  sep: "," | "."
): { firstRow: number; lastRow: number; totalRow: number | null; subtotalRows: number[] } {
  const { labelCol, codeCol, maxCol } = k;
  let r = start;
  while (r <= v.bottom && isNumberingRow(v, r)) r++;
  let firstRow = -1;
  let lastRow = -1;
  let totalRow: number | null = null;
  const subtotalRows: number[] = [];
  for (; r <= v.bottom; r++) {
    const label = v.fold(r, labelCol);
    const code = codeCol !== null ? v.fold(r, codeCol) : "";
    // "Cộng mục I" names the section it closes: a subtotal wherever it stands.
    if (firstRow >= 0 && (subtotalSection(label) ?? subtotalSection(code)) !== null) {
      subtotalRows.push(r);
      continue;
    }
    if (isTotalLabel(label) || isTotalLabel(code)) {
      // A "Cộng" row closing one section, with criteria after it or the grand total under it: a
      // subtotal (R2), not the end of the table.
      if (
        firstRow >= 0 &&
        (moreCriteriaBelow(v, r, labelCol, codeCol, maxCol, sep) ||
          (isShortTotal(label, code) && totalBelow(v, r, labelCol, codeCol)))
      ) {
        subtotalRows.push(r);
        continue;
      }
      totalRow = r;
      if (firstRow >= 0) break;
      continue;
    }
    if (isFooterText(label) || isFooterText(code) || rowHasFooter(v, r)) break;
    if (
      label === "" &&
      code === "" &&
      (maxCol === null || v.isEmpty(r, maxCol) || !numericLike(v, r, maxCol, sep))
    )
      continue;
    if (firstRow < 0) firstRow = r;
    lastRow = r;
  }
  return { firstRow, lastRow, totalRow, subtotalRows };
}

const unitCols = (u: UnitColumns): number[] =>
  [u.self, u.review].filter((c): c is number => c !== null);

/**
 * The units that are ranked. A hidden unit column (last year's "Năm 2024", a unit that left the
 * cluster) is not, and the reasons say so: never scored in silence, never dropped in silence. A unit
 * column holds scores: text columns ("Căn cứ", "Minh chứng") that only look like names are dropped.
 */
function scoredUnits(
  v: SheetView,
  units: UnitColumns[],
  layout: "A" | "C" | "D",
  rows: { firstRow: number; lastRow: number },
  sep: "," | "."
): { kept: UnitColumns[]; shown: UnitColumns[]; hiddenUnits: UnitColumns[] } {
  const hiddenUnits =
    layout === "D" ? [] : units.filter((u) => unitCols(u).every((c) => v.isHiddenCol(c)));
  const shown = units.filter((u) => !hiddenUnits.includes(u));
  const kept = shown.filter((u) => {
    const cols = [u.self, u.review].filter((c): c is number => c !== null);
    let nums = 0;
    let texts = 0;
    for (let rr = rows.firstRow; rr <= rows.lastRow; rr++)
      for (const c of cols) {
        if (v.isEmpty(rr, c)) continue;
        if (numericLike(v, rr, c, sep)) nums++;
        else if ((v.text(rr, c) ?? "").length > 6) texts++;
      }
    return layout !== "A" || nums >= texts;
  });
  return { kept, shown, hiddenUnits };
}

function detectRows(
  v: SheetView,
  hr: number,
  roles: Roles,
  reasons: Reason[],
  lang: Lang,
  sep: "," | "."
): DetectResult {
  const t = translator(lang);
  const k = keyColumns(v, roles);
  const { labelCol, maxCol, weightCol, itemBonusCol, noteCol } = k;
  let codeCol = k.codeCol;
  const max = maxSource(v, hr, k, sep);
  if (!max) return fail(lang, t("noMax"), reasons);
  reasons.push(max.reason);
  if (codeCol !== null)
    reasons.push({ key: "reasonCodes", params: { col: columnLetter(codeCol) } });
  if (weightCol !== null)
    reasons.push({ key: "reasonWeights", params: { col: columnLetter(weightCol) } });

  const { layout, headerRows, units, reason } = headerUnits(v, hr, roles, k, max, sep);
  if (reason) reasons.push(reason);
  const { firstRow, lastRow, totalRow, subtotalRows } = criterionRows(v, hr + headerRows, k, sep);
  if (firstRow < 0) return fail(lang, t("noCriteria"), reasons);
  // STT numbered 1, 2, 3… down every row (sections included) while the labels carry the real codes
  // ("I. Công tác…", "1. …", "a) …"): the STT column is a row counter, so the hierarchy comes from the
  // labels and reading STT as codes would flatten it.
  if (codeCol !== null && sttIsRowCounter(v, codeCol, labelCol, firstRow, lastRow)) {
    const col = columnLetter(codeCol);
    codeCol = null;
    const i = reasons.findIndex((x) => x.key === "reasonCodes" && x.params?.col === col);
    if (i >= 0) reasons.splice(i, 1);
  }

  const { kept, shown, hiddenUnits } = scoredUnits(v, units, layout, { firstRow, lastRow }, sep);
  if (kept.length === 0) return fail(lang, t("noUnits"), reasons);
  reasons.push({
    key: "reasonUnits",
    params: { n: kept.length, names: kept.map((u) => u.name).join("; ") },
  });
  if (hiddenUnits.length > 0)
    reasons.push({
      key: "reasonHiddenUnitCols",
      params: {
        cols: hiddenUnits.flatMap((u) => unitCols(u).map((c) => columnLetter(c))).join(", "),
        names: hiddenUnits.map((u) => u.name).join("; "),
      },
    });
  const hiddenRows: string[] = [];
  for (let rr = firstRow; rr <= lastRow; rr++)
    if (v.isHiddenRow(rr) && !v.rowIsEmpty(rr)) hiddenRows.push(String(rr + 1));
  if (hiddenRows.length > 0)
    reasons.push({ key: "reasonHiddenCriteriaRows", params: { rows: shortList(hiddenRows) } });
  if (subtotalRows.length > 0)
    reasons.push({
      key: "reasonSubtotalRows",
      params: { rows: shortList(subtotalRows.map((x) => String(x + 1))) },
    });
  if (totalRow !== null) reasons.push({ key: "reasonTotalRow", params: { row: totalRow + 1 } });

  let confidence = 0.5;
  if (roles.has("label")) confidence += 0.15;
  if (codeCol !== null) confidence += 0.1;
  if (totalRow !== null) confidence += 0.1;
  if (layout === "A" ? kept.length >= 2 : true) confidence += 0.1;
  if (kept.length === shown.length) confidence += 0.05;
  const mapping: RowsMapping = {
    version: 1,
    layout,
    sheet: v.grid.sheetName,
    headerRow: hr,
    headerRows,
    codeCol,
    labelCol,
    maxCol,
    ...(max.maxInLabel ? { maxInLabel: true } : {}),
    weightCol,
    ...(itemBonusCol !== null ? { itemBonusCol } : {}),
    ...(noteCol !== null ? { noteCol } : {}),
    firstRow,
    lastRow,
    totalRow,
    ...(subtotalRows.length > 0 ? { subtotalRows } : {}),
    units: kept,
    confidence: Math.min(1, Math.round(confidence * 100) / 100),
    reasons,
  };
  return ok(mapping, lang);
}

/** "Đơn vị: Sở Tư pháp" (or "Tên đơn vị:" with the name in the next cell) in the title block. */
export function unitNameFromTitle(
  v: SheetView,
  headerRow: number
): { name: string; cell: [number, number]; source: string } | null {
  for (let r = v.top; r < headerRow; r++) {
    for (let c = v.left; c <= v.right; c++) {
      const f = v.fold(r, c);
      if (!/^((ten )?(don vi|co quan|dia phuong)( duoc cham| tu cham| cham)?|unit)\s*:/.test(f))
        continue;
      const text = v.text(r, c) ?? "";
      const after = text.slice(text.indexOf(":") + 1).trim();
      if (after !== "") return { name: after, cell: [r, c], source: text };
      for (let d = c + 1; d <= v.right; d++) {
        const next = v.text(r, d);
        if (next && next !== text) return { name: next, cell: [r, d], source: `${text} ${next}` };
      }
    }
  }
  // No "Đơn vị:" line: a title naming the unit ("Bảng tự chấm điểm năm 2025 của Sở Y tế").
  for (let r = v.top; r < headerRow; r++) {
    for (let c = v.left; c <= v.right; c++) {
      if (v.isMergedOver(r, c)) continue;
      const text = v.text(r, c);
      if (text === null) continue;
      const m = TITLE_UNIT.exec(text);
      if (!m) continue;
      // "(Kèm theo báo cáo … của Sở Y tế)": the closing bracket belongs to the title, not the name.
      let name = m[1].replace(/[\s.,;:]+$/u, "");
      if (!name.includes("(")) name = name.replace(/[\s)]+$/u, "");
      return { name, cell: [r, c], source: text };
    }
  }
  return null;
}

/** A unit named after "của" / "tại" in a title, starting with the word of an agency kind. */
const TITLE_UNIT =
  /\s(?:của|tại)\s+((?:Sở|Ban|Văn phòng|UBND|Ủy ban|Uỷ ban|Huyện|Thị xã|Thành phố|Quận|Phường|Xã|Công an|Bộ Chỉ huy|Kho bạc|Cục|Chi cục|Thanh tra|Đài|Báo|Trường|Bệnh viện|Liên đoàn|Liên minh|Hội|Tỉnh đoàn|Mặt trận|Viện|Trung tâm)\s.+)$/iu;

function unitNameFallback(v: SheetView): string {
  const file = v.grid.file;
  if (file) {
    const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
    if (base !== "") return base;
  }
  return v.grid.sheetName;
}

/** Header roles that head no criterion column. */
const NOT_CRITERIA = new Set<HeaderRole>([
  "stt",
  "unit",
  "total",
  "rank",
  "note",
  "classification",
  "label",
  "average",
]);

/** Two header rows when criterion names sit under a merged section title. */
function colsHeaderRows(v: SheetView, hr: number, nameCol: number, sep: "," | "."): number {
  if (
    hr + 1 <= v.bottom &&
    (v.isEmpty(hr + 1, nameCol) || v.fold(hr + 1, nameCol) === v.fold(hr, nameCol))
  ) {
    let texts = 0;
    for (let c = nameCol + 1; c <= v.right; c++) {
      const txt = v.text(hr + 1, c);
      if (txt !== null && parseNumberText(txt, sep) === null && !isNumberingRow(v, hr + 1)) texts++;
    }
    if (texts >= 1) return 2;
  }
  return 1;
}

/**
 * The criterion columns right of the unit names, with the columns headed "Cộng" / "Tổng": a subtotal
 * closing a section (R2) or the grand total.
 */
function columnCriteria(
  v: SheetView,
  hr: number,
  headerRows: number,
  nameCol: number,
  sep: "," | "."
): { criteria: ColumnCriterion[]; subtotalCols: number[]; totalCol: number | null } {
  const criteria: ColumnCriterion[] = [];
  const subtotalCols: number[] = [];
  const totals: number[] = [];
  for (let c = nameCol + 1; c <= v.right; c++) {
    const top = v.text(hr, c);
    const low = headerRows === 2 ? v.text(hr + 1, c) : null;
    const label = low ?? top;
    if (label === null) continue;
    const role = headerRole(v.fold(hr, c));
    const lowRole = low !== null ? headerRole(v.fold(hr + 1, c)) : null;
    const foldLabel = low !== null ? v.fold(hr + 1, c) : v.fold(hr, c);
    // "Cộng mục I", or "Cộng" under a merged section title: that section's subtotal.
    if (
      subtotalSection(foldLabel) !== null ||
      (lowRole === "total" && top !== null && role === null && top !== low)
    ) {
      subtotalCols.push(c);
      continue;
    }
    // "Tổng điểm" merged down over a two-row header lends its text to the lower cell.
    if (role === "total" && (low === null || low === top)) totals.push(c);
    if (role !== null && NOT_CRITERIA.has(role) && low === null) continue;
    if (lowRole !== null && NOT_CRITERIA.has(lowRole)) continue;
    const kind =
      kindOfLabel(foldLabel) ?? (low !== null ? kindOfLabel(v.fold(hr, c)) : null) ?? "content";
    const crit: ColumnCriterion = { col: c, code: "", label, max: maxInHeader(label, sep), kind };
    if (low !== null && top !== null && top !== low && headerRole(v.fold(hr, c)) === null) {
      let s = c;
      while (s > nameCol + 1 && v.text(hr, s - 1) === top) s--;
      crit.section = { label: top, max: maxInHeader(top, sep), col: s };
    }
    criteria.push(crit);
  }
  // A bare "Cộng" with criteria after it, or before the last total column, closes a group of
  // criteria; the total column is what remains.
  const lastTotal = totals.length > 0 ? totals[totals.length - 1] : null;
  for (const c of totals) {
    const short = /^(cong|tong)$/.test(bareHeader(v.fold(hr, c)));
    if (criteria.some((cr) => cr.col > c) || (short && c !== lastTotal)) subtotalCols.push(c);
  }
  subtotalCols.sort((a, b) => a - b);
  const totalCol = totals.find((c) => !subtotalCols.includes(c)) ?? null;
  return { criteria, subtotalCols, totalCol };
}

/** The "Điểm chuẩn" row under the header, if any, and the row the units start from. */
function maxRowOf(
  v: SheetView,
  start: number,
  nameCol: number,
  criteria: ColumnCriterion[],
  sep: "," | "."
): { maxRow: number | null; next: number } {
  let r = start;
  for (let k = 0; k < 3 && r <= v.bottom; k++) {
    if (isNumberingRow(v, r)) {
      r++;
      continue;
    }
    const f = v.fold(r, nameCol);
    const role = f === "" ? null : headerRole(f);
    const allNum = criteria.every((cr) => v.isEmpty(r, cr.col) || numericLike(v, r, cr.col, sep));
    if (
      (role === "max" || f === "" || /diem (chuan|toi da)|thang diem/.test(f)) &&
      allNum &&
      !v.isEmpty(r, criteria[0].col)
    )
      return { maxRow: r, next: r + 1 };
    break;
  }
  return { maxRow: null, next: r };
}

/** The unit rows: from `start` to the total row, the signature block or a note under the table. */
function unitRowSpan(
  v: SheetView,
  start: number,
  nameCol: number,
  roles: Roles,
  criteria: ColumnCriterion[]
): { firstRow: number; lastRow: number } {
  let firstRow = -1;
  let lastRow = -1;
  for (let r = start; r <= v.bottom; r++) {
    const f = v.fold(r, nameCol);
    if (isTotalLabel(f) || (f === "" && isTotalLabel(v.fold(r, v.left)))) {
      if (firstRow >= 0) break;
      continue;
    }
    if (isFooterText(f) || rowHasFooter(v, r)) break;
    if (f === "") continue;
    // A note under the table ("Số liệu lấy từ …"): no number, no score. A unit not scored yet keeps its STT.
    const sttCol = first(roles, "stt");
    const noScores = criteria.every((cr) => v.isEmpty(r, cr.col));
    const stt = sttCol === null ? "" : v.display(r, sttCol);
    if (noScores && (stt === "" || stt.length > 6) && firstRow >= 0) break;
    if (firstRow < 0) firstRow = r;
    lastRow = r;
  }
  return { firstRow, lastRow };
}

/** What the reasons say of a columns layout's criteria: hidden, bonus, deduction, subtotals, total. */
function criteriaReasons(
  v: SheetView,
  criteria: ColumnCriterion[],
  subtotalCols: number[],
  totalCol: number | null
): Reason[] {
  const reasons: Reason[] = [];
  const hiddenCriteria = criteria.filter((c) => v.isHiddenCol(c.col));
  if (hiddenCriteria.length > 0)
    reasons.push({
      key: "reasonHiddenCriteriaCols",
      params: { cols: shortList(hiddenCriteria.map((c) => columnLetter(c.col))) },
    });
  const bonus = criteria.filter((c) => c.kind === "bonus");
  const ded = criteria.filter((c) => c.kind === "deduction");
  if (bonus.length)
    reasons.push({
      key: "reasonBonus",
      params: { where: bonus.map((c) => columnLetter(c.col)).join(", ") },
    });
  if (ded.length)
    reasons.push({
      key: "reasonDeduction",
      params: { where: ded.map((c) => columnLetter(c.col)).join(", ") },
    });
  if (subtotalCols.length > 0)
    reasons.push({
      key: "reasonSubtotalCols",
      params: { cols: shortList(subtotalCols.map((c) => columnLetter(c))) },
    });
  if (totalCol !== null)
    reasons.push({ key: "reasonTotalCol", params: { col: columnLetter(totalCol) } });
  return reasons;
}

function detectCols(
  v: SheetView,
  hr: number,
  roles: Roles,
  reasons: Reason[],
  lang: Lang,
  sep: "," | "."
): DetectResult {
  const t = translator(lang);
  const nameCol = first(roles, "unit");
  if (nameCol === null) return fail(lang, t("noHeader"), reasons);
  const headerRows = colsHeaderRows(v, hr, nameCol, sep);
  const { criteria, subtotalCols, totalCol } = columnCriteria(v, hr, headerRows, nameCol, sep);
  if (criteria.length === 0) return fail(lang, t("noCriteria"), reasons);

  const { maxRow, next } = maxRowOf(v, hr + headerRows, nameCol, criteria, sep);
  if (maxRow !== null) reasons.push({ key: "reasonMaxRow", params: { row: maxRow + 1 } });
  else {
    const withMax = criteria.filter((c) => c.max !== null);
    if (withMax.filter((c) => c.kind === "content").length === 0)
      return fail(lang, t("noMax"), reasons);
    reasons.push({ key: "reasonMaxInHeader", params: { text: withMax[0].label } });
  }
  const { firstRow, lastRow } = unitRowSpan(v, next, nameCol, roles, criteria);
  if (firstRow < 0) return fail(lang, t("noUnits"), reasons);
  const names: string[] = [];
  const unitRows: { name: string; row: number }[] = [];
  const hiddenUnitRows: { name: string; row: number }[] = [];
  for (let rr = firstRow; rr <= lastRow; rr++) {
    const n = v.text(rr, nameCol);
    if (!n) continue;
    // A hidden unit row is not ranked (as a hidden unit column in layout A), and the reasons say so.
    if (v.isHiddenRow(rr)) hiddenUnitRows.push({ name: n, row: rr });
    else {
      names.push(n);
      unitRows.push({ name: n, row: rr });
    }
  }
  if (names.length === 0) return fail(lang, t("noUnits"), reasons);
  reasons.push({ key: "reasonUnits", params: { n: names.length, names: names.join("; ") } });
  if (hiddenUnitRows.length > 0)
    reasons.push({
      key: "reasonHiddenUnitRows",
      params: {
        rows: shortList(hiddenUnitRows.map((u) => String(u.row + 1))),
        names: hiddenUnitRows.map((u) => u.name).join("; "),
      },
    });
  reasons.push(...criteriaReasons(v, criteria, subtotalCols, totalCol));
  let confidence = 0.55;
  // A ranking already made (Xếp hạng with Danh hiệu / Xếp loại columns, ours or the office's) is a
  // result, not scores: any score sheet of the same file wins over it.
  if (roles.has("rank") && roles.has("classification")) confidence -= 0.3;
  if (first(roles, "stt") !== null) confidence += 0.1;
  if (maxRow !== null || criteria.every((c) => c.max !== null || c.kind === "deduction"))
    confidence += 0.2;
  if (names.length >= 2) confidence += 0.1;
  const mapping: ColsMapping = {
    version: 1,
    layout: "B",
    sheet: v.grid.sheetName,
    headerRow: hr,
    headerRows,
    nameCol,
    maxRow,
    firstRow,
    lastRow,
    criteria,
    totalCol,
    ...(subtotalCols.length > 0 ? { subtotalCols } : {}),
    ...(hiddenUnitRows.length > 0 ? { hiddenUnitRows: hiddenUnitRows.map((u) => u.row) } : {}),
    unitRows,
    confidence: Math.min(1, Math.round(confidence * 100) / 100),
    reasons,
  };
  return ok(mapping, lang);
}

export { bareHeader };
