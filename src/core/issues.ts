/** The issue codes of DOMAIN.md §6: a stable public contract, never renamed. */
export const ISSUE_CODES = [
  "score-above-max",
  "score-negative",
  "score-missing",
  "not-a-number",
  "text-number",
  "ambiguous-number",
  "cell-error",
  "max-sum-mismatch",
  "subtotal-mismatch",
  "bonus-capped",
  "deduction-sign",
  "review-missing",
  "duplicate-unit",
  "legacy-encoding",
  "tie-at-top",
  "not-eligible",
  "form-missing",
  "form-refused",
  "alternatives-conflict",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export type Severity = "error" | "warning" | "info";

export const ISSUE_SEVERITY: Record<IssueCode, Severity> = {
  "score-above-max": "error",
  "score-negative": "error",
  "score-missing": "warning",
  "not-a-number": "error",
  "text-number": "warning",
  "ambiguous-number": "error",
  "cell-error": "error",
  "max-sum-mismatch": "error",
  "subtotal-mismatch": "warning",
  "bonus-capped": "info",
  "deduction-sign": "info",
  "review-missing": "warning",
  "duplicate-unit": "error",
  "legacy-encoding": "warning",
  "tie-at-top": "warning",
  "not-eligible": "info",
  "form-missing": "warning",
  "form-refused": "warning",
  "alternatives-conflict": "error",
};

/** A safe fix: write `value` into `cell` (only ever the cell named). */
export interface IssueFix {
  cell: string;
  value: number | string;
}

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** Sheet-qualified A1 address ("'Bảng điểm'!D12"), or null for a unit-level issue. */
  cell: string | null;
  unit: string | null;
  criterion: string | null;
  /** In the requested language (Vietnamese by default). */
  message: string;
  /** Present when a safe fix exists (text-number, legacy-encoding). */
  fix?: IssueFix;
  /** The file it came from, when several were consolidated. */
  file?: string;
  /** legacy-encoding only: the encoding converted from ("TCVN3", "VNI"), so a list can group them. */
  encoding?: string;
}
