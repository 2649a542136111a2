/** Range.getCellProperties / setCellProperties: every format of each cell as one nested object. */
import { qualifiedA1 } from "./address";
import { CellStyle, DEFAULT_FONT, Edge, SheetModel, WorkbookModel } from "./model";
import { normColor } from "./range-ref";

const CELL_EDGE: Record<string, Edge> = {
  top: "EdgeTop",
  bottom: "EdgeBottom",
  left: "EdgeLeft",
  right: "EdgeRight",
  diagonalDown: "DiagonalDown",
  diagonalUp: "DiagonalUp",
};

export function cellProperties(m: WorkbookModel, sheet: SheetModel, r: number, c: number): any {
  const s = m.style(sheet, r, c);
  const f = { ...DEFAULT_FONT, underline: "None", strikethrough: false, ...(s.font ?? {}) };
  const borders: any = {};
  for (const [k, e] of Object.entries(CELL_EDGE)) {
    const b = s.borders?.[e];
    borders[k] = {
      style: b?.style ?? "None",
      color: b?.color ?? "#000000",
      weight: b?.weight ?? "Thin",
    };
  }
  return {
    address: qualifiedA1(sheet.name, { top: r, left: c, bottom: r, right: c }),
    addressLocal: qualifiedA1(sheet.name, { top: r, left: c, bottom: r, right: c }),
    hidden: false,
    style: "Normal",
    format: {
      font: f,
      fill: { color: s.fill ?? "#FFFFFF", pattern: s.fill ? "Solid" : "None" },
      borders,
      horizontalAlignment: s.horizontalAlignment ?? "General",
      verticalAlignment: s.verticalAlignment ?? "Bottom",
      wrapText: s.wrapText ?? false,
      indentLevel: s.indentLevel ?? 0,
      columnWidth: sheet.columnWidth(c),
      rowHeight: sheet.rowHeight(r),
      protection: { locked: s.locked ?? true, formulaHidden: false },
    },
  };
}

/** Keeps only what the load options asked for (`{format: {font: {bold: true}}}`). */
export function pick(full: any, options: any): any {
  if (options === true) return full;
  if (!options || typeof options !== "object" || full === null || typeof full !== "object")
    return undefined;
  const out: any = {};
  for (const [k, v] of Object.entries(options)) {
    if (!v) continue;
    if (!(k in full)) continue;
    const sub = pick(full[k], v);
    if (sub !== undefined) out[k] = sub;
  }
  return out;
}

export function applyCellProperties(
  m: WorkbookModel,
  sheet: SheetModel,
  r: number,
  c: number,
  p: any
): void {
  const f = p.format;
  if (!f) return;
  const patch: CellStyle = {};
  if (f.font) {
    const font: any = { ...f.font };
    if (font.color) font.color = normColor(font.color);
    patch.font = font;
  }
  if (f.fill && "color" in f.fill)
    patch.fill = f.fill.color ? normColor(f.fill.color) : (null as unknown as string);
  if (f.borders) {
    const b: any = {};
    for (const [k, e] of Object.entries(CELL_EDGE)) {
      if (f.borders[k]) {
        b[e] = { style: "Continuous", color: "#000000", weight: "Thin", ...f.borders[k] };
        if (b[e].color) b[e].color = normColor(b[e].color);
      }
    }
    patch.borders = b;
  }
  for (const k of [
    "horizontalAlignment",
    "verticalAlignment",
    "wrapText",
    "indentLevel",
  ] as const) {
    if (f[k] !== undefined) (patch as any)[k] = f[k];
  }
  if (f.protection && f.protection.locked !== undefined) patch.locked = f.protection.locked;
  if (Object.keys(patch).length) m.patchStyle(sheet, r, c, patch);
  if (typeof f.columnWidth === "number") sheet.columnWidths.set(c, f.columnWidth);
  if (typeof f.rowHeight === "number") sheet.rowHeights.set(r, f.rowHeight);
}
