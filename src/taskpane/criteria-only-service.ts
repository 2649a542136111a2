/**
 * The criteria-only panel's side of the workbook: the criteria read by core (readCriteriaOnly, the
 * reader `thidua template` uses) and the forms and covenant built by the same sheet builders as the
 * CLI, written as new sheets of ours through the Excel adapter (one batch each). Loaded with the panel.
 */
import { readCriteriaOnly } from "../core/criteria-only";
import type { ClusterProfile } from "../core/profile";
import { titleInfoOf, withTitle } from "../core/title";
import type { Grid } from "../core/grid";
import type { ExcelAdapter } from "../excel";
import { buildCovenantSheet, buildSelfScoreTemplate, unitSheetName } from "../sheets";
import { givenBy } from "../sheets/rank-workbook";
import type { CriteriaOnlyService, CriteriaOnlySource } from "./criteria-only-api";

export interface CriteriaOnlyDeps {
  adapter: () => ExcelAdapter;
  now: () => Date;
}

export function createCriteriaOnlyService(deps: CriteriaOnlyDeps): CriteriaOnlyService {
  /** The grids of the last reading: the title (year, cluster) is taken from them when writing. */
  let lastGrids: Grid[] = [];

  /**
   * The settings the documents print, with the members typed: what the saved settings lack (year,
   * Cụm/Khối) is taken from the criteria sheet's own title (§8), never today's year.
   */
  const profileWith = async (members: string[]): Promise<ClusterProfile> => {
    const stored = await deps.adapter().loadProfile();
    const saved = stored.clusterName.trim() !== "" || stored.members.length > 0;
    const profile = withTitle(stored, titleInfoOf(lastGrids), givenBy(saved ? stored : null));
    return { ...profile, members };
  };

  return {
    async read(sheets, lang) {
      const a = deps.adapter();
      const [profile, grids] = await Promise.all([
        a.loadProfile(),
        sheets && sheets.length > 0 ? a.readGrids(sheets) : a.readActiveGrid().then((g) => [g]),
      ]);
      lastGrids = grids.filter((g) => g.values.length > 0);
      const found = readCriteriaOnly(lastGrids, { lang, profile });
      if (found === null) return null;
      return { ...found, members: [...profile.members] };
    },

    async writeForms(source: CriteriaOnlySource, members, lang) {
      const profile = await profileWith(members);
      const opts = { date: deps.now(), lang };
      // One sheet per member under its own name (what a tab shows), all in one batch.
      const specs = members.map((unit) => {
        const spec = buildSelfScoreTemplate(profile, source.criteria, unit, opts);
        return { ...spec, name: unitSheetName(unit, spec.name) };
      });
      const a = deps.adapter();
      const before = new Set((await a.listSheets()).map((s) => s.name));
      const { sheetNames } = await a.renderSheetSpecs(specs);
      return { sheetNames, replaced: sheetNames.filter((n) => before.has(n)) };
    },

    async writeCovenant(source: CriteriaOnlySource, members, lang) {
      const profile = await profileWith(members);
      const spec = buildCovenantSheet(profile, source.criteria, { date: deps.now(), lang });
      // A new sheet, never an earlier covenant cleared in place: the way back must give that one back.
      const { sheetName } = await deps
        .adapter()
        .renderSheetSpec(spec, { activate: true, fresh: true });
      return { sheetName };
    },

    async covenantDocx(source: CriteriaOnlySource, members, lang) {
      const profile = await profileWith(members);
      // The Word writer is most of the pane's weight: loaded when the file is asked for.
      const [{ buildCovenantDocx }, { Packer }] = await Promise.all([
        import(/* webpackChunkName: "covenant-docx" */ "../sheets/covenant-docx"),
        import(/* webpackChunkName: "covenant-docx" */ "docx"),
      ]);
      const blob = await Packer.toBlob(
        buildCovenantDocx(profile, source.criteria, { date: deps.now(), lang })
      );
      const base = lang === "vi" ? "Giao-uoc-thi-dua" : "Covenant";
      return { fileName: profile.year > 0 ? `${base}-${profile.year}.docx` : `${base}.docx`, blob };
    },

    async undo(sheetNames, kind) {
      let removed = 0;
      for (const name of sheetNames) if (await deps.adapter().removeOurSheet(name, kind)) removed++;
      return removed;
    },
  };
}
