/**
 * The email loop in `thidua rank a.xlsx b.xlsx … --profile cluster.json [--accept <file or unit>]`:
 * the files are the members' returned forms. A form of another year or cluster is refused and never
 * ranked (unless accepted by name); a member without a form and a refused form are form-missing and
 * form-refused issues, so the ranking is provisional (exit 1) and says why, as the pane does
 * (core/returns-check). Without a profile there is no member list or year to check against, and
 * today's year would wrongly flag every file, so src/cli/main.ts only calls this with one.
 */
import * as path from "path";
import type { Grid } from "../core/grid";
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { RankingReport } from "../core/report";
import { consolidateReturns, type ConsolidateResult, type ReturnedFile } from "../core/returns";
import { withReturns } from "../core/returns-check";
import { defineStrings } from "../core/i18n";

const COLLECT_STRINGS = defineStrings(
  "cli-collect",
  {
    heading: "Phiếu tự chấm nhận được: {received}/{members} đơn vị",
    allRefused:
      "không xếp hạng được: mọi phiếu đều không được tổng hợp ({forms}). Nếu phiếu đúng, hãy thêm --accept <tệp> để vẫn nhận.",
    error: "lỗi",
    warning: "cảnh báo",
    info: "lưu ý",
  },
  {
    heading: "Self-score forms received: {received}/{members} units",
    allRefused:
      "nothing ranked: every form was refused ({forms}). If a form is right, add --accept <file> to take it anyway.",
    error: "error",
    warning: "warning",
    info: "note",
  }
);

export interface CollectedReturns {
  result: ConsolidateResult;
  /** The grids to rank: every sheet read, less the refused forms. */
  grids: Grid[];
}

/**
 * The files as returned forms (grids as read, `file` = the path given). Null when none of them holds
 * a self-score form: score sheets ranked together are not an email round, and calling every member
 * "missing" would be false.
 */
export function collectReturns(
  grids: Grid[],
  profile: ClusterProfile,
  lang: Lang,
  accept: string[] = []
): CollectedReturns | null {
  const byFile = new Map<string, Grid[]>();
  for (const g of grids) {
    const f = g.file ?? "";
    byFile.set(f, [...(byFile.get(f) ?? []), g]);
  }
  const returned: ReturnedFile[] = [...byFile].map(([f, list]) => {
    const name = path.basename(f);
    return { file: name, grids: list.map((g) => ({ ...g, file: name })) };
  });
  const result = consolidateReturns(returned, profile, null, {
    lang,
    // A file is named as the receipt names it (its own name); a unit by its name.
    accept: accept.map((a) => (/\.xlsx$/i.test(a) ? path.basename(a) : a)),
  });
  const forms = result.units.some((u) => u.files.length > 0) || (result.refused ?? []).length > 0;
  if (!forms) return null;
  const refused = new Set((result.refused ?? []).map((r) => `${r.file}\n${r.sheet}`));
  return {
    result,
    grids: grids.filter((g) => !refused.has(`${path.basename(g.file ?? "")}\n${g.sheetName}`)),
  };
}

/** The one line for stderr when every form was refused: nothing is left to rank (exit 2). */
export function allRefusedLine(collected: CollectedReturns, lang: Lang): string {
  const forms = (collected.result.refused ?? []).map((r) => `${r.file}: ${r.reason}`).join("; ");
  return COLLECT_STRINGS.t(lang, "allRefused", { forms });
}

/** The ranking of the accepted forms with the receipt's truth: missing and refused members named. */
export function applyReturns(
  report: RankingReport,
  collected: CollectedReturns,
  lang: Lang
): RankingReport {
  const receipt = collected.result.summary?.receipt;
  return receipt ? withReturns(report, receipt, lang) : report;
}

/** Lines for stderr, one per problem, after a heading; empty when every member sent a clean form. */
export function collectLines(result: ConsolidateResult, lang: Lang): string[] {
  const members = result.units.filter((u) => u.member);
  const received = members.filter((u) => u.status === "received").length;
  const problems = result.problems;
  if (problems.length === 0) return [];
  const t = COLLECT_STRINGS.t.bind(COLLECT_STRINGS);
  return [
    t(lang, "heading", { received, members: members.length }),
    ...problems.map((p) => `  ${t(lang, p.severity)}: ${p.message}`),
  ];
}

/** What `--json` adds under "returns": the receipt per unit, the problems, the conflicts. */
export function collectJson(result: ConsolidateResult): Record<string, unknown> {
  return {
    units: result.units.map((u) => ({
      name: u.name,
      member: u.member,
      status: u.status,
      files: u.files,
      reason: u.reason ?? null,
      acceptedAnyway: u.acceptedAnyway === true,
      complete: u.complete ?? null,
      issues: u.checks ?? [],
    })),
    problems: result.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      file: p.file,
      unit: p.unit,
      criterion: p.criterion,
      cell: p.cell,
      expected: p.expected ?? null,
      found: p.found ?? null,
      message: p.message,
    })),
    conflicts: result.conflicts.map((c) => ({
      unit: c.unit,
      criterion: c.criterion,
      column: c.column,
      existing: c.existing,
      incoming: c.incoming,
    })),
  };
}
