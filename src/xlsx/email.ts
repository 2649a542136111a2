/**
 * The email loop over .xlsx bytes, in the browser as in Node (no fs, no Buffer): self-score forms to
 * attach, returned forms parsed locally, and a clean copy to send.
 */
import ExcelJS from "exceljs";
// jszip is what ExcelJS itself packs with (installed with it). ExcelJS drops the parts it does not
// model, among them the custom XML part holding the cluster profile; the clean copy must keep it, so
// it edits the package instead of re-saving it through ExcelJS.
import JSZip from "jszip";
import type { Grid } from "../core/grid";
import { columnLetter } from "../core/grid";
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { CriterionNode } from "../core/report";
import type { ReturnedFile } from "../core/returns";
import { thiduaFunctionIn } from "../core/presend";
import { buildSelfScoreTemplate } from "../sheets/template";
import { renderSpecToWorksheet } from "./render";
import { readDocxGrids } from "./docx";
import { decodeXml } from "./guard";
import { READ_STRINGS, readWorkbookBytes, WorkbookReadError } from "./reader";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface XlsxFile {
  fileName: string;
  bytes: Uint8Array;
}

/** A file name any mail client and file system accepts, keeping the Vietnamese letters. */
export function safeFileName(name: string): string {
  return (
    Array.from(name.normalize("NFC"))
      // Control characters (a pasted tab or line break) are not allowed in file names.
      .filter((ch) => ch.charCodeAt(0) >= 32)
      .join("")
      .replace(/[\\/:*?"<>|]+/g, "-")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 120) || "thidua"
  );
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

export interface TemplateFilesOptions {
  lang: Lang;
  date: Date;
}

/** One self-score form per member, each its own workbook, named after the unit and the year. */
export async function buildTemplateFiles(
  profile: ClusterProfile,
  criteria: CriterionNode[],
  opts: TemplateFilesOptions
): Promise<(XlsxFile & { unit: string })[]> {
  const out: (XlsxFile & { unit: string })[] = [];
  const prefix = opts.lang === "en" ? "Self-score" : "Phiếu tự chấm";
  for (const unit of profile.members) {
    const wb = new ExcelJS.Workbook();
    wb.creator = "THIDUA";
    renderSpecToWorksheet(wb, buildSelfScoreTemplate(profile, criteria, unit, opts), []);
    out.push({
      unit,
      fileName: safeFileName(`${prefix} ${profile.year} - ${unit}`) + ".xlsx",
      bytes: await toBytes(wb),
    });
  }
  return out;
}

/**
 * A returned form, parsed where it is (the pane's browser; nothing is uploaded) by the same reader as
 * the CLI (reader.ts). Never throws: a file that cannot be read comes back with `error`, so the other
 * files are still consolidated.
 */
export async function readReturnedWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  fileName: string,
  lang: Lang = "vi"
): Promise<ReturnedFile & { hidden: string[] }> {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const failed = (e: unknown): ReturnedFile & { hidden: string[] } => ({
    file: fileName,
    grids: [],
    error:
      e instanceof WorkbookReadError
        ? e.messageIn(lang)
        : READ_STRINGS.t(lang, "corrupt", { file: fileName }),
    hidden: [],
  });
  try {
    const read = await readWorkbookBytes(u8, fileName);
    return { file: fileName, grids: read.grids, hidden: read.hidden };
  } catch (e) {
    if (!(e instanceof WorkbookReadError && e.problem === "docx")) return failed(e);
  }
  // A form returned as a Word table is read like the CLI reads it.
  try {
    return { file: fileName, grids: await readDocxGrids(u8, fileName), hidden: [] };
  } catch (e) {
    return failed(e);
  }
}

// ---------------------------------------------------------------------------------------------
// The clean copy

export interface FrozenCell {
  /** Sheet-qualified address: 'Xếp hạng'!D5. */
  cell: string;
  formula: string;
  /** The cached result now written as a value; null when the file kept none (the cell is left empty). */
  value: string | null;
}

export interface CleanCopyResult {
  bytes: Uint8Array;
  frozen: FrozenCell[];
  /** THIDUA cells without a usable cached result (never calculated, or #NAME?): empty in the copy. */
  withoutValue: string[];
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : null;
}

/** Sheet XML part path → the sheet's name, from workbook.xml and its relationships. */
async function sheetNames(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wbXml = await zip.file("xl/workbook.xml")?.async("string");
  const relsXml = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!wbXml || !relsXml) return out;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = attr(m[0], "r:id");
    const target = rid ? targets.get(rid) : undefined;
    if (name && target) out.set(target.replace(/\/\.\//g, "/"), name);
  }
  return out;
}

function quote(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A copy to attach: every THIDUA.* formula replaced by its cached result, everything else (other
 * formulas, styles, the profile's custom XML part, hidden sheets) exactly as it was. Limits: a value
 * is only as fresh as the file's last calculation, and a THIDUA cell never calculated is left empty
 * (listed in `withoutValue`).
 */
export async function buildCleanCopy(bytes: ArrayBuffer | Uint8Array): Promise<CleanCopyResult> {
  const zip = await JSZip.loadAsync(bytes);
  const names = await sheetNames(zip);
  const frozen: FrozenCell[] = [];
  const withoutValue: string[] = [];
  for (const [part, sheet] of names) {
    const f = zip.file(part);
    if (!f) continue;
    const xml = await f.async("string");
    // Shared formulas: the master holds the text, followers only its index: both go when it is ours.
    const ourShared = new Set<string>();
    for (const m of xml.matchAll(/<f\b([^>]*)>([^<]*)<\/f>/g)) {
      const si = attr(m[1], "si");
      if (si !== null && attr(m[1], "t") === "shared" && thiduaFunctionIn(`=${decodeXml(m[2])}`))
        ourShared.add(si);
    }
    let changed = false;
    const out = xml.replace(
      /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g,
      (whole, attrs: string, _end: string, inner?: string) => {
        if (inner === undefined) return whole;
        const fm = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/.exec(inner);
        if (!fm) return whole;
        const text = fm[2] !== undefined ? decodeXml(fm[2]) : null;
        const si = attr(fm[1], "si");
        const ours =
          text !== null ? thiduaFunctionIn(`=${text}`) !== null : si !== null && ourShared.has(si);
        if (!ours) return whole;
        changed = true;
        const ref = attr(attrs, "r") ?? "";
        const cell = `${quote(sheet)}!${ref}`;
        const vm = /<v>([^<]*)<\/v>/.exec(inner);
        const type = attr(attrs, "t");
        const value = vm ? decodeXml(vm[1]) : null;
        frozen.push({
          cell,
          formula: text !== null ? `=${text}` : "",
          value: type === "e" ? null : value,
        });
        // cm="1" marks a dynamic array's anchor for Excel: a plain value must not carry it.
        const rest = attrs.replace(/\s*\bt="[^"]*"/, "").replace(/\s*\bcm="[^"]*"/, "");
        if (value === null || type === "e") {
          withoutValue.push(cell);
          return `<c${rest}/>`;
        }
        // "str" means "result of a formula": a value on its own is written as an inline string.
        if (type === "str")
          return `<c${rest} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
        const t = type ? ` t="${type}"` : "";
        return `<c${rest}${t}><v>${vm ? vm[1] : ""}</v></c>`;
      }
    );
    if (changed) zip.file(part, out);
  }
  if (frozen.length > 0 && zip.file("xl/calcChain.xml")) {
    // The calculation chain lists formula cells; one listing a cell that no longer has a formula
    // makes Excel "repair" the file. Excel rebuilds the chain when it is missing.
    zip.remove("xl/calcChain.xml");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
    if (rels)
      zip.file(
        "xl/_rels/workbook.xml.rels",
        rels.replace(/<Relationship\b[^>]*calcChain[^>]*\/>/g, "")
      );
    const types = await zip.file("[Content_Types].xml")?.async("string");
    if (types)
      zip.file("[Content_Types].xml", types.replace(/<Override\b[^>]*calcChain[^>]*\/>/g, ""));
  }
  const outBytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { bytes: outBytes, frozen, withoutValue };
}

/**
 * A new workbook from Grids (what Office.js lets the pane read when the file itself is not available):
 * values, formulas other than THIDUA's, bold/italic fonts and merges. The profile goes in as a custom
 * XML part. Limits: column widths, fills, borders, number formats, validation, charts and pictures are
 * not carried over: send the clean copy made from the file when the look matters.
 */
export async function workbookFromGrids(
  grids: Grid[],
  hidden: string[] = [],
  profileXml: string | null = null
): Promise<CleanCopyResult> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "THIDUA";
  const frozen: FrozenCell[] = [];
  const withoutValue: string[] = [];
  for (const g of grids) {
    const ws = wb.addWorksheet(g.sheetName);
    if (hidden.includes(g.sheetName)) ws.state = "hidden";
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const formula = g.formulas?.[r]?.[c] ?? null;
        const cell = ws.getCell(g.top + r + 1, g.left + c + 1);
        const addr = `${quote(g.sheetName)}!${columnLetter(g.left + c)}${g.top + r + 1}`;
        const isOurs = formula !== null && thiduaFunctionIn(formula) !== null;
        const plain: ExcelJS.CellValue =
          v === null || v === undefined
            ? null
            : typeof v === "object"
              ? ({ error: v.error } as ExcelJS.CellErrorValue)
              : v;
        if (isOurs) {
          const usable = v !== null && v !== undefined && typeof v !== "object";
          frozen.push({ cell: addr, formula, value: usable ? String(v) : null });
          if (!usable) withoutValue.push(addr);
          else cell.value = plain;
        } else if (formula !== null && formula.startsWith("=")) {
          cell.value = {
            formula: formula.slice(1),
            ...(plain !== null ? { result: plain } : {}),
          } as ExcelJS.CellFormulaValue;
        } else if (plain !== null) cell.value = plain;
        const font = g.formats?.[r]?.[c]?.font;
        if (font && (font.bold || font.italic || font.name))
          cell.font = { name: font.name, bold: font.bold, italic: font.italic };
      })
    );
    for (const m of g.merges ?? [])
      ws.mergeCells(
        g.top + m.top + 1,
        g.left + m.left + 1,
        g.top + m.bottom + 1,
        g.left + m.right + 1
      );
  }
  if (wb.worksheets.length === 0) wb.addWorksheet("Sheet1");
  let bytes = await toBytes(wb);
  if (profileXml !== null) bytes = await addCustomXmlPart(bytes, profileXml);
  return { bytes, frozen, withoutValue };
}

/** Adds a custom XML part (the profile) to a package: ExcelJS cannot write one. */
export async function addCustomXmlPart(bytes: Uint8Array, xml: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let n = 1;
  while (zip.file(`customXml/item${n}.xml`)) n++;
  zip.file(`customXml/item${n}.xml`, xml);
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = (await zip.file(relsPath)?.async("string")) ?? "";
  const id = `rIdThidua${n}`;
  zip.file(
    relsPath,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item${n}.xml"/></Relationships>`
    )
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Custom XML parts of a package (to check the profile travelled). */
export async function readCustomXmlParts(bytes: ArrayBuffer | Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (const name of Object.keys(zip.files).sort())
    if (/^customXml\/item\d+\.xml$/.test(name)) out.push(await zip.file(name)!.async("string"));
  return out;
}
