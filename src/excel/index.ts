/**
 * The Office.js adapter: the ONLY code that calls `Excel.run`. Typed against @types/office-js and
 * parameterised on the `Excel` namespace, so tests and the playground pass the simulator. Every method
 * costs a constant number of round trips (DESIGN.md "Round trips"); reading never writes; writes go to
 * sheets the product made (tagged) or to the cells the user asked to fix.
 */
import type { Grid } from "../core/grid";
import type { Lang } from "../core/i18n";
import { defaultProfile, type ClusterProfile } from "../core/profile";
import type { RankingReport } from "../core/report";
import { givenBy, rankWorkbook, type RankWorkbookResult } from "../sheets/rank-workbook";
import type { SheetSpec } from "../sheets/spec";
import { parseAddress } from "./address";
import { ExcelAdapterError, translateOfficeError, type ExcelHost, type OfficeHost } from "./host";
import { profileFromXml, profileToXml, queueProfilePart } from "./profile-store";
import {
  isResponseTooLarge,
  loadGridBlocks,
  READ_BUDGET_BYTES,
  loadHiddenDetail,
  queueGridRead,
  queueSheetList,
} from "./read";
import {
  needsTextFormat,
  planFreshTarget,
  planTarget,
  planTargets,
  writeSpec,
  writeSpecs,
} from "./render";
import { queueFingerprint, readForRanking, type WorkbookReading } from "./rank-read";
import { ourSheets, queueTags, SCORE_KINDS } from "./tags";

type RankedWorkbook = Extract<RankWorkbookResult, { ok: true }>;

export {
  ExcelAdapterError,
  type ExcelAdapterErrorCode,
  type ExcelHost,
  type OfficeHost,
} from "./host";
export { PROFILE_NAMESPACE, profileFromXml, profileToXml } from "./profile-store";
export { needsTextFormat, charsToPoints, DEFAULT_PAYLOAD_BUDGET } from "./render";
export { parseAddress } from "./address";
export type { WorkbookReading } from "./rank-read";

export interface SheetInfo {
  name: string;
  visible: boolean;
  active: boolean;
  /**
   * The kind of product output ("ranking", "covenant"…), null for the user's own sheets and for our
   * summary of returned forms, which is offered for ranking like any score sheet.
   */
  ours: string | null;
  /** The kind of any sheet we made, the summary included; null for the user's own. */
  kind: string | null;
}

export interface CellFix {
  /** Sheet-qualified single cell ("'Bảng điểm'!D12"). */
  cell: string;
  value: number | string;
}

export interface CellPeek {
  cell: string;
  /** As Excel shows it (formatted). */
  text: string;
  value: number | string | boolean;
  formula: string | null;
}

export interface OneClickOptions {
  lang?: Lang;
  mode?: "values" | "formulas";
  /** Sheets to read; default: the active sheet (or, when that is one of ours, every other visible sheet). */
  sheets?: string[];
  /** Date printed on the sheet; default now. */
  date?: Date;
  /** Settings to use instead of the stored profile (the pane's unsaved edits). */
  profile?: ClusterProfile;
  /**
   * What readForRanking read a moment ago: ranked and written at once, read again only when the
   * workbook changed since (one round trip when it did not).
   */
  reading?: WorkbookReading;
}

export interface OneClickResult {
  sheetName: string;
  report: RankingReport;
  /** Round trips used (constant whatever the number of units). */
  syncs: number;
}

export interface AdapterOptions {
  office?: OfficeHost;
  /**
   * Request (and, for sheets read in blocks, response) budget per sync in bytes (default 4 MB under
   * Excel on the web's 5 MB).
   */
  payloadBudget?: number;
}

export interface ExcelAdapter {
  /** Office's display language ("vi-VN" when unknown). */
  readonly displayLanguage: string;
  listSheets(): Promise<SheetInfo[]>;
  /** The named sheets (one sync), or every visible sheet that is not ours (two). */
  readGrids(sheetNames?: string[]): Promise<Grid[]>;
  readActiveGrid(): Promise<Grid>;
  /**
   * Writes a spec into our sheet of the same kind and name, cleared in place (so the user's formulas
   * pointing at it keep working), or into a new sheet.
   */
  renderSheetSpec(
    spec: SheetSpec,
    options?: { activate?: boolean; fresh?: boolean }
  ): Promise<{ sheetName: string }>;
  /**
   * Deletes a sheet we made, with its tag, and nothing else: false when the sheet is gone or is not
   * ours of that kind (a user's sheet is never deleted).
   */
  removeOurSheet(sheetName: string, kind: string): Promise<boolean>;
  /**
   * Several specs (a self-score template per member) in a constant number of syncs: one read, then
   * the writes in as few requests as the 5 MB limit allows. The first sheet is activated.
   */
  renderSheetSpecs(specs: SheetSpec[]): Promise<{ sheetNames: string[] }>;
  loadProfile(): Promise<ClusterProfile>;
  saveProfile(profile: ClusterProfile): Promise<void>;
  /** Current content of single cells (to preview fixes). */
  peekCells(cells: string[]): Promise<CellPeek[]>;
  /** Writes exactly the named cells, nothing else; returns how many were written. */
  applyFixes(fixes: CellFix[]): Promise<number>;
  selectCell(address: string): Promise<void>;
  /** The selected range, sheet-qualified ("'Bảng điểm'!C6:C30"). */
  selectedAddress(): Promise<string>;
  /** The named sheets, or the active one (every other visible sheet when it is ours), to rank. */
  readForRanking(sheetNames?: string[]): Promise<WorkbookReading>;
  /** Read once, analyse, build the ranking sheet, write once. */
  oneClickRanking(options?: OneClickOptions): Promise<OneClickResult>;
}

async function guarded<T>(what: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw translateOfficeError(e, what);
  }
}

function requireCell(address: string): { sheet: string; local: string } {
  const p = parseAddress(address);
  if (!p || p.sheet === null || p.rect.top !== p.rect.bottom || p.rect.left !== p.rect.right) {
    throw new ExcelAdapterError("bad-address", address);
  }
  return { sheet: p.sheet, local: p.local };
}

/** Reads the stored profile in a second sync when a part exists (its XML needs the part first). */
async function readProfile(
  context: Excel.RequestContext,
  part: Excel.CustomXmlPart | null
): Promise<ClusterProfile> {
  if (!part) return defaultProfile();
  const xml = part.getXml();
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult needs no load
  return profileFromXml(xml.value) ?? defaultProfile();
}

/**
 * Runs a reading batch with each sheet read whole (one response: the common case); when Excel on the
 * web refuses a response that large, runs it again with the sheets read in blocks. Every batch here
 * reads before it writes, so the second run starts from the workbook the first one saw.
 */
async function inBlocksIfTooLarge<T>(run: (blocks: boolean) => Promise<T>): Promise<T> {
  try {
    return await run(false);
  } catch (e) {
    if (!isResponseTooLarge(e)) throw e;
    return run(true);
  }
}

export function createExcelAdapter(excel: ExcelHost, options: AdapterOptions = {}): ExcelAdapter {
  const budget = options.payloadBudget;
  const readBudget = budget ?? READ_BUDGET_BYTES;

  const adapter: ExcelAdapter = {
    get displayLanguage(): string {
      return options.office?.context?.displayLanguage || "vi-VN";
    },

    listSheets: () =>
      guarded(undefined, () =>
        excel.run(async (context) => {
          const sheets = queueSheetList(context);
          const tags = queueTags(context);
          const active = context.workbook.worksheets.getActiveWorksheet();
          active.load("name");
          await context.sync();
          const t = tags();
          return sheets().map((s) => {
            const kind = t.find((x) => x.sheet === s.name)?.kind ?? null;
            return {
              name: s.name,
              visible: s.visible,
              active: s.name === active.name,
              ours: kind !== null && !SCORE_KINDS.has(kind) ? kind : null,
              kind,
            };
          });
        })
      ),

    readGrids: (sheetNames) =>
      guarded(sheetNames?.join(", "), () =>
        inBlocksIfTooLarge((blocks) =>
          excel.run(async (context) => {
            let names = sheetNames;
            if (!names) {
              const sheets = queueSheetList(context);
              const tags = queueTags(context);
              await context.sync();
              const ours = ourSheets(tags());
              names = sheets()
                .filter((s) => s.visible && !ours.has(s.name.toLowerCase()))
                .map((s) => s.name);
            }
            const readers = names.map((n) =>
              queueGridRead(context.workbook.worksheets.getItem(n), blocks)
            );
            await context.sync();
            await loadGridBlocks(context, readers, readBudget);
            await loadHiddenDetail(context, readers);
            return readers.map((r) => r());
          })
        )
      ),

    readActiveGrid: () =>
      guarded(undefined, () =>
        inBlocksIfTooLarge((blocks) =>
          excel.run(async (context) => {
            const read = queueGridRead(context.workbook.worksheets.getActiveWorksheet(), blocks);
            await context.sync();
            await loadGridBlocks(context, [read], readBudget);
            await loadHiddenDetail(context, [read]);
            return read();
          })
        )
      ),

    renderSheetSpec: (spec, opts = {}) =>
      guarded(spec.name, () =>
        excel.run(async (context) => {
          const sheets = queueSheetList(context);
          const tags = queueTags(context);
          await context.sync();
          const plan = opts.fresh
            ? planFreshTarget(spec, sheets(), tags())
            : { spec, target: planTarget(spec, sheets(), tags()) };
          await writeSpec(context, plan.spec, plan.target, { budget, activate: opts.activate });
          return { sheetName: plan.target.name };
        })
      ),

    removeOurSheet: (sheetName, kind) =>
      guarded(sheetName, () =>
        excel.run(async (context) => {
          const sheets = queueSheetList(context);
          const tags = queueTags(context);
          await context.sync();
          const tag = tags().find((t) => t.sheet === sheetName && t.kind === kind);
          if (!tag || !sheets().some((s) => s.name === sheetName)) return false;
          // The tag first: once its sheet is gone it would hold #REF!.
          context.workbook.names.getItem(tag.tag).delete();
          context.workbook.worksheets.getItem(sheetName).delete();
          await context.sync();
          return true;
        })
      ),

    renderSheetSpecs: (specs) =>
      guarded(specs.map((s) => s.name).join(", "), async () => {
        if (specs.length === 0) return { sheetNames: [] };
        return excel.run(async (context) => {
          const sheets = queueSheetList(context);
          const tags = queueTags(context);
          await context.sync();
          const targets = planTargets(specs, sheets(), tags());
          await writeSpecs(
            context,
            specs.map((spec, i) => ({ spec, target: targets[i] })),
            { budget }
          );
          return { sheetNames: targets.map((t) => t.name) };
        });
      }),

    loadProfile: () =>
      guarded(undefined, () =>
        excel.run(async (context) => {
          const part = queueProfilePart(context);
          await context.sync();
          return readProfile(context, part());
        })
      ),

    saveProfile: (profile) =>
      guarded(undefined, () =>
        excel.run(async (context) => {
          const part = queueProfilePart(context);
          await context.sync();
          const xml = profileToXml(profile);
          const existing = part();
          if (existing) existing.setXml(xml);
          else context.workbook.customXmlParts.add(xml);
          await context.sync();
        })
      ),

    peekCells: (cells) =>
      guarded(cells.join(", "), () =>
        excel.run(async (context) => {
          const ranges = cells.map((c) => {
            const { sheet, local } = requireCell(c);
            const r = context.workbook.worksheets.getItem(sheet).getRange(local);
            r.load("text, values, formulas");
            return r;
          });
          await context.sync();
          return ranges.map((r, i) => {
            const f = r.formulas[0][0];
            return {
              cell: cells[i],
              text: String(r.text[0][0]),
              value: r.values[0][0] as number | string | boolean,
              formula: typeof f === "string" && f.startsWith("=") ? f : null,
            };
          });
        })
      ),

    applyFixes: (fixes) =>
      guarded(fixes.map((f) => f.cell).join(", "), async () => {
        // Validate every address before touching anything: a bad one must not leave half the fixes done.
        const targets = fixes.map((f) => ({ ...requireCell(f.cell), value: f.value }));
        if (targets.length === 0) return 0;
        return excel.run(async (context) => {
          for (const t of targets) {
            const r = context.workbook.worksheets.getItem(t.sheet).getRange(t.local);
            // The apostrophe keeps a fixed text (a converted TCVN3 label) from being read as a formula
            // or number, without changing the user's number format.
            r.values = [
              [typeof t.value === "string" && needsTextFormat(t.value) ? `'${t.value}` : t.value],
            ];
          }
          await context.sync();
          return targets.length;
        });
      }),

    selectCell: (address) =>
      guarded(address, () =>
        excel.run(async (context) => {
          const p = parseAddress(address);
          if (!p || p.sheet === null) throw new ExcelAdapterError("bad-address", address);
          const ws = context.workbook.worksheets.getItem(p.sheet);
          ws.activate();
          ws.getRange(p.local).select();
          await context.sync();
        })
      ),

    selectedAddress: () =>
      guarded(undefined, () =>
        excel.run(async (context) => {
          const r = context.workbook.getSelectedRange();
          r.load("address");
          await context.sync();
          return r.address;
        })
      ),

    readForRanking: (sheetNames) =>
      guarded(sheetNames?.join(", "), () =>
        inBlocksIfTooLarge((blocks) =>
          excel.run(async (context) => {
            const { reading } = await readForRanking(context, {
              sheets: sheetNames,
              blocks,
              readBudget,
            });
            return reading;
          })
        )
      ),

    oneClickRanking: (opts = {}) =>
      guarded(opts.sheets?.join(", "), () =>
        inBlocksIfTooLarge((blocks) =>
          excel.run(async (context) => {
            const rank = (reading: WorkbookReading): RankedWorkbook => {
              const base = opts.profile ?? reading.stored;
              const profile: ClusterProfile = {
                ...(base ?? defaultProfile()),
                decimalSeparator: reading.separator,
              };
              const ranked = rankWorkbook(reading.grids, profile, {
                lang: opts.lang ?? "vi",
                date: opts.date ?? new Date(),
                mode: opts.mode ?? "values",
                given: givenBy(base),
                tags: reading.tags,
              });
              if (!ranked.ok) {
                throw new ExcelAdapterError(
                  "no-score-sheet",
                  ranked.message,
                  undefined,
                  ranked.reasons
                );
              }
              return ranked;
            };
            let syncs = 0;
            const prior = blocks ? null : opts.reading;
            if (prior && prior.fingerprint !== null) {
              // The pane read the workbook a moment ago: write what that reading ranks, and tell in
              // the same round trip whether the workbook changed since (then read and write again).
              const ranked = rank(prior);
              const now = queueFingerprint(
                context,
                queueSheetList(context),
                queueTags(context),
                prior.sheetNames.map((n) => context.workbook.worksheets.getItem(n))
              );
              const target = planTarget(ranked.ranking, prior.sheets, prior.tags);
              try {
                syncs += await writeSpec(context, ranked.ranking, target, { budget });
                if (now() === prior.fingerprint)
                  return { sheetName: target.name, report: ranked.report, syncs };
              } catch {
                // Written from a stale plan (a sheet added or renamed since): the fresh read below
                // plans again and writes over whatever part of ours was written.
                syncs++;
              }
            }
            const fresh = await readForRanking(context, {
              sheets: opts.sheets,
              blocks,
              readBudget,
            });
            syncs += fresh.syncs;
            const ranked = rank(fresh.reading);
            const target = planTarget(ranked.ranking, fresh.reading.sheets, fresh.reading.tags);
            syncs += await writeSpec(context, ranked.ranking, target, { budget });
            return { sheetName: target.name, report: ranked.report, syncs };
          })
        )
      ),
  };
  return adapter;
}
