/**
 * Data validation as Excel enforces it when a user types into a cell: numbers checked against the
 * rule's bounds (a bound may be a constant or a cell reference relative to the rule's first cell, as
 * the forms THIDUA writes use), lists against their items. What cannot be judged here (formulas,
 * custom rules) is let through rather than refused wrongly.
 */
import { columnIndex } from "../core/grid";
import type { Scalar, SheetModel, WorkbookModel } from "../simulator";
import type { ValidationModel } from "../simulator/model";

export interface Refusal {
  /** Excel's alert style: Stop refuses; Warning and Information ask whether to keep the entry. */
  style: "Stop" | "Warning" | "Information";
  title: string;
  /** The rule's own message, or "" for Excel's standard one. */
  message: string;
}

/** A bound's value for the cell at (row, col): "=C6" moves with the cell, "=$C$6" does not. */
function bound(
  model: WorkbookModel,
  sheet: SheetModel,
  v: ValidationModel,
  row: number,
  col: number,
  f: unknown
): number | null {
  if (typeof f === "number") return f;
  if (typeof f !== "string") return null;
  const s = f.trim().replace(/^=/, "");
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return Number(s);
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(s);
  if (!m) return null;
  const r = Number(m[4]) - 1 + (m[3] ? 0 : row - v.range.top);
  const c = columnIndex(m[2].toUpperCase()) + (m[1] ? 0 : col - v.range.left);
  const x = model.result(sheet, r, c);
  return typeof x === "number" ? x : null;
}

function between(n: number, op: string, a: number | null, b: number | null): boolean {
  const o = op.toLowerCase();
  if (a === null) return true;
  switch (o) {
    case "between":
      return b === null || (n >= a && n <= b);
    case "notbetween":
      return b === null || n < a || n > b;
    case "equalto":
    case "equal":
      return n === a;
    case "notequalto":
    case "notequal":
      return n !== a;
    case "greaterthan":
      return n > a;
    case "lessthan":
      return n < a;
    case "greaterthanorequalto":
    case "greaterthanorequal":
      return n >= a;
    case "lessthanorequalto":
    case "lessthanorequal":
      return n <= a;
    default:
      return true;
  }
}

/** Why Excel would refuse `value` typed into the cell, or null when it takes it. */
export function refusal(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  value: Scalar
): Refusal | null {
  const v = sheet.validations.find(
    (x) =>
      row >= x.range.top && row <= x.range.bottom && col >= x.range.left && col <= x.range.right
  );
  if (!v || value === null || value === "") return null;
  const [type, raw] = Object.entries(v.rule)[0] ?? [];
  const rule = (raw ?? {}) as {
    formula1?: unknown;
    formula2?: unknown;
    operator?: string;
    source?: unknown;
  };
  let ok = true;
  if (type === "decimal" || type === "wholeNumber" || type === "whole") {
    ok =
      typeof value === "number" &&
      (type === "decimal" || Number.isInteger(value)) &&
      between(
        value,
        rule.operator ?? "between",
        bound(model, sheet, v, row, col, rule.formula1),
        bound(model, sheet, v, row, col, rule.formula2)
      );
  } else if (type === "list" && typeof (rule.source ?? rule.formula1) === "string") {
    const source = String(rule.source ?? rule.formula1).replace(/^"|"$/g, "");
    if (!source.startsWith("="))
      ok = source
        .split(",")
        .map((x) => x.trim().toLowerCase())
        .includes(String(value).trim().toLowerCase());
  }
  if (ok) return null;
  const alert = (v.errorAlert ?? {}) as {
    style?: string;
    title?: string;
    message?: string;
    showAlert?: boolean;
  };
  if (alert.showAlert === false) return null;
  const style = alert.style === "Warning" || alert.style === "Information" ? alert.style : "Stop";
  return { style, title: alert.title ?? "", message: alert.message ?? "" };
}
