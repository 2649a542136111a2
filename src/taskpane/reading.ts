/**
 * From the engine's answer to what the Read step shows (Reading), and the user's corrections of a
 * mapping from a selected range. Pure: no Excel here, so it is tested directly.
 *
 * The corrections edit the public, plain-JSON SheetMapping of core/layout (sheet coordinates) field by
 * field; the engine then reads the sheet with the saved mapping instead of detecting (analyzeWorkbook's
 * `mappings`). Kept here because core offers no "set this part" API yet; it belongs in core/layout.
 */
import { describeMapping, type ColsMapping, type RowsMapping, type SheetMapping } from "../core";
import { columnIndex, columnLetter, quoteSheetName, type Grid } from "../core/grid";
import type { Lang, Params } from "../core/i18n";
import type { RankingReport } from "../core/report";
import { PANE_STRINGS, type PaneKey } from "./strings";
import {
  ServiceError,
  type MappingPart,
  type MappingPartInfo,
  type Reading,
  type UnitColumns,
} from "./service";

/** A rectangle in sheet coordinates (0-based, inclusive). */
export interface SheetRect {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A saved mapping remembers which parts the user set by hand, to show them as corrected. */
export type SavedMapping = SheetMapping & { correctedParts?: MappingPart[] };

export function isMappingLike(m: unknown): m is SheetMapping {
  if (typeof m !== "object" || m === null) return false;
  const o = m as Record<string, unknown>;
  return o.version === 1 && typeof o.sheet === "string" && typeof o.headerRow === "number";
}

/** "'Bảng điểm'!C6:D9", "Sheet1!C6", "C6" (with a default sheet) → rectangle. */
export function parseAddress(address: string, defaultSheet = ""): SheetRect | null {
  const bang = address.lastIndexOf("!");
  let sheet = defaultSheet;
  let local = address;
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    local = address.slice(bang + 1);
  }
  // Only the first area of a multi-area selection ("A1:B2,D4") counts.
  local = local.split(",")[0].replace(/\$/g, "").trim();
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(local);
  if (!m) {
    const col = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(local);
    if (!col) return null;
    const a = columnIndex(col[1]);
    const b = columnIndex(col[2]);
    return { sheet, top: 0, bottom: 1048575, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const c1 = columnIndex(m[1]);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  return {
    sheet,
    top: Math.min(r1, r2),
    bottom: Math.max(r1, r2),
    left: Math.min(c1, c2),
    right: Math.max(c1, c2),
  };
}

export function rectAddress(r: SheetRect): string {
  const a = `${columnLetter(r.left)}${r.top + 1}`;
  const b = `${columnLetter(r.right)}${r.bottom + 1}`;
  return `${quoteSheetName(r.sheet)}!${a === b ? a : `${a}:${b}`}`;
}

function colRange(sheet: string, col: number | null, top: number, bottom: number): string | null {
  return col === null ? null : rectAddress({ sheet, top, bottom, left: col, right: col });
}

function rowsParts(m: RowsMapping): MappingPartInfo[] {
  const s = m.sheet;
  const cols = [
    m.codeCol,
    m.labelCol,
    m.maxCol,
    m.weightCol,
    ...m.units.flatMap((u) => [u.self, u.review]),
  ].filter((c): c is number => c !== null);
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  const header = rectAddress({
    sheet: s,
    top: m.headerRow,
    bottom: m.headerRow + m.headerRows - 1,
    left,
    right,
  });
  const unitCols = (k: "self" | "review"): string | null => {
    const list = m.units.map((u) => u[k]).filter((c): c is number => c !== null);
    return list.length === 0
      ? null
      : `${quoteSheetName(s)}!${list.map((c) => columnLetter(c)).join(", ")}`;
  };
  const names = m.units.map((u) => u.nameCell).filter((c): c is [number, number] => c !== null);
  const units =
    names.length === 0
      ? null
      : rectAddress({
          sheet: s,
          top: Math.min(...names.map((n) => n[0])),
          bottom: Math.max(...names.map((n) => n[0])),
          left: Math.min(...names.map((n) => n[1])),
          right: Math.max(...names.map((n) => n[1])),
        });
  const sections = m.sections ?? [];
  const section = (kind: "bonus" | "deduction"): string | null => {
    const list = sections.filter((x) => x.kind === kind);
    return list.length === 0
      ? null
      : list.map((x) => (x.code ? `${x.code}. ${x.label}` : x.label)).join("; ");
  };
  return [
    { part: "header", where: header },
    { part: "codes", where: colRange(s, m.codeCol, m.firstRow, m.lastRow) },
    { part: "labels", where: colRange(s, m.labelCol, m.firstRow, m.lastRow) },
    { part: "max", where: colRange(s, m.maxCol, m.firstRow, m.lastRow) },
    { part: "weights", where: colRange(s, m.weightCol, m.firstRow, m.lastRow) },
    { part: "units", where: units },
    { part: "self", where: unitCols("self") },
    { part: "review", where: unitCols("review") },
    { part: "bonus", where: section("bonus") },
    { part: "deduction", where: section("deduction") },
  ];
}

function colsParts(m: ColsMapping): MappingPartInfo[] {
  const s = m.sheet;
  const cols = m.criteria.map((c) => c.col);
  const left = Math.min(m.nameCol, ...cols);
  const right = Math.max(m.nameCol, ...cols);
  const kindCols = (kind: "content" | "bonus" | "deduction"): string | null => {
    const list = m.criteria.filter((c) => c.kind === kind).map((c) => c.col);
    return list.length === 0
      ? null
      : `${quoteSheetName(s)}!${list.map((c) => columnLetter(c)).join(", ")}`;
  };
  return [
    {
      part: "header",
      where: rectAddress({
        sheet: s,
        top: m.headerRow,
        bottom: m.headerRow + m.headerRows - 1,
        left,
        right,
      }),
    },
    { part: "labels", where: kindCols("content") },
    {
      part: "max",
      where:
        m.maxRow === null
          ? null
          : rectAddress({ sheet: s, top: m.maxRow, bottom: m.maxRow, left, right }),
    },
    { part: "units", where: colRange(s, m.nameCol, m.firstRow, m.lastRow) },
    { part: "bonus", where: kindCols("bonus") },
    { part: "deduction", where: kindCols("deduction") },
  ];
}

/** The parts a selection can set for this layout (the others are derived from labels or headers). */
export function correctableParts(m: SheetMapping): MappingPart[] {
  return m.layout === "B"
    ? ["header", "units", "max"]
    : ["header", "codes", "labels", "max", "weights", "units", "self", "review"];
}

/** The smallest range holding all these cells of one sheet ("'S'!C5:J5"), null when none. */
function bounding(cells: string[]): string | null {
  const rects = cells.map((c) => parseAddress(c)).filter((r): r is SheetRect => r !== null);
  if (rects.length === 0 || rects.some((r) => r.sheet !== rects[0].sheet)) return null;
  return rectAddress({
    sheet: rects[0].sheet,
    top: Math.min(...rects.map((r) => r.top)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
    left: Math.min(...rects.map((r) => r.left)),
    right: Math.max(...rects.map((r) => r.right)),
  });
}

/** The units in the order the sheets list them (file, then column or row), not by rank. */
function unitsOf(report: RankingReport, mappings: SheetMapping[]): UnitColumns[] {
  const out: { uc: UnitColumns; key: [number, number] }[] = [];
  for (const u of report.units) {
    const mi = Math.max(
      0,
      mappings.findIndex((x) => x.sheet === u.sheet)
    );
    const m = mappings[mi];
    if (m && m.layout !== "B") {
      const uc =
        m.units.find((x) => x.name === u.name) ?? (m.units.length === 1 ? m.units[0] : undefined);
      if (uc) {
        const range = (c: number | null): string | null =>
          colRange(m.sheet, c, m.firstRow, m.lastRow);
        out.push({
          uc: { unit: u.name, self: range(uc.self), review: range(uc.review) },
          key: [mi, m.units.indexOf(uc)],
        });
        continue;
      }
    }
    // Layout B (a unit per row) and anything else: where the counted scores are.
    const self = bounding(Object.values(u.leafCells));
    const row = /(\d+)(?::[A-Z]+\d+)?$/.exec(self ?? "");
    out.push({ uc: { unit: u.name, self, review: null }, key: [mi, row ? Number(row[1]) : 0] });
  }
  out.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1]);
  return out.map((x) => x.uc);
}

/** What the Read step shows, from the engine's report and the mappings it used. */
export function makeReading(
  report: RankingReport,
  savedMappings: Record<string, unknown>,
  lang: Lang
): Reading {
  const mappings = report.mappings.filter(isMappingLike);
  const first = mappings[0];
  const summary = describeMapping(first, lang);
  const saved = first ? isMappingLike(savedMappings[first.sheet]) : false;
  const corrected = new Set<MappingPart>(
    first ? ((savedMappings[first.sheet] as SavedMapping | undefined)?.correctedParts ?? []) : []
  );
  const parts = first ? (first.layout === "B" ? colsParts(first) : rowsParts(first)) : [];
  const lines: string[] = [];
  if (summary.layoutName) lines.push(summary.layoutName);
  if (mappings.length > 1)
    lines.push(`${mappings.length} × ${mappings.map((m) => m.sheet).join(", ")}`);
  if (summary.headerRow !== null)
    lines.push(`${lang === "vi" ? "Dòng tiêu đề" : "Header row"}: ${summary.headerRow}`);
  const confidence = mappings.length === 0 ? 0 : Math.min(...mappings.map((m) => m.confidence));
  return {
    sheets: report.sheets.slice(),
    mapping: {
      layout: summary.layout ?? "",
      confidence,
      reasons: summary.reasons,
      lines,
      parts: parts.map((p) => ({
        ...p,
        corrected: corrected.has(p.part),
        correctable: first ? correctableParts(first).includes(p.part) : false,
      })),
      saved,
    },
    units: unitsOf(report, mappings),
    report,
  };
}

function textAt(grid: Grid | undefined, row: number, col: number): string {
  if (!grid) return "";
  const v = grid.values[row - grid.top]?.[col - grid.left];
  return typeof v === "string"
    ? v.normalize("NFC").replace(/\s+/g, " ").trim()
    : v == null
      ? ""
      : String(v);
}

/**
 * The mapping with one part taken from the selected rectangle. Throws ServiceError("no-selection")
 * when the selection cannot be that part (wrong sheet, wrong shape), with the reason in `detail`.
 */
export function correctMapping(
  mapping: SheetMapping,
  part: MappingPart,
  sel: SheetRect,
  grid: Grid | undefined,
  lang: Lang
): SavedMapping {
  const say = (key: PaneKey, params?: Params): ServiceError =>
    new ServiceError("no-selection", PANE_STRINGS.t(lang, key, params));
  if (sel.sheet && sel.sheet !== mapping.sheet)
    throw say("selOtherSheet", { selected: sel.sheet, sheet: mapping.sheet });
  if (!correctableParts(mapping).includes(part))
    throw new ServiceError("not-supported", PANE_STRINGS.t(lang, "selDerivedPart"));
  const prev = (mapping as SavedMapping).correctedParts ?? [];
  const next = JSON.parse(JSON.stringify(mapping)) as SavedMapping;
  next.correctedParts = Array.from(new Set([...prev, part]));
  const width = sel.right - sel.left + 1;
  const oneColumn = (): number => {
    if (width !== 1) throw say("selOneColumn");
    return sel.left;
  };
  const rowsOf = (m: { firstRow: number; lastRow: number }): void => {
    // A tall selection also says where the criteria (or units) start and end.
    if (sel.bottom > sel.top && sel.bottom < 1048575) {
      m.firstRow = sel.top;
      m.lastRow = sel.bottom;
    }
  };
  if (part === "header") {
    next.headerRow = sel.top;
    next.headerRows = Math.min(2, sel.bottom - sel.top + 1);
    return next;
  }
  if (next.layout === "B") {
    if (part === "units") {
      next.nameCol = oneColumn();
      rowsOf(next);
    } else if (part === "max") {
      next.maxRow = sel.top;
    }
    return next;
  }
  switch (part) {
    case "codes":
      next.codeCol = oneColumn();
      rowsOf(next);
      break;
    case "labels":
      next.labelCol = oneColumn();
      rowsOf(next);
      break;
    case "max":
      next.maxCol = oneColumn();
      break;
    case "weights":
      next.weightCol = oneColumn();
      break;
    case "units": {
      // The cells holding the unit names, one per unit: a unit's scores sit below its name.
      if (sel.top !== sel.bottom) throw say("selNamesOneRow");
      const units = [];
      for (let c = sel.left; c <= sel.right; c++) {
        const name = textAt(grid, sel.top, c);
        if (name === "") continue;
        const old = next.units.find((u) => u.self === c || u.nameCell?.[1] === c);
        units.push({
          name,
          self: old?.self ?? c,
          review: old?.review ?? null,
          nameCell: [sel.top, c] as [number, number],
        });
      }
      if (units.length === 0) throw say("selNoNames");
      next.units = units;
      break;
    }
    case "self":
    case "review": {
      const cols: number[] = [];
      for (let c = sel.left; c <= sel.right; c++) cols.push(c);
      // Layout C selects Self and Review side by side per unit; take every second column then.
      const pick =
        cols.length === next.units.length * 2
          ? cols.filter((_, i) => i % 2 === (part === "self" ? 0 : 1))
          : cols;
      if (pick.length !== next.units.length)
        throw say("selColumnsPerUnit", { count: next.units.length });
      next.units = next.units.map((u, i) => ({ ...u, [part]: pick[i] }));
      break;
    }
    default:
      break;
  }
  return next;
}
