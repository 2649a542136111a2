/**
 * The reading a ranking starts from, in as few round trips as the workbook allows: the sheets to rank
 * (the active one, or every other visible sheet when the active one is ours), the sheet list, our tags,
 * the culture's separator and the stored profile. The pane's Read keeps it, so its Rank can write at
 * once and only read again when the workbook changed since (the fingerprint, checked in the write's
 * own round trip).
 */
import type { Grid } from "../core/grid";
import type { ClusterProfile } from "../core/profile";
import { profileFromXml, queueProfilePart } from "./profile-store";
import {
  loadGridBlocks,
  loadHiddenDetail,
  queueDecimalSeparator,
  queueGridRead,
  queueHiddenDetail,
  queueSheetList,
  type GridReader,
  type SheetEntry,
} from "./read";
import { ourSheets, queueTags, type SheetTag } from "./tags";

/** What a ranking was read from; opaque to the pane, handed back to the adapter to rank. */
export interface WorkbookReading {
  /** The sheets ranked, empty ones left out. */
  grids: Grid[];
  /** The sheets read (empty ones included): what the fingerprint covers. */
  sheetNames: string[];
  /** The profile stored in the workbook, null when there is none. */
  stored: ClusterProfile | null;
  separator: "," | ".";
  sheets: SheetEntry[];
  tags: SheetTag[];
  /** Null when the sheets were read in blocks (too large to read again with the write). */
  fingerprint: string | null;
}

/**
 * Queues what tells whether the workbook changed since a reading: the sheet list, our tags and, for
 * each sheet read, its used range's address, values, formulas and hidden state. No fonts: those are
 * most of a read's bytes, and a change of font alone is not a change of scores.
 */
export function queueFingerprint(
  context: Excel.RequestContext,
  sheets: () => SheetEntry[],
  tags: () => SheetTag[],
  worksheets: Excel.Worksheet[]
): () => string {
  const used = worksheets.map((ws) => {
    const r = ws.getUsedRange(true);
    r.load("address, values, formulas, rowHidden, columnHidden");
    return r;
  });
  return () =>
    JSON.stringify([
      sheets(),
      tags().map((t) => [t.sheet, t.kind]),
      used.map((r) => [r.address, r.values, r.formulas, r.rowHidden, r.columnHidden]),
    ]);
}

/**
 * Reads for a ranking inside one Excel.run: one round trip, a second when a profile is stored, the
 * active sheet is ours (the sheets it was made from are read then) or rows are partly hidden, and one
 * per block of rows of a sheet too large for one response. Returns the syncs it spent.
 */
export async function readForRanking(
  context: Excel.RequestContext,
  options: { sheets?: string[]; blocks: boolean; readBudget: number }
): Promise<{ reading: WorkbookReading; syncs: number }> {
  const { blocks, readBudget } = options;
  // In blocks, the whole read Excel refused cost a round trip too.
  let syncs = blocks ? 1 : 0;
  // Round trip 1: the scores, the sheet list, our tags, the culture, where the profile is.
  const sheets = queueSheetList(context);
  const tags = queueTags(context);
  const sep = queueDecimalSeparator(context);
  const part = queueProfilePart(context);
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  const named = (options.sheets ?? []).map((n) => context.workbook.worksheets.getItem(n));
  let readers: GridReader[] = named.map((ws) => queueGridRead(ws, blocks));
  const activeReader = options.sheets ? null : queueGridRead(active, blocks);
  let fingerprint = blocks || activeReader ? null : queueFingerprint(context, sheets, tags, named);
  const activeFingerprint =
    blocks || !activeReader ? null : queueFingerprint(context, sheets, tags, [active]);
  await context.sync();
  syncs++;
  const tagList: SheetTag[] = tags();
  const ours = ourSheets(tagList);
  let sheetNames = options.sheets ?? [active.name];
  let readInTrip2 = false;
  let hiddenQueued = false;
  if (activeReader && ours.has(active.name.toLowerCase())) {
    // The user is looking at our ranking: rank what it was made from (every other visible sheet).
    const others = sheets().filter((s) => s.visible && !ours.has(s.name.toLowerCase()));
    const worksheets = others.map((s) => context.workbook.worksheets.getItem(s.name));
    readers = worksheets.map((ws) => queueGridRead(ws, blocks));
    readInTrip2 = readers.length > 0;
    if (readInTrip2) {
      sheetNames = others.map((s) => s.name);
      if (!blocks) fingerprint = queueFingerprint(context, sheets, tags, worksheets);
    } else {
      // No other sheet: the active one is read after all, partly hidden rows included.
      hiddenQueued = queueHiddenDetail([activeReader]);
      fingerprint = activeFingerprint;
    }
  } else {
    // Rows or columns partly hidden: their states ride along round trip 2.
    hiddenQueued = queueHiddenDetail(activeReader ? [activeReader] : readers);
    if (activeReader) fingerprint = activeFingerprint;
  }
  // A sheet too large for one response: its cells now, a block of rows per sync.
  if (!readInTrip2)
    syncs += await loadGridBlocks(context, activeReader ? [activeReader] : readers, readBudget);
  // Round trip 2 (only when a profile is stored, the extra read above or mixed hiding): the
  // profile's XML.
  const p = part();
  const xml = p ? p.getXml() : null;
  if (xml || readInTrip2 || hiddenQueued) {
    await context.sync();
    syncs++;
  }
  // Sheets first read in round trip 2 with rows or columns partly hidden: one more.
  if (readInTrip2) {
    syncs += await loadGridBlocks(context, readers, readBudget);
    syncs += await loadHiddenDetail(context, readers);
  }
  const grids = readers.length > 0 ? readers.map((r) => r()) : activeReader ? [activeReader()] : [];
  return {
    reading: {
      grids: grids.filter((g) => g.values.length > 0),
      sheetNames,
      stored: xml ? profileFromXml(xml.value) : null,
      separator: sep(),
      sheets: sheets(),
      tags: tagList,
      fingerprint: fingerprint ? fingerprint() : null,
    },
    syncs,
  };
}
