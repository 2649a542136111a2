/**
 * The spreadsheet view of one simulated sheet: column and row headers, widths and heights, merges,
 * fonts, fills, borders, alignment, and what each cell shows (formula results, number formats).
 * Drawn as a table (a few thousand cells at most); hand-written because no installed library renders
 * an Excel-like grid from our model, and this needs only what the samples and our sheets use.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { columnLetter } from "../core/grid";
import {
  conditionalFills,
  formatValue,
  type CellResult,
  type Rect,
  type SheetModel,
  type WorkbookModel,
} from "../simulator";
import type { BorderModel, CellStyle } from "../simulator/model";
import {
  cellSelection,
  currentRegion,
  spanRect,
  type CellPos,
  type GridSelection,
} from "./selection";

export type { CellPos } from "./selection";

const PX_PER_PT = 4 / 3;
const HEADER_W = 44;
// Like Excel, the sheet goes on past the data: at least 2,000 rows and 100 columns (to CV). Only the
// rows in view (and a margin) are drawn, so the size costs nothing while scrolling.
const MIN_ROWS = 2000;
const MIN_COLS = 100;
const MAX_ROWS = 100000;
const MAX_COLS = 300;
const HEADER_H = 22;
/** Rows drawn beyond the visible ones, above and below, so a scroll step never shows a gap. */
const OVERSCAN_PX = 300;
/** The view's height before the browser has measured it (and in tests, where nothing is laid out). */
const FALLBACK_VIEW_PX = 600;
const FALLBACK_VIEW_W = 1000;

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    outlineStyle: "none",
    position: "relative",
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: "Calibri, Carlito, 'Liberation Sans', 'DejaVu Sans', sans-serif",
    fontSize: "11pt",
    color: "#000",
  },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  colHeader: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    height: "22px",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headerActive: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    padding: "0 3px",
    overflow: "hidden",
    boxSizing: "border-box",
    cursor: "cell",
    lineHeight: 1.25,
  },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  // Dragging across cells selects cells, not the page's text.
  noTextSelect: { userSelect: "none" },
  // Excel marks where rows or columns are hidden with a double line in the headers.
  hiddenBeforeCol: { borderLeft: `3px double ${tokens.colorNeutralForeground3}` },
  hiddenBeforeRow: { borderTop: `3px double ${tokens.colorNeutralForeground3}` },
});

function borderCss(b: BorderModel | undefined): string | undefined {
  if (!b || b.style === "None") return undefined;
  const w = b.weight === "Thick" ? 3 : b.weight === "Medium" ? 2 : 1;
  const s =
    b.style === "Dash"
      ? "dashed"
      : b.style === "Dot"
        ? "dotted"
        : b.style === "Double"
          ? "double"
          : "solid";
  return `${b.style === "Double" ? 3 : w}px ${s} ${b.color ?? "#000"}`;
}

const GRIDLINE = "1px solid #e2e2e2";
const SPACER: React.CSSProperties = { padding: 0, border: 0 };
const BLOCK_EDGE = "#217346";
const BLOCK_TINT = "rgba(33, 115, 70, 0.12)";

/**
 * The message a THIDUA function gave with its error (#VALUE!, #N/A…), shown on hover as Excel shows
 * a custom function's; none for other cells.
 */
function errorMessage(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  value: CellResult
): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const raw: unknown = model.hf.getCellValue({ sheet: model.hfSheet(sheet), row, col });
  const message =
    raw !== null && typeof raw === "object" && "message" in raw ? String(raw.message) : "";
  const formula = model.formula(sheet, row, col) ?? "";
  return message && /\bTHIDUA\./i.test(formula) ? message : undefined;
}

function cellCss(style: CellStyle, value: CellResult, gridlines: boolean): React.CSSProperties {
  const css: React.CSSProperties = {};
  const f = style.font;
  if (f?.bold) css.fontWeight = 700;
  if (f?.italic) css.fontStyle = "italic";
  if (f?.size) css.fontSize = `${f.size}pt`;
  if (f?.color) css.color = f.color;
  if (f?.underline && f.underline !== "None") css.textDecoration = "underline";
  if (f?.name) {
    const serif = /times|vntime|roman/i.test(f.name);
    css.fontFamily = `"${f.name}", ${serif ? "'Liberation Serif', 'DejaVu Serif', serif" : "'Liberation Sans', sans-serif"}`;
  }
  if (style.fill) css.backgroundColor = style.fill;
  const h = style.horizontalAlignment ?? "General";
  css.textAlign =
    h === "Center" || h === "CenterAcrossSelection"
      ? "center"
      : h === "Right"
        ? "right"
        : h === "Left"
          ? "left"
          : typeof value === "number"
            ? "right"
            : typeof value === "boolean" || (value !== null && typeof value === "object")
              ? "center"
              : "left";
  const v = style.verticalAlignment ?? "Bottom";
  css.verticalAlign = v === "Top" ? "top" : v === "Center" ? "middle" : "bottom";
  css.whiteSpace = style.wrapText ? "pre-wrap" : "pre";
  if (style.wrapText) css.wordBreak = "break-word";
  if (style.indentLevel) css.paddingLeft = `${3 + style.indentLevel * 9}px`;
  const b = style.borders ?? {};
  css.borderTop = borderCss(b.EdgeTop);
  css.borderLeft = borderCss(b.EdgeLeft);
  css.borderRight = borderCss(b.EdgeRight) ?? (gridlines ? GRIDLINE : undefined);
  css.borderBottom = borderCss(b.EdgeBottom) ?? (gridlines ? GRIDLINE : undefined);
  return css;
}

export interface SheetGridProps {
  model: WorkbookModel;
  sheet: SheetModel;
  /** Bumped on every change of the workbook, so the view redraws. */
  version: number;
  /** The active cell. */
  selected: CellPos;
  /** The selected block and its moving corner; absent = the active cell alone. */
  range?: Rect;
  extent?: CellPos;
  label: string;
  onSelect(pos: CellPos): void;
  /** A block selected by dragging, Shift+click, Shift+arrows or Ctrl+A. */
  onSelectRange?(sel: GridSelection): void;
  onEdit(initial: string | null): void;
  onClear(rect: Rect): void;
  /** The focusable grid, for the name box to hand the keyboard back to it. */
  focusRef?: React.Ref<HTMLDivElement>;
  /** Ctrl+Z / Ctrl+Y, as Excel takes them in the grid. */
  onUndo?(): void;
  onRedo?(): void;
  /** The tooltip of a header next to hidden rows or columns ("Cột ẩn: D"), in the page's language. */
  hiddenHint?: (kind: "rows" | "cols", which: string) => string;
}

/** The next row or column from `from` in direction `d` that is not hidden; `from` at the edge. */
function stepOver(from: number, d: number, hidden: ReadonlySet<number>): number {
  if (d === 0) return from;
  let x = from + d;
  while (x >= 0 && hidden.has(x)) x += d;
  return x < 0 ? from : x;
}

/** The hidden run just before `index` ("C:D", "4"), or null when `index - 1` is shown. */
function hiddenRunBefore(
  index: number,
  hidden: ReadonlySet<number>,
  name: (i: number) => string
): string | null {
  if (index === 0 || !hidden.has(index - 1)) return null;
  let first = index - 1;
  while (first > 0 && hidden.has(first - 1)) first--;
  return first === index - 1 ? name(first) : `${name(first)}:${name(index - 1)}`;
}

export function SheetGrid(props: SheetGridProps): React.JSX.Element {
  const { model, sheet, selected, version, onSelect, onEdit, onClear } = props;
  const styles = useStyles();
  const range = props.range ?? spanRect(sheet, selected, selected);
  const extent = props.extent ?? selected;
  const dragging = React.useRef(false);
  React.useEffect(() => {
    const stop = (): void => {
      dragging.current = false;
    };
    window.addEventListener("mouseup", stop);
    return () => window.removeEventListener("mouseup", stop);
  }, []);
  const scroller = React.useRef<HTMLDivElement | null>(null);
  React.useImperativeHandle(props.focusRef, () => scroller.current as HTMLDivElement, []);
  const [port, setPort] = React.useState({ top: 0, left: 0, height: 0, width: 0 });
  const measure = React.useCallback((): void => {
    const el = scroller.current;
    if (el)
      setPort({
        top: el.scrollTop,
        left: el.scrollLeft,
        height: el.clientHeight,
        width: el.clientWidth,
      });
  }, []);
  React.useLayoutEffect(() => {
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [measure]);
  const extendTo = (to: CellPos): void =>
    props.onSelectRange?.({ active: selected, rect: spanRect(sheet, selected, to), extent: to });

  const view = React.useMemo(() => {
    const used = sheet.usedRect(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
    const rows = Math.min(
      MAX_ROWS,
      Math.max(used.bottom + 12, MIN_ROWS, selected.row + 2, extent.row + 2)
    );
    const cols = Math.min(
      MAX_COLS,
      Math.max(used.right + 4, MIN_COLS, selected.col + 2, extent.col + 2)
    );
    // Hidden rows and columns are not drawn at all, as in Excel; the others keep their own address.
    const shownRows: number[] = [];
    for (let r = 0; r < rows; r++) if (!sheet.hiddenRows.has(r)) shownRows.push(r);
    const shownCols: number[] = [];
    for (let c = 0; c < cols; c++) if (!sheet.hiddenCols.has(c)) shownCols.push(c);
    // A merge is drawn from its first shown cell and spans only its shown rows and columns; what it
    // shows is still its top-left cell's.
    const spans = new Map<
      string,
      {
        rowSpan: number;
        colSpan: number;
        row: number;
        col: number;
        lastRow: number;
        lastCol: number;
      }
    >();
    const covered = new Set<string>();
    for (const m of sheet.merges) {
      if (m.top >= rows || m.left >= cols) continue;
      const bottom = Math.min(m.bottom, rows - 1);
      const right = Math.min(m.right, cols - 1);
      const mRows = shownRows.filter((r) => r >= m.top && r <= bottom);
      const mCols = shownCols.filter((c) => c >= m.left && c <= right);
      if (mRows.length > 0 && mCols.length > 0)
        spans.set(`${mRows[0]},${mCols[0]}`, {
          rowSpan: mRows.length,
          colSpan: mCols.length,
          lastRow: mRows[mRows.length - 1],
          lastCol: mCols[mCols.length - 1],
          row: m.top,
          col: m.left,
        });
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= right; c++)
          if (r !== mRows[0] || c !== mCols[0]) covered.add(`${r},${c}`);
      }
    }
    // Where each shown row starts, from the top of the body (px): what the scroll position maps to.
    const offsets = new Float64Array(shownRows.length + 1);
    shownRows.forEach((r, i) => (offsets[i + 1] = offsets[i] + sheet.rowHeight(r) * PX_PER_PT));
    const colOffsets = new Float64Array(shownCols.length + 1);
    shownCols.forEach(
      (c, i) => (colOffsets[i + 1] = colOffsets[i] + Math.round(sheet.columnWidth(c) * PX_PER_PT))
    );
    void version; // the model is mutable: its change counter is what tells the memo to redraw
    return { rows, cols, spans, covered, shownRows, shownCols, offsets, colOffsets };
  }, [model, sheet, version, selected.row, selected.col, extent.row, extent.col]);

  /** The first index whose end (offsets[i + 1]) is past `y`. */
  const indexAt = (o: Float64Array, y: number): number => {
    let lo = 0;
    let hi = o.length - 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (o[mid + 1] <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const height = port.height || FALLBACK_VIEW_PX;
  const width = port.width || FALLBACK_VIEW_W;
  let first = indexAt(view.offsets, Math.max(0, port.top - OVERSCAN_PX));
  const last = indexAt(view.offsets, port.top + height + OVERSCAN_PX);
  let firstCol = indexAt(view.colOffsets, Math.max(0, port.left - HEADER_W - OVERSCAN_PX));
  const lastCol = indexAt(view.colOffsets, port.left + width + OVERSCAN_PX);
  // A merge that starts above or left of the drawn cells is drawn from its first cell, or its cells
  // would be a gap.
  for (const m of sheet.merges) {
    const top = view.shownRows[first];
    const left = view.shownCols[firstCol];
    const inRows = m.bottom >= top && m.top <= view.shownRows[last];
    const inCols = m.right >= left && m.left <= view.shownCols[lastCol];
    if (inRows && inCols && m.top < top) {
      const i = view.shownRows.findIndex((r) => r >= m.top);
      if (i >= 0 && i < first) first = i;
    }
    if (inRows && inCols && m.left < left) {
      const j = view.shownCols.findIndex((c) => c >= m.left);
      if (j >= 0 && j < firstCol) firstCol = j;
    }
  }
  const drawnCols = view.shownCols.slice(firstCol, lastCol + 1);
  const lastRowDrawn = view.shownRows[last];
  const lastColDrawn = view.shownCols[lastCol];
  const win = React.useMemo(() => {
    const top = view.shownRows[first] ?? 0;
    const bottom = view.shownRows[last] ?? 0;
    // One column more on the right: text overflow asks whether the neighbour is empty.
    const right = Math.min(view.cols - 1, (view.shownCols[lastCol] ?? 0) + 1);
    const rect: Rect = { top, left: 0, bottom, right };
    return {
      top,
      results: model.results(sheet, rect),
      looks: conditionalFills(model, sheet, rect),
    };
  }, [model, sheet, view, first, last, lastCol]);
  const resultAt = (r: number, c: number): CellResult => win.results[r - win.top]?.[c] ?? null;
  /** How many of the drawn rows (or columns) a merge covers from `from` to `to`. */
  const clip = (shown: number[], from: number, to: number, limit: number): number =>
    shown.filter((x) => x >= from && x <= Math.min(to, limit)).length;

  // A cell chosen from the name box or by the keyboard comes into view, as in Excel: the scroll
  // position is worked out from the row heights, since the row may not be drawn yet.
  React.useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // The headers stick to the top and left edges: a cell is in view only below and right of them.
    const i = view.shownRows.indexOf(selected.row);
    if (i >= 0 && el.clientHeight > 0) {
      if (view.offsets[i] < el.scrollTop) el.scrollTop = view.offsets[i];
      else if (HEADER_H + view.offsets[i + 1] > el.scrollTop + el.clientHeight)
        el.scrollTop = HEADER_H + view.offsets[i + 1] - el.clientHeight;
    }
    const j = view.shownCols.indexOf(selected.col);
    if (j >= 0 && el.clientWidth > 0) {
      const co = view.colOffsets;
      if (co[j] < el.scrollLeft) el.scrollLeft = co[j];
      else if (HEADER_W + co[j + 1] > el.scrollLeft + el.clientWidth)
        el.scrollLeft = HEADER_W + co[j + 1] - el.clientWidth;
    }
    // Only a new active cell scrolls; redraws while the user scrolls must not pull the view back.
  }, [selected.row, selected.col]);

  const onKeyDown = (e: React.KeyboardEvent): void => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
      Tab: [0, 1],
    };
    const mv = moves[e.key];
    const ctrl = e.ctrlKey || e.metaKey;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (ctrl && (key === "z" || key === "y")) {
      e.preventDefault();
      if (key === "y" || e.shiftKey) props.onRedo?.();
      else props.onUndo?.();
    } else if (ctrl && key === "a") {
      e.preventDefault();
      // First press: the block of data around the cell; again: everything from A1 to the last used cell.
      let rect = currentRegion(sheet, selected);
      const same =
        rect.top === range.top &&
        rect.left === range.left &&
        rect.bottom === range.bottom &&
        rect.right === range.right;
      if (same) {
        const used = sheet.usedRect(true) ?? rect;
        rect = spanRect(sheet, { row: 0, col: 0 }, { row: used.bottom, col: used.right });
      }
      props.onSelectRange?.({
        active: selected,
        rect,
        extent: { row: rect.bottom, col: rect.right },
      });
    } else if (ctrl && e.key === "Home") {
      e.preventDefault();
      onSelect({ row: stepOver(-1, 1, sheet.hiddenRows), col: stepOver(-1, 1, sheet.hiddenCols) });
    } else if (ctrl && e.key === "End") {
      e.preventDefault();
      const used = sheet.usedRect(false);
      onSelect(used ? { row: used.bottom, col: used.right } : selected);
    } else if (mv && e.shiftKey && e.key.startsWith("Arrow")) {
      e.preventDefault();
      extendTo({
        row: stepOver(extent.row, mv[0], sheet.hiddenRows),
        col: stepOver(extent.col, mv[1], sheet.hiddenCols),
      });
    } else if (mv) {
      e.preventDefault();
      onSelect({
        row: stepOver(selected.row, mv[0], sheet.hiddenRows),
        col: stepOver(selected.col, mv[1], sheet.hiddenCols),
      });
    } else if (e.key === "F2") {
      e.preventDefault();
      onEdit(null);
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      onClear(range);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      onEdit(e.key);
    }
  };

  const sel = sheet.mergeAt(selected.row, selected.col);
  const selTop = sel ? sel.top : selected.row;
  const selLeft = sel ? sel.left : selected.col;
  const single = cellSelection(sheet, selected).rect;
  // A block is drawn as in Excel: tinted, framed, the active cell left white.
  const block =
    range.top !== single.top ||
    range.left !== single.left ||
    range.bottom !== single.bottom ||
    range.right !== single.right;
  const header = [];
  for (const c of drawnCols) {
    const before = hiddenRunBefore(c, sheet.hiddenCols, columnLetter);
    header.push(
      <th
        key={c}
        scope="col"
        className={`${styles.colHeader} ${c >= range.left && c <= range.right ? styles.headerActive : ""} ${before ? styles.hiddenBeforeCol : ""}`}
        title={before && props.hiddenHint ? props.hiddenHint("cols", before) : undefined}
        data-hidden-before={before ?? undefined}
      >
        {columnLetter(c)}
      </th>
    );
  }
  const body = [];
  for (const r of view.shownRows.slice(first, last + 1)) {
    const cells = [];
    for (const c of drawnCols) {
      const k = `${r},${c}`;
      if (view.covered.has(k)) continue;
      const span = view.spans.get(k);
      // A merge whose top-left cell is hidden still shows (and selects) that cell.
      const sr = span?.row ?? r;
      const sc = span?.col ?? c;
      const value = resultAt(sr, sc);
      const style = model.style(sheet, sr, sc);
      const text = formatValue(
        value,
        style.numberFormat ?? "General",
        model.decimalSeparator,
        model.thousandsSeparator
      );
      const isSel = sr === selTop && sc === selLeft;
      const own = sheet.mergeAt(sr, sc) ?? { top: sr, left: sc, bottom: sr, right: sc };
      const inBlock =
        block &&
        own.top >= range.top &&
        own.bottom <= range.bottom &&
        own.left >= range.left &&
        own.right <= range.right;
      const css = cellCss(style, value, sheet.showGridlines);
      // A conditional format's look (the pane's issue marks among them) is drawn over the cell's own.
      const look = win.looks.get(`${sr},${sc}`);
      if (look?.fill) css.backgroundColor = look.fill;
      if (look?.fontColor) css.color = look.fontColor;
      if (look?.bold) css.fontWeight = 700;
      if (look?.italic) css.fontStyle = "italic";
      // Text longer than its column runs on over an empty neighbour, as in Excel; nothing else does.
      if (typeof value === "string" && text !== "" && !span && !style.wrapText) {
        const h = style.horizontalAlignment ?? "General";
        const right = `${sr},${sc + 1}`;
        const next = resultAt(sr, sc + 1);
        if (
          (h === "General" || h === "Left") &&
          (next === null || next === undefined || next === "") &&
          !view.covered.has(right) &&
          !view.spans.has(right)
        ) {
          css.overflow = "visible";
          css.position = "relative";
          css.zIndex = 0;
        }
      }
      if (inBlock) {
        const edges: string[] = [];
        if (own.top === range.top) edges.push(`inset 0 2px 0 0 ${BLOCK_EDGE}`);
        if (own.bottom === range.bottom) edges.push(`inset 0 -2px 0 0 ${BLOCK_EDGE}`);
        if (own.left === range.left) edges.push(`inset 2px 0 0 0 ${BLOCK_EDGE}`);
        if (own.right === range.right) edges.push(`inset -2px 0 0 0 ${BLOCK_EDGE}`);
        if (edges.length > 0) css.boxShadow = edges.join(", ");
        if (!isSel) css.backgroundImage = `linear-gradient(${BLOCK_TINT}, ${BLOCK_TINT})`;
      }
      cells.push(
        <td
          key={c}
          data-cell={`${columnLetter(sc)}${sr + 1}`}
          aria-selected={isSel || inBlock}
          data-active={isSel || undefined}
          rowSpan={span && clip(view.shownRows, sr, span.lastRow, lastRowDrawn)}
          colSpan={span && clip(view.shownCols, sc, span.lastCol, lastColDrawn)}
          className={`${styles.cell} ${isSel && !block ? styles.selected : ""}`}
          style={css}
          title={errorMessage(model, sheet, sr, sc, value)}
          onMouseDown={(e) => {
            if (e.button !== 0) return;
            if (e.shiftKey) extendTo({ row: sr, col: sc });
            else {
              dragging.current = true;
              onSelect({ row: sr, col: sc });
            }
          }}
          onMouseEnter={(e) => {
            if (dragging.current && (e.buttons & 1) === 1) extendTo({ row: sr, col: sc });
          }}
          onDoubleClick={() => onEdit(null)}
        >
          {text}
        </td>
      );
    }
    const before = hiddenRunBefore(r, sheet.hiddenRows, (i) => String(i + 1));
    body.push(
      <tr key={r} style={{ height: `${sheet.rowHeight(r) * PX_PER_PT}px` }}>
        <th
          scope="row"
          className={`${styles.rowHeader} ${r >= range.top && r <= range.bottom ? styles.headerActive : ""} ${before ? styles.hiddenBeforeRow : ""}`}
          title={before && props.hiddenHint ? props.hiddenHint("rows", before) : undefined}
          data-hidden-before={before ?? undefined}
        >
          {r + 1}
        </th>
        {firstCol > 0 && <td aria-hidden style={SPACER} />}
        {cells}
        {lastCol < view.shownCols.length - 1 && <td aria-hidden style={SPACER} />}
      </tr>
    );
  }
  // Columns off to the sides are one spacer column each, so the scroll width stays the sheet's.
  const co = view.colOffsets;
  const widths = [HEADER_W];
  if (firstCol > 0) widths.push(co[firstCol]);
  for (let j = firstCol; j <= lastCol; j++) widths.push(co[j + 1] - co[j]);
  if (lastCol < view.shownCols.length - 1) widths.push(co[view.shownCols.length] - co[lastCol + 1]);
  const total = HEADER_W + co[view.shownCols.length];

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={measure}
      role="region"
      aria-label={props.label}
      data-testid="sheet-grid"
    >
      <table className={`${styles.table} ${styles.noTextSelect}`} style={{ width: `${total}px` }}>
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: `${w}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={styles.corner} aria-hidden />
            {firstCol > 0 && <th aria-hidden className={styles.colHeader} />}
            {header}
            {lastCol < view.shownCols.length - 1 && <th aria-hidden className={styles.colHeader} />}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            <tr aria-hidden>
              <td
                colSpan={widths.length}
                style={{ height: `${view.offsets[first]}px`, padding: 0, border: 0 }}
              />
            </tr>
          )}
          {body}
          {last < view.shownRows.length - 1 && (
            <tr aria-hidden>
              <td
                colSpan={widths.length}
                style={{
                  height: `${view.offsets[view.shownRows.length] - view.offsets[last + 1]}px`,
                  padding: 0,
                  border: 0,
                }}
              />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
