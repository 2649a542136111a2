/**
 * A SheetSpec as one A4 page of HTML, the way Excel prints it: column widths and row heights in
 * Excel's units turned into pixels, merges as row/column spans, the cells' fonts, fills, borders and
 * alignment, numbers under their number format. Pure string building (no DOM), so it is tested in Node
 * and the dialog only sets it as innerHTML.
 */
import type { SheetSpec, SpecStyle, SpecValue } from "../sheets/spec";
import { formatValue } from "../core/number-format";

/** Excel's column width (characters of the default font) in CSS pixels at 100 %. */
export function columnPx(chars: number): number {
  return Math.round(chars * 7 + 5);
}

/** Row heights are points; CSS pixels are 1/96 inch. */
export function rowPx(points: number): number {
  return Math.round((points * 96) / 72);
}

const DEFAULT_WIDTH = 8.43;
// Vietnamese needs fonts with its stacked diacritics: Times New Roman (what the sheets ask for) where
// it is installed, then the metric-compatible Liberation Serif and DejaVu Serif of Linux machines.
const SERIF = `"Times New Roman", "Liberation Serif", "DejaVu Serif", serif`;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function css(style: SpecStyle | undefined): string {
  const s = style ?? {};
  const out: string[] = [];
  if (s.fontName) out.push(`font-family:"${s.fontName.replace(/["\\]/g, "")}", ${SERIF}`);
  if (s.size) out.push(`font-size:${s.size}pt`);
  if (s.bold) out.push("font-weight:bold");
  if (s.italic) out.push("font-style:italic");
  if (s.color && /^#[0-9a-f]{6}$/i.test(s.color)) out.push(`color:${s.color}`);
  if (s.fill && /^#[0-9a-f]{6}$/i.test(s.fill)) out.push(`background:${s.fill}`);
  if (s.horizontal) out.push(`text-align:${s.horizontal}`);
  out.push(`vertical-align:${s.vertical === "middle" ? "middle" : (s.vertical ?? "bottom")}`);
  out.push(s.wrap ? "white-space:pre-wrap" : "white-space:nowrap");
  if (s.border) out.push("border:1px solid #000");
  return out.join(";");
}

/** What the cell shows: its value under its number format, in the reader's decimal mark. */
export function cellText(
  value: SpecValue | undefined,
  style: SpecStyle | undefined,
  decimal: string
): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") {
    // Numbers without a format right-align in Excel; the builders always say where they want them.
    return formatValue(
      value,
      style?.numberFormat ?? "General",
      decimal,
      decimal === "," ? "." : ","
    );
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

export interface PageOptions {
  title: string;
  decimal: string;
}

/** One page: a heading for the dialog's reader (not printed), then the sheet on A4 at its print setup. */
export function renderPage(spec: SheetSpec, opts: PageOptions): string {
  const cells = new Map<string, (typeof spec.cells)[number]>();
  let rows = 0;
  let cols = 0;
  for (const c of spec.cells) {
    cells.set(`${c.row},${c.col}`, c);
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  const spans = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of spec.merges ?? []) {
    spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const widths = Array.from({ length: cols }, (_, c) =>
    columnPx(spec.columnWidths?.[c] ?? DEFAULT_WIDTH)
  );
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const print = spec.print;
  const landscape = print?.orientation === "landscape";
  const m = print?.margins ?? { top: 19, bottom: 19, left: 18, right: 18 };

  const body: string[] = [];
  for (let r = 0; r < rows; r++) {
    const h = spec.rowHeights?.[r];
    const tds: string[] = [];
    for (let c = 0; c < cols; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const cell = cells.get(key);
      const span = spans.get(key);
      const attrs = span
        ? `${span.rows > 1 ? ` rowspan="${span.rows}"` : ""}${span.cols > 1 ? ` colspan="${span.cols}"` : ""}`
        : "";
      const text = cellText(cell?.value, cell?.style, opts.decimal);
      tds.push(`<td${attrs} style="${escapeHtml(css(cell?.style))}">${escapeHtml(text)}</td>`);
    }
    body.push(`<tr${h ? ` style="height:${rowPx(h)}px"` : ""}>${tds.join("")}</tr>`);
  }
  return (
    `<h2 class="page-title">${escapeHtml(opts.title)}</h2>` +
    `<section class="page${landscape ? " landscape" : ""}" aria-label="${escapeHtml(opts.title)}"` +
    ` style="padding:${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm"` +
    ` data-fit="${print?.fitToWidth ? "1" : "0"}">` +
    `<div class="sheet"><table style="width:${tableWidth}px">` +
    `<colgroup>${widths.map((w) => `<col style="width:${w}px">`).join("")}</colgroup>` +
    `<tbody>${body.join("")}</tbody></table></div></section>`
  );
}
