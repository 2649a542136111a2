/**
 * `thidua covenant --profile cluster.json --out giao-uoc.docx|.xlsx [--criteria file.xlsx]
 * [--bases can-cu.txt] [--year YYYY] [--date YYYY-MM-DD] [--place TEXT] [--lang vi|en]`: the emulation
 * covenant as Word (what gets signed) or as a print-ready sheet. The year is --year, else the
 * profile's, else the criteria sheet's title, else a dotted blank (said on stderr): never today's
 * year in silence. Exit 0 written; 2 nothing written, one line on stderr (DESIGN.md).
 */
import { Packer } from "docx";
import * as fs from "fs";
import type { Lang } from "../core/i18n";
import type { CriterionNode } from "../core/report";
import { buildCovenantSheet } from "../sheets/covenant";
import { buildCovenantDocx } from "../sheets/covenant-docx";
import { writeWorkbook } from "../xlsx/write";
import {
  CLI_SHEET_STRINGS,
  CliError,
  type CliIo,
  langOf,
  loadProfile,
  parseArgs,
  parseDate,
  rankWithEngine,
  type RankFn,
  withReportTitle,
} from "./template";
import {
  formatOf,
  printable,
  refuseInputAsOutput,
  SafeWriteError,
  writeFileSafely,
} from "./safe-write";
import { documentFlags, readJson, yearNote } from "./document-context";

/** The lines of a legal-bases file, blank lines dropped; unreadable or empty is a usage error. */
function readBases(file: string, lang: Lang): string[] {
  let lines: string[] = [];
  try {
    lines = fs
      .readFileSync(file, "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "");
  } catch (e) {
    throw new CliError(
      CLI_SHEET_STRINGS.t(lang, "badBases", {
        file,
        reason: e instanceof Error ? e.message : String(e),
      })
    );
  }
  if (lines.length === 0)
    throw new CliError(CLI_SHEET_STRINGS.t(lang, "badBases", { file, reason: "—" }));
  return lines;
}

export async function runCovenant(
  args: string[],
  io: CliIo,
  rank: RankFn = rankWithEngine
): Promise<number> {
  const lang = langOf(args);
  const t = CLI_SHEET_STRINGS.t.bind(CLI_SHEET_STRINGS);
  try {
    const { positional, options } = parseArgs(args, "covenant", lang);
    if (positional.length > 0) throw new CliError(t(lang, "badOption", { option: positional[0] }));
    const out = options.out;
    if (!out) throw new CliError(t(lang, "needOut"));
    const inputs = [options.criteria, options.profile, options.bases].filter(
      (f): f is string => !!f
    );
    let kind: "docx" | "xlsx";
    try {
      kind = formatOf(out, ["docx", "xlsx"] as const);
      refuseInputAsOutput(out, inputs);
    } catch (e) {
      if (e instanceof SafeWriteError) throw new CliError(e.messageIn(lang));
      throw e;
    }
    const profile = loadProfile(options.profile, lang);
    const date = parseDate(options.date, lang);
    const flags = documentFlags(options, lang);
    // §8: the legal bases are the cluster's to edit: one "Căn cứ …;" per line of --bases.
    const legalBases = options.bases ? readBases(options.bases, lang) : undefined;
    let criteria: CriterionNode[] = [];
    if (options.criteria) {
      const report = await rank(options.criteria, profile, lang);
      criteria = report.criteria;
      Object.assign(profile, withReportTitle(profile, report, options.profile));
      // A profile without members takes the units of the score sheet: they are the parties.
      if (profile.members.length === 0) profile.members = report.units.map((u) => u.name);
    } else if (!(options.profile && Number(readJson(options.profile, lang).year) > 0)) {
      profile.year = 0;
    }
    Object.assign(profile, flags);
    // The legal bases follow the year (§8): a covenant whose year nobody gave says so.
    const note = flags.year === undefined ? yearNote(profile, false, lang) : null;
    if (note) io.stderr.write(`thidua covenant: ${note}\n`);
    const bytes =
      kind === "docx"
        ? await Packer.toBuffer(buildCovenantDocx(profile, criteria, { date, lang, legalBases }))
        : await writeWorkbook([buildCovenantSheet(profile, criteria, { date, lang, legalBases })]);
    try {
      writeFileSafely(out, bytes, kind);
    } catch (e) {
      if (e instanceof SafeWriteError) throw new CliError(e.messageIn(lang));
      throw e;
    }
    io.stdout.write(`${t(lang, "wrote", { file: out })}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`thidua covenant: ${printable(e.message)}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`thidua covenant: ${printable(message.split("\n")[0])}\n`);
    return 2;
  }
}
