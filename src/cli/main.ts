/**
 * The `thidua` command (DESIGN.md "Command line"):
 *   thidua rank <file.xlsx>... [--sheet NAME] [--json] [--out ranked.xlsx] [--lang vi|en] [--profile f.json]
 *   thidua validate <file.xlsx>... [--sheet NAME] [--json] [--lang vi|en]
 * Exit 0: ranked; 1: ranked, but provisional (errors or incomplete units); 2: nothing ranked, with one
 * clear line on stderr and no output file. `template` and `covenant` are dispatched to their modules.
 */
import * as path from "path";
import { describeMapping } from "../core";
import { errorLine } from "../sheets/errors";
import { rankWorkbook } from "../sheets/rank-workbook";
import { rankingSheetContext } from "./document-context";
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { RankingReport } from "../core/report";
import { sortIssues } from "../core/validation";
import { readWorkbookFile, WorkbookReadError } from "../xlsx/read";
import type { Grid } from "../core/grid";
import type { SheetTag } from "../sheets/tags";
import { lastValues, OptionError, parseOptions } from "./options";
import { CLI_STRINGS } from "./strings";
import {
  formatOf,
  printable,
  refuseInputAsOutput,
  SafeWriteError,
  writeFileSafely,
} from "./safe-write";
import type { CliIo } from "./template";

// The other subcommands and --out load docx, the sheet builders and the writer: required only when
// used, so `thidua rank --json` starts faster (cli-400x40 bench).
type TemplateModule = typeof import("./template");
const templateModule = (): TemplateModule => require("./template") as TemplateModule;

class UsageError extends Error {}

/** Runs a check or a write of safe-write.ts with its refusal as a usage error (exit 2, one line). */
function guardWrite(lang: Lang, action: () => void): void {
  try {
    action();
  } catch (e) {
    if (e instanceof SafeWriteError) throw new UsageError(e.messageIn(lang));
    throw e;
  }
}

interface RankArgs {
  files: string[];
  sheet?: string;
  json: boolean;
  out?: string;
  lang: Lang;
  profile?: string;
  /** Refused returned forms the head accepts anyway (file or unit names; the option repeats). */
  accept: string[];
  /** The ranking sheet's year, date (YYYY-MM-DD) and place when the profile does not say. */
  year?: string;
  date?: string;
  place?: string;
}

function langFromArgs(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "vi";
  const v = argv[i].includes("=") ? argv[i].slice(argv[i].indexOf("=") + 1) : argv[i + 1];
  return v === "en" ? "en" : "vi";
}

export function parseRankArgs(argv: string[], lang: Lang, command: "rank" | "validate"): RankArgs {
  const t = CLI_STRINGS.t.bind(CLI_STRINGS);
  let parsed;
  try {
    parsed = parseOptions(argv, command);
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    throw new UsageError(
      e.problem === "unknown"
        ? t(lang, "unknownOption", { option: e.option })
        : t(lang, "needValue", { option: e.option })
    );
  }
  const v = lastValues(parsed.values);
  if (v.lang !== undefined && v.lang !== "vi" && v.lang !== "en")
    throw new UsageError(t(lang, "badLang"));
  const out: RankArgs = {
    files: parsed.positional,
    json: parsed.flags.has("json"),
    lang: (v.lang as Lang | undefined) ?? lang,
    accept: parsed.values.accept ?? [],
  };
  if (v.sheet !== undefined) out.sheet = v.sheet;
  if (v.out !== undefined) out.out = v.out;
  if (v.profile !== undefined) out.profile = v.profile;
  if (v.year !== undefined) out.year = v.year;
  if (v.date !== undefined) out.date = v.date;
  if (v.place !== undefined) out.place = v.place;
  if (out.files.length === 0) throw new UsageError(t(lang, "needFile"));
  return out;
}

/**
 * The Grids of every file. With `unreadable`, a file that cannot be opened is passed there and the
 * others are still read (returned forms: one broken attachment must not stop the consolidation);
 * without it, or when no file can be read, the first refusal ends the command.
 */
async function readAll(
  files: string[],
  lang: Lang,
  unreadable?: (message: string) => void
): Promise<{ grids: Grid[]; tags: SheetTag[] }> {
  const grids: Grid[] = [];
  const tags: SheetTag[] = [];
  let first: string | null = null;
  for (const f of files) {
    try {
      const read = await readWorkbookFile(f, f);
      grids.push(...read.grids);
      tags.push(...read.tags);
    } catch (e) {
      if (!(e instanceof WorkbookReadError)) throw e;
      if (!unreadable) throw new UsageError(e.messageIn(lang));
      first ??= e.messageIn(lang);
      unreadable(e.messageIn(lang));
    }
  }
  if (grids.length === 0 && first !== null) throw new UsageError(first);
  return { grids, tags };
}

/** The report as DESIGN.md's JSON: units sorted by rank, issues with their cells. */
export function reportJson(
  report: RankingReport,
  lang: Lang,
  withUnits: boolean
): Record<string, unknown> {
  const mappings = report.mappings.map((m) => describeMapping(m, lang));
  const json: Record<string, unknown> = {
    files: report.files,
    sheet: report.sheets.length === 1 ? report.sheets[0] : report.sheets,
    mapping: mappings.length === 1 ? mappings[0] : mappings,
    provisional: report.provisional,
    errorCount: report.errorCount,
  };
  if (withUnits) {
    json.maxTotal = report.maxTotal;
    json.units = report.units.map((u) => ({
      name: u.name,
      total: u.total,
      rank: u.rank,
      label: u.label,
      classification: u.classification,
      award: u.award,
      ...(u.awardPending ? { awardPending: true } : {}),
      // R11: ranked by share of each unit's own max: that max and the share (0..1, unrounded).
      ...(report.rankedBy === "share" ? { max: u.max ?? null, share: u.share ?? null } : {}),
      sections: u.sections.map((s) => ({
        code: s.code,
        label: s.label,
        score: s.score,
        max: s.max,
      })),
      bonus: u.bonus,
      deduction: u.deduction,
      complete: u.complete,
      ...(u.file !== undefined ? { file: u.file } : {}),
      sheet: u.sheet,
    }));
  }
  json.issues = report.issues.map((x) => ({
    code: x.code,
    severity: x.severity,
    cell: x.cell,
    unit: x.unit,
    criterion: x.criterion,
    message: x.message,
    ...(x.file !== undefined ? { file: x.file } : {}),
  }));
  if (report.settingsProblems && report.settingsProblems.length > 0)
    json.settingsProblems = report.settingsProblems;
  if (report.skippedSheets && report.skippedSheets.length > 0)
    json.skippedSheets = report.skippedSheets;
  if (report.notes && report.notes.length > 0) json.notes = report.notes;
  return json;
}

/**
 * The reading's notes (a sheet skipped, hidden columns) with, when a score sheet was skipped, how to
 * pick it: a workbook with "Quý I" and "Quý II" must never look as if it held one ranking.
 */
export function readingNotes(report: RankingReport, lang: Lang): string[] {
  const t = CLI_STRINGS.t.bind(CLI_STRINGS);
  const out = [...(report.notes ?? [])];
  const skipped = report.skippedSheets ?? [];
  if (skipped.length > 0) {
    const names = [...new Set([...report.sheets, ...skipped.map((s) => s.sheet)])];
    out.push(t(lang, "chooseSheet", { sheets: names.map((n) => `"${n}"`).join(", ") }));
  }
  return out;
}

/** Width of a string as a terminal shows it (combining marks take no column). */
function width(s: string): number {
  return [...s.normalize("NFC")].filter((ch) => !/\p{M}/u.test(ch)).length;
}

function pad(s: string, w: number, right = false): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

export function formatTable(report: RankingReport, lang: Lang): string {
  const t = CLI_STRINGS.t.bind(CLI_STRINGS);
  const num = (x: number): string => {
    const s = x.toFixed(report.precision);
    return lang === "vi" ? s.replace(".", ",") : s;
  };
  // R11: ranked by share of each unit's own max: that max and the share follow the points.
  const byShare = report.rankedBy === "share";
  const head = [
    t(lang, "colRank"),
    t(lang, "colUnit"),
    t(lang, "colTotal"),
    ...(byShare ? [t(lang, "colMax"), t(lang, "colShare")] : []),
    t(lang, "colLabel"),
    t(lang, "colClass"),
  ];
  const withAward = report.units.some((u) => u.award || u.awardPending);
  if (withAward) head.push(t(lang, "colAward"));
  const rows = report.units.map((u) => {
    const share =
      u.share === null || u.share === undefined
        ? ""
        : `${(u.share * 100).toFixed(2).replace(".", lang === "vi" ? "," : ".")} %`;
    const own = byShare ? [u.max === null || u.max === undefined ? "" : num(u.max), share] : [];
    const r = [String(u.rank), u.name, num(u.total), ...own, u.label ?? "", u.classification];
    // K9: a tie across the last award slot waits for the meeting's vote.
    if (withAward) r.push(u.awardPending ? t(lang, "awardPending") : (u.award ?? ""));
    return r;
  });
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i], i === 0 || i === 2 || (byShare && (i === 3 || i === 4))))
      .join("  ")
      .trimEnd();
  const out: string[] = [];
  const m = describeMapping(report.mappings[0], lang);
  out.push(
    t(lang, "read", {
      where: [...report.files.map((f) => path.basename(f)), ...report.sheets].join(", "),
      layout: m.layout ?? "?",
      // The pane says "độ tin cậy 85%": the same figure here.
      confidence: `${Math.round(m.confidence * 100)}%`,
    })
  );
  for (const n of readingNotes(report, lang)) out.push(`  ${n}`);
  out.push("");
  out.push(line(head));
  out.push(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) out.push(line(r));
  out.push("");
  const incomplete = report.units.filter((u) => !u.complete).length;
  // Returned forms: the banner names the members without a form and the refused forms, which the
  // error and incomplete counts alone would hide (the sheet builders load only when needed).
  const named = report.returns
    ? (require("../sheets/summary") as typeof import("../sheets/summary")).returnsBanner(
        report,
        lang
      )
    : null;
  out.push(
    report.provisional
      ? (named ?? t(lang, "provisional", { errors: report.errorCount, incomplete }))
      : t(lang, "final", { n: report.units.length })
  );
  if (report.settingsProblems && report.settingsProblems.length > 0) {
    out.push("", t(lang, "settingsTitle"));
    for (const p of report.settingsProblems) out.push(`  - ${p}`);
  }
  out.push(...formatIssues(report, lang));
  return out.join("\n") + "\n";
}

function formatIssues(report: RankingReport, lang: Lang): string[] {
  const t = CLI_STRINGS.t.bind(CLI_STRINGS);
  if (report.issues.length === 0) return [t(lang, "noIssues")];
  const sev = {
    error: t(lang, "sevError"),
    warning: t(lang, "sevWarning"),
    info: t(lang, "sevInfo"),
  };
  const out = ["", t(lang, "issuesTitle", { n: report.issues.length })];
  // N4 is raised once per converted cell (each has its own fix), but a TCVN3 workbook has dozens:
  // the table shows them as one line, at the place of the first.
  const legacy = report.issues.filter((x) => x.code === "legacy-encoding");
  const grouped = legacy.length > 1;
  // What blocks a final ranking is read before what only informs.
  for (const x of sortIssues(report.issues)) {
    if (grouped && x.code === "legacy-encoding") {
      if (x !== legacy[0]) continue;
      const encodings = [...new Set(legacy.map((l) => l.encoding ?? "TCVN3/VNI"))].join("/");
      const cells = legacy
        .slice(0, 3)
        .map((l) => l.cell ?? "")
        .filter((c) => c !== "");
      out.push(
        `  [${sev[x.severity]}] ${x.code}: ${t(lang, "legacyGroup", {
          n: legacy.length,
          encodings,
          cells: cells.join(", ") + (legacy.length > cells.length ? ", …" : ""),
        })}`
      );
      continue;
    }
    const where = x.cell ?? x.unit ?? "";
    out.push(`  [${sev[x.severity]}] ${x.code}${where ? ` ${where}` : ""}: ${x.message}`);
  }
  return out;
}

async function rankOrValidate(
  command: "rank" | "validate",
  argv: string[],
  io: CliIo
): Promise<number> {
  let lang = langFromArgs(argv);
  const t = CLI_STRINGS.t.bind(CLI_STRINGS);
  let args: RankArgs;
  try {
    args = parseRankArgs(argv, lang, command);
    lang = args.lang;
    let profile: ClusterProfile | undefined;
    if (args.profile) {
      try {
        profile = templateModule().loadProfile(args.profile, lang);
      } catch (e) {
        throw new UsageError(e instanceof Error ? e.message : String(e));
      }
    }
    if (args.out) {
      // Before reading: a wrong --out must not cost the officer a long read first.
      const out = args.out;
      guardWrite(lang, () => {
        formatOf(out, ["xlsx"]);
        refuseInputAsOutput(out, [...args.files, ...(args.profile ? [args.profile] : [])]);
      });
    }
    // With a profile, several files are the members' returned forms: one that cannot be opened is
    // named and the others are still consolidated (its member then counts as missing).
    const read = await readAll(
      args.files,
      lang,
      profile && args.files.length > 1
        ? (m) => io.stderr.write(`thidua: ${printable(m)}\n`)
        : undefined
    );
    let grids = read.grids;
    // With a profile, several files are the members' returned forms: refused ones are not ranked,
    // and missing or refused members make the ranking provisional (src/cli/collect.ts).
    const collect =
      profile && args.files.length > 1
        ? (require("./collect") as typeof import("./collect"))
        : null;
    const collected =
      collect && profile ? collect.collectReturns(grids, profile, lang, args.accept) : null;
    if (collected) grids = collected.grids;
    if (collect && collected && grids.length === 0)
      throw new UsageError(collect.allRefusedLine(collected, lang));
    // Year, cluster and Cụm/Khối: the profile, the flags, else the sheet's own title; never today's
    // year in silence.
    const context = rankingSheetContext(args, grids, lang);
    const ranked = rankWorkbook(grids, context.profile, {
      lang,
      date: context.date,
      // A summary of returned forms ("Tổng hợp phiếu") is ranked as the summary, as the pane ranks it.
      tags: read.tags,
      ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
      ...(collect && collected
        ? { adjust: (r: RankingReport) => collect.applyReturns(r, collected, lang) }
        : {}),
    });
    if (!ranked.ok) throw new UsageError(errorLine("no-score-sheet", lang, ranked.message));
    const report = ranked.report;
    if (args.out && command === "rank") {
      const { writeRankedCopy, writeWorkbook } =
        require("../xlsx/write") as typeof import("../xlsx/write");
      const spec = ranked.ranking;
      try {
        // A Word table has no workbook to copy: the ranking goes into a new one.
        const bytes = /\.docx$/i.test(args.files[0])
          ? await writeWorkbook([spec])
          : await writeRankedCopy(args.files[0], [spec]);
        const out = args.out;
        guardWrite(lang, () => writeFileSafely(out, bytes, "xlsx"));
      } catch (e) {
        if (e instanceof UsageError) throw e;
        throw new UsageError(
          t(lang, "outFailed", {
            file: args.out,
            reason: e instanceof Error ? e.message : String(e),
          })
        );
      }
    }
    let returns: Record<string, unknown> | undefined;
    if (collect && collected) {
      for (const line of collect.collectLines(collected.result, lang))
        io.stderr.write(printable(line) + "\n");
      returns = collect.collectJson(collected.result);
    }
    // With --json, stdout is for programs: the notes go to stderr as well, for the person at the prompt.
    if (args.json || command === "validate")
      for (const n of readingNotes(report, lang)) io.stderr.write(`thidua: ${printable(n)}\n`);
    if (args.json) {
      const json = reportJson(report, lang, command === "rank");
      if (returns) json.returns = returns;
      io.stdout.write(JSON.stringify(json, null, 2) + "\n");
    } else if (command === "rank") {
      io.stdout.write(printable(formatTable(report, lang)));
      if (args.out) io.stdout.write(printable(t(lang, "wrote", { file: args.out })) + "\n");
    } else
      io.stdout.write(printable(formatIssues(report, lang).join("\n").replace(/^\n/, "") + "\n"));
    if (command === "validate") return report.errorCount > 0 ? 1 : 0;
    return report.provisional ? 1 : 0;
  } catch (e) {
    // One line, never a stack trace for the officer, and no terminal escape from a file's text.
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`thidua: ${printable(message.split("\n")[0])}\n`);
    return 2;
  }
}

export async function main(argv: string[], io?: CliIo): Promise<number> {
  if (io) return dispatch(argv, io);
  const code = await dispatch(argv, { stdout: process.stdout, stderr: process.stderr });
  // bin/thidua.js calls process.exit at once: let a large JSON reach the pipe first.
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  return code;
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const lang = langFromArgs(argv);
  const t = CLI_STRINGS.t.bind(CLI_STRINGS);
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "rank":
    case "validate":
      return rankOrValidate(cmd, rest, io);
    case "template":
      return templateModule().runTemplate(rest, io);
    case "covenant":
      return (require("./covenant") as typeof import("./covenant")).runCovenant(rest, io);
    case "minutes":
    case "votes":
    case "proposal":
      return (require("./meeting") as typeof import("./meeting")).runMeeting(cmd, rest, io);
    case undefined:
      io.stdout.write(t(lang, "usage"));
      io.stderr.write(`thidua: ${t(lang, "unknownCommand", { cmd: "" })}\n`);
      return 2;
    case "help":
    case "--help":
    case "-h":
      io.stdout.write(t(lang, "usage"));
      return 0;
    default:
      io.stderr.write(`thidua: ${printable(t(lang, "unknownCommand", { cmd }))}\n`);
      return 2;
  }
}
