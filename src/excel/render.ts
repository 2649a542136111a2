/**
 * Writing a SheetSpec into our worksheet (a new one, or our previous one cleared in place) with
 * whole-range writes: one `numberFormat`, one `formulas` and one `setCellProperties` per block of
 * rows, so the cost is a constant number of round trips whatever the size. Blocks exist only to stay under Excel on the web's 5 MB request limit: a sheet
 * that fits goes in ONE sync.
 */
import { columnLetter } from "../core/grid";
import type { SheetSpec, SpecCell, SpecStyle } from "../sheets/spec";
import type { SheetEntry } from "./read";
import type { SheetTag } from "./tags";
import { tagName } from "./tags";

/** A margin under 5 MB for the request envelope Office adds around our data. */
export const DEFAULT_PAYLOAD_BUDGET = 4 * 1024 * 1024;

const MAX_SHEET_NAME = 31;

/** Excel column width: characters (the spec's unit, as in .xlsx) → points (the API's unit). */
export function charsToPoints(chars: number): number {
  return Math.round(Math.trunc(chars * 7 + 5) * 0.75 * 100) / 100;
}

const mmToPoints = (mm: number): number => Math.round(((mm * 72) / 25.4) * 100) / 100;

/**
 * A string Excel would not keep as typed when written through `values`/`formulas`: a formula
 * ("=HYPERLINK(…)"), something it parses as a number, date, time, percentage or boolean, or a leading
 * apostrophe it would swallow. Only these cells get the text format "@", because Excel shows "####"
 * for a text-formatted cell longer than 255 characters (long footnotes would suffer).
 */
export function needsTextFormat(s: string): boolean {
  const t = s.trim();
  if (/^[=+\-@']/.test(t)) return true;
  if (/^[-+]?[\d.,\s]*\d[\d.,\s]*%?$/.test(t)) return true;
  if (/^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}/.test(t)) return true;
  return /^(true|false|đúng|sai)$/i.test(t);
}

export interface RenderTarget {
  /** The sheet's name: a reused sheet keeps the one it has (the user may have renamed it). */
  name: string;
  tag: string;
  /**
   * Our previous sheet of the same kind and wanted name, cleared and written again in place, so
   * formulas, charts and reports the user built on it keep pointing at it (a deleted sheet would
   * turn every one of them into #REF!).
   */
  reuse: string | null;
  /** A tag whose sheet the user deleted: dropped and made again. */
  staleTag: boolean;
}

/**
 * A name Excel accepts for `wanted`: a unit's name goes into template sheet names, and one with "/"
 * or ":" ("Sở Nội vụ/Ban Thi đua") would make Excel refuse the whole batch.
 */
export function safeSheetName(wanted: string): string {
  const s = wanted
    .replace(/[\\/?*[\]:]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  return s || "THIDUA";
}

/** "Xếp hạng", "Xếp hạng (2)", …, cut so the name stays within Excel's 31 characters. */
function candidate(wanted: string, n: number): string {
  const base = safeSheetName(wanted);
  if (n === 1) return base.slice(0, MAX_SHEET_NAME).trimEnd();
  const suffix = ` (${n})`;
  return base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
}

/**
 * Where a spec goes. Only a sheet tagged as ours for the same kind and wanted name is reused; any
 * other sheet with the wanted name is the user's and keeps its name and cells.
 */
export function planTarget(spec: SheetSpec, sheets: SheetEntry[], tags: SheetTag[]): RenderTarget {
  const tag = tagName(spec.kind, spec.name);
  const mine = tags.find((t) => t.tag === tag);
  const reuse = (mine?.sheet && sheets.find((s) => s.name === mine.sheet)?.name) || null;
  if (reuse) return { name: reuse, tag, reuse, staleTag: false };
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  let n = 1;
  while (taken.has(candidate(spec.name, n).toLowerCase())) n++;
  return { name: candidate(spec.name, n), tag, reuse: null, staleTag: Boolean(mine) };
}

/**
 * A new sheet for the spec whatever ours exist: for a record the user may have typed into (the tellers'
 * counts on a vote tally), where clearing our earlier sheet in place would lose what they typed. The
 * spec is renamed to the free name so its tag is its own.
 */
export function planFreshTarget(
  spec: SheetSpec,
  sheets: SheetEntry[],
  tags: SheetTag[]
): { spec: SheetSpec; target: RenderTarget } {
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  const tagged = new Set(tags.map((t) => t.tag.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = candidate(spec.name, n);
    const tag = tagName(spec.kind, name);
    if (!taken.has(name.toLowerCase()) && !tagged.has(tag.toLowerCase()))
      return { spec: { ...spec, name }, target: { name, tag, reuse: null, staleTag: false } };
  }
}

/**
 * Targets for several specs written in one batch: each new sheet's name is taken before the next
 * spec is planned, so two specs never pick the same name.
 */
export function planTargets(
  specs: SheetSpec[],
  sheets: SheetEntry[],
  tags: SheetTag[]
): RenderTarget[] {
  const list = [...sheets];
  const known = [...tags];
  return specs.map((spec) => {
    const t = planTarget(spec, list, known);
    if (!t.reuse) {
      list.push({ name: t.name, position: list.length, visible: true });
      known.push({ tag: t.tag, kind: spec.kind, sheet: t.name });
    }
    return t;
  });
}

interface WriteOp {
  bytes: number;
  apply(ws: Excel.Worksheet, context: Excel.RequestContext): void;
}

const encoder = new TextEncoder();
const sizeOf = (x: unknown): number => encoder.encode(JSON.stringify(x)).length + 64;

const H: Record<
  NonNullable<SpecStyle["horizontal"]>,
  Excel.HorizontalAlignment | "Left" | "Center" | "Right"
> = {
  left: "Left",
  center: "Center",
  right: "Right",
};
const V: Record<NonNullable<SpecStyle["vertical"]>, "Top" | "Center" | "Bottom"> = {
  top: "Top",
  middle: "Center",
  bottom: "Bottom",
};

function cellProps(style: SpecStyle | undefined): Excel.SettableCellProperties {
  if (!style) return {};
  const format: Excel.CellPropertiesFormat = {};
  const font: Excel.CellPropertiesFont = {};
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.size !== undefined) font.size = style.size;
  if (style.fontName !== undefined) font.name = style.fontName;
  if (style.color !== undefined) font.color = style.color;
  if (Object.keys(font).length) format.font = font;
  if (style.fill) format.fill = { color: style.fill };
  if (style.horizontal) format.horizontalAlignment = H[style.horizontal];
  if (style.vertical) format.verticalAlignment = V[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.border) {
    // Style only: thin and automatic colour are Excel's defaults, and the border object is repeated
    // four times per cell, the largest part of a big sheet's request.
    const b: Excel.CellBorder = { style: "Continuous" };
    format.borders = { top: b, bottom: b, left: b, right: b };
  }
  if (style.unlocked) format.protection = { locked: false };
  return Object.keys(format).length ? { format } : {};
}

/** The whole-range writes of the spec's cells, in row blocks that each stay under `budget`. */
function cellOps(spec: SheetSpec, budget: number): WriteOp[] {
  if (spec.cells.length === 0) return [];
  const rows = Math.max(...spec.cells.map((c) => c.row)) + 1;
  const cols = Math.max(...spec.cells.map((c) => c.col)) + 1;
  const at: (SpecCell | undefined)[][] = Array.from(
    { length: rows },
    () => new Array<SpecCell | undefined>(cols)
  );
  for (const c of spec.cells) at[c.row][c.col] = c;

  // Null means "leave this cell alone" to Office: untouched cells cost four bytes.
  const nf = at.map((row) =>
    Array.from(row, (c) => {
      if (!c) return null;
      if (c.style?.numberFormat) return c.style.numberFormat;
      return c.formula === undefined && typeof c.value === "string" && needsTextFormat(c.value)
        ? "@"
        : null;
    })
  );
  const formulas = at.map((row) =>
    Array.from(row, (c) => (c ? (c.formula ?? (c.value === undefined ? null : c.value)) : null))
  );
  const props = at.map((row) => Array.from(row, (c) => cellProps(c?.style)));
  const rowBytes = at.map((_, r) => sizeOf(nf[r]) + sizeOf(formulas[r]) + sizeOf(props[r]));

  const ops: WriteOp[] = [];
  let start = 0;
  while (start < rows) {
    let end = start;
    let bytes = rowBytes[start];
    while (end + 1 < rows && bytes + rowBytes[end + 1] <= budget / 2) bytes += rowBytes[++end];
    const r0 = start;
    const n = end - start + 1;
    const blockNf = nf.slice(r0, r0 + n);
    const blockF = formulas.slice(r0, r0 + n);
    const blockP = props.slice(r0, r0 + n);
    const hasNf = blockNf.some((row) => row.some((x) => x !== null));
    const hasP = blockP.some((row) => row.some((x) => Object.keys(x).length > 0));
    // numberFormat first: "@" must be in place before the text arrives, or "=…" becomes a formula.
    if (hasNf)
      ops.push({
        bytes: sizeOf(blockNf),
        apply: (ws) => (ws.getRangeByIndexes(r0, 0, n, cols).numberFormat = blockNf as any[][]),
      });
    ops.push({
      bytes: sizeOf(blockF),
      apply: (ws) => (ws.getRangeByIndexes(r0, 0, n, cols).formulas = blockF as any[][]),
    });
    if (hasP)
      ops.push({
        bytes: sizeOf(blockP),
        apply: (ws) => ws.getRangeByIndexes(r0, 0, n, cols).setCellProperties(blockP),
      });
    start = end + 1;
  }
  return ops;
}

function layoutOps(spec: SheetSpec): WriteOp[] {
  const ops: WriteOp[] = [];
  const widths = spec.columnWidths ?? [];
  if (widths.length) {
    ops.push({
      bytes: widths.length * 90,
      apply: (ws) =>
        widths.forEach((w, c) => {
          if (w > 0)
            ws.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth =
              charsToPoints(w);
        }),
    });
  }
  const heights = Object.entries(spec.rowHeights ?? {});
  if (heights.length) {
    ops.push({
      bytes: heights.length * 90,
      apply: (ws) =>
        heights.forEach(
          ([r, h]) => (ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h)
        ),
    });
  }
  const merges = spec.merges ?? [];
  if (merges.length) {
    ops.push({
      bytes: merges.length * 90,
      apply: (ws) =>
        merges.forEach((m) =>
          ws
            .getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1)
            .merge(false)
        ),
    });
  }
  for (const v of spec.validations ?? []) {
    ops.push({
      bytes: sizeOf(v) + 200,
      apply: (ws) => {
        const dv = ws.getRange(v.range).dataValidation;
        dv.rule = {
          decimal: {
            formula1: v.min,
            // A reference ("C6") is relative to the range's first cell, as Excel reads validation formulas.
            formula2: typeof v.max === "number" ? v.max : `=${v.max}`,
            operator: "Between",
          },
        };
        if (v.prompt)
          dv.prompt = {
            showPrompt: true,
            title: (v.promptTitle ?? "").slice(0, 32),
            message: v.prompt.slice(0, 255),
          };
        if (v.errorMessage) {
          dv.errorAlert = {
            showAlert: true,
            style: "Stop",
            title: (v.promptTitle ?? "").slice(0, 32),
            message: v.errorMessage.slice(0, 255),
          };
        }
      },
    });
  }
  const p = spec.print;
  if (p) {
    ops.push({
      bytes: 400,
      apply: (ws) => {
        const pl = ws.pageLayout;
        pl.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
        pl.paperSize = "A4";
        if (p.margins) {
          pl.topMargin = mmToPoints(p.margins.top);
          pl.bottomMargin = mmToPoints(p.margins.bottom);
          pl.leftMargin = mmToPoints(p.margins.left);
          pl.rightMargin = mmToPoints(p.margins.right);
        }
        if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (p.repeatRows)
          pl.setPrintTitleRows(`$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}`);
      },
    });
  }
  const f = spec.freeze;
  if (f && (f.rows > 0 || f.columns > 0)) {
    ops.push({
      bytes: 120,
      apply: (ws) => {
        if (f.rows > 0 && f.columns > 0)
          ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, f.rows, f.columns));
        else if (f.rows > 0) ws.freezePanes.freezeRows(f.rows);
        else ws.freezePanes.freezeColumns(f.columns);
      },
    });
  }
  return ops;
}

export interface WriteOptions {
  budget?: number;
  activate?: boolean;
}

/** One queued call of a batch, with the bytes it adds to the request. */
interface Step {
  bytes: number;
  run(): void;
}

/**
 * Our sheet, emptied back to a new sheet's state without deleting it: the sheet object, its name,
 * position and tag stay, so references to it from the user's sheets survive the re-run. Unprotect
 * comes first: when the user protected it with a password this fails before anything is changed.
 */
function resetSheet(ws: Excel.Worksheet): void {
  ws.protection.unprotect();
  const all = ws.getRange();
  all.unmerge();
  all.dataValidation.clear();
  // "All": values, formulas, formats, hyperlinks; widths and heights are not formats to Excel.
  all.clear("All");
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  ws.freezePanes.unfreeze();
}

/**
 * The calls that write one spec into its target. The worksheet proxy is made by the first step, in
 * queue order, so a batch can add a sheet and write into it before anything is sent.
 */
function specSteps(
  context: Excel.RequestContext,
  spec: SheetSpec,
  target: RenderTarget,
  budget: number,
  activate: boolean
): Step[] {
  const wb = context.workbook;
  let ws: Excel.Worksheet | null = null;
  const sheet = (): Excel.Worksheet => {
    if (!ws) throw new Error("specSteps: the sheet step did not run first");
    return ws;
  };
  const prepare: Step = {
    bytes: 600,
    run: () => {
      if (target.reuse) {
        ws = wb.worksheets.getItem(target.reuse);
        resetSheet(ws);
        return;
      }
      if (target.staleTag) wb.names.getItem(target.tag).delete();
      ws = wb.worksheets.add(target.name);
      const name = wb.names.add(target.tag, ws.getRange("A1"), "THIDUA");
      name.visible = false;
    },
  };
  const tail: Step = {
    bytes: 200,
    run: () => {
      const w = sheet();
      if (spec.protect) w.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
      if (activate) {
        // Our sheet the user hid is shown again: Excel refuses to activate a hidden sheet.
        if (target.reuse) w.visibility = "Visible";
        w.activate();
      }
    },
  };
  const body = [...cellOps(spec, budget), ...layoutOps(spec)].map((op): Step => ({
    bytes: op.bytes,
    run: () => op.apply(sheet(), context),
  }));
  return [prepare, ...body, tail];
}

/**
 * Queues the steps and syncs: once when they fit the budget, once per budget-sized group otherwise.
 * Returns the number of syncs made. Reads or writes the caller queued before ride with the first group.
 */
async function runSteps(
  context: Excel.RequestContext,
  steps: Step[],
  budget: number
): Promise<number> {
  let syncs = 0;
  let used = 600;
  for (const step of steps) {
    if (used + step.bytes > budget) {
      // One sync per budget-sized group: only for writes above Excel on the web's request limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
      used = 0;
    }
    step.run();
    used += step.bytes;
  }
  await context.sync();
  return syncs + 1;
}

/**
 * Writes the spec into its target: our previous sheet cleared in place, or a new tagged sheet.
 * Returns the number of syncs made (one when it fits the budget).
 */
export async function writeSpec(
  context: Excel.RequestContext,
  spec: SheetSpec,
  target: RenderTarget,
  options: WriteOptions = {}
): Promise<number> {
  return writeSpecs(context, [{ spec, target }], options);
}

/**
 * Several specs in one batch (a self-score template per member): the syncs depend on the total size
 * only, not on how many sheets there are. `activate` applies to the first spec.
 */
export async function writeSpecs(
  context: Excel.RequestContext,
  writes: { spec: SheetSpec; target: RenderTarget }[],
  options: WriteOptions = {}
): Promise<number> {
  const budget = options.budget ?? DEFAULT_PAYLOAD_BUDGET;
  const steps = writes.flatMap(({ spec, target }, i) =>
    specSteps(context, spec, target, budget, i === 0 && options.activate !== false)
  );
  return runSteps(context, steps, budget);
}
