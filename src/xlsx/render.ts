/**
 * SheetSpec → ExcelJS worksheet. The ExcelJS twin of src/excel's renderer: same spec, same look.
 */
import type ExcelJS from "exceljs";
import { columnIndex, columnLetter } from "../core/grid";
import type { SheetSpec, SpecStyle, SpecValidation } from "../sheets/spec";

const MM_PER_INCH = 25.4;
/** OOXML paper size code of A4. */
const PAPER_A4 = 9;

/** Characters Excel refuses in a sheet name. */
const BAD_NAME_CHARS = /[\\/?*:[\]]/g;

/**
 * The name our sheet gets: the wanted one, or "Xếp hạng (2)", "(3)"… when a sheet of that name
 * exists (DESIGN.md: a user's sheet is never overwritten). Excel compares names case-insensitively
 * and caps them at 31 characters.
 */
export function uniqueSheetName(wanted: string, existingNames: Iterable<string>): string {
  const taken = new Set<string>();
  for (const n of existingNames) taken.add(n.normalize("NFC").toLocaleLowerCase());
  const base =
    wanted
      .replace(BAD_NAME_CHARS, " ")
      .replace(/^'+|'+$/g, "")
      .trim()
      .slice(0, 31) || "Sheet";
  const free = (n: string): boolean => !taken.has(n.normalize("NFC").toLocaleLowerCase());
  if (free(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (free(name)) return name;
  }
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: SpecStyle): void {
  const font: Partial<ExcelJS.Font> = {};
  if (style.fontName) font.name = style.fontName;
  if (style.size) font.size = style.size;
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.color) font.color = { argb: argb(style.color) };
  if (Object.keys(font).length > 0) cell.font = font;
  if (style.fill)
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.horizontal || style.vertical || style.wrap) {
    cell.alignment = {
      horizontal: style.horizontal,
      vertical: style.vertical,
      wrapText: style.wrap || undefined,
    };
  }
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
    cell.border = { top: thin, bottom: thin, left: thin, right: thin };
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.unlocked) cell.protection = { locked: false };
}

/** Every cell of an A1 range on one sheet ("D7", "D7:D30"). */
function cellsOf(ws: ExcelJS.Worksheet, range: string): ExcelJS.Cell[] {
  const corners = range.split(":").map((ref) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
    if (!m) throw new Error(`not an A1 reference: ${ref}`);
    return { r: Number(m[2]), c: columnIndex(m[1]) + 1 };
  });
  const [a, b] = [corners[0], corners[1] ?? corners[0]];
  const out: ExcelJS.Cell[] = [];
  for (let r = a.r; r <= b.r; r++) for (let c = a.c; c <= b.c; c++) out.push(ws.getCell(r, c));
  return out;
}

function applyValidation(ws: ExcelJS.Worksheet, v: SpecValidation): void {
  for (const cell of cellsOf(ws, v.range)) {
    cell.dataValidation = {
      type: v.type,
      operator: "between",
      allowBlank: true,
      formulae: [v.min, v.max],
      showInputMessage: Boolean(v.prompt),
      promptTitle: v.promptTitle,
      prompt: v.prompt,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.promptTitle,
      error: v.errorMessage,
    };
  }
}

/**
 * Adds `spec` as a new worksheet of `workbook`, named so that it clashes with none of
 * `existingNames` (the workbook's own names are always avoided too).
 */
export function renderSpecToWorksheet(
  workbook: ExcelJS.Workbook,
  spec: SheetSpec,
  existingNames: Iterable<string> = []
): ExcelJS.Worksheet {
  const names = [...existingNames, ...workbook.worksheets.map((w) => w.name)];
  const ws = workbook.addWorksheet(uniqueSheetName(spec.name, names));

  for (const [i, w] of (spec.columnWidths ?? []).entries()) ws.getColumn(i + 1).width = w;
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;

  for (const c of spec.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    if (c.formula !== undefined) {
      // ExcelJS stores formulas without "="; the set is portable, so no _xlfn. prefix is needed.
      cell.value = { formula: c.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    } else if (c.value !== undefined && c.value !== null) {
      // A plain string is written as a shared string, never parsed: "=HYPERLINK(…)" stays text.
      cell.value = c.value;
    }
    if (c.style) applyStyle(cell, c.style);
  }
  for (const m of spec.merges ?? [])
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const v of spec.validations ?? []) applyValidation(ws, v);

  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    ws.views = [
      {
        state: "frozen",
        xSplit: spec.freeze.columns,
        ySplit: spec.freeze.rows,
        topLeftCell: `${columnLetter(spec.freeze.columns)}${spec.freeze.rows + 1}`,
        activeCell: "A1",
      },
    ];
  }

  if (spec.print) {
    const p = spec.print;
    const m = p.margins ?? { top: 20, bottom: 20, left: 20, right: 15 };
    const setup: Partial<ExcelJS.PageSetup> = {
      paperSize: PAPER_A4,
      orientation: p.orientation,
      horizontalCentered: true,
      margins: {
        top: m.top / MM_PER_INCH,
        bottom: m.bottom / MM_PER_INCH,
        left: m.left / MM_PER_INCH,
        right: m.right / MM_PER_INCH,
        header: 0.3,
        footer: 0.3,
      },
    };
    if (p.fitToWidth) {
      // One page wide, as many tall as needed: fitToHeight 0 means "automatic" in OOXML.
      setup.fitToPage = true;
      setup.fitToWidth = 1;
      setup.fitToHeight = 0;
    }
    if (p.repeatRows) setup.printTitlesRow = `${p.repeatRows.first + 1}:${p.repeatRows.last + 1}`;
    ws.pageSetup = setup;
  }

  if (spec.protect) {
    // No password: a guard against slips, not security (the spec says so). Users may still select,
    // resize and format, so the form stays comfortable to fill in.
    (ws as any).sheetProtection = {
      sheet: true,
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    };
  }
  return ws;
}
