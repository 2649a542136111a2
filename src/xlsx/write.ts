/**
 * Writing .xlsx files: a copy of the user's workbook with our sheets added (the input is never
 * modified), or a new workbook (templates, the covenant sheet).
 */
import ExcelJS from "exceljs";
import { readFile } from "fs/promises";
import type { SheetSpec } from "../sheets/spec";
import { kindOfTag, sheetOfReference, tagName } from "../sheets/tags";
import JSZip from "jszip";
import * as path from "path";
import { DEFAULT_READ_LIMITS, guardPackage, PackageProblem, type GuardedPackage } from "./guard";
import { addCustomXmlPart, readCustomXmlParts } from "./email";
import { packageError } from "./reader";
import { renderSpecToWorksheet } from "./render";

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

interface DefinedName {
  name: string;
  ranges: string[];
}

const LEGACY_TAG = /^_thidua_[a-z]+_\d+$/;

function tagSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, tag: string): void {
  wb.definedNames.add(`'${ws.name.replace(/'/g, "''")}'!$A$1`, tag);
}

/**
 * Removes the sheets an earlier run made for these specs, and their tags (src/sheets/tags.ts): the
 * sheet tagged for the same kind and wanted name, as the Excel adapter reuses it; files written before
 * the shared contract carry a numbered tag per kind, replaced by kind.
 */
const MAX_SHEET_NAME = 31;

/** "Xếp hạng", "Xếp hạng (2)"… (cut to Excel's 31 characters): the names our sheets get. */
function namedAsOurs(sheet: string, specs: SheetSpec[]): boolean {
  const base = sheet
    .replace(/ \(\d+\)$/, "")
    .trim()
    .toLowerCase();
  return specs.some((s) => {
    const wanted = s.name.trim().toLowerCase();
    // A long wanted name was cut to fit 31 characters with its " (n)".
    const cut = wanted.length > MAX_SHEET_NAME - 5 && base.length >= MAX_SHEET_NAME - 6;
    return base === wanted || (cut && wanted.startsWith(base));
  });
}

function removeOurSheets(wb: ExcelJS.Workbook, specs: SheetSpec[]): void {
  const model = (wb.definedNames.model ?? []) as DefinedName[];
  const wanted = new Set(specs.map((s) => tagName(s.kind, s.name).toLowerCase()));
  const kinds = new Set<string>(specs.map((s) => s.kind));
  const doomed = new Set<string>();
  for (const n of model) {
    const kind = kindOfTag(n.name);
    if (!kind) continue;
    const same = wanted.has(n.name.toLowerCase()) || (LEGACY_TAG.test(n.name) && kinds.has(kind));
    if (!same) continue;
    for (const r of n.ranges) {
      const sheet = sheetOfReference(r);
      // A tag can be stray (copied with a sheet, typed by hand): only a sheet bearing the name we
      // would give it is replaced, so a user's sheet is never dropped from the copy on a tag's word.
      if (sheet !== null && namedAsOurs(sheet, specs)) doomed.add(sheet);
    }
  }
  if (doomed.size === 0) return;
  for (const ws of wb.worksheets.slice()) if (doomed.has(ws.name)) wb.removeWorksheet(ws.id);
  wb.definedNames.model = model.filter(
    (n) => !n.ranges.some((r) => doomed.has(sheetOfReference(r) ?? ""))
  );
}

/**
 * The user's workbook (a path or its bytes) with `specs` added as new sheets after theirs. Their
 * sheets are loaded and saved by ExcelJS untouched: values, formulas and cached results come out as
 * they went in. A sheet of theirs with our wanted name keeps it; ours becomes "Xếp hạng (2)". Sheets
 * we wrote in an earlier run (tagged) are replaced, never piled up.
 */
export async function writeRankedCopy(input: string | Buffer, specs: SheetSpec[]): Promise<Buffer> {
  const original = typeof input === "string" ? await readFile(input) : input;
  // The reader's package guard, every part kept: a select-all merge or a sheet name ExcelJS refuses
  // would otherwise crash or truncate the copy (the merge past the values is left out of the copy).
  const name = typeof input === "string" ? path.basename(input) : "workbook.xlsx";
  let guarded: GuardedPackage;
  try {
    guarded = await guardPackage(new Uint8Array(original), DEFAULT_READ_LIMITS, { keepAll: true });
  } catch (e) {
    if (e instanceof PackageProblem) throw packageError(e, name);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(guarded.bytes.slice().buffer as ArrayBuffer);
  removeOurSheets(wb, specs);
  addTagged(wb, specs);
  // Open on our first sheet: the ranking is what the recipient came for.
  const first = wb.worksheets.length - specs.length;
  if (specs.length > 0 && first >= 0) {
    wb.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: 0,
        activeTab: first,
        visibility: "visible",
      },
    ];
  }
  let out = await toBuffer(wb);
  if (guarded.renamed.size > 0) out = await restoreSheetNames(out, guarded.renamed);
  // ExcelJS drops custom XML parts, among them the cluster profile: the copy carries them again.
  for (const xml of await readCustomXmlParts(guarded.bytes))
    out = Buffer.from(await addCustomXmlPart(out, xml));
  return out;
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** The user's own sheet names back in the copy, where they were loaded under a stand-in name. */
async function restoreSheetNames(bytes: Buffer, renamed: Map<string, string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file("xl/workbook.xml");
  if (!part) return bytes;
  let xml = await part.async("string");
  for (const [alias, name] of renamed) {
    const quoted = `'${name.replace(/'/g, "''")}'`;
    xml = xml
      .split(`name="${alias}"`)
      .join(`name="${escapeXml(name)}"`)
      .split(`'${alias}'!`)
      .join(`${escapeXml(quoted)}!`)
      .split(`${alias}!`)
      .join(`${escapeXml(quoted)}!`);
  }
  zip.file("xl/workbook.xml", xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function addTagged(wb: ExcelJS.Workbook, specs: SheetSpec[]): void {
  const taken = new Set(
    ((wb.definedNames.model ?? []) as DefinedName[]).map((n) => n.name.toLowerCase())
  );
  for (const spec of specs) {
    const ws = renderSpecToWorksheet(wb, spec, []);
    // Two specs with one wanted name (two forms of one unit) still get a tag each.
    let tag = tagName(spec.kind, spec.name);
    for (let n = 2; taken.has(tag.toLowerCase()); n++)
      tag = tagName(spec.kind, `${spec.name} (${n})`);
    tagSheet(wb, ws, tag);
    taken.add(tag.toLowerCase());
  }
}

/** A new workbook holding `specs` in order. */
export async function writeWorkbook(specs: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "THIDUA";
  addTagged(wb, specs);
  return toBuffer(wb);
}
