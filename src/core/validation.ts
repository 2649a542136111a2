/**
 * Validation (DOMAIN §6): every issue carries its code, severity, the sheet-qualified cell, the unit and
 * criterion, a message in the requested language and a safe fix where one exists. Issues are collected
 * and returned together (STYLE.md 4), never thrown.
 */
import { columnLetter, quoteSheetName, type Grid } from "./grid";
import type { Lang, Params } from "./i18n";
import { ISSUE_SEVERITY, type Issue, type IssueCode, type IssueFix } from "./issues";
import { CORE_STRINGS } from "./strings";
import { nameKey } from "./text";
import type { Pos } from "./table";
import type { SheetView } from "./layout/view";

/** "'Bảng điểm'!D12" for sheet coordinates. */
export function sheetAddress(sheet: string, at: Pos): string {
  return `${quoteSheetName(sheet)}!${columnLetter(at[1])}${at[0] + 1}`;
}

export interface IssueInput {
  cell?: string | null;
  unit?: string | null;
  criterion?: string | null;
  params?: Params;
  fix?: IssueFix;
  file?: string;
  /** Message key when it differs from "issue.<code>" (a max cell with an error, a typed total). */
  key?: Parameters<typeof CORE_STRINGS.t>[1];
}

export function makeIssue(code: IssueCode, lang: Lang, inp: IssueInput): Issue {
  const key = inp.key ?? (`issue.${code}` as Parameters<typeof CORE_STRINGS.t>[1]);
  // Built without object spread: thousands of issues per ranking, and spread copies are slow.
  const params: Params = { unit: inp.unit ?? "", criterion: inp.criterion ?? "" };
  const extra = inp.params;
  if (extra) for (const k in extra) params[k] = extra[k];
  // The cell is named: a 400-digit paste needs only its start to be recognised in a message.
  const text = params.text;
  if (typeof text === "string" && text.length > 48 && code !== "legacy-encoding")
    params.text = `${text.slice(0, 40)}…`;
  const issue: Issue = {
    code,
    severity: ISSUE_SEVERITY[code],
    cell: inp.cell ?? null,
    unit: inp.unit ?? null,
    criterion: inp.criterion ?? null,
    message: CORE_STRINGS.t(lang, key, params),
  };
  if (inp.fix) issue.fix = inp.fix;
  if (inp.file) issue.file = inp.file;
  return issue;
}

/** N4: one legacy-encoding issue per converted cell, fixable by writing the Unicode text into it. */
export function legacyIssues(
  view: SheetView,
  lang: Lang,
  file?: string,
  address?: (row: number, col: number) => string
): Issue[] {
  return view.legacy.map((h): Issue => {
    const cell = address
      ? address(h.row, h.col)
      : sheetAddress(view.grid.sheetName, [h.row, h.col]);
    const encoding = h.encoding.toUpperCase();
    return {
      ...makeIssue("legacy-encoding", lang, {
        cell,
        params: { encoding, text: h.raw, unicode: h.text },
        fix: { cell, value: h.text },
        file,
      }),
      encoding,
    };
  });
}

/**
 * N3: units equal after NFC, trimming and collapsing spaces are the same unit: `duplicate-unit`. The
 * comparison is nameKey's, so case ("SỞ TƯ PHÁP") and the two tone placements in use ("Khánh Hoà" /
 * "Khánh Hòa") do not make two units of one.
 */
export function duplicateUnitIssues(
  units: { name: string; cell: string | null; file?: string }[],
  lang: Lang
): Issue[] {
  const seen = new Map<string, { name: string; cell: string | null; file?: string }>();
  const out: Issue[] = [];
  for (const u of units) {
    const k = nameKey(u.name);
    const prev = seen.get(k);
    if (prev) {
      const where = [prev.file ?? prev.cell ?? "", u.file ?? u.cell ?? ""]
        .filter((s) => s !== "")
        .join(", ");
      out.push(
        makeIssue("duplicate-unit", lang, {
          cell: u.cell,
          unit: u.name,
          params: { where },
          file: u.file,
        })
      );
    } else seen.set(k, u);
  }
  return out;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then by sheet position, so the list reads top to bottom like the sheet. */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues
    .map((x, i) => ({ x, i }))
    .sort((a, b) => SEVERITY_ORDER[a.x.severity] - SEVERITY_ORDER[b.x.severity] || a.i - b.i)
    .map((e) => e.x);
}

export function gridLabel(g: Grid): string {
  return g.file ? `${g.file.replace(/^.*[\\/]/, "")} › ${g.sheetName}` : g.sheetName;
}
