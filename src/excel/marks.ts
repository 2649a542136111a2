/**
 * Issues marked in the grid: a temporary conditional format on the cells each issue names, filled by
 * severity, and removed again before the add-in writes or reads anew. A conditional format sits beside
 * the user's cells (their values and their own formats stay exactly as they are) and goes away whole.
 * Ours are known by their rule, which names THIDUA: a pane opened later still finds and removes the
 * marks an earlier one left, and the user's own conditional formats are never touched.
 * Round trips: marking costs one more than clearing; clearing costs three or four whatever the number
 * of sheets and marks (sheet names; their formats; the custom rules' formulas; the deletions).
 */
import { columnLetter } from "../core/grid";
import { parseAddress, type CellRect } from "./address";
import { translateOfficeError, type ExcelHost } from "./host";

export type MarkSeverity = "error" | "warning" | "info";

export interface MarkCell {
  /** Sheet-qualified cell or range ("'Bảng điểm'!D12"). */
  cell: string;
  severity: MarkSeverity;
}

/** Excel's own "light red / yellow / blue fill" presets, so the marks read as Excel's. */
export const MARK_FILLS: Record<MarkSeverity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Always true, and carries our name: how a mark is told from the user's own conditional formats. */
export const MARK_FORMULA = '=LEN("THIDUA")>0';
const OURS = /"THIDUA"/;

const RANK: Record<MarkSeverity, number> = { error: 0, warning: 1, info: 2 };

interface Area {
  sheet: string;
  rect: CellRect;
  severity: MarkSeverity;
}

const a1 = (r: CellRect): string =>
  r.top === r.bottom && r.left === r.right
    ? `${columnLetter(r.left)}${r.top + 1}`
    : `${columnLetter(r.left)}${r.top + 1}:${columnLetter(r.right)}${r.bottom + 1}`;

/**
 * One area per run of cells down a column with the same (worst) severity: a unit's column of blank
 * scores is one format, not twenty. A cell named by several issues takes the worst one's colour.
 */
export function markAreas(cells: MarkCell[]): Area[] {
  const worst = new Map<string, { sheet: string; row: number; col: number; s: MarkSeverity }>();
  for (const c of cells) {
    const p = parseAddress(c.cell);
    if (!p || p.sheet === null) continue;
    for (let row = p.rect.top; row <= p.rect.bottom; row++) {
      for (let col = p.rect.left; col <= p.rect.right; col++) {
        const k = `${p.sheet}\u0000${col}\u0000${row}`;
        const had = worst.get(k);
        if (!had || RANK[c.severity] < RANK[had.s])
          worst.set(k, { sheet: p.sheet, row, col, s: c.severity });
      }
    }
  }
  const sorted = [...worst.values()].sort(
    (a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col || a.row - b.row
  );
  const out: Area[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (
      last &&
      last.sheet === c.sheet &&
      last.severity === c.s &&
      last.rect.left === c.col &&
      last.rect.bottom === c.row - 1
    )
      last.rect.bottom = c.row;
    else
      out.push({
        sheet: c.sheet,
        rect: { top: c.row, bottom: c.row, left: c.col, right: c.col },
        severity: c.s,
      });
  }
  return out;
}

/** Deletes every mark of ours in the workbook; returns how many formats it removed. */
async function clearIn(context: Excel.RequestContext): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const lists = sheets.items.map((ws) => {
    const cfs = ws.getRange().conditionalFormats;
    cfs.load("items/id,items/type");
    return cfs;
  });
  await context.sync();
  const custom = lists.flatMap((cfs) => cfs.items.filter((cf) => cf.type === "Custom"));
  if (custom.length === 0) return 0;
  const rules = custom.map((cf) => {
    const rule = cf.custom.rule;
    rule.load("formula");
    return rule;
  });
  await context.sync();
  let n = 0;
  custom.forEach((cf, i) => {
    if (!OURS.test(rules[i].formula)) return;
    cf.delete();
    n++;
  });
  if (n > 0) await context.sync();
  return n;
}

export interface IssueMarks {
  /** Marks these cells (after removing any earlier marks); returns how many cells are marked. */
  mark(cells: MarkCell[]): Promise<number>;
  /** Removes our marks; returns how many formats it removed. */
  clear(): Promise<number>;
  /**
   * Removes our marks unless none can be left (nothing marked since the last clear); never fails, so
   * it can run before any write.
   */
  clearIfAny(): Promise<void>;
}

/**
 * Per workbook host (the pane and the ribbon share one in Office's shared runtime): false once no mark
 * can be left. Until the workbook has been swept once, an earlier session's marks may be in it.
 */
const MAYBE_MARKED = new WeakMap<ExcelHost, boolean>();

export function createIssueMarks(excel: ExcelHost): IssueMarks {
  const setMarked = (v: boolean): void => void MAYBE_MARKED.set(excel, v);
  const guarded = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw translateOfficeError(e);
    }
  };
  const marks: IssueMarks = {
    mark: (cells) =>
      guarded(() =>
        excel.run(async (context) => {
          const areas = markAreas(cells);
          await clearIn(context);
          setMarked(areas.length > 0);
          for (const a of areas) {
            const cf = context.workbook.worksheets
              .getItem(a.sheet)
              .getRange(a1(a.rect))
              .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
            cf.custom.rule.formula = MARK_FORMULA;
            cf.custom.format.fill.color = MARK_FILLS[a.severity];
          }
          if (areas.length > 0) await context.sync();
          return areas.reduce(
            (n, a) => n + (a.rect.bottom - a.rect.top + 1) * (a.rect.right - a.rect.left + 1),
            0
          );
        })
      ),
    clear: () =>
      guarded(() =>
        excel.run(async (context) => {
          const n = await clearIn(context);
          setMarked(false);
          return n;
        })
      ),
    clearIfAny: async () => {
      if (MAYBE_MARKED.get(excel) === false) return;
      try {
        await marks.clear();
      } catch {
        // A mark that cannot be removed (its sheet protected since) must not stop a ranking or a fix;
        // the next clear tries again.
      }
    },
  };
  return marks;
}
