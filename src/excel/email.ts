/**
 * The email loop inside Excel: read what is about to be sent, write the summary of the returned forms
 * into its own sheet (freezing THIDUA formulas is freeze.ts).
 * Round trips: every function reads in one sync and writes in one more (plus writeSpec's chunking).
 */
import { analyzeWorkbook } from "../core";
import type { Grid } from "../core/grid";
import type { Lang } from "../core/i18n";
import {
  checkBeforeSending,
  type PresendFinding,
  type RankingState,
  type SheetVisibility,
} from "../core/presend";
import { defaultProfile, type ClusterProfile } from "../core/profile";
import { titleInfoOf } from "../core/title";
import {
  consolidateReturns,
  type ConsolidateOptions,
  type ConsolidateResult,
  type ReturnedFile,
} from "../core/returns";
import type { SheetSpec } from "../sheets/spec";
import { SHEET_STRINGS } from "../sheets/strings";
import { buildSummarySheet, SUMMARY_STRINGS } from "../sheets/summary";
import type { ExcelHost } from "./host";
import { translateOfficeError } from "./host";
import { profileFromXml, profileToXml, queueProfilePart } from "./profile-store";
import {
  isResponseTooLarge,
  loadGridBlocks,
  loadHiddenDetail,
  queueGridRead,
  READ_BUDGET_BYTES,
} from "./read";
import { planTarget, writeSpec } from "./render";
import { queueTags, tagName, type SheetTag } from "./tags";

export interface SheetState {
  name: string;
  position: number;
  visibility: SheetVisibility;
  /** A sheet the product made (tagged). */
  ours: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetState[];
  /** Every sheet, hidden ones included, in tab order. */
  grids: Grid[];
  tags: SheetTag[];
  /** The profile's custom XML part as stored, null when the workbook has none. */
  profileXml: string | null;
}

/**
 * Everything the email features look at: two syncs (the sheet list, then every sheet), one more for
 * mixed hiding. `budgetBytes`: the response budget per sync when a sheet must be read in blocks.
 */
export async function readWorkbookSnapshot(
  xl: ExcelHost,
  budgetBytes = READ_BUDGET_BYTES
): Promise<WorkbookSnapshot> {
  try {
    return await snapshot(xl, false, budgetBytes);
  } catch (e) {
    // A sheet too large for one response (Excel on the web): the same read, in blocks of rows.
    if (!isResponseTooLarge(e)) throw e;
    return snapshot(xl, true, budgetBytes);
  }
}

async function snapshot(
  xl: ExcelHost,
  blocks: boolean,
  budgetBytes: number
): Promise<WorkbookSnapshot> {
  return xl.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name, items/position, items/visibility");
    const tagsOf = queueTags(ctx);
    const partOf = queueProfilePart(ctx);
    await ctx.sync();
    const readers = sheets.items.map((ws) => queueGridRead(ws, blocks));
    const part = partOf();
    const xml = part ? part.getXml() : null;
    await ctx.sync();
    await loadGridBlocks(ctx, readers, budgetBytes);
    await loadHiddenDetail(ctx, readers);
    const tags = tagsOf();
    const ours = new Set(tags.filter((t) => t.sheet).map((t) => (t.sheet as string).toLowerCase()));
    return {
      sheets: sheets.items.map((s) => ({
        name: s.name,
        position: s.position,
        visibility: s.visibility as SheetVisibility,
        ours: ours.has(s.name.toLowerCase()),
      })),
      grids: readers.map((f) => f()),
      tags,
      profileXml: xml ? xml.value : null,
    };
  });
}

/** "Kiểm tra trước khi gửi" on the open workbook. */
export async function checkWorkbookBeforeSending(
  xl: ExcelHost,
  lang: Lang
): Promise<PresendFinding[]> {
  const snap = await readWorkbookSnapshot(xl);
  return checkBeforeSending(snap.grids, snap.sheets, { lang, ranking: rankingStateOf(snap, lang) });
}

// "TẠM TÍNH:" / "PROVISIONAL:": the banner our ranking sheet carries while the result is provisional.
const BANNER_PREFIXES = (["vi", "en"] as const).map(
  (l) => SHEET_STRINGS.t(l, "provisionalIncomplete").split(":")[0] + ":"
);

/**
 * Where the ranking stands: the score table read as the ranking reads it (the user's visible sheets,
 * or the summary of returned forms), and our ranking sheets that say Tạm tính. Undefined when there
 * is neither.
 */
export function rankingStateOf(snap: WorkbookSnapshot, lang: Lang): RankingState | undefined {
  const ours = snap.tags.filter((t) => t.kind === "ranking" && t.sheet).map((t) => t.sheet);
  const provisionalSheets = snap.grids
    .filter((g) => ours.includes(g.sheetName))
    .filter((g) =>
      g.values.some((row) =>
        row.some((v) => typeof v === "string" && BANNER_PREFIXES.some((p) => v.startsWith(p)))
      )
    )
    .map((g) => g.sheetName);
  const profile = profileOf(snap) ?? defaultProfile();
  const visible = new Set(
    snap.sheets.filter((s) => !s.ours && s.visibility === "Visible").map((s) => s.name)
  );
  let res = analyzeWorkbook(
    snap.grids.filter((g) => visible.has(g.sheetName)),
    { profile, lang }
  );
  const summary = res.ok ? null : existingSummaryGrid(snap, lang);
  if (summary) res = analyzeWorkbook([summary], { profile, lang });
  if (!res.ok)
    return provisionalSheets.length > 0
      ? { errors: [], provisional: true, provisionalSheets }
      : undefined;
  return {
    errors: res.report.issues.filter((i) => i.severity === "error").map((i) => ({ cell: i.cell })),
    provisional: res.report.provisional,
    provisionalSheets,
  };
}

export interface FormSettings {
  /** Null when neither the settings nor the score sheet's title says. */
  year: number | null;
  clusterName: string;
  /** Where each came from: the cluster's settings, the score sheet's title, or nowhere yet. */
  yearFrom: "profile" | "title" | "none";
  clusterFrom: "profile" | "title" | "none";
}

/**
 * The year and cluster the self-score forms will carry, for the head to confirm before sending: the
 * settings when they say, else the score sheet's own title ("BẢNG ĐIỂM THI ĐUA NĂM 2021", "CỤM THI
 * ĐUA …"); never today's year silently.
 */
export function formSettingsOf(snap: WorkbookSnapshot): FormSettings {
  const profile = profileOf(snap);
  const visible = new Set(
    snap.sheets.filter((s) => !s.ours && s.visibility === "Visible").map((s) => s.name)
  );
  const title = titleInfoOf(snap.grids.filter((g) => visible.has(g.sheetName)));
  const cluster = profile?.clusterName.trim() ?? "";
  const year = profile && profile.year > 0 ? profile.year : null;
  return {
    year: year ?? title.year,
    clusterName: cluster || (title.clusterName ?? ""),
    yearFrom: year !== null ? "profile" : title.year !== null ? "title" : "none",
    clusterFrom: cluster ? "profile" : title.clusterName ? "title" : "none",
  };
}

/** Stores the profile in the workbook's custom XML part (replacing ours): one read, one write. */
export async function saveProfilePart(xl: ExcelHost, profile: ClusterProfile): Promise<void> {
  await xl.run(async (ctx) => {
    const part = queueProfilePart(ctx);
    await ctx.sync();
    const xml = profileToXml(profile);
    const existing = part();
    if (existing) existing.setXml(xml);
    else ctx.workbook.customXmlParts.add(xml);
    await ctx.sync();
  });
}

/** The profile stored in the workbook, or null. */
export function profileOf(snap: WorkbookSnapshot): ClusterProfile | null {
  return snap.profileXml ? profileFromXml(snap.profileXml) : null;
}

/** The summary sheet we wrote before (in the pane's language first, then any). */
export function existingSummaryGrid(snap: WorkbookSnapshot, lang: Lang): Grid | null {
  const want = tagName("summary", SUMMARY_STRINGS.t(lang, "sheetName"));
  const tags = snap.tags.filter((t) => t.kind === "summary" && t.sheet);
  const tag = tags.find((t) => t.tag === want) ?? tags[0];
  if (!tag) return null;
  return snap.grids.find((g) => g.sheetName === tag.sheet) ?? null;
}

export interface ImportOutcome {
  result: ConsolidateResult;
  /** The sheet written, null when nothing was written (preview, or the summary is blocked). */
  sheetName: string | null;
}

/**
 * Consolidate returned forms against the summary already in the workbook. With `write`, the summary
 * sheet (ours, tagged) is replaced by the merged one; no other sheet is touched. The head's review
 * scores survive because the existing summary is read and merged first (consolidateReturns).
 */
export async function importReturns(
  xl: ExcelHost,
  files: ReturnedFile[],
  profile: ClusterProfile,
  options: ConsolidateOptions & { lang: Lang; write: boolean }
): Promise<ImportOutcome> {
  try {
    const snap = await readWorkbookSnapshot(xl);
    const existing = existingSummaryGrid(snap, options.lang);
    const result = consolidateReturns(files, profile, existing, options);
    if (!options.write || result.summary === null || result.summary.units.length === 0)
      return { result, sheetName: null };
    const spec = buildSummarySheet(result.summary, profile, { lang: options.lang });
    const sheetName = await writeOurSheet(xl, spec);
    return { result, sheetName };
  } catch (e) {
    throw translateOfficeError(e);
  }
}

/** Writes one spec as our tagged sheet (replacing only our own previous one). */
export async function writeOurSheet(xl: ExcelHost, spec: SheetSpec): Promise<string> {
  return xl.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name, items/position, items/visibility");
    const tagsOf = queueTags(ctx);
    await ctx.sync();
    const list = sheets.items.map((s) => ({
      name: s.name,
      position: s.position,
      visible: s.visibility === "Visible",
    }));
    const target = planTarget(spec, list, tagsOf());
    await writeSpec(ctx, spec, target);
    return target.name;
  });
}

/** The part of `Office` that hands over the open file itself. */
export interface OfficeDocumentHost {
  context: {
    document?: {
      getFileAsync?: (
        type: string,
        options: { sliceSize: number },
        callback: (r: { status: string; value: any; error?: { message: string } }) => void
      ) => void;
    };
  };
  FileType?: { Compressed: string };
}

/**
 * The open workbook's .xlsx bytes (Office's getFileAsync, sliced), or null where the host cannot give
 * them. With the bytes, the clean copy keeps every format; without, it is rebuilt from the cells.
 */
export async function readDocumentBytes(
  office: OfficeDocumentHost | undefined
): Promise<Uint8Array | null> {
  const doc = office?.context.document;
  if (!doc?.getFileAsync) return null;
  const getFile = doc.getFileAsync.bind(doc);
  const file = await new Promise<any | null>((resolve) =>
    getFile(office?.FileType?.Compressed ?? "compressed", { sliceSize: 4 * 1024 * 1024 }, (r) =>
      resolve(r.status === "succeeded" ? r.value : null)
    )
  );
  if (!file) return null;
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      // Slices must be fetched one after the other: Office refuses a second getSliceAsync in flight.
      const slice = await new Promise<any | null>((resolve) =>
        file.getSliceAsync(i, (r: { status: string; value: any }) =>
          resolve(r.status === "succeeded" ? r.value : null)
        )
      );
      if (!slice) return null;
      parts.push(new Uint8Array(slice.data));
    }
    const size = parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  } finally {
    file.closeAsync(() => undefined);
  }
}
