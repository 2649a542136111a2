/**
 * The criteria tree (DOMAIN §3) from the codes as offices type them ("I", "I.", "1.", "1.1", "1.1.2",
 * "II.1.1", "a)", "a.", "-", "+") and, where codes are missing, from bold and indentation. Kinds
 * content / bonus / deduction come from the labels ("Điểm thưởng", "Điểm cộng" / "Điểm trừ").
 * Hand-written: no installed library parses Vietnamese outline numbering (Roman sections, "1.1",
 * lettered and bulleted items mixed in one column).
 */
import type { CriterionKind } from "./report";
import { foldKey } from "./text";
import { kindOfLabel } from "./layout/vocab";

/** One criterion row (or column) as read from the sheet, in sheet order. */
export interface FlatCriterion {
  code: string;
  label: string;
  bold: boolean;
  indent: number;
  /** A kind the layout already knows (layout B's "Điểm thưởng" column); null = from the label. */
  kindHint?: CriterionKind | null;
  /**
   * A parent given by the layout (layout B's merged section over several columns): its index in the
   * list, -1 for an explicit top-level item; null/undefined = inferred from codes, bold and indent.
   */
  parentHint?: number | null;
}

export interface TreeShape {
  /** parent[i] = index of the parent of item i, or -1 for a top-level node. */
  parent: number[];
  children: number[][];
  level: number[];
  kind: CriterionKind[];
  /** Codes typed inside the label ("1. Hoàn thành…") are split off here. */
  code: string[];
  label: string[];
}

const ROMAN = /^(?=[ivxlc])(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;

/** Split a leading code off a label: "1.2. Ban hành…" → ["1.2.", "Ban hành…"]. */
export function splitCode(label: string): [string, string] {
  const m = /^\s*((?:[IVXLC]+\.)?(?:\d+\.)*\d+\.?\)?|[IVXLC]+[.)]|[a-zđ][.)]|[-+•–])\s+(.+)$/u.exec(
    label
  );
  if (!m) return ["", label];
  return [m[1], m[2]];
}

/**
 * The style of a code: siblings share a style, a new style nests under the previous item. "num2" is a
 * two-part number ("1.1" or "II.1"), so "1.1" under "1" and "II.1.1" under "II.1" nest the same way.
 */
export function codeStyle(code: string, upperLetters = false): string | null {
  const c = code.trim().replace(/[.)]+$/, "");
  if (c === "") return null;
  // Sections lettered A, B, C…: "C" is then a letter, not the Roman hundred.
  if (upperLetters && /^[A-Z]$/.test(c)) return "LETTER";
  if (ROMAN.test(c)) return "roman";
  if (/^(?:[IVXLC]+\.)?\d+(?:\.\d+)*$/i.test(c)) {
    const parts = c.split(".");
    const roman = ROMAN.test(parts[0]) ? 1 : 0;
    return `num${parts.length - roman}`;
  }
  if (/^[A-Z]$/.test(c)) return "LETTER";
  if (/^[a-zđ]$/.test(c)) return "letter";
  if (c === "-" || c === "–" || c === "•") return "dash";
  if (c === "+") return "plus";
  if (/^\d+[a-z]$/i.test(c)) return "num1";
  return null;
}

/**
 * A label's kind by its words, kept per label: folding costs ~1 µs, a sheet has a thousand labels and
 * THIDUA.TOTAL re-reads the same ones on every recalculation. Bounded like the view's text memo.
 */
const kinds = new Map<string, CriterionKind | null>();

function labelKind(label: string): CriterionKind | null {
  let k = kinds.get(label);
  if (k === undefined) {
    k = kindOfLabel(foldKey(label));
    if (kinds.size >= 50_000) kinds.clear();
    kinds.set(label, k);
  }
  return k;
}

/**
 * Build the tree shape with a stack of styles: an item whose style is already on the stack closes the
 * deeper levels and becomes a sibling; a new style opens a level under the previous item. Items without
 * a code are placed by bold (a section when the sheet's sections are bold) and indentation.
 */
export function buildTreeShape(items: FlatCriterion[]): TreeShape {
  const n = items.length;
  const parent = new Array<number>(n).fill(-1);
  const code: string[] = [];
  const label: string[] = [];
  for (const it of items) {
    let c = it.code.trim();
    let l = it.label;
    if (c === "") [c, l] = splitCode(it.label);
    code.push(c);
    label.push(l.trim());
  }
  const bare = code.map((c) => c.trim().replace(/[.)]+$/, ""));
  const upper = bare.includes("A") && bare.includes("B");
  // Each code's style once (three regex passes per code showed in profiles of 1,000-row sheets).
  const styles = code.map((c) => codeStyle(c, upper));
  const hasRoman = styles.includes("roman");
  const hasCodes = styles.some((st) => st !== null);
  const stack: { style: string; index: number }[] = [];
  const used: string[] = new Array<string>(n).fill("");
  for (let i = 0; i < n; i++) {
    const it = items[i];
    let style = styles[i];
    if (style === null) {
      if (it.bold && it.indent === 0 && (hasRoman || !hasCodes))
        style = hasRoman ? "roman" : "bold";
      else if (!hasCodes) style = `indent${it.indent}`;
      else style = `plain${it.indent}`;
    }
    used[i] = style;
    if (it.parentHint !== undefined && it.parentHint !== null) {
      // The layout knows the parent (-1: top level), as layout B does from its merged headers, or the
      // sheet's own SUM formula names it (R14). The stack becomes the path to this item, so the rows
      // after it that nothing names still nest by their codes, bold and indentation around it.
      parent[i] = it.parentHint;
      stack.length = 0;
      for (let q = it.parentHint; q >= 0 && stack.length < n; q = parent[q])
        stack.unshift({ style: used[q], index: q });
      stack.push({ style, index: i });
      continue;
    }
    const at = stack.findIndex((s) => s.style === style);
    if (at >= 0) stack.length = at;
    else if (style.startsWith("indent")) {
      const lvl = Number(style.slice(6));
      while (
        stack.length > 0 &&
        stack[stack.length - 1].style.startsWith("indent") &&
        Number(stack[stack.length - 1].style.slice(6)) > lvl
      )
        stack.pop();
    }
    // A bold codeless row between numbered sections starts a new top-level section.
    if ((style === "roman" || style === "bold" || (style === "LETTER" && upper)) && at < 0)
      stack.length = 0;
    parent[i] = stack.length > 0 ? stack[stack.length - 1].index : -1;
    stack.push({ style, index: i });
  }
  const children: number[][] = items.map(() => []);
  const level = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) children[parent[i]].push(i);
  for (let i = 0; i < n; i++) level[i] = parent[i] >= 0 ? level[parent[i]] + 1 : 0;
  // Without sections, criteria sit at level 1 (DOMAIN: 0 is a section).
  const anySection = items.some((_, i) => parent[i] < 0 && children[i].length > 0);
  if (!anySection) for (let i = 0; i < n; i++) level[i] += 1;
  const kind: CriterionKind[] = new Array(n).fill("content");
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    if (p >= 0 && kind[p] !== "content") {
      kind[i] = kind[p];
      continue;
    }
    const hint = items[i].kindHint;
    kind[i] = hint ?? (p < 0 || level[i] <= 1 ? (labelKind(label[i]) ?? "content") : "content");
  }
  return { parent, children, level, kind, code, label };
}
