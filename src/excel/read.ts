/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read -- readers queue loads and return a finisher the caller runs after its own context.sync(), so several reads share one round trip; the rules only look inside one function. */
/**
 * Reading worksheets into Grids. Each reader only QUEUES loads on a context and returns a finisher to
 * call after the caller's `context.sync()`: several readers share one round trip (DESIGN.md "Round
 * trips": read once). Whole-range properties only (values, formulas, valueTypes, getCellProperties).
 */
import type { CellFormat, CellValue, Grid, Merge } from "../core/grid";
import { parseAddress, splitAreas } from "./address";

/** Fonts and indents: what layout detection uses to tell section rows from criteria (DOMAIN.md §4). */
const CELL_PROPS: Excel.CellPropertiesLoadOptions = {
  format: { font: { name: true, bold: true, italic: true }, indentLevel: true },
};

function cellValue(v: unknown, type: string): CellValue {
  if (type === "Empty") return null;
  if (type === "Error") return { error: String(v) };
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v === "" || v === null || v === undefined) return null;
  return String(v);
}

function formatOf(p: Excel.CellProperties | undefined): CellFormat | null {
  const f = p?.format;
  if (!f) return null;
  const out: CellFormat = {};
  if (f.font) {
    out.font = {};
    if (f.font.name !== undefined) out.font.name = f.font.name;
    if (f.font.bold) out.font.bold = true;
    if (f.font.italic) out.font.italic = true;
  }
  if (f.indentLevel) out.indent = f.indentLevel;
  return out;
}

/** A queued worksheet read. Call it, after the syncs, for the Grid. */
export interface GridReader {
  (): Grid;
  /**
   * After the sync that loaded the used range: when some of its rows (columns) are hidden and some
   * not, queues each row's (column's) state. True when something was queued, so one more sync is due.
   */
  queueHidden(): boolean;
  /** For a sheet queued with `blocks`, after the sync that loaded its size: its blocks (else none). */
  blockPlan(cellsPerSync: number): BlockPlan[];
}

/**
 * Which of `count` rows (columns) are hidden, in grid coordinates, from the used range's uniform
 * state (`all`) or, when that is null (mixed), each one's state (`each`, read by queueHidden).
 */
function hiddenIndexes(
  all: boolean | null,
  count: number,
  each: (boolean | null)[] | null
): number[] {
  if (all !== null) return all ? Array.from({ length: count }, (_, i) => i) : [];
  // Finishing without the queueHidden() sync would rank a hidden "Năm 2024": fail loudly instead.
  if (!each) throw new Error("Mixed hidden rows or columns were read without queueHidden().");
  return each.flatMap((h, i) => (h ? [i] : []));
}

/**
 * Queues the read of one worksheet's used range. `valuesOnly`: a sheet formatted down to row 1000
 * would otherwise hand the engine hundreds of blank rows; the cells that matter all hold a value.
 * rowHidden/columnHidden come with the values: no extra round trip unless hiding is mixed.
 *
 * `blocks`: for a used range too large for one response (Excel on the web answers at most 5 MB, about
 * 50,000 cells with their fonts; a stray value at row 5000 is enough). Only the range's size is
 * queued; loadGridBlocks then reads it a block of rows at a time, one sync per block group.
 */
export function queueGridRead(ws: Excel.Worksheet, blocks = false): GridReader {
  ws.load("name");
  const used = ws.getUsedRange(true);
  if (blocks) used.load("rowIndex, columnIndex, rowCount, columnCount, rowHidden, columnHidden");
  else used.load("rowIndex, columnIndex, values, formulas, valueTypes, rowHidden, columnHidden");
  const props = blocks ? null : used.getCellProperties(CELL_PROPS);
  const merged = used.getMergedAreasOrNullObject();
  merged.load("address");
  let rowStates: Excel.Range[] | null = null;
  let colStates: Excel.Range[] | null = null;
  const parts: BlockRead[] = [];
  const size = (): { rows: number; cols: number } =>
    blocks
      ? { rows: used.rowCount, cols: used.columnCount }
      : { rows: used.values.length, cols: used.values[0]?.length ?? 0 };
  const cells = (): {
    values: CellValue[][];
    formulas: (string | null)[][];
    formats: (CellFormat | null)[][];
  } => {
    if (!blocks) {
      return {
        values: used.values.map((row, r) => row.map((v, c) => cellValue(v, used.valueTypes[r][c]))),
        formulas: used.formulas.map((row) => row.map(formulaOf)),
        formats: (props as OfficeExtension.ClientResult<Excel.CellProperties[][]>).value.map(
          (row) => row.map((p) => formatOf(p))
        ),
      };
    }
    const { rows, cols } = size();
    if (parts.length === 0 && rows * cols > 0)
      throw new Error("A sheet read in blocks was finished without loadGridBlocks().");
    const values: CellValue[][] = Array.from({ length: rows }, () => new Array(cols).fill(null));
    const formulas: (string | null)[][] = Array.from({ length: rows }, () =>
      new Array(cols).fill(null)
    );
    const formats: (CellFormat | null)[][] = Array.from({ length: rows }, () =>
      new Array(cols).fill(null)
    );
    for (const b of parts) {
      const { range, props: bp } = b;
      range.values.forEach((row, i) =>
        row.forEach((v, j) => {
          values[b.top + i][b.left + j] = cellValue(v, range.valueTypes[i][j]);
          formulas[b.top + i][b.left + j] = formulaOf(range.formulas[i][j]);
          formats[b.top + i][b.left + j] = formatOf(bp.value[i]?.[j]);
        })
      );
    }
    return { values, formulas, formats };
  };
  const finish = (): Grid => {
    const { values, formulas, formats } = cells();
    const merges: Merge[] = [];
    if (!merged.isNullObject && merged.address) {
      for (const a of splitAreas(merged.address)) {
        const p = parseAddress(a);
        if (!p) continue;
        merges.push({
          top: p.rect.top - used.rowIndex,
          left: p.rect.left - used.columnIndex,
          bottom: p.rect.bottom - used.rowIndex,
          right: p.rect.right - used.columnIndex,
        });
      }
    }
    const grid: Grid = {
      sheetName: ws.name,
      top: used.rowIndex,
      left: used.columnIndex,
      values,
      formulas,
      formats,
    };
    if (merges.length) grid.merges = merges;
    // An empty sheet's used range is A1 holding nothing: hand the engine no rows rather than one blank.
    if (values.length === 1 && values[0].length === 1 && values[0][0] === null && !formulas[0][0]) {
      return { ...grid, values: [], formulas: [], formats: [] };
    }
    // Hidden rows and columns as the .xlsx reader gives them (src/xlsx/read.ts): the engine decides
    // what a hidden unit column means, so the task pane and `thidua rank` rank a workbook alike.
    const rows = hiddenIndexes(
      used.rowHidden,
      values.length,
      rowStates && rowStates.map((r) => r.rowHidden)
    );
    const cols = hiddenIndexes(
      used.columnHidden,
      values[0].length,
      colStates && colStates.map((c) => c.columnHidden)
    );
    if (rows.length > 0 || cols.length > 0) grid.hidden = { rows, cols };
    return grid;
  };
  const queueHidden = (): boolean => {
    let queued = false;
    const { rows, cols } = size();
    if (used.rowHidden === null && !rowStates) {
      rowStates = Array.from({ length: rows }, (_, i) => used.getRow(i).load("rowHidden"));
      queued = true;
    }
    if (used.columnHidden === null && !colStates) {
      colStates = Array.from({ length: cols }, (_, j) => used.getColumn(j).load("columnHidden"));
      queued = true;
    }
    return queued;
  };
  const blockPlan = (cellsPerSync: number): BlockPlan[] => {
    if (!blocks) return [];
    const { rows, cols } = size();
    const width = Math.max(1, Math.min(cols, cellsPerSync));
    const height = Math.max(1, Math.floor(cellsPerSync / width));
    const plan: BlockPlan[] = [];
    for (let top = 0; top < rows; top += height)
      for (let left = 0; left < cols; left += width)
        plan.push({
          cells: Math.min(height, rows - top) * Math.min(width, cols - left),
          queue: () => {
            const range = used
              .getCell(top, left)
              .getResizedRange(Math.min(height, rows - top) - 1, Math.min(width, cols - left) - 1);
            range.load("values, formulas, valueTypes");
            parts.push({ top, left, range, props: range.getCellProperties(CELL_PROPS) });
          },
        });
    return plan;
  };
  return Object.assign(finish, { queueHidden, blockPlan });
}

function formulaOf(f: unknown): string | null {
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

interface BlockRead {
  top: number;
  left: number;
  range: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/** One block of a sheet read in blocks: its size, and the loads to queue for it. */
interface BlockPlan {
  cells: number;
  queue(): void;
}

/** The response budget of a sync reading blocks: under Excel on the web's 5 MB, with room to spare. */
export const READ_BUDGET_BYTES = 4 * 1024 * 1024;

/** Bytes a cell costs in a response, fonts included, with room to spare (the simulator counts ~90). */
const BYTES_PER_CELL = 150;

/**
 * After the sync that loaded the sizes of `readers` made with `blocks`: reads their cells in as few
 * syncs as keep each response under `budgetBytes`. Returns the syncs spent (0 for whole reads).
 */
export async function loadGridBlocks(
  context: Excel.RequestContext,
  readers: readonly GridReader[],
  budgetBytes: number
): Promise<number> {
  const perSync = Math.max(1, Math.floor(budgetBytes / BYTES_PER_CELL));
  let syncs = 0;
  let queued = 0;
  for (const plan of readers.flatMap((r) => r.blockPlan(perSync))) {
    if (queued > 0 && queued + plan.cells > perSync) {
      // One sync per block group is the point: their number is the sheet's size over the budget.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
      queued = 0;
    }
    plan.queue();
    queued += plan.cells;
  }
  if (queued > 0) {
    await context.sync();
    syncs++;
  }
  return syncs;
}

/** True for Office's answer to a response above Excel on the web's 5 MB (a used range too large). */
export function isResponseTooLarge(e: unknown): boolean {
  return (
    !!e &&
    typeof e === "object" &&
    (e as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded"
  );
}

/**
 * After the sync that loaded `readers`: the one more sync that mixed hiding needs, shared by every
 * sheet and skipped when no sheet needs it. Returns the syncs spent (0 or 1).
 */
export async function loadHiddenDetail(
  context: Excel.RequestContext,
  readers: readonly GridReader[]
): Promise<number> {
  if (!queueHiddenDetail(readers)) return 0;
  await context.sync();
  return 1;
}

/** Queues every reader's per-row/per-column hidden state it needs; true when a sync is due. */
export function queueHiddenDetail(readers: readonly GridReader[]): boolean {
  // Every reader must queue, so no short-circuit.
  return readers.map((r) => r.queueHidden()).some(Boolean);
}

export interface SheetEntry {
  name: string;
  position: number;
  visible: boolean;
}

export function queueSheetList(context: Excel.RequestContext): () => SheetEntry[] {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/position, items/visibility");
  return () =>
    sheets.items.map((s) => ({
      name: s.name,
      position: s.position,
      visible: s.visibility === "Visible",
    }));
}

/** The workbook culture's decimal separator (N1 tries it first on "8,5"). */
export function queueDecimalSeparator(context: Excel.RequestContext): () => "," | "." {
  const nf = context.application.cultureInfo.numberFormat;
  nf.load("numberDecimalSeparator");
  return () => (nf.numberDecimalSeparator === "," ? "," : ".");
}
