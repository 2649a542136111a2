/**
 * Test helper: a sample .xlsx loaded with ExcelJS into a HyperFormula sheet, formulas kept as formulas
 * (HyperFormula recomputes the SUM subtotals), so THIDUA.* formulas typed into free cells see what
 * Excel would hand the add-in.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { ConfigParams, HyperFormula } from "hyperformula";
import { registerThiduaFunctions } from "../../src/functions/hyperformula";
import { SAMPLES } from "../paths";

export { SAMPLES };

export function samplePath(name: string, file = "input.xlsx"): string {
  return path.join(SAMPLES, name, file);
}

function cellContent(v: ExcelJS.CellValue): any {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  const o = v as any;
  if (typeof o.formula === "string") return `=${o.formula}`;
  if (typeof o.sharedFormula === "string") return o.result ?? null;
  if (Array.isArray(o.richText)) return o.richText.map((r: any) => r.text).join("");
  if (typeof o.error === "string") return o.error;
  if (typeof o.text === "string") return o.text;
  return null;
}

export interface LoadedSheet {
  hf: HyperFormula;
  sheet: number;
  name: string;
  /** Raw rows as loaded (formulas as "=…"), 0-based, for direct calls. */
  rows: any[][];
}

/**
 * `config` as HyperFormula takes it: e.g. a Vietnamese workbook's "," decimal separator (with ";"
 * between arguments, as Excel then requires).
 */
export async function loadSample(
  name: string,
  config: Partial<ConfigParams> = {}
): Promise<LoadedSheet> {
  registerThiduaFunctions(HyperFormula);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(samplePath(name));
  const ws = wb.worksheets[0];
  const rows: any[][] = [];
  const width = Math.max(ws.columnCount, 1);
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: any[] = [];
    for (let c = 1; c <= width; c++) row.push(cellContent(ws.getCell(r, c).value));
    rows.push(row);
  }
  // Room for spills: 60 free rows and columns beyond the sheet's content.
  const padded = rows.map((r) => r.concat(new Array(60).fill(null)));
  for (let i = 0; i < 120; i++) padded.push(new Array(width + 60).fill(null));
  const hf = HyperFormula.buildFromSheets(
    { [ws.name]: padded },
    {
      licenseKey: "gpl-v3",
      ...config,
    }
  );
  return { hf, sheet: hf.getSheetId(ws.name)!, name: ws.name, rows };
}

/** Put a formula in `a1` and read back the spilled values (rows × cols from the top-left). */
export function evaluate(
  s: LoadedSheet,
  a1: string,
  formula: string,
  rows: number,
  cols: number
): any[][] {
  const addr = s.hf.simpleCellAddressFromString(a1, s.sheet)!;
  s.hf.setCellContents(addr, formula);
  const out: any[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: any[] = [];
    for (let c = 0; c < cols; c++)
      row.push(s.hf.getCellValue({ sheet: s.sheet, row: addr.row + r, col: addr.col + c }));
    out.push(row);
  }
  return out;
}

/** Values HyperFormula computed for a block (what the user's own cells hold), as Excel passes them. */
export function block(s: LoadedSheet, range: string): any[][] {
  const r = s.hf.simpleCellRangeFromString(range, s.sheet)!;
  return s.hf
    .getRangeValues(r)
    .map((row) =>
      row.map((v: any) =>
        v === null ? "" : typeof v === "object" && v && "type" in v ? { code: `#${v.type}` } : v
      )
    );
}
