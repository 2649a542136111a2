/**
 * The Họp cụm screen over the workbook: the tally written through the Excel adapter as a sheet of
 * ours, and the minutes, ballot with its count and award proposal built by the same builders as
 * `thidua minutes|votes|proposal` from what the meeting entered. Loaded with the screen.
 */
import { suggestRotation } from "../core";
import type { Grid } from "../core/grid";
import type { ClusterProfile } from "../core/profile";
import type { ExcelAdapter } from "../excel";
import { clusterFullName } from "../sheets/document";
import {
  checkMeetingEntries,
  entryOfDate,
  meetingInputOf,
  voteCandidates,
  voteLines,
  voteTallyOf,
} from "../sheets/meeting-input";
import { documentProfileOf } from "../sheets/document-profile";
import type { SheetSpec } from "../sheets/spec";
import { buildVoteTally } from "../sheets/votes";
import { meetingDocx } from "./meeting-docx";
import { ServiceError, type MeetingService, type Reading } from "./service";

export interface MeetingDeps {
  adapter: () => ExcelAdapter;
  now: () => Date;
  /** The pane's translation of adapter failures into ServiceErrors; default none. */
  wrap?: <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => (...args: A) => Promise<R>;
}

/**
 * True when every cell the tally wrote as a value still holds it and nothing was typed elsewhere
 * (formulas' results may differ once counts change, so a changed count shows here already).
 */
export function unchangedSince(spec: SheetSpec, grid: Grid): boolean {
  const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
  const literal = new Map<string, string>();
  const formulas = new Set<string>();
  for (const c of spec.cells) {
    const key = `${c.row},${c.col}`;
    if (c.formula !== undefined) formulas.add(key);
    else if (text(c.value) !== "") literal.set(key, text(c.value));
  }
  const seen = new Set<string>();
  for (let r = 0; r < grid.values.length; r++)
    for (let c = 0; c < grid.values[r].length; c++) {
      const key = `${grid.top + r},${grid.left + c}`;
      if (formulas.has(key)) continue;
      const v = text(grid.values[r][c]);
      if (v !== (literal.get(key) ?? "")) return false;
      if (v !== "") seen.add(key);
    }
  return seen.size === literal.size;
}

export function createMeetingService(deps: MeetingDeps): MeetingService {
  /**
   * The profile the documents print: the saved settings, what they lack taken from the score sheet's
   * title (§8), the members from the sheet when none are set. Settings never saved give no year.
   */
  const profileFor = async (reading: Reading): Promise<ClusterProfile> =>
    documentProfileOf(
      await deps.adapter().loadProfile(),
      reading.title,
      reading.units.map((u) => u.unit)
    );

  /** What this screen wrote, by sheet: the undo deletes only a sheet still as it was written. */
  const written = new Map<string, SheetSpec>();

  const service: MeetingService = {
    async setup(reading, lang) {
      const profile = await profileFor(reading);
      const rotation =
        profile.head || profile.deputy
          ? suggestRotation(profile.members, profile.head, profile.deputy)
          : { head: "", deputy: "" };
      return {
        members: profile.members,
        candidates: voteCandidates(reading.report).map((u) => ({
          name: u.name,
          rank: u.rank,
          award: u.awardPending ? null : u.award,
        })),
        nextHead: rotation.head,
        nextDeputy: rotation.deputy,
        year: profile.year,
        cluster: clusterFullName(profile, lang),
        kind: profile.kind === "khoi" ? "khoi" : "cum",
        threshold: profile.voteThreshold,
        today: entryOfDate(deps.now()),
      };
    },

    check: checkMeetingEntries,

    results: (entries, threshold) =>
      voteLines(
        entries.votes.map((v) => v.name),
        meetingInputOf(entries),
        threshold
      ),

    async writeTally(reading, entries, lang) {
      if (checkMeetingEntries(entries).length > 0) throw new ServiceError("unexpected");
      const profile = await profileFor(reading);
      const input = meetingInputOf(entries);
      const spec = buildVoteTally(profile, voteTallyOf(reading.report, input), {
        date: input.date,
        lang,
      });
      // A fresh sheet each time: the tellers may have typed into an earlier tally.
      const res = await deps.adapter().renderSheetSpec(spec, { activate: true, fresh: true });
      written.set(res.sheetName, spec);
      return res;
    },

    async undoTally(sheetName) {
      const spec = written.get(sheetName);
      if (!spec) return false;
      const adapter = deps.adapter();
      // A count typed on the sheet since, or a renamed sheet, is the user's now: it is kept.
      const grid = await adapter.readGrids([sheetName]).then(
        (g) => g[0],
        () => undefined
      );
      if (!grid || !unchangedSince(spec, grid)) return false;
      written.delete(sheetName);
      return adapter.removeOurSheet(sheetName, "votes");
    },

    async buildDoc(doc, reading, entries, lang) {
      if (checkMeetingEntries(entries).length > 0) throw new ServiceError("unexpected");
      const profile = await profileFor(reading);
      return meetingDocx(doc, profile, reading.report, meetingInputOf(entries), lang);
    },
  };
  const wrap = deps.wrap;
  if (!wrap) return service;
  return {
    setup: wrap(service.setup),
    check: service.check,
    results: service.results,
    writeTally: wrap(service.writeTally),
    undoTally: wrap(service.undoTally),
    buildDoc: wrap(service.buildDoc),
  };
}
