/**
 * The one ExcelJS reader, for the CLI and the task pane alike (bytes in, no fs, no Buffer): values,
 * cached formula results, formulas, fonts, indents, merges, hidden rows and columns, error values,
 * and a bounded recompute of formulas saved without a result. The package is checked first
 * (guard.ts); a file that cannot be read gives one sentence naming it and what to do, Vietnamese first.
 */
import ExcelJS from "exceljs";
import type { HyperFormula, RawCellContent } from "hyperformula";
import type { CellFormat, CellValue, Grid, Merge } from "../core/grid";
import { defineStrings, type Lang } from "../core/i18n";
import { outputSheets, tagsOf, type SheetTag } from "../sheets/tags";
import { DEFAULT_READ_LIMITS, guardPackage, PackageProblem, type ReadLimits } from "./guard";

export const READ_STRINGS = defineStrings(
  "xlsx-read",
  {
    notFound: "Không tìm thấy tệp {file}: hãy kiểm tra lại tên và thư mục.",
    notReadable: "Không đọc được tệp {file}: {reason}.",
    encrypted: "Tệp {file} được đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại.",
    oldXls: "Tệp {file} là định dạng Excel 97–2003 (.xls): hãy mở bằng Excel và lưu thành .xlsx.",
    oldDoc:
      "Tệp {file} là văn bản Word 97–2003 (.doc): hãy mở bằng Word và lưu thành .docx (hoặc chép bảng sang Excel).",
    docx: "Tệp {file} là văn bản Word (.docx), không phải bảng tính: hãy chép bảng điểm sang Excel và lưu thành .xlsx.",
    docxNoTable:
      "Tệp {file} là văn bản Word nhưng không có bảng nào: hãy dùng tệp có bảng điểm (bảng Word hoặc trang Excel).",
    ods: "Tệp {file} là bảng tính OpenDocument (.ods): hãy mở bằng LibreOffice Calc hoặc Excel và lưu thành .xlsx.",
    odt: "Tệp {file} là văn bản OpenDocument (.odt): hãy mở bằng LibreOffice Writer và lưu thành .docx.",
    pdf: "Tệp {file} là tệp PDF, không lấy được số liệu từ đó: hãy xin tệp Excel (.xlsx) hoặc Word (.docx) gốc.",
    notXlsx: "Tệp {file} không phải bảng tính Excel (.xlsx): hãy chọn đúng tệp bảng điểm.",
    corrupt:
      "Tệp {file} bị hỏng hoặc không phải tệp .xlsx hợp lệ: hãy mở bằng Excel, lưu lại rồi thử lại.",
    empty: "Tệp {file} không có trang tính nào: hãy chọn đúng tệp bảng điểm.",
    allHidden:
      "Mọi trang tính trong tệp {file} đều đang ẩn: hãy bỏ ẩn trang bảng điểm (chuột phải vào thẻ trang, chọn Bỏ ẩn) rồi lưu lại.",
    tooLarge:
      "Tệp {file} quá lớn để đọc an toàn ({reason}): hãy mở bằng Excel, xoá hình ảnh và dữ liệu thừa rồi lưu lại.",
    tooManyStrings:
      "Tệp {file} có quá nhiều ô chữ ({reason}): hãy mở bằng Excel, xoá các ô thừa rồi lưu lại.",
    edgeCell:
      "Trang {sheet} của tệp {file} có dữ liệu ở tận ô {cell}: hãy xoá các ô thừa rồi lưu lại.",
    unsafeXml:
      "Tệp {file} chứa khai báo XML mà tệp Excel, Word thật không có ({reason}), nên không được đọc: hãy mở bằng Excel và lưu thành tệp mới.",
  },
  {
    notFound: "File {file} was not found: check its name and folder.",
    notReadable: "File {file} cannot be read: {reason}.",
    encrypted:
      "File {file} is password-protected: open it in Excel, remove the password and save it again.",
    oldXls:
      "File {file} is in the Excel 97–2003 format (.xls): open it in Excel and save it as .xlsx.",
    oldDoc:
      "File {file} is a Word 97–2003 document (.doc): open it in Word and save it as .docx (or copy the table into Excel).",
    docx: "File {file} is a Word document (.docx), not a workbook: copy the score table into Excel and save it as .xlsx.",
    docxNoTable:
      "File {file} is a Word document without any table: use the file that holds the score table (a Word table or an Excel sheet).",
    ods: "File {file} is an OpenDocument spreadsheet (.ods): open it in LibreOffice Calc or Excel and save it as .xlsx.",
    odt: "File {file} is an OpenDocument text (.odt): open it in LibreOffice Writer and save it as .docx.",
    pdf: "File {file} is a PDF, from which no figures can be taken: ask for the original Excel (.xlsx) or Word (.docx) file.",
    notXlsx: "File {file} is not an Excel workbook (.xlsx): choose the score workbook.",
    corrupt:
      "File {file} is damaged or not a valid .xlsx file: open it in Excel, save it again and retry.",
    empty: "File {file} has no worksheet: choose the score workbook.",
    allHidden:
      "Every sheet of file {file} is hidden: unhide the score sheet (right-click a sheet tab, Unhide) and save it again.",
    tooLarge:
      "File {file} is too large to read safely ({reason}): open it in Excel, delete pictures and stray data and save it again.",
    tooManyStrings:
      "File {file} has too many text cells ({reason}): open it in Excel, delete the stray cells and save it again.",
    edgeCell:
      "Sheet {sheet} of file {file} has data as far as cell {cell}: delete the stray cells and save it again.",
    unsafeXml:
      "File {file} holds an XML declaration no real Excel or Word file has ({reason}), so it is not read: open it in Excel and save it as a new file.",
  }
);

export type WorkbookReadProblem =
  | "notFound"
  | "notReadable"
  | "encrypted"
  | "oldXls"
  | "oldDoc"
  | "docx"
  | "docxNoTable"
  | "ods"
  | "odt"
  | "pdf"
  | "notXlsx"
  | "corrupt"
  | "empty"
  | "allHidden"
  | "tooLarge"
  | "tooManyStrings"
  | "edgeCell"
  | "unsafeXml";

/** The one error this module throws: a problem kind and the sentence in both languages. */
export class WorkbookReadError extends Error {
  readonly problem: WorkbookReadProblem;
  readonly vi: string;
  readonly en: string;
  constructor(
    problem: WorkbookReadProblem,
    file: string,
    reason: string | { vi: string; en: string } = "",
    where: { sheet?: string; cell?: string } = {}
  ) {
    const r = typeof reason === "string" ? { vi: reason, en: reason } : reason;
    const params = { file, sheet: where.sheet ?? "", cell: where.cell ?? "" };
    const vi = READ_STRINGS.t("vi", problem, { ...params, reason: r.vi });
    super(vi);
    this.name = "WorkbookReadError";
    this.problem = problem;
    this.vi = vi;
    this.en = READ_STRINGS.t("en", problem, { ...params, reason: r.en });
  }
  messageIn(lang: Lang): string {
    return lang === "en" ? this.en : this.vi;
  }
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Whether `bytes` holds `text` as UTF-16LE (the names of streams in an OLE container). */
function holdsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < text.length; j++)
      if (bytes[i + 2 * j] !== text.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** What the first bytes say the file is: a zip goes on to the package checks. */
export function sniffFormat(bytes: Uint8Array): "zip" | WorkbookReadProblem {
  if (startsWith(bytes, [0x50, 0x4b])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Encrypted .xlsx files are OLE containers too, with an "EncryptionInfo" stream.
    if (holdsUtf16(bytes, "EncryptionInfo")) return "encrypted";
    if (holdsUtf16(bytes, "WordDocument")) return "oldDoc";
    return "oldXls";
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  return "notXlsx";
}

function richText(parts: unknown): string {
  return (parts as { text?: string }[]).map((p) => p.text ?? "").join("");
}

function cellValue(v: unknown): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === "number")
    // A number past Excel's range (an edited "1e400") reads as the text it was: not-a-number (N1).
    return { value: Number.isFinite(v) ? v : String(v), formula: null };
  if (typeof v === "string" || typeof v === "boolean") return { value: v, formula: null };
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
    else if (typeof res === "number" && !Number.isFinite(res)) value = String(res);
    else value = res as CellValue;
    return { value, formula: typeof o.formula === "string" ? `=${o.formula}` : null };
  }
  if (Array.isArray(o.richText)) return { value: richText(o.richText), formula: null };
  if (typeof o.text === "string") return { value: o.text, formula: null };
  // A hyperlink over rich text: { text: { richText }, hyperlink }.
  if (o.text && Array.isArray(o.text.richText))
    return { value: richText(o.text.richText), formula: null };
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

/**
 * The Grid from the cells that exist: ExcelJS's rowCount × columnCount counts styled cells and a stray
 * far one, so the box is taken from the values (the package guard has already refused a box over the cap).
 */
function worksheetToGrid(ws: ExcelJS.Worksheet, name: string, file: string | undefined): Grid {
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rn) => {
    row.eachCell({ includeEmpty: false }, (_cell, cn) => {
      if (rn > rows) rows = rn;
      if (cn > cols) cols = cn;
    });
  });
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
    if (m && m.top < rows && m.left < cols) merges.push(m);
  }
  const g: Grid = { sheetName: name, top: 0, left: 0, values, formulas, formats, merges };
  // Hidden rows and columns are read like any other (Excel's SUM counts them); the engine decides
  // what a hidden unit column means and says so.
  const hidden = { rows: [] as number[], cols: [] as number[] };
  // findRow, not eachRow with empty rows: that would make a Row for every index up to the last one.
  for (let r = 1; r <= rows; r++) if (ws.findRow(r)?.hidden) hidden.rows.push(r - 1);
  for (let c = 1; c <= cols; c++) if (ws.getColumn(c).hidden) hidden.cols.push(c - 1);
  if (hidden.rows.length > 0 || hidden.cols.length > 0) g.hidden = hidden;
  if (file !== undefined) g.file = file;
  return g;
}

export interface ReadOptions {
  /** Lower limits (tests, a constrained host); the defaults are far above any real score workbook. */
  limits?: Partial<ReadLimits>;
}

export interface WorkbookRead {
  /** The visible sheets as Grids, our own output sheets (a ranking written earlier) left out. */
  grids: Grid[];
  /** Names of the hidden sheets, for a caller that says which sheets it did not read. */
  hidden: string[];
  /** Formula cells saved without a result and left unknown because recomputing them was over the bound. */
  notComputed: number;
  /** Our sheet tags (src/sheets/tags.ts): a summary of returned forms is ranked as one, as in the pane. */
  tags: SheetTag[];
}

/** A refusal of the package guard as the sentence for `file`. */
export function packageError(e: PackageProblem, file: string): WorkbookReadError {
  const d = e.detail;
  const reason = [d.part, d.size].filter((x) => x !== undefined).join(", ");
  switch (e.kind) {
    case "edgeCell":
      return new WorkbookReadError("edgeCell", file, "", { sheet: d.sheet, cell: d.cell });
    case "tooLarge":
      return new WorkbookReadError("tooLarge", file, reason);
    case "tooManyStrings":
      return new WorkbookReadError("tooManyStrings", file, reason);
    case "unsafeXml":
      return new WorkbookReadError("unsafeXml", file, reason);
    case "docx":
    case "ods":
    case "odt":
    case "notXlsx":
      return new WorkbookReadError(e.kind, file);
    default:
      return new WorkbookReadError("corrupt", file);
  }
}

/**
 * Every visible worksheet of the workbook in `bytes` as a Grid (hidden and chart sheets are skipped).
 * `file` names the workbook in messages and in the Grids. Throws WorkbookReadError only.
 */
export async function readWorkbookBytes(
  bytes: Uint8Array,
  file: string,
  opts: ReadOptions = {}
): Promise<WorkbookRead> {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...(opts.limits ?? {}) };
  const format = sniffFormat(bytes);
  if (format !== "zip") throw new WorkbookReadError(format, file);
  let guarded;
  try {
    guarded = await guardPackage(bytes, limits);
  } catch (e) {
    if (e instanceof PackageProblem) throw packageError(e, file);
    throw new WorkbookReadError("corrupt", file);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS wants an ArrayBuffer of exactly the file (a Uint8Array view may sit in a larger buffer).
    const own = guarded.bytes.slice();
    await wb.xlsx.load(own.buffer as ArrayBuffer);
  } catch {
    throw new WorkbookReadError("corrupt", file);
  }
  const realName = (ws: ExcelJS.Worksheet): string => guarded.renamed.get(ws.name) ?? ws.name;
  if (wb.worksheets.length === 0) throw new WorkbookReadError("empty", file);
  const visible = wb.worksheets.filter((ws) => ws.state !== "hidden" && ws.state !== "veryHidden");
  if (visible.length === 0) throw new WorkbookReadError("allHidden", file);
  // A ranking we wrote earlier (by the CLI or the pane) holds results, not scores: read again it would
  // be a second "score sheet" of the file. Our summary of returned forms is a score sheet; a returned
  // self-score form holds nothing but our template sheet, so it is read whole by the fallback below.
  const tags = workbookTags(wb);
  const outputs = outputSheets(tags);
  const inputs = visible.filter((ws) => !outputs.has(realName(ws).toLowerCase()));
  const sheets = inputs.length > 0 ? inputs : visible;
  const grids = sheets.map((ws) => worksheetToGrid(ws, realName(ws), file));
  const hidden = wb.worksheets.filter((ws) => !visible.includes(ws)).map(realName);
  const unknown = grids.reduce((n, g) => n + countUnknown(g), 0);
  let notComputed = 0;
  if (unknown > 0) {
    const cells = guarded.sheets.reduce((n, s) => n + s.cells, 0);
    const boxes = guarded.sheets.every((s) => (s.lastRow + 1) * (s.lastCol + 1) <= limits.maxCells);
    const refs = grids.reduce((n, g) => n + referencedCells(g), 0);
    if (cells <= limits.maxRecomputeCells && boxes && refs <= limits.maxRecomputeRefs)
      // Loaded only when needed: HyperFormula adds ~75 ms to every CLI start otherwise.
      fillUnknownResults((await import("hyperformula")).HyperFormula, wb, realName, sheets, grids);
    else notComputed = unknown;
  }
  return { grids, hidden, notComputed, tags };
}

/** Our sheet tags, from the workbook's defined names as the contract (src/sheets/tags.ts) reads them. */
function workbookTags(wb: ExcelJS.Workbook): SheetTag[] {
  const model = (wb.definedNames.model ?? []) as { name: string; ranges: string[] }[];
  return tagsOf(model.flatMap((n) => n.ranges.map((reference) => ({ name: n.name, reference }))));
}

function countUnknown(g: Grid): number {
  let n = 0;
  for (const row of g.values) for (const v of row) if (v === undefined) n++;
  return n;
}

const RANGE =
  /\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)|\$?\b([A-Z]{1,3}):\$?([A-Z]{1,3})\b|\$?\b(\d+):\$?(\d+)\b/g;

function letters(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Cells the formulas saved without a result point at: what recomputing them would cost. */
function referencedCells(g: Grid): number {
  let n = 0;
  g.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = v === undefined ? g.formulas?.[r]?.[c] : null;
      if (!f) return;
      for (const m of f.matchAll(RANGE)) {
        if (m[1] !== undefined)
          n +=
            (Math.abs(Number(m[4]) - Number(m[2])) + 1) *
            (Math.abs(letters(m[3]) - letters(m[1])) + 1);
        else if (m[5] !== undefined) n += (Math.abs(letters(m[6]) - letters(m[5])) + 1) * 1_048_576;
        else n += (Math.abs(Number(m[8]) - Number(m[7])) + 1) * 16_384;
      }
      n++;
    })
  );
  return n;
}

/** Excel's own error values: a recomputed one is what Excel would show in the cell. */
const EXCEL_ERRORS = new Set(["#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!"]);

/** A cell as HyperFormula input: the value Excel saved where there is one, the formula where not. */
function hfContent(cell: ExcelJS.Cell): RawCellContent {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : `'${String(v)}`;
  if (typeof v === "boolean") return v;
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
  if (Array.isArray(o.richText)) return `'${richText(o.richText)}`;
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
  realName: (ws: ExcelJS.Worksheet) => string,
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
      sheets[realName(ws)] = rows;
    }
    hf = HF.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
  } catch {
    return;
  }
  try {
    visible.forEach((ws, i) => {
      const sheet = hf.getSheetId(realName(ws));
      if (sheet === undefined) return;
      const values = grids[i].values;
      for (let r = 0; r < values.length; r++)
        for (let c = 0; c < values[r].length; c++) {
          if (values[r][c] !== undefined) continue;
          const x = hf.getCellValue({ sheet, row: r, col: c }) as unknown;
          if (typeof x === "number") values[r][c] = Number.isFinite(x) ? x : String(x);
          else if (typeof x === "string" || typeof x === "boolean") values[r][c] = x;
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
