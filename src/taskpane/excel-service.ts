/**
 * The pane's service over the real workbook: src/excel (every Excel.run), src/core (analysis) and
 * src/sheets (what gets written). Parameterised on the Excel and Office namespaces so the playground
 * passes the simulator; by default it takes office.js's globals.
 */
import { analyzeWorkbook, checkBands, suggestRotation } from "../core";
import type { Grid } from "../core/grid";
import type { Lang } from "../core/i18n";
import { defaultProfile, type ClusterProfile } from "../core/profile";
import {
  createExcelAdapter,
  ExcelAdapterError,
  type ExcelAdapter,
  type ExcelHost,
  type OfficeHost,
  type WorkbookReading,
} from "../excel";
import { errorCodeOf } from "../excel/errors";
import type { IssueMarks } from "../excel/marks";
// The builders' own files, not the sheets/ barrel: a builder only the lazy screens use (the vote
// tally) would otherwise ride in the pane's first download.
import { buildCovenantSheet } from "../sheets/covenant";
import { buildSelfScoreTemplate, unitSheetName } from "../sheets/template";
import { documentProfileOf } from "../sheets/document-profile";
import { meetingDocx } from "./meeting-docx";
import { correctMapping, isMappingLike, makeReading, parseAddress } from "./reading";
import { ServiceError, type CovenantResult, type Reading, type ThiduaService } from "./service";
import { titleInfoOf } from "../core/title";

export interface ExcelServiceEnv {
  excel?: ExcelHost;
  office?: OfficeHost;
  /** The date printed on generated sheets (tests); default now. */
  now?: () => Date;
}

/** Adapter and Office failures in the pane's terms (the one map in src/excel/errors.ts). */
function asServiceError(e: unknown): unknown {
  if (e instanceof ServiceError) return e;
  const code = errorCodeOf(e);
  if (code === "unexpected" && !(e instanceof ExcelAdapterError)) return e;
  return new ServiceError(code, e instanceof ExcelAdapterError ? e.detail : undefined);
}

function wrap<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      throw asServiceError(e);
    }
  };
}

/** Covenant parties and templates need members; before the profile lists them, the sheet's units do. */
function withMembers(profile: ClusterProfile, reading: Reading | null): ClusterProfile {
  if (!reading) return profile;
  // §8: settings never saved give no year; the sheet's title gives it, else a dotted blank.
  return documentProfileOf(
    profile,
    reading.title,
    reading.report.units.map((u) => u.name)
  );
}

function globalHosts(): { excel?: ExcelHost; office?: OfficeHost } {
  const g = globalThis as unknown as { Excel?: ExcelHost; Office?: OfficeHost };
  return { excel: g.Excel, office: g.Office };
}

export function createExcelService(env: ExcelServiceEnv = {}): ThiduaService {
  const hosts = env.excel ? env : { ...globalHosts(), ...env };
  const now = env.now ?? (() => new Date());
  const adapter: ExcelAdapter | null = hosts.excel
    ? createExcelAdapter(hosts.excel, { office: hosts.office })
    : null;
  const need = (): ExcelAdapter => {
    if (!adapter) throw new ServiceError("no-workbook");
    return adapter;
  };
  /** The grids of the last reading, so a correction can read unit names without another round trip. */
  let lastGrids: Grid[] = [];
  /** The last reading with what the adapter read for it: Rank hands it back instead of reading again. */
  let lastRead: { reading: Reading; workbook: WorkbookReading } | null = null;
  // The marks' code loads with the first reading, which sweeps away any an earlier pane left.
  let marks: Promise<IssueMarks> | null = null;
  const issueMarks = (): Promise<IssueMarks> =>
    (marks ??= import(/* webpackChunkName: "marks" */ "../excel/marks").then((m) =>
      m.createIssueMarks(hosts.excel as ExcelHost)
    ));
  /** Marks are temporary: gone before the add-in writes or reads anew, so none is left behind. */
  const unmarked = async (): Promise<void> => {
    if (hosts.excel) await (await issueMarks()).clearIfAny();
  };

  const read = wrap(async (sheets: string[] | undefined, lang: Lang): Promise<Reading> => {
    const a = need();
    await unmarked();
    // The same reading as the one click's (one round trip, two with a stored profile); kept so
    // that Rank writes at once when nothing changed since.
    const workbook = await a.readForRanking(sheets && sheets.length > 0 ? sheets : undefined);
    const grids = workbook.grids;
    lastGrids = grids;
    lastRead = null;
    const p = { ...(workbook.stored ?? defaultProfile()), decimalSeparator: workbook.separator };
    const res = analyzeWorkbook(grids, { profile: p, lang, mappings: p.mappings });
    if (!res.ok) throw new ServiceError("no-score-sheet", res.message);
    const reading = { ...makeReading(res.report, p.mappings, lang), title: titleInfoOf(grids) };
    lastRead = { reading, workbook };
    return reading;
  });

  const service: ThiduaService = {
    get displayLanguage(): string {
      return adapter?.displayLanguage ?? hosts.office?.context?.displayLanguage ?? "vi-VN";
    },

    listSheets: wrap(async () =>
      (await need().listSheets())
        .filter((s) => s.visible)
        .map((s) => ({ name: s.name, active: s.active, ours: s.ours !== null }))
    ),

    read,

    useSelection: wrap(async (part, reading, lang) => {
      const a = need();
      const address = await a.selectedAddress();
      const mappings = reading.report.mappings.filter(isMappingLike);
      const sel = parseAddress(address, mappings[0]?.sheet ?? "");
      if (!sel) throw new ServiceError("no-selection", address);
      const mapping = mappings.find((m) => m.sheet === sel.sheet) ?? mappings[0];
      if (!mapping) throw new ServiceError("no-reading");
      const grid = lastGrids.find((g) => g.sheetName === mapping.sheet);
      const corrected = correctMapping(mapping, part, sel, grid, lang);
      const profile = await a.loadProfile();
      await a.saveProfile({
        ...profile,
        mappings: { ...profile.mappings, [mapping.sheet]: corrected },
      });
      return read(reading.sheets, lang);
    }),

    resetMapping: wrap(async (reading, lang) => {
      const a = need();
      const profile = await a.loadProfile();
      const mappings = { ...profile.mappings };
      for (const s of reading.sheets) delete mappings[s];
      await a.saveProfile({ ...profile, mappings });
      return read(reading.sheets, lang);
    }),

    previewFixes: wrap(async (fixes) => {
      if (fixes.length === 0) return [];
      const peeks = await need().peekCells(fixes.map((f) => f.cell));
      return fixes.map((fix, i) => ({ fix, before: peeks[i]?.formula ?? peeks[i]?.text ?? "" }));
    }),

    applyFixes: wrap(async (fixes) => {
      await unmarked();
      return need().applyFixes(fixes);
    }),

    selectCell: wrap(async (address) => need().selectCell(address)),

    markIssues: wrap(async (issues) => {
      need();
      const cells = issues.flatMap((i) => (i.cell ? [{ cell: i.cell, severity: i.severity }] : []));
      return (await issueMarks()).mark(cells);
    }),

    clearMarks: wrap(async () => {
      need();
      await (await issueMarks()).clear();
    }),

    buildRanking: wrap(async (mode, reading, lang) => {
      await unmarked();
      // The reading is written at once; the adapter reads again only if the workbook changed since.
      const prior = lastRead?.reading === reading ? lastRead.workbook : undefined;
      lastRead = null;
      const res = await need().oneClickRanking({
        lang,
        mode,
        sheets: reading.sheets,
        date: now(),
        reading: prior,
      });
      return { sheetName: res.sheetName, report: res.report };
    }),

    buildCovenant: wrap(async (as, reading, lang): Promise<CovenantResult> => {
      const a = need();
      const profile = withMembers(await a.loadProfile(), reading);
      const criteria = reading?.report.criteria ?? [];
      const opts = { date: now(), lang };
      if (as === "sheet") {
        await unmarked();
        const { sheetName } = await a.renderSheetSpec(buildCovenantSheet(profile, criteria, opts), {
          activate: true,
        });
        return { kind: "sheet", sheetName };
      }
      // docx is loaded on demand: it would double the pane's bundle for a button pressed once a year.
      const [{ buildCovenantDocx }, { Packer }] = await Promise.all([
        import(/* webpackChunkName: "covenant-docx" */ "../sheets/covenant-docx"),
        import(/* webpackChunkName: "covenant-docx" */ "docx"),
      ]);
      const blob = await Packer.toBlob(buildCovenantDocx(profile, criteria, opts));
      const fileName =
        lang === "vi" ? `Giao-uoc-thi-dua-${profile.year}.docx` : `Covenant-${profile.year}.docx`;
      return { kind: "docx", fileName, blob };
    }),

    buildMeetingDoc: wrap(async (doc, reading, lang) => {
      const profile = withMembers(await need().loadProfile(), reading);
      return meetingDocx(doc, profile, reading.report, { date: now() }, lang);
    }),

    criteriaOnly: async () => {
      const { createCriteriaOnlyService } = await import(
        /* webpackChunkName: "criteria-only" */ "./criteria-only-service"
      );
      const c = createCriteriaOnlyService({ adapter: need, now });
      return {
        read: wrap(c.read),
        writeForms: wrap(c.writeForms),
        writeCovenant: wrap(c.writeCovenant),
        covenantDocx: wrap(c.covenantDocx),
        undo: wrap(c.undo),
      };
    },

    meeting: () =>
      import(/* webpackChunkName: "meeting" */ "./meeting-service").then((m) =>
        m.createMeetingService({ adapter: need, now, wrap })
      ),

    openPreview: wrap(async (reading, lang) => {
      const profile = withMembers(await need().loadProfile(), reading);
      // office-js-helpers and the sheet builders load with the button's first press, not with the pane.
      const { openPrintPreview } = await import(
        /* webpackChunkName: "print-preview" */ "./preview"
      );
      return openPrintPreview({
        office: hosts.office as never,
        reading,
        profile,
        lang,
        date: now(),
      });
    }),

    buildTemplates: wrap(async (reading, lang) => {
      const a = need();
      const profile = withMembers(await a.loadProfile(), reading);
      const opts = { date: now(), lang };
      await unmarked();
      // One sheet per member, its name first (what a tab shows): under the builder's one name each
      // template would overwrite the previous one. All of them go in one batch (constant syncs).
      const specs = profile.members.map((unit) => {
        const spec = buildSelfScoreTemplate(profile, reading.report.criteria, unit, opts);
        return { ...spec, name: unitSheetName(unit, spec.name) };
      });
      return a.renderSheetSpecs(specs);
    }),

    loadProfile: wrap(async () => need().loadProfile()),
    saveProfile: wrap(async (p) => {
      // A reading ranks with the profile it found: Rank must not reuse it under other settings.
      lastRead = null;
      await unmarked();
      return need().saveProfile(p);
    }),

    suggestRotation(p) {
      if (!p.deputy && !p.head) return null;
      const s = suggestRotation(p.members, p.head, p.deputy);
      return s.head ? s : null;
    },

    checkBands(bands, lang) {
      return checkBands(bands, lang).map((message) => ({ message }));
    },
  };
  return service;
}
