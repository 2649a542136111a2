/**
 * Writing .xlsx files: a copy of the user's workbook with our sheets added (the input is never
 * modified), or a new workbook (templates, the covenant sheet).
 */
import ExcelJS from "exceljs";
import { readFile } from "fs/promises";
import type { SheetSpec } from "../sheets/spec";
import { renderSpecToWorksheet } from "./render";

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/**
 * Our sheets carry a workbook-level defined name "_thidua_<kind>_<n>" pointing at their A1: the tag
 * survives email and any spreadsheet program, so a later run can tell our sheets from the user's.
 */
const TAG = /^_thidua_([a-z]+)_\d+$/;

function tagSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, kind: string, n: number): void {
  wb.definedNames.add(`'${ws.name.replace(/'/g, "''")}'!$A$1`, `_thidua_${kind}_${n}`);
}

/** Removes the sheets we wrote earlier of the given kinds, and their tags. */
function removeOurSheets(wb: ExcelJS.Workbook, kinds: Set<string>): void {
  const model = wb.definedNames.model as { name: string; ranges: string[] }[];
  const sheetOf = (range: string): string =>
    range.slice(0, range.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'");
  const doomed = new Set<string>();
  for (const n of model) {
    const m = TAG.exec(n.name);
    if (m && kinds.has(m[1])) for (const r of n.ranges) doomed.add(sheetOf(r));
  }
  if (doomed.size === 0) return;
  for (const ws of wb.worksheets.slice()) if (doomed.has(ws.name)) wb.removeWorksheet(ws.id);
  wb.definedNames.model = model.filter((n) => !n.ranges.some((r) => doomed.has(sheetOf(r))));
}

/**
 * The user's workbook (a path or its bytes) with `specs` added as new sheets after theirs. Their
 * sheets are loaded and saved by ExcelJS untouched: values, formulas and cached results come out as
 * they went in. A sheet of theirs with our wanted name keeps it; ours becomes "Xếp hạng (2)". Sheets
 * we wrote in an earlier run (tagged) are replaced, never piled up.
 */
export async function writeRankedCopy(input: string | Buffer, specs: SheetSpec[]): Promise<Buffer> {
  const bytes = typeof input === "string" ? await readFile(input) : input;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  removeOurSheets(wb, new Set(specs.map((s) => s.kind)));
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
  return toBuffer(wb);
}

function addTagged(wb: ExcelJS.Workbook, specs: SheetSpec[]): void {
  const taken = new Set((wb.definedNames.model as { name: string }[]).map((n) => n.name));
  let n = 1;
  for (const spec of specs) {
    const ws = renderSpecToWorksheet(wb, spec, []);
    while (taken.has(`_thidua_${spec.kind}_${n}`)) n++;
    tagSheet(wb, ws, spec.kind, n);
    taken.add(`_thidua_${spec.kind}_${n}`);
  }
}

/** A new workbook holding `specs` in order. */
export async function writeWorkbook(specs: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "THIDUA";
  addTagged(wb, specs);
  return toBuffer(wb);
}
