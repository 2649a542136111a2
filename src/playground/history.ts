/**
 * Undo and redo for the playground, over what the user typed and what the add-in wrote alike. Each
 * step keeps the cells it changed as they were before and after (value, formula, format), the layout
 * of each sheet it changed (merges, widths, heights, hidden lines, panes, validation, print setup),
 * plus the sheets it added, so undoing restores the sheets exactly. The workbook is compared before and after
 * a step rather than every write being logged: the add-in writes through the simulator's Office API,
 * which knows nothing of undo (Excel's JavaScript API has none either).
 */
import type { CellModel, SheetModel, WorkbookModel } from "../simulator";
import { MAX_COLS } from "../simulator/address";

/** Cells of one sheet: position key → the cell as JSON (compared as text, copied by parsing). */
type SheetCells = Map<number, string>;

interface Snapshot {
  cells: Map<SheetModel, SheetCells>;
  /** Each sheet's layout as JSON (see layoutOf). */
  layouts: Map<SheetModel, string>;
  activeSheetId: string | null;
  selection: WorkbookModel["selection"];
}

interface CellChange {
  sheet: SheetModel;
  key: number;
  before?: string;
  after?: string;
}

interface LayoutChange {
  sheet: SheetModel;
  before: string;
  after: string;
}

interface Step {
  /** Which add-in action wrote it; consecutive runs of one action make one step. */
  group?: number;
  changes: CellChange[];
  layouts: LayoutChange[];
  added: { sheet: SheetModel; index: number }[];
  before: Pick<Snapshot, "activeSheetId" | "selection">;
  after: Pick<Snapshot, "activeSheetId" | "selection">;
  /** The workbook before the step, kept for the newest step only, while its action may continue. */
  start?: Snapshot;
}

const LIMIT = 100;

/**
 * What a sheet holds besides its cells. The add-in's sheets are written in place (merges, column
 * widths, frozen panes, validation and print setup reset and set again), so these change with a step
 * as much as cells do.
 */
function layoutOf(sheet: SheetModel): string {
  return JSON.stringify({
    merges: sheet.merges,
    columnWidths: [...sheet.columnWidths],
    rowHeights: [...sheet.rowHeights],
    hiddenRows: [...sheet.hiddenRows],
    hiddenCols: [...sheet.hiddenCols],
    freeze: sheet.freeze,
    validations: sheet.validations,
    pageLayout: sheet.pageLayout,
    protection: sheet.protection,
    tabColor: sheet.tabColor,
    showGridlines: sheet.showGridlines,
    visibility: sheet.visibility,
  });
}

function applyLayout(sheet: SheetModel, json: string): void {
  const l = JSON.parse(json) as {
    merges: SheetModel["merges"];
    columnWidths: [number, number][];
    rowHeights: [number, number][];
    hiddenRows: number[];
    hiddenCols: number[];
    freeze: SheetModel["freeze"];
    validations: SheetModel["validations"];
    pageLayout: SheetModel["pageLayout"];
    protection: SheetModel["protection"];
    tabColor: string;
    showGridlines: boolean;
    visibility: SheetModel["visibility"];
  };
  sheet.merges = l.merges;
  const refill = <K, V>(target: Map<K, V>, from: [K, V][]): void => {
    target.clear();
    for (const [k, v] of from) target.set(k, v);
  };
  refill(sheet.columnWidths, l.columnWidths);
  refill(sheet.rowHeights, l.rowHeights);
  sheet.hiddenRows.clear();
  for (const r of l.hiddenRows) sheet.hiddenRows.add(r);
  sheet.hiddenCols.clear();
  for (const c of l.hiddenCols) sheet.hiddenCols.add(c);
  sheet.freeze = l.freeze;
  sheet.validations = l.validations;
  sheet.pageLayout = l.pageLayout;
  sheet.protection = l.protection;
  sheet.tabColor = l.tabColor;
  sheet.showGridlines = l.showGridlines;
  sheet.visibility = l.visibility;
}

function snapshot(model: WorkbookModel): Snapshot {
  const cells = new Map<SheetModel, SheetCells>();
  const layouts = new Map<SheetModel, string>();
  for (const sheet of model.sheets) {
    const m: SheetCells = new Map();
    for (const [k, c] of sheet.cells) m.set(k, JSON.stringify(c));
    cells.set(sheet, m);
    layouts.set(sheet, layoutOf(sheet));
  }
  const selection = model.selection
    ? { sheetId: model.selection.sheetId, rect: { ...model.selection.rect } }
    : null;
  return { cells, layouts, activeSheetId: model.activeSheetId, selection };
}

function diff(model: WorkbookModel, start: Snapshot, end: Snapshot): Omit<Step, "group"> {
  const changes: CellChange[] = [];
  const layouts: LayoutChange[] = [];
  const added: Step["added"] = [];
  for (const [sheet, after] of end.cells) {
    const before = start.cells.get(sheet);
    if (!before) added.push({ sheet, index: model.sheets.indexOf(sheet) });
    const old = before ?? new Map<number, string>();
    for (const [key, a] of after)
      if (old.get(key) !== a) changes.push({ sheet, key, before: old.get(key), after: a });
    for (const [key, b] of old) if (!after.has(key)) changes.push({ sheet, key, before: b });
    const was = start.layouts.get(sheet);
    const now = end.layouts.get(sheet);
    if (was !== undefined && now !== undefined && was !== now)
      layouts.push({ sheet, before: was, after: now });
  }
  const view = (s: Snapshot): Step["before"] => ({
    activeSheetId: s.activeSheetId,
    selection: s.selection,
  });
  return { changes, layouts, added, before: view(start), after: view(end) };
}

/** Puts a cell back as it was recorded (absent = an empty cell without format). */
function restore(
  model: WorkbookModel,
  sheet: SheetModel,
  key: number,
  json: string | undefined
): void {
  const row = Math.floor(key / MAX_COLS);
  const col = key % MAX_COLS;
  const want = json === undefined ? undefined : (JSON.parse(json) as CellModel);
  if (want?.formula !== undefined) model.setFormula(sheet, row, col, want.formula);
  else model.setConstant(sheet, row, col, want?.value ?? null);
  if (want?.style) sheet.cellForWrite(row, col).style = want.style;
  else {
    const c = sheet.cell(row, col);
    if (c) delete c.style;
    if (c && c.value === null && c.formula === undefined) sheet.cells.delete(key);
  }
}

export class History {
  private done: Step[] = [];
  private undone: Step[] = [];
  private depth = 0;
  private start: Snapshot | null = null;
  private group: number | undefined;

  constructor(
    private readonly model: WorkbookModel,
    private readonly changed: () => void = () => undefined
  ) {}

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Steps that changed the workbook since it was opened and are not undone. */
  get dirty(): boolean {
    return this.done.length > 0;
  }

  /**
   * Opens a step; nested and overlapping calls (the pane's runs can overlap) join the outer one.
   * A `group` equal to the newest step's continues that step: one click in the pane, one undo.
   */
  begin(group?: number): void {
    if (this.depth++ > 0) return;
    const last = this.done[this.done.length - 1];
    if (group !== undefined && last?.group === group && last.start) {
      this.done.pop();
      this.start = last.start;
    } else this.start = snapshot(this.model);
    this.group = group;
  }

  end(): void {
    if (this.depth === 0 || --this.depth > 0 || !this.start) return;
    const step: Step = { ...diff(this.model, this.start, snapshot(this.model)), group: this.group };
    if (step.changes.length > 0 || step.layouts.length > 0 || step.added.length > 0) {
      for (const s of this.done) delete s.start;
      step.start = this.start;
      this.done.push(step);
      if (this.done.length > LIMIT) this.done.shift();
      this.undone = [];
    }
    this.start = null;
    this.changed();
  }

  /** Records what `edit` changes as one step. */
  record(edit: () => void): void {
    this.begin();
    try {
      this.model.batch(edit);
    } finally {
      this.end();
    }
  }

  undo(): boolean {
    const step = this.done.pop();
    if (!step) return false;
    this.model.batch(() => {
      for (const l of step.layouts)
        if (this.model.sheets.includes(l.sheet)) applyLayout(l.sheet, l.before);
      for (const c of step.changes)
        if (this.model.sheets.includes(c.sheet)) restore(this.model, c.sheet, c.key, c.before);
      for (const { sheet } of step.added)
        if (this.model.sheets.includes(sheet)) this.model.deleteSheet(sheet);
      this.place(step.before);
      this.model.touch();
    });
    delete step.start;
    this.undone.push(step);
    this.changed();
    return true;
  }

  redo(): boolean {
    const step = this.undone.pop();
    if (!step) return false;
    this.model.batch(() => {
      // A sheet the step added comes back as the same object, with its widths, merges and layout.
      for (const { sheet, index } of step.added) {
        if (this.model.sheets.includes(sheet) || this.model.sheetByName(sheet.name)) continue;
        this.model.flush();
        this.model.hf.addSheet(sheet.name);
        this.model.sheets.splice(Math.min(index, this.model.sheets.length), 0, sheet);
        for (const [key, c] of [...sheet.cells]) restore(this.model, sheet, key, JSON.stringify(c));
      }
      for (const l of step.layouts)
        if (this.model.sheets.includes(l.sheet)) applyLayout(l.sheet, l.after);
      for (const c of step.changes)
        if (this.model.sheets.includes(c.sheet)) restore(this.model, c.sheet, c.key, c.after);
      this.place(step.after);
      this.model.touch();
    });
    this.done.push(step);
    this.changed();
    return true;
  }

  private place(at: Step["before"]): void {
    if (at.activeSheetId && this.model.sheetById(at.activeSheetId))
      this.model.activeSheetId = at.activeSheetId;
    this.model.selection =
      at.selection && this.model.sheetById(at.selection.sheetId)
        ? { sheetId: at.selection.sheetId, rect: { ...at.selection.rect } }
        : this.model.selection;
  }
}
