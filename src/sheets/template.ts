/**
 * The self-score form (phiếu tự chấm, DOMAIN.md §8) sent to each member unit. It is laid out exactly
 * as layout D of DOMAIN.md §4 (same header words, "Đơn vị: …" in the title block), so the engine reads
 * the returned file back without a mapping. Only the unit's entry cells are unlocked.
 */
import { columnLetter } from "../core/grid";
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { CriterionKind, CriterionNode } from "../core/report";
import { roman } from "./covenant";
import {
  clusterFullName,
  finishSpec,
  nationalHeader,
  SpecBuilder,
  upper,
  yearText,
} from "./document";
import { heightFor, linesNeeded } from "./layout";
import type { SheetSpec, SpecStyle, SpecValidation } from "./spec";
import { SHEET_STRINGS } from "./strings";

export interface TemplateOptions {
  date: Date;
  lang: Lang;
}

const HEADER_FILL = "#DDE5F0";
const ENTRY_FILL = "#FFFDE7";

function leafMax(node: CriterionNode): number | null {
  // CriterionNode.max is weighted (R5); the form shows the raw max beside its weight.
  if (node.max === null) return null;
  const w = node.weight || 1;
  return Number((node.max / w).toFixed(6));
}

function shownCode(node: CriterionNode, index: number, level: number): string {
  if (node.code.trim()) return node.code.trim();
  if (level === 0) return roman(index + 1);
  return String(index + 1);
}

/** The bonus section's cap (R7): its own max. */
function bonusCapOf(criteria: CriterionNode[]): number | null {
  const bonus = criteria.find((n) => n.kind === "bonus");
  return bonus ? bonus.max : null;
}

function sumOfRows(rows: number[], col: string, abs = false): string {
  if (rows.length === 0) return "0";
  const refs = rows.map((r) => (abs ? `ABS(${col}${r + 1})` : `${col}${r + 1}`));
  // Excel and LibreOffice cap a function at 255 arguments.
  const chunks: string[] = [];
  for (let i = 0; i < refs.length; i += 200)
    chunks.push(`SUM(${refs.slice(i, i + 200).join(",")})`);
  return chunks.join("+");
}

/**
 * R9 as a live formula in TỔNG CỘNG, so the unit sees its total while it types: content leaves, plus
 * the bonus leaves capped (R7), minus the deductions as magnitudes (R8). Portable functions only.
 */
function totalFormula(
  rows: Record<CriterionKind, number[]>,
  col: string,
  cap: number | null
): string {
  const content = sumOfRows(rows.content, col);
  const bonusSum = sumOfRows(rows.bonus, col);
  const bonus =
    rows.bonus.length === 0 ? "" : cap === null ? `+${bonusSum}` : `+MIN(${cap},${bonusSum})`;
  const deduction = rows.deduction.length === 0 ? "" : `-(${sumOfRows(rows.deduction, col, true)})`;
  return `${content}${bonus}${deduction}`;
}

/**
 * A sheet name for one unit's form within Excel's 31 characters, cut at a word: "Sở Tư pháp - Phiếu
 * tự chấm" when it fits, else the unit's name alone, shortened at a space ("Sở Kế hoạch và Đầu tư
 * tỉnh Lạng…" never ends mid-word).
 */
export function unitSheetName(unit: string, formName: string): string {
  const max = 31;
  const clean = unit
    .replace(/[\\/?*[\]:]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  const both = `${clean} - ${formName}`;
  if (both.length <= max) return both;
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function buildSelfScoreTemplate(
  profile: ClusterProfile,
  criteria: CriterionNode[],
  unit: string,
  opts: TemplateOptions
): SheetSpec {
  const { lang } = opts;
  const t = SHEET_STRINGS.t.bind(SHEET_STRINGS);
  const weighted = (function anyWeight(nodes: CriterionNode[]): boolean {
    return nodes.some((n) => (n.weight ?? 1) !== 1 || anyWeight(n.children));
  })(criteria);

  // STT | Nội dung tiêu chí | Điểm tối đa | [Hệ số] | Điểm tự chấm | Điểm cụm chấm | Giải trình
  const c = weighted
    ? { code: 0, label: 1, max: 2, weight: 3, self: 4, review: 5, explain: 6 }
    : { code: 0, label: 1, max: 2, weight: -1, self: 3, review: 4, explain: 5 };
  const widths = weighted ? [6, 46, 9, 7, 10, 10, 26] : [6, 50, 9, 10, 10, 28];
  const last = widths.length - 1;

  const b = new SpecBuilder(12);
  const center: SpecStyle = { horizontal: "center", vertical: "middle", wrap: true };
  const cluster = clusterFullName(profile, lang);
  // ND30: the unit's parent body over the unit ("UBND TỈNH LẠNG SƠN / SỞ TƯ PHÁP"); the cluster is
  // not the unit's parent, it is named under the title.
  const issuer = [profile.issuingBody.trim(), unit].filter((s) => s !== "");
  let row = nationalHeader(b, {
    issuer,
    left: [0, 1],
    right: [2, last],
    place: profile.place,
    date: opts.date,
    lang,
  });
  issuer.forEach((line, i) =>
    b.height(i, heightFor(linesNeeded(upper(line), widths[0] + widths[1], 12), 12))
  );
  b.merged(row, 0, row, last, t(lang, "templateTitle", { year: yearText(profile, lang) }), {
    ...center,
    bold: true,
    size: 14,
  });
  row++;
  // "Cụm thi đua …" alone in its row: a returned form is matched to its cluster by it.
  b.merged(row, 0, row, last, cluster, { ...center, italic: true });
  row++;
  // "Đơn vị: …" is what layout D reads the unit's name from: keep it alone in its row.
  b.merged(row, 0, row, last, t(lang, "templateUnit", { unit }), { ...center, bold: true });
  row += 2;

  const headerRow = row;
  const head: SpecStyle = { ...center, border: true, bold: true, fill: HEADER_FILL };
  b.value(headerRow, c.code, t(lang, "colCode"), head);
  b.value(headerRow, c.label, t(lang, "colCriterion"), head);
  b.value(headerRow, c.max, t(lang, "colMax"), head);
  if (weighted) b.value(headerRow, c.weight, "Hệ số", head);
  b.value(headerRow, c.self, t(lang, "colSelf"), head);
  b.value(headerRow, c.review, t(lang, "colReview"), head);
  b.value(headerRow, c.explain, t(lang, "colExplain"), head);
  b.height(headerRow, heightFor(2, 12));
  row++;

  const validations: SpecValidation[] = [];
  const leafRows: Record<CriterionKind, number[]> = { content: [], bonus: [], deduction: [] };
  const walk = (nodes: CriterionNode[], level: number): void => {
    nodes.forEach((node, i) => {
      const leaf = node.children.length === 0;
      const section = level === 0;
      const base: SpecStyle = { border: true, vertical: "middle", bold: section || !leaf };
      const number: SpecStyle = { ...base, horizontal: "center", numberFormat: "General" };
      b.value(row, c.code, shownCode(node, i, level), { ...base, horizontal: "center" });
      b.value(row, c.label, node.label, { ...base, wrap: true });
      // A deduction section's own max is no score to reach: its items say what each costs.
      const shownMax = leaf ? leafMax(node) : node.kind === "deduction" ? null : node.max;
      b.value(row, c.max, shownMax, number);
      if (weighted) b.value(row, c.weight, leaf ? (node.weight ?? 1) : null, number);
      const entry: SpecStyle = leaf
        ? { ...number, unlocked: true, fill: ENTRY_FILL, numberFormat: "0.00" }
        : number;
      b.value(row, c.self, null, entry);
      b.value(row, c.review, null, number);
      b.value(row, c.explain, null, { ...base, bold: false, wrap: true, unlocked: true });
      if (leaf) {
        leafRows[node.kind].push(row);
        const max = leafMax(node);
        validations.push({
          range: `${columnLetter(c.self)}${row + 1}`,
          type: "decimal",
          min: 0,
          // A criterion without a max still refuses negatives and text; the bound is generous.
          max: max ?? 1e6,
          promptTitle: t(lang, "validationTitle"),
          prompt: t(lang, "validationPrompt"),
          errorMessage: t(lang, "validationError"),
        });
      }
      b.height(row, heightFor(linesNeeded(node.label, widths[c.label], 12), 12));
      row++;
      walk(node.children, level + 1);
    });
  };
  walk(criteria, 0);
  const border: SpecStyle = { border: true, bold: true };
  for (let col = 0; col <= last; col++)
    if (col !== c.self)
      b.value(row, col, col === c.label ? t(lang, "totalRow") : null, {
        ...border,
        horizontal: "center",
      });
  b.formula(row, c.self, `=${totalFormula(leafRows, columnLetter(c.self), bonusCapOf(criteria))}`, {
    ...border,
    horizontal: "center",
    numberFormat: "0.00",
  });
  row += 2;

  const help = t(lang, "templateHelp");
  b.merged(row, 0, row, last, help, { italic: true, size: 11, wrap: true, vertical: "top" });
  b.height(
    row,
    heightFor(
      linesNeeded(
        help,
        widths.reduce((s, w) => s + w, 0),
        11
      ),
      11
    )
  );
  row += 2;
  b.merged(row, c.self, row, last, t(lang, "unitHead"), { ...center, bold: true });
  b.merged(row + 1, c.self, row + 1, last, t(lang, "signSealHint"), { ...center, italic: true });
  const name = profile.signatories[unit];
  if (name) b.merged(row + 6, c.self, row + 6, last, name, { ...center, bold: true });

  return finishSpec(b, {
    name: t(lang, "templateSheetName"),
    kind: "template",
    columnWidths: widths,
    freeze: { rows: headerRow + 1, columns: 0 },
    validations,
    protect: true,
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      margins: { top: 20, bottom: 20, left: 25, right: 15 },
      repeatRows: { first: headerRow, last: headerRow },
    },
  });
}
