/**
 * The meeting's paperwork from the command line (DESIGN.md "Command line"):
 *   thidua minutes  <score file>... [--profile cum.json] [--meeting hop.json] --out bien-ban.docx
 *   thidua votes    <score file>... [--profile cum.json] [--meeting hop.json] [--ballots N] --out kiem-phieu.xlsx|.docx
 *   thidua proposal <score file>... [--profile cum.json] [--meeting hop.json] --out to-trinh.docx
 * each with [--year YYYY] [--date YYYY-MM-DD] [--place TEXT] [--lang vi|en]. The year, the cluster and
 * its kind come from the profile, else from the score sheet's own title, else a dotted blank: never
 * today's year in silence. Exit 0 written; 2 nothing written, one line on stderr.
 */
import { Packer } from "docx";
import * as path from "path";
import { analyzeWorkbook } from "../core";
import type { Grid } from "../core/grid";
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { RankingReport } from "../core/report";
import {
  buildMinutesDocx,
  buildProposalDocx,
  buildVotesDocx,
  type Attendance,
  type MeetingInput,
} from "../sheets/meeting";
import { voteTallyOf } from "../sheets/meeting-input";
import { buildBallotSheet, buildVoteTally } from "../sheets/votes";
import { readWorkbookGrids, WorkbookReadError } from "../xlsx/read";
import { writeWorkbook } from "../xlsx/write";
import type { CliIo } from "./template";
import { lastValues, OptionError, parseOptions } from "./options";
import { refuseInputAsOutput, SafeWriteError, writeFileSafely } from "./safe-write";
import {
  documentFlags,
  documentProfile,
  fail,
  MEETING_CLI_STRINGS,
  parseIsoDate,
  readJson,
  yearNote,
} from "./document-context";

/** hop.json: what the meeting says. Names of units as in the sheet; every field optional. */
export function meetingFromJson(json: Record<string, unknown>, date: Date): MeetingInput {
  const str = (k: string): string | undefined =>
    typeof json[k] === "string" && (json[k] as string).trim() !== ""
      ? (json[k] as string).trim()
      : undefined;
  const num = (v: unknown): number | null =>
    typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.floor(v) : null;
  const input: MeetingInput = { date };
  const fields = ["start", "end", "venue", "secretary", "nextHead", "nextDeputy"] as const;
  for (const k of fields) {
    const v = str(k);
    if (v !== undefined) input[k] = v;
  }
  const chair = str("chair");
  if (chair !== undefined) input.chairName = chair;
  if (Array.isArray(json.attendance))
    input.attendance = json.attendance
      .filter((a): a is Record<string, unknown> => !!a && typeof a === "object")
      .map((a): Attendance => ({
        unit: String(a.unit ?? ""),
        present: typeof a.present === "boolean" ? a.present : null,
        ...(typeof a.delegate === "string" ? { delegate: a.delegate } : {}),
      }));
  const b = json.ballots;
  if (b && typeof b === "object") {
    const o = b as Record<string, unknown>;
    input.ballots = { issued: num(o.issued), returned: num(o.returned), valid: num(o.valid) };
  }
  if (json.votes && typeof json.votes === "object" && !Array.isArray(json.votes))
    input.votes = Object.entries(json.votes as Record<string, unknown>).map(([name, v]) => ({
      name,
      votesFor: num(v),
    }));
  if (Array.isArray(json.tellers)) input.tellers = json.tellers.map(String);
  return input;
}

interface Parsed {
  files: string[];
  options: Record<string, string>;
}

function safely(lang: Lang, action: () => void): void {
  try {
    action();
  } catch (e) {
    if (e instanceof SafeWriteError) throw new Error(e.messageIn(lang));
    throw e;
  }
}

function parse(args: string[], command: Command, lang: Lang): Parsed {
  try {
    const parsed = parseOptions(args, command);
    return { files: parsed.positional, options: lastValues(parsed.values) };
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    return e.problem === "unknown"
      ? fail(lang, "badOption", { option: e.option })
      : fail(lang, "needValue", { option: e.option });
  }
}

async function readGrids(files: string[], lang: Lang): Promise<Grid[]> {
  const grids: Grid[] = [];
  for (const f of files) {
    try {
      grids.push(...(await readWorkbookGrids(f, path.basename(f))));
    } catch (e) {
      if (e instanceof WorkbookReadError)
        fail(lang, "notRead", { file: f, reason: e.messageIn(lang) });
      fail(lang, "notRead", { file: f, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return grids;
}

type Command = "minutes" | "votes" | "proposal";

const OUT_KINDS: Record<Command, ("docx" | "xlsx")[]> = {
  minutes: ["docx"],
  votes: ["xlsx", "docx"],
  proposal: ["docx"],
};

const EXAMPLES: Record<Command, string> = {
  minutes: "bien-ban.docx",
  votes: "kiem-phieu.xlsx",
  proposal: "to-trinh.docx",
};

/** Builds the document of `command` from a ranked report: pure, for the CLI and its tests. */
export async function meetingDocument(
  command: Command,
  kind: "docx" | "xlsx",
  profile: ClusterProfile,
  report: RankingReport,
  input: MeetingInput,
  lang: Lang
): Promise<Uint8Array> {
  if (command === "minutes") return Packer.toBuffer(buildMinutesDocx(profile, report, input, lang));
  if (command === "proposal")
    return Packer.toBuffer(buildProposalDocx(profile, report, input, lang));
  if (kind === "docx") return Packer.toBuffer(buildVotesDocx(profile, report, input, lang));
  const tally = voteTallyOf(report, input);
  return writeWorkbook([
    buildVoteTally(profile, tally, { date: input.date, lang }),
    buildBallotSheet(
      profile,
      tally.candidates.map((c) => c.name),
      { date: input.date, lang }
    ),
  ]);
}

export async function runMeeting(command: Command, args: string[], io: CliIo): Promise<number> {
  const lang: Lang = args.some(
    (a, i) => a === "--lang=en" || (a === "--lang" && args[i + 1] === "en")
  )
    ? "en"
    : "vi";
  const t = MEETING_CLI_STRINGS.t.bind(MEETING_CLI_STRINGS);
  try {
    const { files, options } = parse(args, command, lang);
    if (files.length === 0) fail(lang, "needInput");
    const out = options.out;
    if (!out) fail(lang, "needOut", { example: EXAMPLES[command] });
    const ext = path.extname(out).slice(1).toLowerCase();
    const kind = OUT_KINDS[command].find((k) => k === ext);
    if (!kind)
      fail(lang, "badOut", { out, exts: OUT_KINDS[command].map((k) => `.${k}`).join(", ") });
    const inputs = [...files, options.profile, options.meeting].filter((f): f is string => !!f);
    if (inputs.some((f) => path.resolve(f) === path.resolve(out)))
      fail(lang, "sameAsInput", { out });
    // Links, hard links and case-folded names too, before anything is read.
    safely(lang, () => refuseInputAsOutput(out, inputs));
    const flags = documentFlags(options, lang);
    const date = options.date !== undefined ? parseIsoDate(options.date, lang) : new Date();
    const profileJson = options.profile ? readJson(options.profile, lang) : null;
    const grids = await readGrids(files, lang);
    const profile = documentProfile(profileJson, flags, grids);
    const res = analyzeWorkbook(grids, { profile, lang });
    if (!res.ok) fail(lang, "notRanked", { file: files.join(", "), reason: res.message });
    const report = res.report;
    if (profile.members.length === 0) profile.members = report.units.map((u) => u.name);
    const input = options.meeting
      ? meetingFromJson(readJson(options.meeting, lang), date)
      : { date };
    if (options.ballots !== undefined) {
      const n = Number(options.ballots);
      if (!Number.isInteger(n) || n <= 0) fail(lang, "badBallots", { value: options.ballots });
      input.ballots = {
        issued: n,
        returned: input.ballots?.returned ?? null,
        valid: input.ballots?.valid ?? null,
      };
    }
    const givenYear = flags.year !== undefined || Number(profileJson?.year) > 0;
    const note = yearNote(profile, !givenYear, lang);
    if (note) io.stderr.write(`thidua ${command}: ${note}\n`);
    const pending = report.units.filter((u) => u.awardPending).map((u) => u.name);
    if (pending.length > 0)
      io.stderr.write(
        `thidua ${command}: ${t(lang, "pendingVote", { units: pending.join(", ") })}\n`
      );
    const bytes = await meetingDocument(command, kind, profile, report, input, lang);
    // A temporary file beside the target, then a rename: a full disk leaves the older file whole.
    safely(lang, () => writeFileSafely(out, bytes, kind));
    io.stdout.write(`${t(lang, "wrote", { file: out })}\n`);
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`thidua ${command}: ${message.split("\n")[0]}\n`);
    return 2;
  }
}

export { MEETING_CLI_STRINGS, rankingSheetContext } from "./document-context";
