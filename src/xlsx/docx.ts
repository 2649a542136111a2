/**
 * Word tables as Grids: provinces publish unit-score tables in .docx far more often than in .xlsx.
 * Each table of word/document.xml becomes a Grid with the paragraphs above it as its title rows, merges
 * from gridSpan and vMerge, bold and indentation from the runs and paragraphs; the engine then reads it
 * like a sheet. The package is inflated under the same budget as a workbook (bytes in, no fs).
 */
import JSZip from "jszip";
import type { CellFormat, CellValue, Grid, Merge } from "../core/grid";
import {
  decodeXml,
  DEFAULT_READ_LIMITS,
  inflateBounded,
  PackageProblem,
  type ReadLimits,
} from "./guard";
import { packageError, WorkbookReadError } from "./reader";

/** Paragraphs kept above a table as its title: the heading, the year, the unit; not the whole letter. */
const TITLE_LINES = 3;
/** A table smaller than this is layout (the two-column letterhead), not data. */
const MIN_ROWS = 3;
const MIN_COLS = 3;

/** The end of the balanced element `<tag …>…</tag>` starting at `from` (nested ones included). */
function elementEnd(xml: string, tag: string, from: number): number {
  const first = xml.indexOf(">", from);
  if (first < 0) return xml.length;
  if (xml[first - 1] === "/") return first + 1;
  const re = new RegExp(`<${tag}[\\s>/]|</${tag}>`, "g");
  re.lastIndex = first + 1;
  let depth = 1;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    if (m[0].startsWith("</")) depth--;
    else if (xml[xml.indexOf(">", m.index) - 1] !== "/") depth++;
    if (depth === 0) return m.index + tag.length + 3;
  }
  return xml.length;
}

/** What lies between an element's opening and closing tags. */
function inner(element: string): string {
  return element.slice(element.indexOf(">") + 1, element.lastIndexOf("</"));
}

/** Direct children `<tag>` of the content `xml`; a table nested in a cell is stepped over whole. */
function children(xml: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}[\\s>]|<w:tbl[\\s>]`, "g");
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    const nested = m[0].startsWith("<w:tbl") && tag !== "w:tbl";
    const end = elementEnd(xml, nested ? "w:tbl" : tag, m.index);
    if (!nested) out.push(xml.slice(m.index, end));
    re.lastIndex = end;
  }
  return out;
}

function on(xml: string, tag: string): boolean {
  const m = new RegExp(`<${tag}(?:\\s+w:val="([^"]*)")?\\s*/>`).exec(xml);
  return m !== null && !["0", "false", "off"].includes(m[1] ?? "");
}

function intAttr(xml: string, tag: string, attr = "w:val"): number | null {
  const m = new RegExp(`<${tag}\\b[^>]*\\s${attr}="(-?\\d+)"`).exec(xml);
  return m ? Number(m[1]) : null;
}

interface Para {
  text: string;
  bold: boolean;
  indent: number;
}

/** A paragraph's text (tabs and breaks kept), whether all its text is bold, and its indent level. */
function paragraph(p: string): Para {
  let text = "";
  let runs = 0;
  let boldRuns = 0;
  const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? "";
  const paraBold = on(/<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(pPr)?.[1] ?? "", "w:b");
  for (const r of p.match(/<w:r[\s>][\s\S]*?<\/w:r>/g) ?? []) {
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r)?.[1] ?? "";
    let t = "";
    for (const m of r.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>/g))
      t += m[1] !== undefined ? decodeXml(m[1]) : m[0] === "<w:tab/>" ? "\t" : "\n";
    if (t.trim() !== "") {
      runs++;
      if (on(rPr, "w:b") || paraBold) boldRuns++;
    }
    text += t;
  }
  // Word's indent is in twentieths of a point; Excel's indent level is about three characters.
  const left = intAttr(pPr, "w:ind", "w:left") ?? intAttr(pPr, "w:ind", "w:start") ?? 0;
  return { text, bold: runs > 0 && boldRuns === runs, indent: Math.max(0, Math.round(left / 360)) };
}

function cellContent(tc: string): Para {
  const paras = children(inner(tc), "w:p").map(paragraph);
  const nonEmpty = paras.filter((p) => p.text.trim() !== "");
  return {
    text: paras
      .map((p) => p.text)
      .join("\n")
      .replace(/^\n+|\n+$/g, ""),
    bold: nonEmpty.length > 0 && nonEmpty.every((p) => p.bold),
    indent: nonEmpty[0]?.indent ?? 0,
  };
}

/** Word numbers are text: "8", "8,5" become numbers; "1.000" and "1,000" stay text for the engine to judge (N1). */
function value(text: string): CellValue {
  const t = text.trim();
  if (t === "") return null;
  if (/^-?\d{1,15}$/.test(t) && !/^-?0\d/.test(t)) return Number(t);
  if (/^-?\d{1,12},\d{1,6}$/.test(t) && !/^-?\d{1,3},\d{3}$/.test(t))
    return Number(t.replace(",", "."));
  return text;
}

interface Table {
  rows: Para[][];
  merges: Merge[];
}

const EMPTY: Para = { text: "", bold: false, indent: 0 };

/** A table's cells on its grid: gridSpan fills columns to the right, vMerge continues the cell above. */
function table(tbl: string): Table {
  const rows: Para[][] = [];
  const placed: { r: number; c: number; span: number; vmerge: "restart" | "continue" | null }[] =
    [];
  children(inner(tbl), "w:tr").forEach((tr, r) => {
    const row: Para[] = [];
    const trPr = /<w:trPr>[\s\S]*?<\/w:trPr>/.exec(tr)?.[0] ?? "";
    for (let c = intAttr(trPr, "w:gridBefore") ?? 0; c > 0; c--) row.push(EMPTY);
    for (const tc of children(inner(tr), "w:tc")) {
      const tcPr = /<w:tcPr>[\s\S]*?<\/w:tcPr>/.exec(tc)?.[0] ?? "";
      const span = Math.max(1, intAttr(tcPr, "w:gridSpan") ?? 1);
      const vm = /<w:vMerge(?:\s+w:val="(\w+)")?\s*\/>/.exec(tcPr);
      const vmerge = vm ? (vm[1] === "restart" ? "restart" : "continue") : null;
      placed.push({ r, c: row.length, span, vmerge });
      row.push(vmerge === "continue" ? EMPTY : cellContent(tc));
      for (let k = 1; k < span; k++) row.push(EMPTY);
    }
    rows.push(row);
  });
  const merges: Merge[] = [];
  for (const p of placed) {
    if (p.vmerge === "continue") continue;
    let bottom = p.r;
    if (p.vmerge === "restart")
      while (placed.some((q) => q.r === bottom + 1 && q.c === p.c && q.vmerge === "continue"))
        bottom++;
    if (bottom > p.r || p.span > 1)
      merges.push({ top: p.r, left: p.c, bottom, right: p.c + p.span - 1 });
  }
  return { rows, merges };
}

export interface DocxReadOptions {
  limits?: Partial<ReadLimits>;
}

/**
 * Every data table of the .docx in `bytes` as a Grid named "Bảng 1", "Bảng 2"… in document order, the
 * paragraphs just above it as title rows. Throws WorkbookReadError ("docxNoTable" when there is none).
 */
export async function readDocxGrids(
  bytes: Uint8Array,
  file: string,
  opts: DocxReadOptions = {}
): Promise<Grid[]> {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...(opts.limits ?? {}) };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new WorkbookReadError("corrupt", file);
  }
  const entry = zip.file("word/document.xml");
  if (!entry) throw new WorkbookReadError("corrupt", file);
  let xml: string;
  try {
    // The sizes a zip declares are whatever the file says: inflated under the budget, chunk by chunk.
    xml = new TextDecoder("utf-8").decode(
      await inflateBounded(entry, limits.maxEntryBytes, "word/document.xml")
    );
  } catch (e) {
    if (e instanceof PackageProblem) throw packageError(e, file);
    throw new WorkbookReadError("corrupt", file);
  }
  if (/<!(?:DOCTYPE|ENTITY)/i.test(xml))
    throw new WorkbookReadError("unsafeXml", file, "word/document.xml");
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? "";
  const grids: Grid[] = [];
  let above: string[] = [];
  const re = /<w:p[\s>]|<w:tbl[\s>]/g;
  let n = 0;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    const isTable = m[0].startsWith("<w:tbl");
    const end = elementEnd(body, isTable ? "w:tbl" : "w:p", m.index);
    re.lastIndex = end;
    const part = body.slice(m.index, end);
    if (!isTable) {
      const p = paragraph(part).text.trim();
      if (p !== "") above = [...above, p].slice(-TITLE_LINES);
      continue;
    }
    const t = table(part);
    const width = t.rows.reduce((w, r) => Math.max(w, r.length), 0);
    if (t.rows.length < MIN_ROWS || width < MIN_COLS) {
      above = [];
      continue;
    }
    if (t.rows.length * width > limits.maxCells)
      throw new WorkbookReadError("tooLarge", file, `${t.rows.length} × ${width}`);
    n++;
    const top = above.length > 0 ? above.length + 1 : 0;
    const values: CellValue[][] = [];
    const formats: (CellFormat | null)[][] = [];
    for (const line of above) {
      values.push([line, ...new Array<CellValue>(width - 1).fill(null)]);
      formats.push(new Array<CellFormat | null>(width).fill(null));
    }
    if (above.length > 0) {
      values.push(new Array<CellValue>(width).fill(null));
      formats.push(new Array<CellFormat | null>(width).fill(null));
    }
    for (const row of t.rows) {
      values.push(Array.from({ length: width }, (_, c) => value(row[c]?.text ?? "")));
      formats.push(
        Array.from({ length: width }, (_, c) => {
          const x = row[c];
          return x && (x.bold || x.indent > 0)
            ? { font: { bold: x.bold }, indent: x.indent }
            : null;
        })
      );
    }
    grids.push({
      sheetName: `Bảng ${n}`,
      top: 0,
      left: 0,
      values,
      formats,
      merges: t.merges.map((g) => ({ ...g, top: g.top + top, bottom: g.bottom + top })),
      file,
    });
    above = [];
  }
  if (grids.length === 0) throw new WorkbookReadError("docxNoTable", file);
  return grids;
}
