/**
 * Scoring (DOMAIN §3.1, R1–R10) of one read table: leaves only, weights, which score counts (review over
 * self), the bonus cap, deductions as magnitudes, typed subtotals and totals checked, and every problem
 * found on the way reported as an issue with its cell.
 */
import type { Issue, IssueCode } from "./issues";
import type { CriterionKind, CriterionNode, SectionScore } from "./report";
import { buildTreeShape, type TreeShape } from "./criteria";
import { EPSILON, formatScore, roundAt, typedAgrees } from "./numeric";
import { readScore, type ScoreRead } from "./text";
import { cellOf, type Pos, type ScoreTable, type TableUnit } from "./table";
import { columnLetter, quoteSheetName, type CellValue } from "./grid";
import { makeIssue, type IssueInput } from "./validation";
import { foldKey } from "./text";
import type { Lang, Params } from "./i18n";

export interface ScoreOptions {
  precision: number;
  /** profile.bonusCap: null = the bonus section's max in the sheet. */
  bonusCap: number | null;
  /** profile.itemBonus (R13): an item may exceed its max by its own bonus. */
  itemBonus?: boolean;
  decimalSeparator: "," | ".";
  lang: Lang;
  file?: string;
  /**
   * How a cell (sheet coordinates) is named in issues and leafCells; default the sheet-qualified A1
   * address. analyzeTable names cells relative to the ranges it was given.
   */
  address?: (row: number, col: number) => string;
  /**
   * Only the totals are wanted (THIDUA.TOTAL): the scores are read and counted exactly as always, but
   * no issue is built and typed subtotals are not checked, since nobody will see them.
   */
  totalsOnly?: boolean;
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
  /**
   * R11: this unit's own max: the sheet's content max less the criteria that do not apply to it, or
   * its own max in a results table (layout E); null when that cell holds no number.
   */
  max: number | null;
  /** The max is the unit's own (layout E, a criterion not applicable, a "9,49/9,5" max). */
  ownMax: boolean;
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

/**
 * THIDUA.TOTAL's scorer kept between recalculations: everything it builds from the criteria (tree,
 * maxima, ids, leaf arrays) is built once, and each recalculation only reads the new scores. The caller
 * answers for the new values having the same criteria and the same shape (see blockTotals).
 */
export interface TotalsScorer {
  /** Raw totals (R9) of the units over `view`, a grid of the same shape as the one first scored. */
  totals(view: ScoreTable["view"], units: readonly TableUnit[]): number[];
}

export function totalsScorer(table: ScoreTable, opts: ScoreOptions): TotalsScorer {
  const scorer = new TableScorer(table, { ...opts, totalsOnly: true });
  const kept = scorer.issues.length;
  return {
    totals(view, units) {
      scorer.rebind(view);
      // Issues are not built on this path, but the few pushed regardless must not pile up.
      scorer.issues.length = kept;
      return units.map((u) => scorer.unit(u).rawTotal);
    },
  };
}

export function scoreTable(table: ScoreTable, opts: ScoreOptions): ScoredTable {
  const scorer = new TableScorer(table, opts);
  const units: ScoredUnit[] = [];
  for (const u of table.units) units.push(scorer.unit(u));
  return {
    criteria: scorer.criteria,
    contentMax: scorer.contentMax,
    bonusCap: scorer.cap,
    bonusLeafMax: scorer.bonusLeafMax,
    units,
    issues: scorer.issues,
    shape: scorer.shape,
  };
}

/**
 * One table's scoring, split into small methods: the JIT compiles a method once it is hot, and one
 * large function took ~190 ms of background compilation before THIDUA.TOTAL ran at full speed. The
 * constructor does the per-table work (tree, maxima, ids); `unit` the per-unit work, where nearly every
 * leaf goes through readFastLeaves and only the leaves with something to report through `slowLeaf`.
 */
class TableScorer {
  readonly issues: Issue[] = [];
  readonly shape: TreeShape;
  readonly criteria: CriterionNode[];
  readonly contentMax: number;
  readonly bonusLeafMax: number;
  readonly cap: number | null;
  private table: ScoreTable;
  private readonly opts: ScoreOptions;
  private view: ScoreTable["view"];
  private readonly sheet: string;
  private readonly lang: Lang;
  private readonly p: number;
  private readonly cellName: (row: number, col: number) => string;
  private readonly info: NodeInfo[] = [];
  private readonly leaves: number[] = [];
  private readonly lines: number[];
  private readonly axisRows: boolean;
  private readonly bonusTop: number;
  private readonly topContent: number[] = [];
  /** Parents that sit on a score line, so can hold a typed subtotal (R2); layout B has none. */
  private readonly typedParents: number[] = [];
  /** "Cộng" rows (columns in B) and the nodes whose sum each must show (R2). */
  private readonly subtotalChecks: SubtotalCheck[] = [];
  private readonly leafMaxOf: (number | null)[];
  /** Per leaf, readScore's options, made when a leaf first needs the full reading. */
  private readonly readOpts: ({ decimalSeparator: "," | "."; scaleMax: number } | undefined)[] = [];
  /** Per criterion, "code label" for messages, made on first use. */
  private readonly names: (string | undefined)[] = [];
  private readonly weights: Float64Array;
  private readonly fast: FastLeaves | null;
  private readonly allLeaves: number[];
  /** One buffer for every unit (only the section scores are kept): no 1,000-number array per unit. */
  private readonly score: Float64Array;
  private readonly parents: Int32Array;
  private readonly leafIdx: Int32Array;
  private readonly leafKind: Uint8Array;
  private readonly byKind = new Float64Array(3);
  private readonly quiet: boolean;
  /** R12: parents whose children are graded alternatives (only one level applies), and each level's parent. */
  private readonly alternatives = new Set<number>();
  private readonly alternativeOf = new Map<number, number>();

  constructor(table: ScoreTable, opts: ScoreOptions) {
    this.table = table;
    this.opts = opts;
    const view = (this.view = table.view);
    this.sheet = view.grid.sheetName;
    this.lang = opts.lang;
    this.p = opts.precision;
    this.quiet = opts.totalsOnly === true;
    this.cellName = opts.address ?? sheetAddresser(this.sheet);
    const crit = table.criteria;
    const shape = (this.shape = table.shape ?? buildTreeShape(crit));
    const n = crit.length;
    this.lines = table.lines;
    this.axisRows = table.axis === "rows";
    const info = this.info;
    this.maxima();
    const leaves = this.leaves;
    for (let i = 0; i < n; i++) if (shape.children[i].length === 0) leaves.push(i);
    let contentMax = 0;
    let bonusLeafMax = 0;
    for (const i of leaves) {
      const alt = this.alternativeOf.get(i);
      // R12: one level of a graded criterion counts, so the criterion's max counts once.
      if (alt !== undefined && shape.children[alt][0] !== i) continue;
      const m = (alt !== undefined ? info[alt].effMax : info[i].effMax) ?? 0;
      if (shape.kind[i] === "content") contentMax += m;
      else if (shape.kind[i] === "bonus") bonusLeafMax += m;
    }
    this.contentMax = contentMax;
    this.bonusLeafMax = bonusLeafMax;
    let sheetCap: number | null = null;
    for (let i = 0; i < n; i++)
      if (shape.parent[i] < 0 && shape.kind[i] === "bonus" && info[i].typedMax !== null)
        sheetCap = (sheetCap ?? 0) + info[i].typedMax!;
    this.cap = opts.bonusCap ?? sheetCap;
    let bonusTop = -1;
    for (let i = 0; i < n && bonusTop < 0; i++)
      if (shape.parent[i] < 0 && shape.kind[i] === "bonus") bonusTop = i;
    this.bonusTop = bonusTop;
    this.criteria = buildNodes(
      shape,
      info,
      crit.map((c) => c.weight)
    );
    for (let i = 0; i < n; i++)
      if (shape.parent[i] < 0 && shape.kind[i] === "content") this.topContent.push(i);
    for (let i = 0; i < n; i++)
      if (this.lines[i] >= 0 && shape.children[i].length > 0) this.typedParents.push(i);
    this.resolveSubtotals();

    const leafMaxOf = (this.leafMaxOf = leaves.map((i) => info[i].typedMax));
    const weights = (this.weights = floats(crit.length, (i) => crit[i].weight));
    // The fast reading uses the grid's arrays directly; merged cells (rare inside score areas) go
    // through the view, which blanks the covered cells ExcelJS fills with the merge's value.
    this.fast = view.hasMerges
      ? null
      : {
          axisRows: this.axisRows,
          vals: view.grid.values,
          gTop: view.top,
          gLeft: view.left,
          leafLine: ints(leaves.length, (k) => this.lines[leaves[k]]),
          leafMax: floats(leafMaxOf.length, (k) => {
            const m = leafMaxOf[k];
            return m === null ? Infinity : m + EPSILON;
          }),
          leafWeight: floats(leaves.length, (k) => weights[leaves[k]]),
          leaves,
          slow: [],
        };
    this.allLeaves = leaves.map((_, k) => k);
    this.score = new Float64Array(n);
    this.parents = ints(shape.parent.length, (i) => shape.parent[i]);
    this.leafIdx = ints(leaves.length, (k) => leaves[k]);
    this.leafKind = new Uint8Array(leaves.length).map((_, k) =>
      shape.kind[leaves[k]] === "content" ? 0 : shape.kind[leaves[k]] === "bonus" ? 1 : 2
    );
  }

  /** The same criteria over another grid of the same shape. */
  rebind(view: ScoreTable["view"]): void {
    // The table is re-pointed too, so a kept scorer does not keep the first call's grid alive.
    if (this.table.view !== view) this.table = { ...this.table, view };
    this.view = view;
    if (this.fast) this.fast.vals = view.grid.values;
  }

  /**
   * Which nodes each "Cộng" row closes: the section its label names ("Cộng mục II"); else the section
   * just above it (the top-level ancestor of the last criterion before it); else, in a list without
   * sections or after a "Cộng" inside the same section, the criteria since the previous subtotal.
   */
  private resolveSubtotals(): void {
    const { shape, table } = this;
    const n = shape.parent.length;
    const bare = (i: number): string =>
      shape.code[i]
        .trim()
        .replace(/[.)]+$/, "")
        .toLowerCase();
    for (const s of table.subtotals) {
      let nodes: number[] = [];
      if (s.named !== null) {
        let hit = -1;
        for (let i = 0; i < n && hit < 0; i++)
          if (shape.parent[i] < 0 && bare(i) === s.named) hit = i;
        // A sub-section ("Cộng mục 2" under I): the nearest one above the subtotal.
        for (let i = Math.min(s.after, n - 1); i >= 0 && hit < 0; i--)
          if (bare(i) === s.named) hit = i;
        if (hit >= 0) nodes = [hit];
      }
      if (nodes.length === 0 && s.after >= 0) {
        let top = s.after;
        while (shape.parent[top] >= 0) top = shape.parent[top];
        if (top >= s.from && shape.children[top].length > 0) nodes = [top];
        else for (let i = s.from; i <= s.after; i++) if (shape.parent[i] < s.from) nodes.push(i);
      }
      if (nodes.length > 0) {
        const section = nodes.length === 1 ? nodes[0] : -1;
        this.subtotalChecks.push({ line: s.line, nodes, section });
        this.subtotalMax(s.line, nodes, section);
      }
    }
  }

  /**
   * R1 on a "Cộng" line's own max (điểm chuẩn): offices restate the section's max there, and a
   * restated 55 under criteria worth 60 is the same mistake as on the section row. Content only: a
   * bonus section's max is its cap (R7), a deduction's is informational.
   */
  private subtotalMax(line: number, nodes: number[], section: number): void {
    const { shape, info, view } = this;
    const m = this.table.mapping;
    const at: Pos | null =
      m.layout === "B"
        ? m.maxRow !== null
          ? [m.maxRow, line]
          : null
        : m.maxCol !== null && !m.maxInLabel
          ? [line, m.maxCol]
          : null;
    if (at === null || nodes.some((i) => shape.kind[i] !== "content")) return;
    const raw = view.ownValue(at[0], at[1]);
    const read =
      typeof raw === "string"
        ? readScore(raw, { decimalSeparator: this.opts.decimalSeparator, scaleMax: null })
        : null;
    const typed = typeof raw === "number" ? raw : read?.kind === "number" ? read.value : null;
    if (typed === null || !Number.isFinite(typed)) return;
    let sum = 0;
    let known = false;
    for (const i of nodes) {
      const e = info[i].effMax;
      if (e !== null) {
        sum += e;
        known = true;
      }
    }
    if (!known || Math.abs(typed - sum) <= EPSILON * Math.max(1, sum)) return;
    const label =
      m.layout === "B"
        ? view.text(m.headerRow + m.headerRows - 1, line)
        : view.text(line, m.labelCol);
    this.issues.push(
      makeIssue("max-sum-mismatch", this.lang, {
        cell: this.addr(at),
        criterion: section >= 0 ? this.critName(section) : (label ?? ""),
        key: "issue.max-sum-mismatch-subtotal",
        params: { max: this.fmt(typed), sum: this.fmt(sum) },
        file: this.opts.file,
      })
    );
  }

  private addr(at: Pos): string {
    return this.cellName(at[0], at[1]);
  }

  private fmt(x: number): string {
    return formatScore(x, Math.max(this.p, 2), this.lang);
  }

  private critName(i: number): string {
    const shape = this.shape;
    return (this.names[i] ??= shape.code[i]
      ? `${shape.code[i]} ${shape.label[i]}`
      : shape.label[i]);
  }

  private readOptsOf(k: number): { decimalSeparator: "," | "."; scaleMax: number } {
    return (this.readOpts[k] ??= {
      decimalSeparator: this.opts.decimalSeparator,
      scaleMax: this.leafMaxOf[k] ?? this.contentMax,
    });
  }

  private rowOf(line: number, i: number): number {
    return this.axisRows ? this.lines[i] : line;
  }

  private colOf(line: number, i: number): number {
    return this.axisRows ? line : this.lines[i];
  }

  private valueAt(r: number, c: number): CellValue {
    const view = this.view;
    if (view.hasMerges) return view.ownValue(r, c);
    return view.value(r, c);
  }

  /** Max per node (R1, R5), the ids, and the max problems (cell-error, max-sum-mismatch). */
  private maxima(): void {
    const { table, shape, info, opts, lang, issues } = this;
    const crit = table.criteria;
    const n = crit.length;
    const ids = new Set<string>();
    const paths = pathsOf(shape);
    for (let i = 0; i < n; i++) {
      const c = crit[i];
      let typedMax: number | null = c.maxKnown;
      // A typed number is its own reading; readScore is for text and errors.
      if (typedMax === null && typeof c.maxValue === "number" && Number.isFinite(c.maxValue))
        typedMax = c.maxValue;
      else if (typedMax === null && c.maxValue !== null && c.maxValue !== undefined) {
        const r = readScore(c.maxValue, {
          decimalSeparator: opts.decimalSeparator,
          scaleMax: null,
        });
        if (r.kind === "number") typedMax = r.value;
        else if (r.kind === "error" && c.maxAt)
          issues.push(
            makeIssue("cell-error", lang, {
              cell: this.addr(c.maxAt),
              criterion: this.critName(i),
              key: "issue.cell-error-max",
              params: { error: r.error },
              file: opts.file,
            })
          );
      }
      let id = shape.code[i]
        ? paths[i]
        : table.mapping.layout === "B"
          ? `c${c.at[1] + 1}`
          : `r${c.at[0] + 1}`;
      if (ids.has(id)) id = table.mapping.layout === "B" ? `c${c.at[1] + 1}` : `r${c.at[0] + 1}`;
      ids.add(id);
      info.push({ id, max: typedMax, effMax: null, typedMax });
    }
    this.findAlternatives();
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
      // R12: graded alternatives are worth their largest level, and R1 compares the parent with it.
      if (this.alternatives.has(i)) sum = Math.max(...kids.map((k) => info[k].effMax ?? 0));
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
              cell: this.addr(crit[i].maxAt!),
              criterion: this.critName(i),
              params: { max: this.fmt(typed), sum: this.fmt(sum) },
              file: opts.file,
            })
          );
      } else {
        // The bonus section's max is its cap (R7), the deduction section's is informational (R1).
        info[i].effMax = typed ?? (anyKnown ? sum : null);
        info[i].max = info[i].effMax;
      }
    }
  }

  unit(u: TableUnit): ScoredUnit {
    const { shape, info, leaves, lines, opts, lang, issues, score, topContent } = this;
    const cap = this.cap;
    const p = this.p;
    // Locals, not property reads: unit objects carry accessors and are slow to read in a loop.
    const selfLine = u.selfLine;
    const reviewLine = u.reviewLine;
    const hasReview = u.hasReview;
    score.fill(0);
    let reviewAny = false;
    if (hasReview && reviewLine !== null)
      for (const i of leaves)
        if (
          lines[i] >= 0 &&
          !this.view.isEmpty(this.rowOf(reviewLine, i), this.colOf(reviewLine, i))
        ) {
          reviewAny = true;
          break;
        }
    // Which line each leaf was read from (1 self, 2 review): the addresses are built only if asked for.
    const from = new Uint8Array(leaves.length);
    const state: UnitState = {
      complete: true,
      usedSelfWhereReview: false,
      reviewAny,
      naMax: 0,
      maxDelta: 0,
    };
    let todo = this.allLeaves;
    if (this.fast) {
      if (readFastLeaves(this.fast, selfLine, reviewLine, score, from))
        state.usedSelfWhereReview = hasReview;
      todo = this.fast.slow;
    }
    for (const k of todo) this.slowLeaf(u, k, from, state);
    if (this.alternatives.size > 0) this.checkAlternatives(u, state);
    sumUp(this.parents, score);
    sumByKind(this.leafIdx, this.leafKind, score, this.byKind);
    const content = this.byKind[0];
    const bonusRaw = this.byKind[1];
    const deduction = this.byKind[2];
    let bonus = bonusRaw;
    const capped = cap !== null && roundAt(bonusRaw, p) > roundAt(cap, p);
    if (capped) bonus = cap;
    if (capped && !this.quiet) {
      const bonusTop = this.bonusTop;
      const bonusAt =
        bonusTop >= 0
          ? (cellOf(this.table, reviewLine, bonusTop) ?? cellOf(this.table, selfLine, bonusTop))
          : null;
      issues.push(
        makeIssue("bonus-capped", lang, {
          cell: bonusAt ? this.addr(bonusAt) : null,
          unit: u.name,
          criterion: bonusTop >= 0 ? this.critName(bonusTop) : null,
          params: {
            bonus: this.fmt(bonusRaw),
            cap: this.fmt(cap),
            dropped: this.fmt(bonusRaw - cap),
          },
          file: opts.file,
        })
      );
    }
    const rawTotal = content + bonus - deduction;
    const max = u.own ? this.ownMax(u, content) : this.contentMax - state.naMax + state.maxDelta;
    if (hasReview && state.usedSelfWhereReview && !this.quiet)
      issues.push(makeIssue("review-missing", lang, { cell: null, unit: u.name, file: opts.file }));
    if (
      !this.quiet &&
      (this.typedParents.length > 0 ||
        this.subtotalChecks.length > 0 ||
        u.typedTotal.self ||
        u.typedTotal.review)
    )
      this.typedChecks(u);

    const firstSection = topContent.length > 0 ? score[topContent[0]] : 0;
    // A plain loop: TypedArray.from with a map function goes through the iterator protocol.
    const sectionScores = new Float64Array(topContent.length);
    for (let j = 0; j < topContent.length; j++) sectionScores[j] = score[topContent[j]];
    const cellName = this.cellName;
    const rowOf = (line: number, i: number): number => this.rowOf(line, i);
    const colOf = (line: number, i: number): number => this.colOf(line, i);
    return {
      name: u.name,
      nameCell: u.nameAt ? this.addr(u.nameAt) : null,
      rawTotal,
      firstSection,
      content,
      bonusRaw,
      bonus,
      deduction,
      complete: state.complete,
      max,
      ownMax: u.own !== undefined || state.naMax > 0 || state.maxDelta !== 0,
      sheet: this.sheet,
      file: opts.file,
      // Built when read: a 1,000 × 100 sheet in layout B has 100 "sections" per unit.
      sectionsOf: () =>
        topContent.map((i, j) => ({
          id: info[i].id,
          code: shape.code[i],
          label: shape.label[i],
          kind: "content" as const,
          score: sectionScores[j],
          max: info[i].max,
        })),
      leafCellsOf: () => {
        const out: Record<string, string> = {};
        for (let k = 0; k < leaves.length; k++) {
          const i = leaves[k];
          const line = from[k] === 2 ? reviewLine : from[k] === 1 ? selfLine : null;
          if (line !== null && lines[i] >= 0)
            out[info[i].id] = cellName(rowOf(line, i), colOf(line, i));
        }
        return out;
      },
    };
  }

  /** R2: typed subtotals and totals, per column (a self column is checked against its own leaves). */
  private typedChecks(u: TableUnit): void {
    const { table, shape, view } = this;
    for (const [line, totalAt] of [
      [u.selfLine, u.typedTotal.self],
      [u.reviewLine, u.typedTotal.review],
    ] as const) {
      if (line === null) continue;
      const subs = this.subtotalChecks.map((sc) => ({
        at: (this.axisRows ? [sc.line, line] : [line, sc.line]) as Pos,
        nodes: sc.nodes,
        section: sc.section,
      }));
      // Nothing typed on the section rows and no total cell: nothing to compare, skip the re-read.
      if (
        totalAt === null &&
        this.typedParents.every((i) =>
          isBlank(view.ownValue(this.rowOf(line, i), this.colOf(line, i)) ?? null)
        ) &&
        subs.every((sc) => isBlank(view.ownValue(sc.at[0], sc.at[1]) ?? null))
      )
        continue;
      const cells = shape.parent.map((_, i) => cellOf(table, line, i));
      checkTyped(
        table,
        shape,
        cells,
        subs,
        totalAt,
        this.cap,
        this.opts,
        u.name,
        this.issues,
        (i) => this.critName(i),
        (at) => this.addr(at)
      );
    }
  }

  /** R13: how far item i may exceed its max, when the cluster allows a bonus inside an item. */
  private itemBonusOf(i: number): number {
    if (this.opts.itemBonus !== true || this.shape.kind[i] !== "content") return 0;
    return this.table.criteria[i].itemBonus ?? 0;
  }

  /**
   * R12: a content parent whose leaf children are graded levels of one criterion (C1.1 / C1.2 / C1.3 =
   * 5 / 4 / 3 under C1 = 5): their max decreasing, each within the parent's, their sum above it; or a
   * parent whose label says "chỉ chọn một".
   */
  private findAlternatives(): void {
    const { shape, info } = this;
    for (let i = 0; i < shape.parent.length; i++) {
      const kids = shape.children[i];
      if (shape.kind[i] !== "content" || kids.length < 2) continue;
      if (kids.some((k) => shape.children[k].length > 0)) continue;
      const said = /chi chon (mot|1)\b|chon (mot|1) (trong|muc)/.test(foldKey(shape.label[i]));
      const p = info[i].typedMax;
      const m = kids.map((k) => info[k].typedMax);
      const graded =
        p !== null &&
        m.every((x) => x !== null && x <= p + EPSILON) &&
        m.every((x, j) => j === 0 || x! < m[j - 1]! - EPSILON) &&
        m.reduce((a: number, x) => a + x!, 0) > p + EPSILON;
      if (!said && !graded) continue;
      this.alternatives.add(i);
      for (const k of kids) this.alternativeOf.set(k, i);
    }
  }

  /**
   * R12 per unit: the one level filled in counts; none filled is score-missing (R4); two filled is
   * alternatives-conflict, and only the highest of them counts.
   */
  private checkAlternatives(u: TableUnit, state: UnitState): void {
    const { shape, score, lines } = this;
    for (const p of this.alternatives) {
      const kids = shape.children[p];
      const filled: number[] = [];
      let cellOfFirst: Pos | null = null;
      for (const k of kids) {
        if (lines[k] < 0) continue;
        for (const line of [u.reviewLine, u.selfLine]) {
          if (line === null) continue;
          const at: Pos = [this.rowOf(line, k), this.colOf(line, k)];
          cellOfFirst ??= at;
          if (!isBlank(this.valueAt(at[0], at[1]))) {
            filled.push(k);
            break;
          }
        }
      }
      if (filled.length === 0) {
        state.complete = false;
        if (!this.quiet)
          this.issues.push(
            makeIssue("score-missing", this.lang, {
              cell: cellOfFirst ? this.addr(cellOfFirst) : null,
              unit: u.name,
              criterion: this.critName(p),
              file: this.opts.file,
            })
          );
      } else if (filled.length > 1) {
        const best = filled.reduce((a, b) => (score[b] > score[a] ? b : a));
        for (const k of filled) if (k !== best) score[k] = 0;
        if (!this.quiet) {
          const line = u.reviewLine ?? u.selfLine;
          const second = filled.find((k) => k !== filled[0])!;
          this.issues.push(
            makeIssue("alternatives-conflict", this.lang, {
              cell:
                line === null
                  ? null
                  : this.addr([this.rowOf(line, second), this.colOf(line, second)]),
              unit: u.name,
              criterion: this.critName(p),
              params: {
                levels: filled.map((k) => this.critName(k)).join("; "),
                value: this.fmt(score[best]),
              },
              file: this.opts.file,
            })
          );
        }
      }
    }
  }

  /**
   * Layout E: the unit's own max as typed (R11), the points checked against it (R3) and the typed
   * share against points ÷ max, at the share's own decimals (a share rounded in the source is not an
   * error). Null when the max cell holds no number (reported).
   */
  private ownMax(u: TableUnit, points: number): number | null {
    const own = u.own!;
    const raw = this.valueAt(own.maxAt[0], own.maxAt[1]);
    const read = readScore(raw, { decimalSeparator: this.opts.decimalSeparator, scaleMax: null });
    const quiet = this.quiet;
    const critName = this.critName(0);
    if (read.kind !== "number") {
      if (!quiet)
        this.issues.push(
          makeIssue(read.kind === "error" ? "cell-error" : "not-a-number", this.lang, {
            cell: this.addr(own.maxAt),
            unit: u.name,
            criterion: critName,
            key: read.kind === "error" ? "issue.cell-error-max" : undefined,
            params: { error: read.kind === "error" ? read.error : "", text: String(raw ?? "") },
            file: this.opts.file,
          })
        );
      return null;
    }
    const max = read.value;
    const pointsAt = u.selfLine === null ? null : cellOf(this.table, u.selfLine, 0);
    if (!quiet && points > max + EPSILON)
      this.issues.push(
        makeIssue("score-above-max", this.lang, {
          cell: pointsAt ? this.addr(pointsAt) : null,
          unit: u.name,
          criterion: critName,
          params: { value: this.fmt(points), max: this.fmt(max) },
          file: this.opts.file,
        })
      );
    if (!quiet && own.shareAt !== null && max > 0) {
      const typed = readScore(this.valueAt(own.shareAt[0], own.shareAt[1]), {
        decimalSeparator: this.opts.decimalSeparator,
        scaleMax: null,
      });
      if (typed.kind === "number") {
        const pct = (points / max) * 100;
        // A share typed as a fraction (0,8767 shown as 87,67 %) or as a percentage (87,67).
        const asFraction = typed.value <= 1.5 && pct > 1.5;
        const shown = asFraction ? typed.value * 100 : typed.value;
        const decimals = Math.max(0, decimalsOf(typed.value) - (asFraction ? 2 : 0));
        if (Math.abs(shown - pct) > 10 ** -decimals + EPSILON)
          this.issues.push(
            makeIssue("subtotal-mismatch", this.lang, {
              cell: this.addr(own.shareAt),
              unit: u.name,
              criterion: critName,
              key: "issue.share-mismatch",
              params: {
                typed: `${formatScore(shown, decimals, this.lang)} %`,
                points: this.fmt(points),
                max: this.fmt(max),
                share: `${formatScore(pct, Math.max(2, decimals), this.lang)} %`,
              },
              file: this.opts.file,
            })
          );
      }
    }
    return max;
  }

  /** A leaf the fast reading left: blank, text, error, unknown, out of range, or in a merged sheet. */
  private slowLeaf(u: TableUnit, k: number, from: Uint8Array, state: UnitState): void {
    const { shape, lines, issues, lang, opts } = this;
    const i = this.leaves[k];
    if (lines[i] < 0) return;
    const selfLine = u.selfLine;
    const reviewLine = u.reviewLine;
    let leafMax = this.leafMaxOf[k];
    let line: number | null = null;
    let raw: CellValue = null;
    if (reviewLine !== null) {
      raw = this.valueAt(this.rowOf(reviewLine, i), this.colOf(reviewLine, i));
      if (!isBlank(raw)) line = reviewLine;
    }
    if (line === null && selfLine !== null) {
      raw = this.valueAt(this.rowOf(selfLine, i), this.colOf(selfLine, i));
      if (!isBlank(raw)) {
        line = selfLine;
        if (u.hasReview) state.usedSelfWhereReview = true;
      }
    }
    const blameLine =
      line ?? (state.reviewAny && reviewLine !== null ? reviewLine : (selfLine ?? reviewLine));
    from[k] = blameLine === null ? 0 : blameLine === reviewLine ? 2 : 1;
    let x = 0;
    if (
      line !== null &&
      typeof raw === "number" &&
      Number.isFinite(raw) &&
      raw >= 0 &&
      (leafMax === null || raw <= leafMax + EPSILON)
    ) {
      // A typed number in range (reached here only in a sheet with merged cells).
      this.score[i] = raw * this.weights[i];
      return;
    }
    const read: ScoreRead = line === null ? { kind: "blank" } : readScore(raw, this.readOptsOf(k));
    // Named only when an issue is built: THIDUA.TOTAL reads a thousand "8,5" and builds none.
    const quiet = this.quiet;
    const cell = (): string | null =>
      blameLine === null ? null : this.cellName(this.rowOf(blameLine, i), this.colOf(blameLine, i));
    const issue = (code: IssueCode, params: Params, key?: IssueInput["key"]): void => {
      if (quiet) return;
      issues.push(
        makeIssue(code, lang, {
          cell: cell(),
          unit: u.name,
          criterion: this.critName(i),
          file: opts.file,
          params,
          key,
        })
      );
    };
    switch (read.kind) {
      case "number":
        x = read.value;
        if (read.outOf !== undefined && shape.kind[i] === "content") {
          // R11: "9,49/9,5" names this unit's max for the criterion (the sheet may have none).
          state.maxDelta += (read.outOf - (leafMax ?? 0)) * this.weights[i];
          leafMax = read.outOf;
        }
        if (read.fromText && !quiet) {
          const at = cell();
          issues.push(
            makeIssue("text-number", lang, {
              cell: at,
              unit: u.name,
              criterion: this.critName(i),
              file: opts.file,
              params: { text: String(raw), value: this.fmt(x) },
              fix: { cell: at!, value: x },
            })
          );
        }
        break;
      case "na":
        // R11: the criterion does not apply to this unit; its max leaves the unit's max. A results
        // table's one column is the unit's result: a dash there is a result not given (R4).
        if (u.own !== undefined) {
          state.complete = false;
          issue("score-missing", {});
        } else if (shape.kind[i] === "content") state.naMax += (leafMax ?? 0) * this.weights[i];
        break;
      case "blank":
        // R12: the other levels of a graded criterion stay blank; the group is checked as one.
        if (this.alternativeOf.has(i)) break;
        state.complete = false;
        issue("score-missing", {});
        break;
      case "unknown":
        // A formula whose result was never saved (a tool that does not calculate wrote the file, or
        // it was not recomputed on reading). Counting it as 0 in silence would publish a wrong total:
        // it is a cell-error (error), not score-missing (warning), because nothing was left blank and
        // the only fix is to open the file in Excel and save it, as with any cell showing an error;
        // as an error it makes the ranking provisional, and it counts as 0 like every error (§6).
        issue("cell-error", {}, "issue.formula-no-result");
        break;
      case "error":
        issue("cell-error", { error: read.error });
        break;
      case "ambiguous":
        issue("ambiguous-number", {
          text: read.text,
          candidates: read.candidates.map((c) => this.fmt(c)).join(" / "),
        });
        break;
      case "nan":
        issue("not-a-number", { text: read.text });
        break;
    }
    const kind = shape.kind[i];
    const topLevel = shape.parent[i] < 0;
    if (kind === "deduction") {
      if (x < 0) {
        issue("deduction-sign", { value: this.fmt(x), magnitude: this.fmt(-x) });
        x = -x;
      }
      if (!topLevel && leafMax !== null && x > leafMax + EPSILON)
        issue("score-above-max", { value: this.fmt(x), max: this.fmt(leafMax) });
    } else if (
      x < 0 ||
      (leafMax !== null &&
        x > leafMax + this.itemBonusOf(i) + EPSILON &&
        !(kind === "bonus" && topLevel))
    ) {
      issue(x < 0 ? "score-negative" : "score-above-max", {
        value: this.fmt(x),
        max: this.fmt(leafMax ?? 0),
      });
    }
    this.score[i] = x * this.weights[i];
  }
}

/** Decimals a typed number shows (87.67 → 2), at most 6. */
function decimalsOf(x: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(roundAt(x, d) - x) < 1e-9) return d;
  return 6;
}

interface SubtotalCheck {
  /** The subtotal's row (criteria in rows) or column (layout B). */
  line: number;
  /** The nodes whose scores it adds up. */
  nodes: number[];
  /** The one section it closes, -1 when it closes a group of top-level criteria. */
  section: number;
}

interface UnitState {
  complete: boolean;
  usedSelfWhereReview: boolean;
  /** The unit has at least one review score: a blank leaf is blamed on its review cell. */
  reviewAny: boolean;
  /** R11: weighted max of the content leaves marked "không áp dụng" for this unit. */
  naMax: number;
  /** R11: how far the maxima written in "9,49/9,5" cells move this unit's max from the sheet's. */
  maxDelta: number;
}

// Typed arrays filled by a loop: TypedArray.from(list, fn) walks the list through the iterator
// protocol, which showed as garbage per element on 1,000-criterion tables.
function floats(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

function ints(n: number, f: (i: number) => number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

/** Every parent's score = the sum of its children's, bottom-up (children follow their parent). */
function sumUp(parent: Int32Array, score: Float64Array): void {
  for (let i = parent.length - 1; i >= 0; i--) {
    const q = parent[i];
    if (q >= 0) score[q] += score[i];
  }
}

/** Leaf scores summed per kind (0 content, 1 bonus, 2 deduction), in leaf order. */
function sumByKind(
  leaves: Int32Array,
  kind: Uint8Array,
  score: Float64Array,
  out: Float64Array
): void {
  let content = 0;
  let bonus = 0;
  let deduction = 0;
  for (let k = 0; k < leaves.length; k++) {
    const x = score[leaves[k]];
    if (kind[k] === 0) content += x;
    else if (kind[k] === 1) bonus += x;
    else deduction += x;
  }
  out[0] = content;
  out[1] = bonus;
  out[2] = deduction;
}

interface FastLeaves {
  axisRows: boolean;
  vals: CellValue[][];
  gTop: number;
  gLeft: number;
  /** Per leaf (k), its row (axis rows) or column (axis cols); -1 when it holds no score. */
  leafLine: Int32Array;
  /** Per leaf, its max plus the tolerance; Infinity when it has none. */
  leafMax: Float64Array;
  leafWeight: Float64Array;
  leaves: number[];
  /** Out: the leaves (k) the fast reading left to the full one, in leaf order. */
  slow: number[];
}

/**
 * The hot loop of scoring, apart so the JIT sees a small monomorphic function: each leaf that holds a
 * typed number within its max (nearly all of them) is counted straight from the grid's arrays, without
 * allocating. Every other leaf (blank, text, error, out of range) goes to `f.slow` for the full reading
 * with its issues. Returns true when a self score was counted because the review cell was blank.
 */
function readFastLeaves(
  f: FastLeaves,
  selfLine: number | null,
  reviewLine: number | null,
  score: Float64Array,
  from: Uint8Array
): boolean {
  const { vals, gTop, gLeft, leafLine, leafMax, leafWeight, leaves, axisRows } = f;
  const slow = f.slow;
  slow.length = 0;
  let usedSelf = false;
  const self = selfLine === null ? -1 : selfLine;
  const review = reviewLine === null ? -1 : reviewLine;
  // Axis cols: the unit's line is a row, the same for every leaf.
  const selfRow = axisRows || self < 0 ? undefined : vals[self - gTop];
  const reviewRow = axisRows || review < 0 ? undefined : vals[review - gTop];
  for (let k = 0; k < leafLine.length; k++) {
    const l = leafLine[k];
    if (l < 0) continue;
    let raw: CellValue = null;
    let which = 0;
    if (review >= 0) {
      const row = axisRows ? vals[l - gTop] : reviewRow;
      const j = (axisRows ? review : l) - gLeft;
      raw = row === undefined || j < 0 || j >= row.length ? null : row[j];
      if (!isBlank(raw)) which = 2;
    }
    if (which === 0 && self >= 0) {
      const row = axisRows ? vals[l - gTop] : selfRow;
      const j = (axisRows ? self : l) - gLeft;
      raw = row === undefined || j < 0 || j >= row.length ? null : row[j];
      if (!isBlank(raw)) which = 1;
    }
    if (which !== 0 && typeof raw === "number" && raw >= 0 && raw <= leafMax[k]) {
      // raw <= a finite max or Infinity: NaN fails, +Infinity passes only without a max.
      if (raw === Infinity) {
        slow.push(k);
        continue;
      }
      // Same-cell self and review (a mapping that names one column twice) blames the review, as below.
      from[k] = which === 1 && self === review ? 2 : which;
      if (which === 1 && review >= 0) usedSelf = true;
      score[leaves[k]] = raw * leafWeight[k];
    } else slow.push(k);
  }
  return usedSelf;
}

/** Values of one column as the sheet shows them, summed bottom-up (blank and non-numbers as 0). */
function checkTyped(
  table: ScoreTable,
  shape: TreeShape,
  cells: readonly (Pos | null)[],
  subtotals: readonly { at: Pos; nodes: number[]; section: number }[],
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
    const okSigned = typedAgrees(tw, sum[i], p);
    const okMag = shape.kind[i] === "deduction" && typedAgrees(Math.abs(tw), mag[i], p);
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
  for (const st of subtotals) {
    const typed = read(st.at);
    if (typed === null) continue;
    let signed = 0;
    let magnitude = 0;
    for (const i of st.nodes) {
      signed += sum[i];
      magnitude += mag[i];
    }
    const deductions = st.nodes.every((i) => shape.kind[i] === "deduction");
    if (
      !typedAgrees(typed, signed, p) &&
      !(deductions && typedAgrees(Math.abs(typed), magnitude, p))
    )
      issues.push(
        makeIssue("subtotal-mismatch", opts.lang, {
          cell: addr(st.at),
          unit,
          criterion:
            st.section >= 0 ? critName(st.section) : st.nodes.map((i) => critName(i)).join("; "),
          key: "issue.section-subtotal-mismatch",
          params: { typed: fmt(typed), sum: fmt(signed) },
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
    if (!typedAgrees(typed, total, p))
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

/**
 * Per node, "III.1.1" for "1.1" under "1" under "III": the parent's path and the code's last part.
 * Built once for the whole tree from the parents' paths (a per-node walk to the root was quadratic
 * in depth and split strings for every ancestor).
 */
function pathsOf(shape: TreeShape): string[] {
  const n = shape.parent.length;
  const out = new Array<string | undefined>(n);
  const of = (i: number): string => {
    const known = out[i];
    if (known !== undefined) return known;
    const c = shape.code[i].replace(/[.)]+$/, "");
    const last = c.split(".").pop() ?? c;
    const q = shape.parent[i];
    return (out[i] = q >= 0 ? `${of(q)}.${last}` : last);
  };
  const all: string[] = [];
  for (let i = 0; i < n; i++) all.push(of(i));
  return all;
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
