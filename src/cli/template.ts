/**
 * `thidua template <file.xlsx> --out <dir>`: one self-score form per unit of the ranking found in
 * the file, ready to email. Exit codes as DESIGN.md: 0 done, 2 nothing done (one line on stderr).
 */
import * as fs from "fs";
import * as path from "path";
import { analyzeWorkbook } from "../core";
import type { Grid } from "../core/grid";
import { defineStrings, type Lang } from "../core/i18n";
import { defaultProfile, type ClusterProfile } from "../core/profile";
import type { RankingReport } from "../core/report";
import { readCriteriaOnly } from "../core/criteria-only";
import { titleInfoOf, withTitle, type TitleInfo } from "../core/title";
import { errorLine } from "../sheets/errors";
import { buildSelfScoreTemplate } from "../sheets/template";
import { checkProfileJson } from "../core/profile-schema";
import { osErrorReason } from "../xlsx/os-error";
import { writeWorkbook } from "../xlsx/write";
import { documentFlags } from "./document-context";
import { lastValues, OptionError, parseOptions, type CommandName } from "./options";
import {
  freeName,
  printable,
  refuseInputAsOutput,
  SAFE_WRITE_STRINGS,
  SafeWriteError,
  writeFileSafely,
} from "./safe-write";

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export const CLI_SHEET_STRINGS = defineStrings(
  "cli-sheets",
  {
    needOut: "thiếu --out: hãy cho biết nơi ghi kết quả",
    needInput: "thiếu tệp bảng điểm (.xlsx)",
    badOption: "tùy chọn không hợp lệ: {option}",
    badOut: "--out phải là tệp .docx hoặc .xlsx: {out}",
    badProfile: "không đọc được hồ sơ cụm {file}: {reason}; hãy sửa tệp rồi chạy lại",
    notJson: "tệp không phải JSON hợp lệ ({detail})",
    moreProblems: " (và {n} chỗ sai khác)",
    badDate: "ngày không hợp lệ (dạng YYYY-MM-DD): {date}",
    badBases:
      "không đọc được tệp căn cứ {file} ({reason}): hãy ghi mỗi căn cứ pháp lý một dòng, bắt đầu bằng “Căn cứ”",
    notRanked: "không xếp hạng được {file}: {reason}",
    notRead: "không đọc được {file}: {reason}",
    noUnits:
      "không tìm thấy đơn vị nào trong {file}: với bảng điểm chuẩn, hãy ghi danh sách đơn vị thành viên (members) trong --profile",
    noEngine: "bộ máy chấm điểm chưa sẵn sàng trong bản cài đặt này",
    cannotWrite: "không ghi được {file}: {reason}",
    wrote: "Đã ghi {file}",
  },
  {
    needOut: "missing --out: say where to write the result",
    needInput: "missing the score workbook (.xlsx)",
    badOption: "invalid option: {option}",
    badOut: "--out must be a .docx or .xlsx file: {out}",
    badProfile: "cannot read the cluster profile {file}: {reason}; fix the file and run again",
    notJson: "the file is not valid JSON ({detail})",
    moreProblems: " (and {n} more problems)",
    badDate: "invalid date (use YYYY-MM-DD): {date}",
    badBases: "cannot read the legal bases file {file} ({reason}): write one legal basis per line",
    notRanked: "cannot rank {file}: {reason}",
    notRead: "cannot read {file}: {reason}",
    noUnits:
      "no unit found in {file}: for a criteria-only sheet, list the member units (members) in --profile",
    noEngine: "the scoring engine is not available in this installation",
    cannotWrite: "cannot write {file}: {reason}",
    wrote: "Wrote {file}",
  }
);

export class CliError extends Error {}

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string>;
}

/** The shared parser (./options) with this command's messages. */
export function parseArgs(args: string[], command: CommandName, lang: Lang): ParsedArgs {
  try {
    const parsed = parseOptions(args, command);
    return { positional: parsed.positional, options: lastValues(parsed.values) };
  } catch (e) {
    if (e instanceof OptionError)
      throw new CliError(CLI_SHEET_STRINGS.t(lang, "badOption", { option: e.option }));
    throw e;
  }
}

export function langOf(args: string[]): Lang {
  const i = args.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "vi";
  const v = args[i].includes("=") ? args[i].split("=")[1] : args[i + 1];
  return v === "en" ? "en" : "vi";
}

/** A profile JSON file, partial allowed: what it omits comes from defaultProfile; a wrong field is named. */
export function loadProfile(file: string | undefined, lang: Lang): ClusterProfile {
  const base = defaultProfile();
  if (!file) return base;
  const refuse = (reason: string): never => {
    throw new CliError(CLI_SHEET_STRINGS.t(lang, "badProfile", { file, reason }));
  };
  let raw = "";
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (e) {
    refuse(osErrorReason(e, lang));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.replace(/^\uFEFF/, ""));
  } catch (e) {
    refuse(
      CLI_SHEET_STRINGS.t(lang, "notJson", {
        detail: e instanceof Error ? e.message.split("\n")[0] : String(e),
      })
    );
  }
  const problems = checkProfileJson(parsed);
  if (problems.length > 0)
    refuse(
      problems[0].message[lang] +
        (problems.length > 1
          ? CLI_SHEET_STRINGS.t(lang, "moreProblems", { n: problems.length - 1 })
          : "")
    );
  const json = parsed as Partial<ClusterProfile>;
  return {
    ...base,
    ...json,
    awards: { ...base.awards, ...(json.awards ?? {}) },
    signatories: { ...(json.signatories ?? {}) },
  };
}

export function parseDate(text: string | undefined, lang: Lang): Date {
  if (!text) return new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(NaN);
  // new Date rolls 2025-02-30 over to 2 March: a day that does not exist is refused instead.
  if (
    Number.isNaN(d.getTime()) ||
    !m ||
    d.getDate() !== Number(m[3]) ||
    d.getMonth() !== Number(m[2]) - 1
  )
    throw new CliError(CLI_SHEET_STRINGS.t(lang, "badDate", { date: text }));
  return d;
}

/**
 * Reads `file` (src/xlsx/read.ts) and ranks it with the engine. The reader (ExcelJS, and HyperFormula
 * for uncached formulas) is loaded when called, so commands that never read a score file start fast;
 * tests inject `rank`.
 */
export async function rankWithEngine(
  file: string,
  profile: ClusterProfile,
  lang: Lang
): Promise<RankingReport> {
  let readWorkbookGrids: (f: string) => Promise<Grid[]>;
  let WorkbookReadError: typeof import("../xlsx/read").WorkbookReadError;
  try {
    ({ readWorkbookGrids, WorkbookReadError } =
      require("../xlsx/read") as typeof import("../xlsx/read"));
  } catch {
    throw new CliError(CLI_SHEET_STRINGS.t(lang, "noEngine"));
  }
  let grids: Grid[];
  try {
    grids = (await readWorkbookGrids(file)).map((g) => ({
      ...g,
      file: g.file ?? path.basename(file),
    }));
  } catch (e) {
    // A file that cannot be read is said as such: nothing was ranked, and nothing needs to be.
    throw new CliError(
      CLI_SHEET_STRINGS.t(lang, "notRead", {
        file,
        reason:
          e instanceof WorkbookReadError
            ? e.messageIn(lang)
            : e instanceof Error
              ? e.message
              : String(e),
      })
    );
  }
  const res = analyzeWorkbook(grids, { profile, lang });
  if (!res.ok) {
    // A criteria-only sheet (bảng điểm chuẩn) has nothing to rank but is the source of the forms
    // and the covenant: its criteria come back with no unit.
    const only = readCriteriaOnly(grids, { profile, lang });
    if (!only) throw new CliError(errorLine("no-score-sheet", lang, res.message, file));
    const report: RankingReport = {
      files: [path.basename(file)],
      sheets: [only.sheet],
      mappings: [],
      provisional: false,
      errorCount: 0,
      criteria: only.criteria,
      contentMax: only.contentMax,
      bonusCap: 0,
      maxTotal: only.contentMax,
      precision: profile.precision,
      units: [],
      issues: [],
    };
    REPORT_TITLES.set(report, titleInfoOf(grids));
    return report;
  }
  REPORT_TITLES.set(res.report, titleInfoOf(grids));
  return res.report;
}

/** The title block of the sheets a report was read from (year, cluster, Cụm/Khối), by report. */
export const REPORT_TITLES = new WeakMap<RankingReport, TitleInfo>();

/**
 * The profile with what its file does not say taken from the sheet's title (DOMAIN.md §8): the year,
 * the cluster's name and kind. A year neither gives is 0, printed as a dotted blank.
 */
export function withReportTitle(
  profile: ClusterProfile,
  report: RankingReport,
  profileFile: string | undefined
): ClusterProfile {
  const title = REPORT_TITLES.get(report);
  let given: Record<string, unknown> = {};
  if (profileFile) {
    try {
      given = JSON.parse(fs.readFileSync(profileFile, "utf8")) as Record<string, unknown>;
    } catch {
      given = {};
    }
  }
  const has = (k: string): boolean =>
    given[k] !== undefined && given[k] !== null && String(given[k]).trim() !== "";
  return withTitle(profile, title ?? { year: null, clusterName: null, kind: null, period: null }, {
    year: has("year") && Number(given.year) > 0,
    clusterName: has("clusterName"),
    kind: has("kind"),
    period: has("period"),
  });
}

export type RankFn = (file: string, profile: ClusterProfile, lang: Lang) => Promise<RankingReport>;

/** A file name from a unit name: keeps Vietnamese letters, drops what file systems refuse. */
export function safeFileName(name: string): string {
  const s = name
    .normalize("NFC")
    .replace(/[\\/:*?"<>|]/g, " ")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  return s.slice(0, 100) || "don-vi";
}

export async function runTemplate(
  args: string[],
  io: CliIo,
  rank: RankFn = rankWithEngine
): Promise<number> {
  const lang = langOf(args);
  const t = CLI_SHEET_STRINGS.t.bind(CLI_SHEET_STRINGS);
  try {
    const { positional, options } = parseArgs(args, "template", lang);
    const input = positional[0];
    if (!input) throw new CliError(t(lang, "needInput"));
    if (!options.out) throw new CliError(t(lang, "needOut"));
    const profile = loadProfile(options.profile, lang);
    const date = parseDate(options.date, lang);
    const inputs = [input, ...(options.profile ? [options.profile] : [])];
    const flags = documentFlags(options, lang);
    const report = await rank(input, profile, lang);
    Object.assign(profile, withReportTitle(profile, report, options.profile), flags);
    // A criteria-only sheet has no unit: the members come from the profile.
    if (report.units.length === 0 && profile.members.length === 0)
      throw new CliError(t(lang, "noUnits", { file: input }));
    // Sheet order, not rank order: units find their own form faster in the order they know.
    const names =
      report.units.length === 0
        ? profile.members.slice()
        : profile.members.length
          ? [
              ...profile.members.filter((m) => report.units.some((u) => u.name === m)),
              ...report.units.map((u) => u.name).filter((n) => !profile.members.includes(n)),
            ]
          : report.units.map((u) => u.name);
    const files: { file: string; bytes: Buffer }[] = [];
    const used = new Set<string>();
    for (const unit of names) {
      const spec = buildSelfScoreTemplate(profile, report.criteria, unit, { date, lang });
      let base = safeFileName(unit);
      for (let i = 2; used.has(base.toLowerCase()); i++) base = `${safeFileName(unit)} (${i})`;
      used.add(base.toLowerCase());
      files.push({
        file: path.join(options.out, `${base}.xlsx`),
        bytes: await writeWorkbook([spec]),
      });
    }
    // Everything is built before anything is written: a failure leaves no half set of forms. A form
    // already in the folder may be one that came back filled: it is never replaced, the new one
    // takes a free name and the user is told.
    try {
      fs.mkdirSync(options.out, { recursive: true });
    } catch (e) {
      throw new CliError(
        t(lang, "cannotWrite", { file: options.out, reason: osErrorReason(e, lang) })
      );
    }
    const taken = new Set<string>();
    for (const f of files) {
      const target = freeName(f.file, taken);
      taken.add(target.normalize("NFC").toLowerCase());
      try {
        refuseInputAsOutput(target, inputs);
        writeFileSafely(target, f.bytes, "xlsx");
      } catch (e) {
        if (e instanceof SafeWriteError) throw new CliError(e.messageIn(lang));
        throw e;
      }
      if (target !== f.file)
        io.stdout.write(
          `${SAFE_WRITE_STRINGS.t(lang, "renamed", { file: f.file, newFile: target })}\n`
        );
      else io.stdout.write(`${t(lang, "wrote", { file: target })}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`thidua template: ${printable(e.message)}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write(`thidua template: ${printable(message.split("\n")[0])}\n`);
    return 2;
  }
}
