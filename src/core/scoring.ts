/**
 * Scoring (DOMAIN §3.1, R1–R10) of one read table: leaves only, weights, which score counts (review over
 * self), the bonus cap, deductions as magnitudes, typed subtotals and totals checked, and every problem
 * found on the way reported as an issue with its cell.
 */
import type { Lang } from "./i18n";
import type { Issue } from "./issues";
import type { CriterionKind, CriterionNode, SectionScore } from "./report";
import { buildTreeShape, type TreeShape } from "./criteria";
import { EPSILON, formatScore, roundAt } from "./numeric";
import { readScore, type ScoreRead } from "./text";
import { cellOf, type Pos, type ScoreTable } from "./table";
import { columnLetter, quoteSheetName, type CellValue } from "./grid";
import { makeIssue } from "./validation";

export interface ScoreOptions {
  precision: number;
  /** profile.bonusCap: null = the bonus section's max in the sheet. */
  bonusCap: number | null;
  decimalSeparator: "," | ".";
  lang: Lang;
  file?: string;
  /**
   * How a cell (sheet coordinates) is named in issues and leafCells; default the sheet-qualified A1
   * address. analyzeTable names cells relative to the ranges it was given.
   */
  address?: (row: number, col: number) => string;
}

export interface ScoredUnit {
  name: string;
  nameCell: string | null;
  rawTotal: number;
  /** The first content section's score (tie-break "section-1"). */
  firstSection: number;
  content: number;
  /** Bonus before the cap (R7). */
  bonusRaw: number;
  bonus: number;
  deduction: number;
  /** Content sections in sheet order, built on demand. */
  sectionsOf: () => SectionScore[];
  complete: boolean;
  /** Criterion id → address of the counted cell, built on demand. */
  leafCellsOf: () => Record<string, string>;
  sheet: string;
  file?: string;
}

export interface ScoredTable {
  criteria: CriterionNode[];
  contentMax: number;
  bonusCap: number | null;
  /** Sum of the bonus leaves' max, for the max total when no cap is known. */
  bonusLeafMax: number;
  units: ScoredUnit[];
  issues: Issue[];
  /** The tree built from the table, for whoever summarises the same table (sections of a mapping). */
  shape: TreeShape;
}

interface NodeInfo {
  id: string;
  max: number | null;
  /** Weighted max used for sums (R5). */
  effMax: number | null;
  typedMax: number | null;
}

/** The default cell naming: "'Bảng điểm'!D12", column letters built once per column. */
function sheetAddresser(sheet: string): (row: number, col: number) => string {
  const letters: string[] = [];
  const prefix = `${quoteSheetName(sheet)}!`;
  return (r, c) => prefix + (letters[c] ??= columnLetter(c)) + (r + 1);
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

function readNumber(v: ScoreRead): number | null {
  return v.kind === "number" ? v.value : null;
}

export function scoreTable(table: ScoreTable, opts: ScoreOptions): ScoredTable {
  const { view } = table;
  const sheet = view.grid.sheetName;
  const lang = opts.lang;
  const sep = opts.decimalSeparator;
  const p = opts.precision;
  const issues: Issue[] = [];
  const cellName = opts.address ?? sheetAddresser(sheet);
  const addr = (at: Pos): string => cellName(at[0], at[1]);
  const fmt = (x: number): string => formatScore(x, Math.max(p, 2), lang);
  const crit = table.criteria;
  const shape: TreeShape = buildTreeShape(crit);
  const n = crit.length;
  const isLeaf = (i: number): boolean => shape.children[i].length === 0;
  const critName = (i: number): string =>
    shape.code[i] ? `${shape.code[i]} ${shape.label[i]}` : shape.label[i];

  // Max per node (R1, R5).
  const info: NodeInfo[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < n; i++) {
    const c = crit[i];
    let typedMax: number | null = c.maxKnown;
    if (typedMax === null && c.maxValue !== null && c.maxValue !== undefined) {
      const r = readScore(c.maxValue, { decimalSeparator: sep, scaleMax: null });
      if (r.kind === "number") typedMax = r.value;
      else if (r.kind === "error" && c.maxAt)
        issues.push(
          makeIssue("cell-error", lang, {
            cell: addr(c.maxAt),
            criterion: critName(i),
            key: "issue.cell-error-max",
            params: { error: r.error },
            file: opts.file,
          })
        );
    }
    let id = shape.code[i]
      ? pathOf(shape, i)
      : table.mapping.layout === "B"
        ? `c${c.at[1] + 1}`
        : `r${c.at[0] + 1}`;
    if (ids.has(id)) id = table.mapping.layout === "B" ? `c${c.at[1] + 1}` : `r${c.at[0] + 1}`;
    ids.add(id);
    info.push({ id, max: typedMax, effMax: null, typedMax });
  }
  for (let i = n - 1; i >= 0; i--) {
    const kids = shape.children[i];
    if (kids.length === 0) {
      info[i].effMax = info[i].typedMax === null ? null : info[i].typedMax! * crit[i].weight;
      info[i].max = info[i].effMax;
      continue;
    }
    let sum = 0;
    let anyKnown = false;
    for (const k of kids) {
      if (info[k].effMax !== null) {
        sum += info[k].effMax!;
        anyKnown = true;
      }
    }
    const typed = info[i].typedMax;
    if (shape.kind[i] === "content") {
      info[i].effMax = anyKnown ? sum : typed;
      info[i].max = typed ?? (anyKnown ? sum : null);
      if (
        typed !== null &&
        anyKnown &&
        Math.abs(typed - sum) > EPSILON * Math.max(1, sum) &&
        crit[i].maxAt
      )
        issues.push(
          makeIssue("max-sum-mismatch", lang, {
            cell: addr(crit[i].maxAt!),
            criterion: critName(i),
            params: { max: fmt(typed), sum: fmt(sum) },
            file: opts.file,
          })
        );
    } else {
      // The bonus section's max is its cap (R7), the deduction section's is informational (R1).
      info[i].effMax = typed ?? (anyKnown ? sum : null);
      info[i].max = info[i].effMax;
    }
  }

  const leaves: number[] = [];
  for (let i = 0; i < n; i++) if (isLeaf(i)) leaves.push(i);
  let contentMax = 0;
  let bonusLeafMax = 0;
  for (const i of leaves) {
    const m = info[i].effMax ?? 0;
    if (shape.kind[i] === "content") contentMax += m;
    else if (shape.kind[i] === "bonus") bonusLeafMax += m;
  }
  let sheetCap: number | null = null;
  for (let i = 0; i < n; i++)
    if (shape.parent[i] < 0 && shape.kind[i] === "bonus" && info[i].typedMax !== null)
      sheetCap = (sheetCap ?? 0) + info[i].typedMax!;
  const cap = opts.bonusCap ?? sheetCap;
  const bonusTop = (() => {
    for (let i = 0; i < n; i++) if (shape.parent[i] < 0 && shape.kind[i] === "bonus") return i;
    return -1;
  })();

  const criteria = buildNodes(
    shape,
    info,
    crit.map((c) => c.weight)
  );
  // Only parents that sit on a score line can hold a typed subtotal (R2); layout B has none.
  const topContent: number[] = [];
  for (let i = 0; i < n; i++)
    if (shape.parent[i] < 0 && shape.kind[i] === "content") topContent.push(i);
  const typedParents: number[] = [];
  for (let i = 0; i < n; i++)
    if (table.lines[i] >= 0 && shape.children[i].length > 0) typedParents.push(i);

  const units: ScoredUnit[] = [];
  const axisRows = table.axis === "rows";
  const lines = table.lines;
  const fastAddr = cellName;
  const leafMaxOf = leaves.map((i) => info[i].typedMax);
  const readOpts = leaves.map((_, k) => ({
    decimalSeparator: sep,
    scaleMax: leafMaxOf[k] ?? contentMax,
  }));
  // The hot path reads the grid's arrays directly; merged cells (rare inside score areas) go through
  // the view, which blanks the covered cells ExcelJS fills with the merge's value.
  const vals = view.grid.values;
  const merged = view.hasMerges;
  const gTop = view.top;
  const gLeft = view.left;
  const valueAt = (r: number, c: number): CellValue => {
    if (merged) return view.ownValue(r, c);
    const row = vals[r - gTop];
    const j = c - gLeft;
    return row === undefined || j < 0 || j >= row.length ? null : row[j];
  };
  const weights = Float64Array.from(crit, (c) => c.weight);
  for (const u of table.units) {
    // Locals, not property reads: unit objects carry accessors and are slow to read in the hot loop.
    const selfLine = u.selfLine;
    const reviewLine = u.reviewLine;
    const hasReview = u.hasReview;
    const score = new Float64Array(n);
    let complete = true;
    let usedSelfWhereReview = false;
    const rowOf = (line: number, i: number): number => (axisRows ? lines[i] : line);
    const colOf = (line: number, i: number): number => (axisRows ? line : lines[i]);
    let reviewAny = false;
    if (hasReview && reviewLine !== null)
      for (const i of leaves)
        if (lines[i] >= 0 && !view.isEmpty(rowOf(reviewLine, i), colOf(reviewLine, i))) {
          reviewAny = true;
          break;
        }
    // Which line each leaf was read from (1 self, 2 review): the addresses are built only if asked for.
    const from = new Uint8Array(leaves.length);
    for (let k = 0; k < leaves.length; k++) {
      const i = leaves[k];
      if (lines[i] < 0) continue;
      const leafMax = leafMaxOf[k];
      let line: number | null = null;
      let raw: CellValue = null;
      if (reviewLine !== null) {
        raw = valueAt(rowOf(reviewLine, i), colOf(reviewLine, i));
        if (!isBlank(raw)) line = reviewLine;
      }
      if (line === null && selfLine !== null) {
        raw = valueAt(rowOf(selfLine, i), colOf(selfLine, i));
        if (!isBlank(raw)) {
          line = selfLine;
          if (hasReview) usedSelfWhereReview = true;
        }
      }
      const blameLine =
        line ?? (reviewAny && reviewLine !== null ? reviewLine : (selfLine ?? reviewLine));
      from[k] = blameLine === null ? 0 : blameLine === reviewLine ? 2 : 1;
      let x = 0;
      if (
        line !== null &&
        typeof raw === "number" &&
        Number.isFinite(raw) &&
        raw >= 0 &&
        (leafMax === null || raw <= leafMax + EPSILON)
      ) {
        // The common case, read without allocating: a typed number in range.
        x = raw;
      } else {
        const cell = blameLine === null ? null : fastAddr(rowOf(blameLine, i), colOf(blameLine, i));
        const read: ScoreRead = line === null ? { kind: "blank" } : readScore(raw, readOpts[k]);
        const base = { cell, unit: u.name, criterion: critName(i), file: opts.file };
        switch (read.kind) {
          case "number":
            x = read.value;
            if (read.fromText)
              issues.push(
                makeIssue("text-number", lang, {
                  ...base,
                  params: { text: String(raw), value: fmt(x) },
                  fix: { cell: cell!, value: x },
                })
              );
            break;
          case "blank":
            complete = false;
            issues.push(makeIssue("score-missing", lang, base));
            break;
          case "unknown":
            // A formula whose cached result was not saved: ExcelJS drops a cached 0, so 0 is the reading
            // that matches what Excel showed; it is not "missing" (nothing was left blank).
            break;
          case "error":
            issues.push(makeIssue("cell-error", lang, { ...base, params: { error: read.error } }));
            break;
          case "ambiguous":
            issues.push(
              makeIssue("ambiguous-number", lang, {
                ...base,
                params: { text: read.text, candidates: read.candidates.map(fmt).join(" / ") },
              })
            );
            break;
          case "nan":
            issues.push(makeIssue("not-a-number", lang, { ...base, params: { text: read.text } }));
            break;
        }
        const kind = shape.kind[i];
        const topLevel = shape.parent[i] < 0;
        if (kind === "deduction") {
          if (x < 0) {
            issues.push(
              makeIssue("deduction-sign", lang, {
                cell,
                unit: u.name,
                criterion: critName(i),
                file: opts.file,
                params: { value: fmt(x), magnitude: fmt(-x) },
              })
            );
            x = -x;
          }
          if (!topLevel && leafMax !== null && x > leafMax + EPSILON)
            issues.push(
              makeIssue("score-above-max", lang, {
                cell,
                unit: u.name,
                criterion: critName(i),
                file: opts.file,
                params: { value: fmt(x), max: fmt(leafMax) },
              })
            );
        } else if (
          x < 0 ||
          (leafMax !== null && x > leafMax + EPSILON && !(kind === "bonus" && topLevel))
        ) {
          const code = x < 0 ? "score-negative" : "score-above-max";
          issues.push(
            makeIssue(code, lang, {
              cell,
              unit: u.name,
              criterion: critName(i),
              file: opts.file,
              params: { value: fmt(x), max: fmt(leafMax ?? 0) },
            })
          );
        }
      }
      score[i] = x * weights[i];
    }
    for (let i = n - 1; i >= 0; i--) if (shape.parent[i] >= 0) score[shape.parent[i]] += score[i];
    let content = 0;
    let bonusRaw = 0;
    let deduction = 0;
    for (const i of leaves) {
      if (shape.kind[i] === "content") content += score[i];
      else if (shape.kind[i] === "bonus") bonusRaw += score[i];
      else deduction += score[i];
    }
    let bonus = bonusRaw;
    if (cap !== null && roundAt(bonusRaw, p) > roundAt(cap, p)) {
      bonus = cap;
      const bonusAt =
        bonusTop >= 0
          ? (cellOf(table, u.reviewLine, bonusTop) ?? cellOf(table, u.selfLine, bonusTop))
          : null;
      issues.push(
        makeIssue("bonus-capped", lang, {
          cell: bonusAt ? addr(bonusAt) : null,
          unit: u.name,
          criterion: bonusTop >= 0 ? critName(bonusTop) : null,
          params: { bonus: fmt(bonusRaw), cap: fmt(cap), dropped: fmt(bonusRaw - cap) },
          file: opts.file,
        })
      );
    }
    const rawTotal = content + bonus - deduction;
    if (u.hasReview && usedSelfWhereReview)
      issues.push(makeIssue("review-missing", lang, { cell: null, unit: u.name, file: opts.file }));

    // R2: typed subtotals and totals, per column (a self column is checked against its own leaves).
    if (typedParents.length > 0 || u.typedTotal.self || u.typedTotal.review)
      for (const [line, totalAt] of [
        [u.selfLine, u.typedTotal.self],
        [u.reviewLine, u.typedTotal.review],
      ] as const) {
        if (line === null) continue;
        // Nothing typed on the section rows and no total cell: nothing to compare, skip the re-read.
        if (
          totalAt === null &&
          typedParents.every((i) => isBlank(view.ownValue(rowOf(line, i), colOf(line, i)) ?? null))
        )
          continue;
        const cells = shape.parent.map((_, i) => cellOf(table, line, i));
        checkTyped(table, shape, cells, totalAt, cap, opts, u.name, issues, critName, addr);
      }

    let firstSection = 0;
    for (const i of topContent) {
      firstSection = score[i];
      break;
    }
    const selfL = selfLine;
    const reviewL = reviewLine;
    units.push({
      name: u.name,
      nameCell: u.nameAt ? addr(u.nameAt) : null,
      rawTotal,
      firstSection,
      content,
      bonusRaw,
      bonus,
      deduction,
      complete,
      sheet,
      file: opts.file,
      // Built when read: a 1,000 × 100 sheet in layout B has 100 "sections" per unit.
      sectionsOf: () =>
        topContent.map((i) => ({
          id: info[i].id,
          code: shape.code[i],
          label: shape.label[i],
          kind: "content" as const,
          score: score[i],
          max: info[i].max,
        })),
      leafCellsOf: () => {
        const out: Record<string, string> = {};
        for (let k = 0; k < leaves.length; k++) {
          const i = leaves[k];
          const line = from[k] === 2 ? reviewL : from[k] === 1 ? selfL : null;
          if (line !== null && lines[i] >= 0)
            out[info[i].id] = fastAddr(rowOf(line, i), colOf(line, i));
        }
        return out;
      },
    });
  }
  return { criteria, contentMax, bonusCap: cap, bonusLeafMax, units, issues, shape };
}

/** Values of one column as the sheet shows them, summed bottom-up (blank and non-numbers as 0). */
function checkTyped(
  table: ScoreTable,
  shape: TreeShape,
  cells: readonly (Pos | null)[],
  totalAt: Pos | null,
  cap: number | null,
  opts: ScoreOptions,
  unit: string,
  issues: Issue[],
  critName: (i: number) => string,
  addr: (at: Pos) => string
): void {
  const { view } = table;
  const n = shape.parent.length;
  const sum = new Float64Array(n);
  const mag = new Float64Array(n);
  const p = opts.precision;
  const read = (at: Pos | null): number | null =>
    at
      ? readNumber(
          readScore(view.ownValue(at[0], at[1]), { decimalSeparator: opts.decimalSeparator })
        )
      : null;
  for (let i = 0; i < n; i++) {
    if (shape.children[i].length > 0) continue;
    const x = (read(cells[i]) ?? 0) * table.criteria[i].weight;
    sum[i] = x;
    mag[i] = Math.abs(x);
  }
  for (let i = n - 1; i >= 0; i--) {
    const q = shape.parent[i];
    if (q >= 0) {
      sum[q] += sum[i];
      mag[q] += mag[i];
    }
  }
  const fmt = (x: number): string => formatScore(x, Math.max(p, 2), opts.lang);
  for (let i = 0; i < n; i++) {
    if (shape.children[i].length === 0 || !cells[i]) continue;
    const typed = read(cells[i]);
    if (typed === null) continue;
    const tw = typed;
    const okSigned = roundAt(tw, p) === roundAt(sum[i], p);
    const okMag = shape.kind[i] === "deduction" && roundAt(Math.abs(tw), p) === roundAt(mag[i], p);
    if (!okSigned && !okMag)
      issues.push(
        makeIssue("subtotal-mismatch", opts.lang, {
          cell: addr(cells[i]!),
          unit,
          criterion: critName(i),
          params: { typed: fmt(tw), sum: fmt(sum[i]) },
          file: opts.file,
        })
      );
  }
  if (totalAt) {
    const typed = read(totalAt);
    if (typed === null) return;
    let content = 0;
    let bonus = 0;
    let ded = 0;
    for (let i = 0; i < n; i++) {
      if (shape.children[i].length > 0) continue;
      if (shape.kind[i] === "content") content += sum[i];
      else if (shape.kind[i] === "bonus") bonus += sum[i];
      else ded += mag[i];
    }
    if (cap !== null) bonus = Math.min(bonus, cap);
    const total = content + bonus - ded;
    if (roundAt(typed, p) !== roundAt(total, p))
      issues.push(
        makeIssue("subtotal-mismatch", opts.lang, {
          cell: addr(totalAt),
          unit,
          key: "issue.total-mismatch",
          params: { typed: fmt(typed), sum: fmt(total) },
          file: opts.file,
        })
      );
  }
}

/** "III.1.1" for "1.1" under "1" under "III": the parent's path and the code's last part. */
function pathOf(shape: TreeShape, i: number): string {
  const parts: string[] = [];
  for (let k = i; k >= 0; k = shape.parent[k]) {
    const c = shape.code[k].replace(/[.)]+$/, "");
    parts.unshift(c.split(".").pop() ?? c);
  }
  return parts.join(".");
}

function buildNodes(shape: TreeShape, info: NodeInfo[], weights: number[]): CriterionNode[] {
  const nodes: CriterionNode[] = info.map((inf, i) => ({
    id: inf.id,
    code: shape.code[i],
    label: shape.label[i],
    max: inf.max,
    weight: weights[i],
    kind: shape.kind[i] as CriterionKind,
    level: shape.level[i],
    children: [],
  }));
  const roots: CriterionNode[] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (shape.parent[i] >= 0) nodes[shape.parent[i]].children.push(nodes[i]);
    else roots.push(nodes[i]);
  }
  return roots;
}
