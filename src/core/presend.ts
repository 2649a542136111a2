/**
 * "Kiểm tra trước khi gửi": what goes wrong when a workbook is emailed to someone without the add-in or
 * without the head's other files. A THIDUA.* formula shows #NAME? on the recipient's machine, a link
 * to another workbook shows stale numbers or #REF!, an error cell is an error for everybody, and a
 * hidden sheet travels along unseen. The Grid has no visibility, so it comes alongside.
 */
import { cellAddress, isCellError, type Grid } from "./grid";
import type { Lang } from "./i18n";
import type { Severity } from "./issues";
import { RETURNS_STRINGS } from "./returns-strings";

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetVisibilityInfo {
  name: string;
  visibility: SheetVisibility;
}

export type PresendCode = "thidua-formula" | "external-link" | "error-cell" | "hidden-sheet";

export const PRESEND_SEVERITY: Record<PresendCode, Severity> = {
  "thidua-formula": "error",
  "external-link": "warning",
  "error-cell": "error",
  "hidden-sheet": "info",
};

export interface PresendFinding {
  code: PresendCode;
  severity: Severity;
  sheet: string;
  /** Sheet-qualified A1 address, null for a sheet-level finding. */
  cell: string | null;
  /** The formula concerned, as written (en-US). */
  formula?: string;
  message: string;
}

export interface PresendOptions {
  lang?: Lang;
}

// Excel shows an add-in function as THIDUA.TOTAL; a file saved where the add-in was not loaded can
// carry it as _xldudf_THIDUA_TOTAL (office-js issue 5611), and the recipient sees #NAME? either way.
const THIDUA_CALL = /(?:\bTHIDUA\.([A-Z][A-Z0-9_.]*)|\b_xldudf_THIDUA[._]([A-Z0-9_.]+))\s*\(/i;
// [Book.xlsx]Sheet!A1, '[Book.xlsx]Sheet 1'!A1, 'C:\dir\[Book.xlsx]Sheet'!A1, or [1]Sheet!A1 as
// ExcelJS keeps a link. Structured references (Bảng1[Điểm]) have no "!" after the bracket.
const EXTERNAL = /\[([^\]]+)\][^!"[\](),;+\-*/=<>&^]*'?!/;
const STRING_LITERAL = /"(?:[^"]|"")*"/g;

/** The THIDUA function a formula calls ("THIDUA.TOTAL"), or null. */
export function thiduaFunctionIn(formula: string): string | null {
  const m = THIDUA_CALL.exec(formula.replace(STRING_LITERAL, '""'));
  if (!m) return null;
  return `THIDUA.${(m[1] ?? m[2].replace(/_/g, ".")).toUpperCase()}`;
}

/** The other workbook a formula reads from ("Book.xlsx", or "[1]" for a link ExcelJS numbered), or null. */
export function externalWorkbookIn(formula: string): string | null {
  const m = EXTERNAL.exec(formula.replace(STRING_LITERAL, '""'));
  if (!m) return null;
  return /^\d+$/.test(m[1]) ? `[${m[1]}]` : m[1];
}

export function checkBeforeSending(
  grids: Grid[],
  sheetsInfo: SheetVisibilityInfo[],
  options: PresendOptions = {}
): PresendFinding[] {
  const lang = options.lang ?? "vi";
  const t = RETURNS_STRINGS.t.bind(RETURNS_STRINGS);
  const out: PresendFinding[] = [];
  for (const s of sheetsInfo) {
    if (s.visibility === "Visible") continue;
    out.push({
      code: "hidden-sheet",
      severity: PRESEND_SEVERITY["hidden-sheet"],
      sheet: s.name,
      cell: null,
      message: t(lang, "presend.hidden-sheet", { sheet: s.name }),
    });
  }
  for (const g of grids) {
    for (let r = 0; r < g.values.length; r++) {
      const vr = g.values[r];
      const fr = g.formulas?.[r];
      for (let c = 0; c < vr.length; c++) {
        const f = fr?.[c] ?? null;
        const cell = cellAddress(g, r, c);
        const v = vr[c];
        let fn: string | null = null;
        if (f !== null && f.startsWith("=")) {
          fn = thiduaFunctionIn(f);
          if (fn !== null)
            out.push({
              code: "thidua-formula",
              severity: PRESEND_SEVERITY["thidua-formula"],
              sheet: g.sheetName,
              cell,
              formula: f,
              message: t(lang, "presend.thidua-formula", { cell, name: fn }),
            });
          const book = externalWorkbookIn(f);
          if (book !== null)
            out.push({
              code: "external-link",
              severity: PRESEND_SEVERITY["external-link"],
              sheet: g.sheetName,
              cell,
              formula: f,
              message: t(lang, "presend.external-link", { cell, book }),
            });
        }
        // A THIDUA cell shows #NAME? wherever the add-in is not loaded: reported once, as a formula.
        if (isCellError(v) && fn === null)
          out.push({
            code: "error-cell",
            severity: PRESEND_SEVERITY["error-cell"],
            sheet: g.sheetName,
            cell,
            ...(f !== null ? { formula: f } : {}),
            message: t(lang, "presend.error-cell", { cell, error: v.error }),
          });
      }
    }
  }
  return out;
}
