/**
 * .xlsx in and out of the simulator with ExcelJS (works on buffers, so in the browser too): values,
 * formulas, fonts, fills, borders, alignment, number formats, merges, widths, heights, freeze panes,
 * page setup, protection, validations and defined names. Custom XML parts (the cluster profile),
 * which ExcelJS neither reads nor writes, are carried by editing the package (custom-xml.ts).
 */
import ExcelJS from "exceljs";
import { columnLetter } from "../core/grid";
import { parseRect, rectA1, splitSheet, type Rect } from "./address";
import { readCustomXmlParts, writeCustomXmlParts } from "./custom-xml";
import {
  BorderModel,
  CellStyle,
  Edge,
  SheetModel,
  WorkbookModel,
  charsToPoints,
  normalizeFormula,
  pointsToChars,
} from "./model";

const INCH = 72;

/** ExcelJS' alignment words → the JavaScript API's. */
const H_IN: Record<string, string> = {
  left: "Left",
  center: "Center",
  right: "Right",
  fill: "Fill",
  justify: "Justify",
  centerContinuous: "CenterAcrossSelection",
  distributed: "Distributed",
};
const V_IN: Record<string, string> = {
  top: "Top",
  middle: "Center",
  bottom: "Bottom",
  justify: "Justify",
  distributed: "Distributed",
};
const invert = (o: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const H_OUT = invert(H_IN);
const V_OUT = invert(V_IN);

const BORDER_IN: Record<string, { style: string; weight: string }> = {
  thin: { style: "Continuous", weight: "Thin" },
  medium: { style: "Continuous", weight: "Medium" },
  thick: { style: "Continuous", weight: "Thick" },
  hair: { style: "Continuous", weight: "Hairline" },
  dotted: { style: "Dot", weight: "Thin" },
  dashed: { style: "Dash", weight: "Thin" },
  double: { style: "Double", weight: "Thick" },
  dashDot: { style: "DashDot", weight: "Thin" },
  dashDotDot: { style: "DashDotDot", weight: "Thin" },
  mediumDashed: { style: "Dash", weight: "Medium" },
};
const SIDES: [string, Edge][] = [
  ["top", "EdgeTop"],
  ["bottom", "EdgeBottom"],
  ["left", "EdgeLeft"],
  ["right", "EdgeRight"],
];

function argbToHex(c: any): string | undefined {
  const argb: unknown = c?.argb;
  if (typeof argb !== "string" || argb.length < 6) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}

const hexToArgb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

function styleIn(cell: any): CellStyle | undefined {
  const s: CellStyle = {};
  const f = cell.font;
  if (f) {
    const font: CellStyle["font"] = {};
    if (f.name) font.name = f.name;
    if (f.size) font.size = f.size;
    if (f.bold) font.bold = true;
    if (f.italic) font.italic = true;
    const color = argbToHex(f.color);
    if (color) font.color = color;
    if (f.underline) font.underline = f.underline === true ? "Single" : "Single";
    if (Object.keys(font).length) s.font = font;
  }
  const fill = cell.fill;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const c = argbToHex(fill.fgColor);
    if (c) s.fill = c;
  }
  const a = cell.alignment;
  if (a) {
    if (a.horizontal && H_IN[a.horizontal]) s.horizontalAlignment = H_IN[a.horizontal];
    if (a.vertical && V_IN[a.vertical]) s.verticalAlignment = V_IN[a.vertical];
    if (a.wrapText) s.wrapText = true;
    if (a.indent) s.indentLevel = a.indent;
  }
  const b = cell.border;
  if (b) {
    const borders: Partial<Record<Edge, BorderModel>> = {};
    for (const [side, edge] of SIDES) {
      const x = b[side];
      if (x && x.style && BORDER_IN[x.style])
        borders[edge] = { ...BORDER_IN[x.style], color: argbToHex(x.color) ?? "#000000" };
    }
    if (Object.keys(borders).length) s.borders = borders;
  }
  if (cell.numFmt && cell.numFmt !== "General") s.numberFormat = cell.numFmt;
  if (cell.protection && cell.protection.locked === false) s.locked = false;
  return Object.keys(s).length ? s : undefined;
}

function styleOut(s: CellStyle): Partial<ExcelJS.Style> {
  const out: any = {};
  if (s.font) {
    const f: any = {};
    if (s.font.name) f.name = s.font.name;
    if (s.font.size) f.size = s.font.size;
    if (s.font.bold) f.bold = true;
    if (s.font.italic) f.italic = true;
    if (s.font.color) f.color = { argb: hexToArgb(s.font.color) };
    if (s.font.underline && s.font.underline !== "None") f.underline = true;
    out.font = f;
  }
  if (s.fill)
    out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: hexToArgb(s.fill) } };
  const al: any = {};
  if (s.horizontalAlignment && H_OUT[s.horizontalAlignment])
    al.horizontal = H_OUT[s.horizontalAlignment];
  if (s.verticalAlignment && V_OUT[s.verticalAlignment]) al.vertical = V_OUT[s.verticalAlignment];
  if (s.wrapText) al.wrapText = true;
  if (s.indentLevel) al.indent = s.indentLevel;
  if (Object.keys(al).length) out.alignment = al;
  if (s.borders) {
    const b: any = {};
    for (const [side, edge] of SIDES) {
      const x = s.borders[edge];
      if (!x || x.style === "None") continue;
      const style =
        x.style === "Dot"
          ? "dotted"
          : x.style === "Dash"
            ? "dashed"
            : x.style === "Double"
              ? "double"
              : x.weight === "Medium"
                ? "medium"
                : x.weight === "Thick"
                  ? "thick"
                  : x.weight === "Hairline"
                    ? "hair"
                    : "thin";
      b[side] = { style, color: { argb: hexToArgb(x.color ?? "#000000") } };
    }
    if (Object.keys(b).length) out.border = b;
  }
  if (s.numberFormat) out.numFmt = s.numberFormat;
  if (s.locked === false) out.protection = { locked: false };
  return out;
}

function toBytes(data: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (data instanceof Uint8Array)
    return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  return data;
}

/** Loads an .xlsx into a (new, unless given) workbook model. */
export async function loadXlsx(
  data: ArrayBuffer | Uint8Array,
  model = new WorkbookModel()
): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(toBytes(data) as any);
  const parts = await readCustomXmlParts(toBytes(data));
  model.batch(() => {
    for (const p of parts) {
      const taken = p.id !== null && model.customXmlParts.some((x) => x.id === p.id);
      model.addCustomXmlPart(p.xml, p.id !== null && !taken ? p.id : undefined);
    }
    for (const ws of wb.worksheets as any[]) {
      const sheet = model.addSheet(ws.name);
      sheet.visibility =
        ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
      readSheet(model, sheet, ws);
    }
    const active = (wb as any).views?.[0]?.activeTab;
    const visible = model.sheets.filter((s) => s.visibility === "Visible");
    model.activeSheetId =
      (typeof active === "number" && model.sheets[active]?.visibility === "Visible"
        ? model.sheets[active]
        : visible[0]
      )?.id ?? null;
    for (const dn of ((wb as any).definedNames?.model ?? []) as {
      name: string;
      ranges: string[];
    }[]) {
      if (dn.ranges?.length === 1 && !dn.name.startsWith("_xlnm")) {
        try {
          model.addName(dn.name, `=${dn.ranges[0]}`);
        } catch {
          // a duplicate or odd name: the rest of the workbook still loads
        }
      }
    }
  });
  model.flush();
  return model;
}

function readSheet(model: WorkbookModel, sheet: SheetModel, ws: any): void {
  // A dynamic array is stored as its formula (t="array", ref = the spill) plus the spilled values
  // cached in the cells under it: those caches are results, not constants that would block the spill.
  const spills: Rect[] = [];
  ws.eachRow({ includeEmpty: false }, (row: any) =>
    row.eachCell({ includeEmpty: false }, (cell: any) => {
      const v = cell.value;
      if (v && typeof v === "object" && v.shareType === "array" && typeof v.ref === "string") {
        const r = parseRect(v.ref);
        if (r && (r.bottom > r.top || r.right > r.left)) spills.push(r);
      }
    })
  );
  const cached = (r: number, c: number): boolean =>
    spills.some(
      (s) =>
        r >= s.top && r <= s.bottom && c >= s.left && c <= s.right && !(r === s.top && c === s.left)
    );
  ws.eachRow({ includeEmpty: true }, (row: any, rowNumber: number) => {
    if (row.height) sheet.rowHeights.set(rowNumber - 1, row.height);
    if (row.hidden) sheet.hiddenRows.add(rowNumber - 1);
    row.eachCell({ includeEmpty: true }, (cell: any, colNumber: number) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const style = styleIn(cell);
      if (style) sheet.cellForWrite(r, c).style = style;
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = cell.value;
      if (v === null || v === undefined || cached(r, c)) return;
      if (cell.type === ExcelJS.ValueType.Formula) {
        const f = cell.formula;
        if (f) model.setFormula(sheet, r, c, normalizeFormula(f));
        return;
      }
      if (typeof v === "number" || typeof v === "boolean" || typeof v === "string")
        model.setConstant(sheet, r, c, v);
      else if (v instanceof Date) model.setConstant(sheet, r, c, excelSerial(v));
      else if (Array.isArray(v.richText))
        model.setConstant(sheet, r, c, v.richText.map((t: any) => t.text).join(""));
      else if (typeof v.text === "string") model.setConstant(sheet, r, c, v.text);
      else if (typeof v.error === "string") model.setFormula(sheet, r, c, `=${v.error}`);
    });
  });
  (ws.columns ?? []).forEach((col: any, i: number) => {
    if (col && typeof col.width === "number") sheet.columnWidths.set(i, charsToPoints(col.width));
    if (col?.hidden) sheet.hiddenCols.add(i);
  });
  for (const m of (ws.model?.merges ?? []) as string[]) {
    const r = parseRect(m);
    if (r) sheet.merges.push(r);
  }
  const view = ws.views?.[0];
  if (view && view.state === "frozen" && (view.xSplit || view.ySplit)) {
    sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
  }
  const ps = ws.pageSetup ?? {};
  const pl = sheet.pageLayout;
  if (ps.orientation === "landscape") pl.orientation = "Landscape";
  if (ps.paperSize === 9) pl.paperSize = "A4";
  if (ps.margins) {
    for (const k of ["top", "bottom", "left", "right", "header", "footer"] as const) {
      if (typeof ps.margins[k] === "number") pl.margins[k] = ps.margins[k] * INCH;
    }
  }
  if (ps.fitToPage)
    pl.zoom = { horizontalFitToPages: ps.fitToWidth ?? 1, verticalFitToPages: ps.fitToHeight ?? 0 };
  else if (ps.scale) pl.zoom = { scale: ps.scale };
  if (ps.printTitlesRow) pl.printTitleRows = `$${String(ps.printTitlesRow).replace(":", ":$")}`;
  if (ws.sheetProtection?.sheet) sheet.protection = { protected: true, options: {} };
  for (const [addr, dv] of Object.entries(
    (ws.dataValidations?.model ?? {}) as Record<string, any>
  )) {
    if (!dv) continue;
    const range = parseRect(addr.split(" ")[0]);
    if (!range) continue;
    const [f1, f2] = (dv.formulae ?? []).map((x: unknown) => (typeof x === "number" ? x : `=${x}`));
    sheet.validations.push({
      range,
      rule: {
        [dv.type ?? "custom"]: { formula1: f1, formula2: f2, operator: dv.operator ?? "between" },
      },
      prompt: dv.showInputMessage
        ? { showPrompt: true, title: dv.promptTitle ?? "", message: dv.prompt ?? "" }
        : undefined,
      errorAlert: dv.showErrorMessage
        ? { showAlert: true, title: dv.errorTitle ?? "", message: dv.error ?? "", style: "Stop" }
        : undefined,
    });
  }
}

/** Functions newer than Excel 2007 are stored with their `_xlfn.` prefix, or other readers show #NAME?. */
const XLFN = [
  "RANK.EQ",
  "RANK.AVG",
  "IFS",
  "SWITCH",
  "CONCAT",
  "TEXTJOIN",
  "MAXIFS",
  "MINIFS",
  "XLOOKUP",
  "STDEV.S",
  "STDEV.P",
];

function formulaOut(f: string): string {
  let body = f.startsWith("=") ? f.slice(1) : f;
  for (const fn of XLFN)
    body = body.replace(
      new RegExp(`(?<![\\w.])${fn.replace(".", "\\.")}\\(`, "gi"),
      `_xlfn.${fn}(`
    );
  return body;
}

/** Writes the model as an .xlsx; formula results are stored as cached values for other readers. */
export async function saveXlsx(model: WorkbookModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  model.flush();
  for (const sheet of model.sheets) {
    const ws: any = wb.addWorksheet(sheet.name, {
      state:
        sheet.visibility === "Hidden"
          ? "hidden"
          : sheet.visibility === "VeryHidden"
            ? "veryHidden"
            : "visible",
    } as any);
    const spilled: Rect[] = [];
    sheet.forEachCell((r, c, cell) => {
      const xc = ws.getCell(r + 1, c + 1);
      if (cell.formula !== undefined) {
        const res = model.result(sheet, r, c);
        const f = model.formula(sheet, r, c) ?? cell.formula;
        const spill = model.spillRect(sheet, r, c);
        if (spill) spilled.push(spill);
        xc.value = {
          formula: formulaOut(f),
          result: res !== null && typeof res !== "object" ? res : undefined,
          // As Excel stores a dynamic array: the formula with its spill's extent.
          ...(spill ? { shareType: "array", ref: rectA1(spill) } : {}),
        };
      } else if (cell.value !== null) xc.value = cell.value;
      if (cell.style) xc.style = styleOut(cell.style);
    });
    // The spilled values are cached in their own cells, so a reader without the engine sees them.
    for (const s of spilled) {
      const values = model.results(sheet, s);
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (i === 0 && j === 0) return;
          if (v !== null && v !== "" && typeof v !== "object")
            ws.getCell(s.top + i + 1, s.left + j + 1).value = v;
        })
      );
    }
    for (const [c, w] of sheet.columnWidths) ws.getColumn(c + 1).width = pointsToChars(w);
    for (const [r, h] of sheet.rowHeights) ws.getRow(r + 1).height = h;
    for (const c of sheet.hiddenCols) ws.getColumn(c + 1).hidden = true;
    for (const r of sheet.hiddenRows) {
      // ExcelJS drops a row with no cells and no height, its hidden flag with it.
      if (!sheet.rowHeights.has(r)) ws.getRow(r + 1).height = sheet.rowHeight(r);
      ws.getRow(r + 1).hidden = true;
    }
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    if (sheet.freeze)
      ws.views = [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
    const pl = sheet.pageLayout;
    ws.pageSetup.orientation = pl.orientation === "Landscape" ? "landscape" : "portrait";
    if (pl.paperSize === "A4") ws.pageSetup.paperSize = 9;
    ws.pageSetup.margins = Object.fromEntries(
      Object.entries(pl.margins).map(([k, v]) => [k, v / INCH])
    );
    if (pl.zoom.horizontalFitToPages !== undefined) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = pl.zoom.horizontalFitToPages;
      ws.pageSetup.fitToHeight = pl.zoom.verticalFitToPages ?? 0;
    } else if (pl.zoom.scale) ws.pageSetup.scale = pl.zoom.scale;
    if (pl.printTitleRows)
      ws.pageSetup.printTitlesRow = splitSheet(pl.printTitleRows).local.replace(/\$/g, "");
    for (const v of sheet.validations) {
      const [type, body] = Object.entries(v.rule)[0] ?? [];
      if (!type || !body) continue;
      const b = body as any;
      const formulae = [b.formula1, b.formula2]
        .filter((x) => x !== undefined && x !== null)
        .map((x) => (typeof x === "string" && x.startsWith("=") ? x.slice(1) : x));
      ws.dataValidations.add(rectA1(v.range), {
        type,
        operator: b.operator ? b.operator.charAt(0).toLowerCase() + b.operator.slice(1) : "between",
        allowBlank: true,
        formulae,
        showInputMessage: Boolean(v.prompt),
        promptTitle: (v.prompt as any)?.title,
        prompt: (v.prompt as any)?.message,
        showErrorMessage: Boolean(v.errorAlert),
        errorTitle: (v.errorAlert as any)?.title,
        error: (v.errorAlert as any)?.message,
      });
    }
    if (sheet.protection.protected)
      await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true });
  }
  const active = model.sheets.findIndex((s) => s.id === model.activeSheetId);
  (wb as any).views = [{ activeTab: Math.max(0, active), firstSheet: 0, visibility: "visible" }];
  for (const n of model.names) {
    const { sheet, local } = splitSheet(n.formula.slice(1));
    const r = parseRect(local);
    if (sheet && r) {
      const abs = `$${columnLetter(r.left)}$${r.top + 1}:$${columnLetter(r.right)}$${r.bottom + 1}`;
      wb.definedNames.add(`'${sheet.replace(/'/g, "''")}'!${abs}`, n.name);
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  return writeCustomXmlParts(
    new Uint8Array(buf as ArrayBuffer),
    model.customXmlParts.map((p) => ({ id: p.id, xml: p.xml }))
  );
}
