/**
 * "Chốt kết quả": THIDUA formulas replaced by the values they show, and "Hoàn tác" that puts every
 * formula back. Why freeze at all: a recipient without the add-in sees #NAME? in every THIDUA cell,
 * and even with it the numbers could change on recalculation after the meeting agreed on them.
 *
 * A dynamic-array result (THIDUA.RANKING spills a table, THIDUA.TOTAL a row) is one block: were only
 * its anchor replaced, the cells it spilled into would empty. So every formula is frozen with its whole
 * spill, read as one range. What is replaced is kept on a hidden sheet of ours (tagged like every sheet
 * we make), one row per formula: sheet, anchor, range, formula, the number formats it had when we had
 * to change them, and a fingerprint of the values written, so an undo never overwrites a cell the user
 * has typed into since.
 *
 * Round trips: the plan reads the workbook (readWorkbookSnapshot) and one more sync for the spills;
 * freezing is one read and one write (one more read to append to an earlier backup); undo reads the
 * sheet list, the backup and the frozen ranges, then writes once. Never a sync per cell or per formula.
 */
import { columnLetter, quoteSheetName } from "../core/grid";
import { defineStrings, type Lang } from "../core/i18n";
import { thiduaFunctionIn } from "../core/presend";
import { parseAddress } from "./address";
import { readWorkbookSnapshot } from "./email";
import type { ExcelHost } from "./host";
import { translateOfficeError } from "./host";
import { queueTags, tagName } from "./tags";

export const FREEZE_STRINGS = defineStrings(
  "excel-freeze",
  {
    sheetName: "THIDUA Hoàn tác",
    colSheet: "Trang tính",
    colAnchor: "Ô công thức",
    colRange: "Vùng đã chốt",
    colFormula: "Công thức",
    colFormats: "Định dạng số trước khi chốt",
    colCheck: "Dấu kiểm",
    note: "Trang này giữ các công thức THIDUA đã chốt để nút Hoàn tác khôi phục; đừng sửa hay xóa.",
  },
  {
    sheetName: "THIDUA Undo",
    colSheet: "Sheet",
    colAnchor: "Formula cell",
    colRange: "Frozen range",
    colFormula: "Formula",
    colFormats: "Number formats before freezing",
    colCheck: "Check",
    note: "This sheet keeps the frozen THIDUA formulas so that Undo can restore them; do not edit or delete it.",
  }
);

/** The tag kind of the backup sheet (tags allow letters only). */
export const UNDO_KIND = "undo";

export type Shown = string | number | boolean;

export interface FreezeCell {
  /** 'Xếp hạng'!D5 */
  cell: string;
  /** What the cell shows now and keeps: a number stays a number. */
  value: Shown;
}

export interface FreezeGroup {
  sheet: string;
  /** The formula's own cell ("A6"). */
  anchor: string;
  /** Every cell the formula fills: the anchor alone, or its whole spill ("A6:E13"). */
  range: string;
  formula: string;
  /** What the range shows now, row by row. */
  values: Shown[][];
}

export interface FreezePlan {
  /** Formulas to freeze, each with its whole spill. */
  groups: FreezeGroup[];
  /** Every cell that will change, group by group. */
  cells: FreezeCell[];
  /**
   * Cells showing an error (#VALUE!, #SPILL!, #NAME?…): their formulas are not frozen, since text
   * such as "#VALUE!" would then pass for a result. Fix them and freeze again.
   */
  errors: (FreezeCell & { formula: string })[];
}

export interface FreezeOutcome {
  /** Formulas frozen. */
  written: number;
  /** Cells written (a spilled table counts each of its cells). */
  cells: number;
  /** Formulas whose cells changed since the plan was shown, by range: left alone. */
  skipped: string[];
  /** Spilled ranges frozen whole, by address. */
  spilled: string[];
  /** The hidden sheet keeping what was replaced, null when nothing was frozen. */
  backupSheet: string | null;
}

export interface UndoOutcome {
  /** Formulas put back. */
  restored: number;
  /** Frozen ranges the user has edited since: left as they are (their rows stay on the backup sheet). */
  skipped: string[];
  /** False when there was no freeze to undo. */
  found: boolean;
}

const qualified = (sheet: string, local: string): string => `${quoteSheetName(sheet)}!${local}`;

function isErrorType(t: string): boolean {
  return t === "Error";
}

function shown(v: unknown): Shown {
  return typeof v === "number" || typeof v === "boolean" ? v : String(v ?? "");
}

/** FNV-1a over the values' JSON: short enough for a cell, stable across reads. */
export function fingerprint(values: readonly (readonly unknown[])[]): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(values)) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function localOf(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang < 0 ? address : address.slice(bang + 1)).replace(/\$/g, "");
}

/** Step 1: the THIDUA formulas, their whole spills and the values they will keep. Nothing is written. */
export async function planFreezeThiduaFormulas(xl: ExcelHost): Promise<FreezePlan> {
  try {
    const snap = await readWorkbookSnapshot(xl);
    const anchors: { sheet: string; address: string; formula: string }[] = [];
    for (const g of snap.grids) {
      // Our own undo sheet holds formulas as text only; nothing there to freeze.
      g.formulas?.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f === null || !f.startsWith("=") || thiduaFunctionIn(f) === null) return;
          anchors.push({
            sheet: g.sheetName,
            address: `${columnLetter(g.left + c)}${g.top + r + 1}`,
            formula: f,
          });
        })
      );
    }
    if (anchors.length === 0) return { groups: [], cells: [], errors: [] };
    return await xl.run(async (ctx) => {
      const reads = anchors.map((a) => {
        const cell = ctx.workbook.worksheets.getItem(a.sheet).getRange(a.address);
        cell.load("values, valueTypes");
        const spill = cell.getSpillingToRangeOrNullObject();
        spill.load("address, values, valueTypes");
        return { cell, spill };
      });
      await ctx.sync();
      const plan: FreezePlan = { groups: [], cells: [], errors: [] };
      anchors.forEach((a, i) => {
        const { cell, spill } = reads[i];
        const block = spill.isNullObject ? cell : spill;
        const range = spill.isNullObject ? a.address : localOf(spill.address);
        const top = parseAddress(range)?.rect ?? { top: 0, left: 0 };
        const values = block.values.map((row) => row.map(shown));
        const cells: FreezeCell[] = [];
        const errors: FreezeCell[] = [];
        block.valueTypes.forEach((row, r) =>
          row.forEach((t, c) => {
            const at = qualified(a.sheet, `${columnLetter(top.left + c)}${top.top + r + 1}`);
            (isErrorType(t) ? errors : cells).push({ cell: at, value: values[r][c] });
          })
        );
        if (errors.length > 0) {
          plan.errors.push(...errors.map((e) => ({ ...e, formula: a.formula })));
          return;
        }
        plan.groups.push({ sheet: a.sheet, anchor: a.address, range, formula: a.formula, values });
        plan.cells.push(...cells);
      });
      return plan;
    });
  } catch (e) {
    throw translateOfficeError(e);
  }
}

const BACKUP_COLUMNS = 6;

/** A name for the backup sheet that no sheet has yet. */
function freeName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const s = `${wanted} (${n})`;
    if (!taken.has(s.toLowerCase())) return s;
  }
}

/**
 * Step 2: writes the values into exactly the planned ranges, and only where the formula and what it
 * shows are still what the user saw (anything edited in between is skipped, not overwritten). The
 * formulas replaced go to the backup sheet first, in the same write.
 */
export async function freezeThiduaFormulas(
  xl: ExcelHost,
  plan: FreezePlan,
  lang: Lang = "vi"
): Promise<FreezeOutcome> {
  const none: FreezeOutcome = { written: 0, cells: 0, skipped: [], spilled: [], backupSheet: null };
  if (plan.groups.length === 0) return none;
  const t = (k: Parameters<typeof FREEZE_STRINGS.t>[1]): string => FREEZE_STRINGS.t(lang, k);
  try {
    return await xl.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      const tagsOf = queueTags(ctx);
      const reads = plan.groups.map((g) => {
        const ws = sheets.getItem(g.sheet);
        const anchor = ws.getRange(g.anchor);
        anchor.load("formulas");
        const range = ws.getRange(g.range);
        range.load("values, numberFormat");
        const spill = anchor.getSpillingToRangeOrNullObject();
        spill.load("address");
        return { anchor, range, spill };
      });
      await ctx.sync();
      const tag = tagsOf().find((x) => x.kind === UNDO_KIND && x.sheet);
      const existing = tag
        ? sheets.items.find((s) => s.name.toLowerCase() === (tag.sheet as string).toLowerCase())
        : undefined;
      let backupUsed: Excel.Range | null = null;
      if (existing) {
        backupUsed = existing.getUsedRange(true);
        backupUsed.load("rowCount, rowIndex");
      }
      const out: FreezeOutcome = { ...none };
      const rows: string[][] = [];
      plan.groups.forEach((g, i) => {
        const { anchor, range, spill } = reads[i];
        const spillNow = spill.isNullObject ? g.anchor : localOf(spill.address);
        const now = range.values.map((row) => row.map(shown));
        if (
          anchor.formulas[0][0] !== g.formula ||
          spillNow !== g.range ||
          fingerprint(now) !== fingerprint(g.values)
        ) {
          out.skipped.push(qualified(g.sheet, g.range));
          return;
        }
        // Writing `values`, not `formulas`: a text result such as "=A1" must stay text, so such a
        // cell gets the text format first, and the formats it had go to the backup.
        const risky = (v: Shown): boolean => typeof v === "string" && /^[=+\-@]/.test(v);
        let formatsBefore = "";
        if (now.some((row) => row.some(risky))) {
          const before = range.numberFormat.map((row) => row.slice());
          formatsBefore = JSON.stringify(before);
          range.numberFormat = before.map((row, r) =>
            row.map((f, c) => (risky(now[r][c]) ? "@" : f))
          );
        }
        range.values = now;
        // Kept without its "=": a text cell reading "=THIDUA…" would pass for a formula to any reader.
        rows.push([
          g.sheet,
          g.anchor,
          g.range,
          g.formula.slice(1),
          formatsBefore,
          fingerprint(now),
        ]);
        out.written++;
        out.cells += now.length * (now[0]?.length ?? 0);
        if (g.range !== g.anchor) out.spilled.push(qualified(g.sheet, g.range));
      });
      if (rows.length === 0) {
        await ctx.sync();
        return out;
      }
      let backup: Excel.Worksheet;
      let name: string;
      if (existing) {
        backup = existing;
        name = existing.name;
      } else {
        name = freeName(t("sheetName"), new Set(sheets.items.map((s) => s.name.toLowerCase())));
        backup = sheets.add(name);
        backup.visibility = "Hidden";
        const header = [
          [t("note"), "", "", "", "", ""],
          [
            t("colSheet"),
            t("colAnchor"),
            t("colRange"),
            t("colFormula"),
            t("colFormats"),
            t("colCheck"),
          ],
        ];
        backup.getRange("A1:F2").values = header;
        ctx.workbook.names.add(tagName(UNDO_KIND, name), backup.getRange("A1"), "THIDUA");
      }
      if (backupUsed) await ctx.sync();
      const first = backupUsed ? backupUsed.rowIndex + backupUsed.rowCount : 2;
      const target = backup.getRangeByIndexes(first, 0, rows.length, BACKUP_COLUMNS);
      // Text, so a formula kept here is never evaluated (nor a sheet name read as a number).
      target.numberFormat = rows.map((r) => r.map(() => "@"));
      target.values = rows;
      await ctx.sync();
      out.backupSheet = name;
      return out;
    });
  } catch (e) {
    throw translateOfficeError(e);
  }
}

/**
 * "Hoàn tác": every formula on the backup sheet back in its cell, its spill area emptied so it spills
 * again, the number formats it had restored. A range the user has typed into since the freeze is left
 * alone and stays on the backup sheet; once every row is restored the backup sheet goes.
 */
export async function undoFreeze(xl: ExcelHost): Promise<UndoOutcome> {
  try {
    return await xl.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      const tagsOf = queueTags(ctx);
      await ctx.sync();
      const tag = tagsOf().find((x) => x.kind === UNDO_KIND && x.sheet);
      const backup = tag
        ? sheets.items.find((s) => s.name.toLowerCase() === (tag.sheet as string).toLowerCase())
        : undefined;
      if (!tag || !backup) return { restored: 0, skipped: [], found: false };
      const stored = backup.getUsedRange(true).load("values, rowIndex");
      await ctx.sync();
      const usedTop: number = stored.rowIndex;
      const storedRows: unknown[][] = stored.values;
      const usedEnd = usedTop + storedRows.length;
      // Rows 1–2 are the note and the header; a row is one frozen formula.
      const entries = storedRows
        .slice(Math.max(0, 2 - usedTop))
        .map((row) => row.slice(0, BACKUP_COLUMNS).map((v) => String(v ?? "")))
        .filter((row) => row[0] !== "" && parseAddress(row[1]) !== null && row[3] !== "");
      const known = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const targets = entries.map((row) => {
        if (!known.has(row[0].toLowerCase())) return null;
        const r = sheets.getItem(row[0]).getRange(row[2]);
        r.load("values, formulas");
        return r;
      });
      await ctx.sync();
      const out: UndoOutcome = { restored: 0, skipped: [], found: true };
      const kept: string[][] = [];
      entries.forEach((row, i) => {
        const [sheet, anchor, range, body, formats, check] = row;
        const formula = `=${body}`;
        const r = targets[i];
        const untouched =
          r !== null &&
          r.formulas.every((fr) => fr.every((f) => typeof f !== "string" || !f.startsWith("="))) &&
          fingerprint(r.values.map((vr) => vr.map(shown))) === check;
        if (!untouched) {
          out.skipped.push(qualified(sheet, range));
          kept.push(row);
          return;
        }
        const rect = parseAddress(range)?.rect;
        const a = parseAddress(anchor)?.rect;
        if (!rect || !a) {
          out.skipped.push(qualified(sheet, range));
          kept.push(row);
          return;
        }
        if (formats) r.numberFormat = JSON.parse(formats) as string[][];
        // The whole block in one write: blanks where the spill goes, the formula at its anchor.
        r.formulas = r.values.map((vr, y) =>
          vr.map((_, x) => (rect.top + y === a.top && rect.left + x === a.left ? formula : ""))
        );
        out.restored++;
      });
      if (kept.length === 0) {
        ctx.workbook.names.getItem(tag.tag).delete();
        backup.delete();
      } else {
        backup.getRangeByIndexes(2, 0, Math.max(1, usedEnd - 2), BACKUP_COLUMNS).clear("Contents");
        const target = backup.getRangeByIndexes(2, 0, kept.length, BACKUP_COLUMNS);
        target.numberFormat = kept.map((r) => r.map(() => "@"));
        target.values = kept;
      }
      await ctx.sync();
      return out;
    });
  } catch (e) {
    throw translateOfficeError(e);
  }
}
