/**
 * The truth the email loop tells (DOMAIN.md §8): each returned form checked on arrival, before
 * anything is written; and, once ranked, every member without a form (form-missing) and every form
 * refused (form-refused) named in the issues, which makes the ranking provisional. The CLI ranking the
 * returned files and the pane ranking the summary sheet both end here, so they say the same thing.
 */
import type { Grid } from "./grid";
import type { Lang } from "./i18n";
import type { Issue, IssueCode, Severity } from "./issues";
import { ISSUE_SEVERITY } from "./issues";
import type { ClusterProfile } from "./profile";
import type { RankingReport } from "./report";
import { analyzeWorkbook } from "./analyze";
import { foldKey, normalizeText } from "./text/normalize";
import { readSummaryReceipt, type SummaryReceipt } from "./returns-read";
import { RETURNS_STRINGS } from "./returns-strings";

/** What the check of one returned form found before anything is written (R3, R4, N1, N2, criteria). */
export interface FormCheck {
  code: string;
  severity: Severity;
  /** Sheet-qualified address in the returned file. */
  cell: string | null;
  criterion: string | null;
  message: string;
}

/** The engine's findings a unit can correct in its own form: R3, R4, R12, N1, N2. */
const FORM_ISSUE_CODES: ReadonlySet<string> = new Set([
  "score-above-max",
  "score-negative",
  "score-missing",
  "not-a-number",
  "text-number",
  "ambiguous-number",
  "cell-error",
  "alternatives-conflict",
]);

/** Consolidation problems that concern what one form holds (changed criteria, values not saved). */
export const FORM_PROBLEM_CODES: ReadonlySet<string> = new Set([
  "criteria-label",
  "criteria-max",
  "criteria-missing",
  "criteria-extra",
  "value-unknown",
]);

/**
 * One form as the engine reads it on its own: complete or not, and its score issues with their cells,
 * so the receipt shows them before the summary is written (not only after the Check step).
 */
export function checkForm(
  grid: Grid,
  profile: ClusterProfile,
  lang: Lang
): { complete: boolean; checks: FormCheck[] } {
  // The head's saved mappings describe the head's sheets; a form's sheet may share a name with one.
  const res = analyzeWorkbook([grid], { profile: { ...profile, mappings: {} }, lang });
  if (!res.ok) return { complete: false, checks: [] };
  return {
    complete: res.report.units.every((u) => u.complete),
    checks: res.report.issues
      .filter((i) => FORM_ISSUE_CODES.has(i.code))
      .map((i) => ({
        code: i.code,
        severity: i.severity,
        cell: i.cell,
        criterion: i.criterion,
        message: i.message,
      })),
  };
}

function issue(code: IssueCode, unit: string, message: string): Issue {
  return { code, severity: ISSUE_SEVERITY[code], cell: null, unit, criterion: null, message };
}

/** form-missing per member without a form, form-refused per refused form (DOMAIN.md §6). */
export function returnsIssues(receipt: SummaryReceipt, lang: Lang): Issue[] {
  return [
    ...receipt.missing.map((unit) =>
      issue("form-missing", unit, RETURNS_STRINGS.t(lang, "issue.form-missing", { unit }))
    ),
    ...receipt.refused.map((r) =>
      issue(
        "form-refused",
        r.unit,
        RETURNS_STRINGS.t(lang, "issue.form-refused", { unit: r.unit, reason: r.reason })
      )
    ),
  ];
}

/**
 * The ranking with the email loop's truth: form-missing and form-refused in its issues, provisional
 * when either exists, and the receipt kept so the ranking sheet can name them.
 */
export function withReturns(
  report: RankingReport,
  receipt: SummaryReceipt,
  lang: Lang
): RankingReport {
  const extra = returnsIssues(receipt, lang);
  if (extra.length === 0 && receipt.accepted.length === 0) return report;
  return {
    ...report,
    issues: [...report.issues, ...extra],
    provisional: report.provisional || extra.length > 0,
    returns: receipt,
  };
}

/**
 * The receipt for a ranking of our summary sheet: what the sheet's receipt block says, and every
 * member of the settings that has no column there (a member added since the last import, or a
 * summary without the block) as missing. A unit ranked after all (the head typed its scores in) is
 * neither missing nor refused any more.
 */
export function summaryReceipt(
  grid: Grid,
  profile: ClusterProfile,
  ranked: readonly string[]
): SummaryReceipt {
  const block = readSummaryReceipt(grid) ?? { missing: [], refused: [], accepted: [] };
  const have = new Set(ranked.map(foldKey));
  const refused = block.refused.filter((r) => !have.has(foldKey(r.unit)));
  const told = new Set([...block.missing, ...refused.map((r) => r.unit)].map(foldKey));
  const missing = block.missing.filter((m) => !have.has(foldKey(m)));
  for (const m of profile.members.map(normalizeText)) {
    const k = foldKey(m);
    if (m !== "" && !have.has(k) && !told.has(k)) {
      missing.push(m);
      told.add(k);
    }
  }
  return { missing, refused, accepted: block.accepted.filter((a) => have.has(foldKey(a.unit))) };
}
