/**
 * "Kiểm tra trước khi gửi": what goes wrong when a workbook is emailed to someone without the add-in or
 * without the head's other files. A THIDUA.* formula shows #NAME? on the recipient's machine, a link
 * to another workbook shows stale numbers or #REF!, an error cell is an error for everybody, and a
 * hidden sheet travels along unseen. The Grid has no visibility, so it comes alongside.
 */
import { cellAddress, isCellError, type Grid } from "./grid";
import { defineStrings, type Lang } from "./i18n";
import type { Severity } from "./issues";
import { RETURNS_STRINGS } from "./returns-strings";

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetVisibilityInfo {
  name: string;
  visibility: SheetVisibility;
}

export type PresendCode =
  | "thidua-formula"
  | "external-link"
  | "error-cell"
  | "hidden-sheet"
  | "score-errors"
  | "ranking-provisional";

export const PRESEND_SEVERITY: Record<PresendCode, Severity> = {
  "thidua-formula": "error",
  "external-link": "warning",
  "error-cell": "error",
  "hidden-sheet": "info",
  "score-errors": "error",
  "ranking-provisional": "warning",
};

const PRESEND_STRINGS = defineStrings(
  "core-presend",
  {
    scoreErrors:
      "Bảng điểm còn {count} lỗi chưa xử lý ({cells}), nên kết quả xếp hạng chỉ là Tạm tính: hãy sửa rồi xếp hạng lại trước khi gửi.",
    provisionalSheet:
      "Trang “{sheet}” đang ghi TẠM TÍNH: đừng gửi như kết quả chính thức; hãy xử lý các lỗi rồi xếp hạng lại.",
    provisional:
      "Kết quả xếp hạng còn là Tạm tính (có đơn vị chưa chấm đủ hoặc chưa gửi phiếu): hãy hoàn tất rồi xếp hạng lại trước khi gửi.",
    more: "và {count} ô khác",
  },
  {
    scoreErrors:
      "The score table still has {count} unresolved errors ({cells}), so the ranking is only provisional: fix them and rank again before sending.",
    provisionalSheet:
      "The sheet “{sheet}” says PROVISIONAL: do not send it as the final result; resolve the errors and rank again.",
    provisional:
      "The ranking is still provisional (a unit has not scored every criterion or sent its form): complete it and rank again before sending.",
    more: "and {count} more cells",
  }
);

/** Where the ranking stands, from the score table's reading (the caller has it; core does not read). */
export interface RankingState {
  /** The score table's unresolved errors (severity error), with their cells. */
  errors: { cell: string | null }[];
  /** The engine says Tạm tính: errors, a unit not fully scored, a missing or refused form. */
  provisional: boolean;
  /** Ranking sheets of ours that say Tạm tính on the sheet itself. */
  provisionalSheets: string[];
}

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
  /** Unknown when the workbook has no score table we can read: nothing is said about it then. */
  ranking?: RankingState;
}

/** A results file with open errors or a Tạm tính ranking is not ready to send as final. */
function rankingFindings(state: RankingState, lang: Lang): PresendFinding[] {
  const t = PRESEND_STRINGS.t.bind(PRESEND_STRINGS);
  const out: PresendFinding[] = [];
  if (state.errors.length > 0) {
    const cells = state.errors.map((e) => e.cell).filter((c): c is string => c !== null);
    const shown = cells.slice(0, 5).join(", ");
    const rest = cells.length > 5 ? ` ${t(lang, "more", { count: cells.length - 5 })}` : "";
    out.push({
      code: "score-errors",
      severity: PRESEND_SEVERITY["score-errors"],
      sheet: "",
      cell: cells[0] ?? null,
      message: t(lang, "scoreErrors", { count: state.errors.length, cells: shown + rest }),
    });
  }
  for (const sheet of state.provisionalSheets)
    out.push({
      code: "ranking-provisional",
      severity: PRESEND_SEVERITY["ranking-provisional"],
      sheet,
      cell: null,
      message: t(lang, "provisionalSheet", { sheet }),
    });
  if (state.provisional && out.length === 0)
    out.push({
      code: "ranking-provisional",
      severity: PRESEND_SEVERITY["ranking-provisional"],
      sheet: "",
      cell: null,
      message: t(lang, "provisional"),
    });
  return out;
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
  const out: PresendFinding[] = options.ranking ? rankingFindings(options.ranking, lang) : [];
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
