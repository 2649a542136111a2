/**
 * What every document command (and `thidua rank --out`) prints about the cluster: the profile file,
 * the --year/--date/--place flags, then the sheet's own title. Apart from the meeting documents so
 * that `thidua rank` does not load the Word writer.
 */
import * as fs from "fs";
import type { Grid } from "../core/grid";
import { defineStrings, type Lang } from "../core/i18n";
import { defaultProfile, type ClusterProfile } from "../core/profile";
import { titleInfoOf, withTitle } from "../core/title";

export const MEETING_CLI_STRINGS = defineStrings(
  "cli-meeting",
  {
    needInput: "thiếu tệp bảng điểm (.xlsx): hãy chỉ ra tệp đã chấm của cụm",
    needOut: "thiếu --out: hãy cho biết tệp ghi ra, ví dụ --out {example}",
    badOut: "--out phải là tệp {exts}: {out}",
    badOption: "tùy chọn không hợp lệ: {option}",
    needValue: "tùy chọn {option} cần một giá trị",
    badYear: "năm không hợp lệ (dạng YYYY, ví dụ 2025): {year}",
    badDate: "ngày không hợp lệ (dạng YYYY-MM-DD): {date}",
    badBallots: "--ballots phải là số phiếu phát ra (số nguyên dương): {value}",
    badJson: "không đọc được tệp {file}: {reason}",
    sameAsInput:
      "tệp ghi ra {out} trùng tệp đầu vào: hãy chọn tên khác, tệp của người dùng không bị ghi đè",
    notRanked: "không xếp hạng được {file}: {reason}",
    notRead: "không đọc được {file}: {reason}",
    wrote: "Đã ghi {file}",
    yearFromTitle: "năm {year} lấy từ tiêu đề bảng điểm",
    yearUnknown:
      "không rõ năm: hồ sơ cụm và tiêu đề bảng điểm đều không ghi, văn bản để trống năm (thêm --year YYYY)",
    pendingVote: "{units} đồng điểm ở suất khen cuối: chờ bình xét, chưa đề nghị khen thưởng",
  },
  {
    needInput: "missing the score workbook (.xlsx): name the cluster's scored file",
    needOut: "missing --out: name the file to write, for example --out {example}",
    badOut: "--out must be a {exts} file: {out}",
    badOption: "invalid option: {option}",
    needValue: "option {option} needs a value",
    badYear: "invalid year (use YYYY, e.g. 2025): {year}",
    badDate: "invalid date (use YYYY-MM-DD): {date}",
    badBallots: "--ballots must be the number of ballots issued (a positive whole number): {value}",
    badJson: "cannot read {file}: {reason}",
    sameAsInput:
      "the output {out} is an input file: choose another name; the user's files are never overwritten",
    notRanked: "cannot rank {file}: {reason}",
    notRead: "cannot read {file}: {reason}",
    wrote: "Wrote {file}",
    yearFromTitle: "year {year} taken from the score sheet's title",
    yearUnknown:
      "year unknown: neither the cluster profile nor the sheet's title gives it, the documents leave it blank (add --year YYYY)",
    pendingVote: "{units} tie at the last award slot: vote needed, no award proposed yet",
  }
);

export class MeetingCliError extends Error {}

export type Key = keyof typeof MEETING_CLI_STRINGS.vi;

export function fail(lang: Lang, key: Key, params: Record<string, string> = {}): never {
  throw new MeetingCliError(MEETING_CLI_STRINGS.t(lang, key, params));
}

/** The flags every document command shares. */
export interface DocumentFlags {
  year?: number;
  date?: Date;
  place?: string;
}

export function parseYear(text: string, lang: Lang): number {
  if (!/^\d{4}$/.test(text.trim())) fail(lang, "badYear", { year: text });
  return Number(text.trim());
}

export function parseIsoDate(text: string, lang: Lang): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(NaN);
  if (Number.isNaN(d.getTime()) || (m && d.getDate() !== Number(m[3])))
    fail(lang, "badDate", { date: text });
  return d;
}

/** --year and --place as given on the command line, checked; an option not given stays absent. */
export function documentFlags(
  options: { year?: string; place?: string },
  lang: Lang
): DocumentFlags {
  const flags: DocumentFlags = {};
  if (options.year !== undefined) flags.year = parseYear(options.year, lang);
  if (options.place !== undefined) flags.place = options.place;
  return flags;
}

export function readJson(file: string, lang: Lang): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    if (!v || typeof v !== "object" || Array.isArray(v)) throw new Error("not a JSON object");
    return v as Record<string, unknown>;
  } catch (e) {
    return fail(lang, "badJson", { file, reason: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * The profile the documents print: the cluster's file (what it says is never overridden), then the
 * flags, then the score sheet's own title for what is still missing. A year nobody gave is 0.
 */
export function documentProfile(
  json: Record<string, unknown> | null,
  flags: DocumentFlags,
  grids: Grid[]
): ClusterProfile {
  const base = defaultProfile();
  const given = json ?? {};
  const merged: ClusterProfile = {
    ...base,
    ...(given as Partial<ClusterProfile>),
    awards: { ...base.awards, ...((given.awards as object | undefined) ?? {}) },
    signatories: { ...((given.signatories as Record<string, string> | undefined) ?? {}) },
  };
  if (flags.year !== undefined) merged.year = flags.year;
  if (flags.place !== undefined) merged.place = flags.place;
  const has = (k: string): boolean =>
    Object.prototype.hasOwnProperty.call(given, k) &&
    given[k] !== null &&
    String(given[k]).trim() !== "";
  return withTitle(merged, titleInfoOf(grids), {
    year: flags.year !== undefined || (has("year") && Number(given.year) > 0),
    clusterName: has("clusterName"),
    kind: has("kind"),
    period: has("period"),
  });
}

/** The sentence that says where the year came from, for stderr (the officer at the prompt). */
export function yearNote(profile: ClusterProfile, fromTitle: boolean, lang: Lang): string | null {
  if (profile.year === 0) return MEETING_CLI_STRINGS.t(lang, "yearUnknown");
  return fromTitle
    ? MEETING_CLI_STRINGS.t(lang, "yearFromTitle", { year: String(profile.year) })
    : null;
}

/**
 * The profile and date the ranking sheet of `thidua rank --out` prints: the profile file, then
 * --year/--date/--place, then the sheet's own title.
 */
export function rankingSheetContext(
  args: { profile?: string; year?: string; date?: string; place?: string },
  grids: Grid[],
  lang: Lang
): { profile: ClusterProfile; date: Date } {
  const flags = documentFlags(args, lang);
  const json = args.profile ? readJson(args.profile, lang) : null;
  return {
    profile: documentProfile(json, flags, grids),
    date: args.date !== undefined ? parseIsoDate(args.date, lang) : new Date(),
  };
}
