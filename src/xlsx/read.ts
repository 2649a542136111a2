/**
 * Reading Grids from an .xlsx with ExcelJS: values, cached formula results, formulas, fonts, indents,
 * merges and error values. A file that cannot be read (corrupt, encrypted, an old .xls, not a workbook)
 * gives one sentence the user can act on, Vietnamese first, never a stack trace.
 */
import ExcelJS from "exceljs";
import type { HyperFormula, RawCellContent } from "hyperformula";
import { readFile } from "fs/promises";
import * as path from "path";
import type { CellFormat, CellValue, Grid, Merge } from "../core/grid";
import { defineStrings, type Lang } from "../core/i18n";
import { outputSheets as ourOutputSheets, tagsOf } from "../sheets/tags";

export const READ_STRINGS = defineStrings(
  "xlsx-read",
  {
    notFound: "Không tìm thấy tệp {file}.",
    notReadable: "Không đọc được tệp {file}: {reason}.",
    encrypted: "Tệp {file} được đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại.",
    oldXls: "Tệp {file} là định dạng Excel 97–2003 (.xls): hãy mở bằng Excel và lưu thành .xlsx.",
    notXlsx: "Tệp {file} không phải bảng tính Excel (.xlsx).",
    corrupt: "Tệp {file} bị hỏng hoặc không phải tệp .xlsx hợp lệ.",
    empty: "Tệp {file} không có trang tính nào.",
  },
  {
    notFound: "File {file} was not found.",
    notReadable: "File {file} cannot be read: {reason}.",
    encrypted:
      "File {file} is password-protected: open it in Excel, remove the password and save it again.",
    oldXls:
      "File {file} is in the Excel 97–2003 format (.xls): open it in Excel and save it as .xlsx.",
    notXlsx: "File {file} is not an Excel workbook (.xlsx).",
    corrupt: "File {file} is damaged or not a valid .xlsx file.",
    empty: "File {file} has no worksheet.",
  }
);

export type WorkbookReadProblem =
  "notFound" | "notReadable" | "encrypted" | "oldXls" | "notXlsx" | "corrupt" | "empty";

/** The one error this module throws: a problem kind and the sentence in both languages. */
export class WorkbookReadError extends Error {
  readonly problem: WorkbookReadProblem;
  readonly vi: string;
  readonly en: string;
  constructor(problem: WorkbookReadProblem, file: string, reason = "") {
    const vi = READ_STRINGS.t("vi", problem, { file, reason });
    super(vi);
    this.name = "WorkbookReadError";
    this.problem = problem;
    this.vi = vi;
    this.en = READ_STRINGS.t("en", problem, { file, reason });
  }
  messageIn(lang: Lang): string {
    return lang === "en" ? this.en : this.vi;
  }
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function sniff(bytes: Buffer, name: string): void {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return;
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(CFB_MAGIC)) {
    // Encrypted .xlsx files are OLE containers with an "EncryptionInfo" stream (UTF-16 name).
    const marker = Buffer.from("EncryptionInfo", "utf16le");
    throw new WorkbookReadError(bytes.includes(marker) ? "encrypted" : "oldXls", name);
  }
  throw new WorkbookReadError("notXlsx", name);
}

function cellValue(v: unknown): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean")
    return { value: v, formula: null };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10), formula: null };
  const o = v as any;
  if (typeof o.error === "string") return { value: { error: o.error }, formula: null };
  if (typeof o.formula === "string" || typeof o.sharedFormula === "string") {
    // ExcelJS reads a cached 0 as "no result": without a result the value is unknown, not blank.
    const res = o.result;
    let value: CellValue;
    if (res === undefined || res === null) value = undefined;
    else if (typeof res === "object" && typeof res.error === "string") value = { error: res.error };
    else if (res instanceof Date) value = res.toISOString().slice(0, 10);
    else value = res as CellValue;
    return { value, formula: typeof o.formula === "string" ? `=${o.formula}` : null };
  }
  if (Array.isArray(o.richText))
    return { value: o.richText.map((p: any) => p.text ?? "").join(""), formula: null };
  if (typeof o.text === "string") return { value: o.text, formula: null };
  if (o.text && Array.isArray(o.text.richText))
    return { value: o.text.richText.map((p: any) => p.text ?? "").join(""), formula: null };
  return { value: String(v), formula: null };
}

function rangeToMerge(ref: string): Merge | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (s: string): number => {
    let n = 0;
    for (const ch of s) n = n * 26 + ch.charCodeAt(0) - 64;
    return n - 1;
  };
  return { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) };
}

function worksheetToGrid(ws: ExcelJS.Worksheet, file: string | undefined): Grid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (CellFormat | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(new Array<CellValue>(cols).fill(null));
    formulas.push(new Array<string | null>(cols).fill(null));
    formats.push(new Array<CellFormat | null>(cols).fill(null));
  }
  ws.eachRow({ includeEmpty: false }, (row, rn) => {
    row.eachCell({ includeEmpty: false }, (cell, cn) => {
      const r = rn - 1;
      const c = cn - 1;
      if (r >= rows || c >= cols) return;
      // ExcelJS repeats a merged area's value in every cell; Office.js gives it to the top-left only.
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) {
        const f = cell.font;
        if (f) formats[r][c] = { font: { name: f.name, bold: f.bold, italic: f.italic } };
        return;
      }
      const { value, formula } = cellValue(cell.value);
      values[r][c] = value;
      formulas[r][c] = formula;
      const f = cell.font;
      const indent = cell.alignment?.indent;
      if (f || indent)
        formats[r][c] = {
          font: f ? { name: f.name, bold: f.bold === true, italic: f.italic === true } : undefined,
          indent: indent ?? 0,
        };
    });
  });
  const merges: Merge[] = [];
  const model = (ws as any).model;
  for (const ref of (model?.merges as string[] | undefined) ?? []) {
    const m = rangeToMerge(ref);
    if (m) merges.push(m);
  }
  const g: Grid = { sheetName: ws.name, top: 0, left: 0, values, formulas, formats, merges };
  // Hidden rows and columns are read like any other (Excel's SUM counts them); the engine decides
  // what a hidden unit column means and says so.
  const hidden = { rows: [] as number[], cols: [] as number[] };
  ws.eachRow({ includeEmpty: false }, (row, rn) => {
    if (row.hidden && rn <= rows) hidden.rows.push(rn - 1);
  });
  for (let c = 1; c <= cols; c++) if (ws.getColumn(c).hidden) hidden.cols.push(c - 1);
  if (hidden.rows.length > 0 || hidden.cols.length > 0) g.hidden = hidden;
  if (file !== undefined) g.file = file;
  return g;
}

/**
 * Every visible worksheet of the workbook as a Grid (hidden and chart sheets are skipped). `pathOrBuffer`
 * is a file path or the file's bytes; `file` names it in messages and in the Grids (default: the path's
 * base name).
 */
export async function readWorkbookGrids(
  pathOrBuffer: string | Buffer,
  file?: string
): Promise<Grid[]> {
  const name =
    file ?? (typeof pathOrBuffer === "string" ? path.basename(pathOrBuffer) : "workbook.xlsx");
  let bytes: Buffer;
  if (typeof pathOrBuffer === "string") {
    try {
      bytes = await readFile(pathOrBuffer);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new WorkbookReadError("notFound", name);
      throw new WorkbookReadError("notReadable", name, code ?? String(e));
    }
  } else bytes = pathOrBuffer;
  sniff(bytes, name);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as any);
  } catch {
    throw new WorkbookReadError("corrupt", name);
  }
  const visible = wb.worksheets.filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden");
  if (visible.length === 0) throw new WorkbookReadError("empty", name);
  // A ranking we wrote earlier (by the CLI or the pane) holds results, not scores: read again it would
  // be a second "score sheet" of the file. Our summary of returned forms is a score sheet; a returned
  // self-score form holds nothing but our template sheet, so it is read whole by the fallback below.
  const outputs = outputSheets(wb);
  const inputs = visible.filter((ws) => !outputs.has(ws.name.toLowerCase()));
  const sheets = inputs.length > 0 ? inputs : visible;
  const grids = sheets.map((ws) => worksheetToGrid(ws, name));
  // Loaded only when needed: HyperFormula adds ~75 ms to every CLI start otherwise.
  if (grids.some(hasUnknown))
    fillUnknownResults((await import("hyperformula")).HyperFormula, wb, sheets, grids);
  return grids;
}

/** Our output sheets by their tags (src/sheets/tags.ts), lower-cased as the contract gives them. */
function outputSheets(wb: ExcelJS.Workbook): Set<string> {
  const model = (wb.definedNames.model ?? []) as { name: string; ranges: string[] }[];
  return ourOutputSheets(
    tagsOf(model.flatMap((n) => n.ranges.map((reference) => ({ name: n.name, reference }))))
  );
}

function hasUnknown(g: Grid): boolean {
  return g.values.some((row) => row.includes(undefined));
}

/** Excel's own error values: a recomputed one is what Excel would show in the cell. */
const EXCEL_ERRORS = new Set(["#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!"]);

/** A cell as HyperFormula input: the value Excel saved where there is one, the formula where not. */
function hfContent(cell: ExcelJS.Cell): RawCellContent {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  // Text stays text: unescaped, HyperFormula would read "8,5" as a number and "=x" as a formula.
  if (typeof v === "string") return `'${v}`;
  if (v instanceof Date) return v;
  const o = v as any;
  if (typeof o.error === "string") return o.error;
  if (typeof o.formula === "string" || typeof o.sharedFormula === "string") {
    const res = o.result;
    if (res !== undefined && res !== null) {
      if (typeof res === "object" && typeof res.error === "string") return res.error;
      if (typeof res === "string") return `'${res}`;
      return res as RawCellContent;
    }
    // ExcelJS translates a shared formula to this cell's references; "_xlfn." marks functions newer
    // than Excel 2007 in the file and is not part of the function's name.
    const f = (cell as any).formula as string | undefined;
    return f ? `=${f.replace(/_xl(?:fn|ws)\./g, "")}` : null;
  }
  if (Array.isArray(o.richText)) return `'${o.richText.map((p: any) => p.text ?? "").join("")}`;
  if (typeof o.text === "string") return `'${o.text}`;
  return null;
}

/**
 * Formula cells without a saved result (ExcelJS reads a cached 0 as none; files written by tools that
 * never calculate carry none) would reach the engine as unknown and count for nothing. HyperFormula (a
 * spreadsheet engine, installed) recomputes them from the workbook: every sheet is loaded, hidden ones
 * too since formulas may point there, with the values Excel saved and formulas only where no value was
 * saved; then only the unknown cells of the Grids are filled. A result HyperFormula cannot give (a
 * function it lacks: #NAME?, a link to another file, a cycle) stays unknown, and the engine then
 * reports the cell rather than count it as 0 in silence.
 */
function fillUnknownResults(
  HF: typeof HyperFormula,
  wb: ExcelJS.Workbook,
  visible: ExcelJS.Worksheet[],
  grids: Grid[]
): void {
  let hf: HyperFormula;
  try {
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const ws of wb.worksheets) {
      const rows: RawCellContent[][] = [];
      ws.eachRow({ includeEmpty: false }, (row, rn) => {
        const out: RawCellContent[] = [];
        row.eachCell({ includeEmpty: false }, (cell, cn) => {
          out[cn - 1] = hfContent(cell);
        });
        for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
        rows[rn - 1] = out;
      });
      for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
      sheets[ws.name] = rows;
    }
    hf = HF.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
  } catch {
    return;
  }
  try {
    visible.forEach((ws, i) => {
      const sheet = hf.getSheetId(ws.name);
      if (sheet === undefined) return;
      const values = grids[i].values;
      for (let r = 0; r < values.length; r++)
        for (let c = 0; c < values[r].length; c++) {
          if (values[r][c] !== undefined) continue;
          const x = hf.getCellValue({ sheet, row: r, col: c }) as unknown;
          if (typeof x === "number" || typeof x === "string" || typeof x === "boolean")
            values[r][c] = x;
          // A formula pointing at an empty cell shows 0 in Excel; HyperFormula gives null.
          else if (x === null) values[r][c] = 0;
          else if (x && typeof (x as { value?: unknown }).value === "string") {
            const err = (x as { value: string }).value;
            if (EXCEL_ERRORS.has(err)) values[r][c] = { error: err };
          }
        }
    });
  } finally {
    hf.destroy();
  }
}
