/**
 * The email-loop report for `thidua rank a.xlsx b.xlsx … --profile cluster.json`: which member sent no
 * form, which file is of another year or cluster, which criteria differ. src/cli/main.ts calls it
 * when several files and a profile are given (without a profile there is no member list or year to
 * check against, and today's year would wrongly flag every file).
 */
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import { consolidateReturns, type ConsolidateResult, type ReturnedFile } from "../core/returns";
import { defineStrings } from "../core/i18n";
import { readWorkbookGrids, WorkbookReadError } from "../xlsx/read";
import * as path from "path";

const COLLECT_STRINGS = defineStrings(
  "cli-collect",
  {
    heading: "Phiếu tự chấm nhận được: {received}/{members} đơn vị",
    error: "lỗi",
    warning: "cảnh báo",
    info: "lưu ý",
  },
  {
    heading: "Self-score forms received: {received}/{members} units",
    error: "error",
    warning: "warning",
    info: "note",
  }
);

/** Reads each file (a file that cannot be read is reported, not fatal) and consolidates them. */
export async function collectReturns(
  files: string[],
  profile: ClusterProfile,
  lang: Lang
): Promise<ConsolidateResult> {
  const returned: ReturnedFile[] = [];
  for (const f of files) {
    const name = path.basename(f);
    try {
      returned.push({ file: name, grids: await readWorkbookGrids(f, name) });
    } catch (e) {
      const reason = e instanceof WorkbookReadError ? e.messageIn(lang) : String(e);
      returned.push({ file: name, grids: [], error: reason });
    }
  }
  return consolidateReturns(returned, profile, null, { lang });
}

/** Lines for stderr, one per problem, after a heading; empty when every member sent a clean form. */
export function collectLines(result: ConsolidateResult, lang: Lang): string[] {
  const members = result.units.filter((u) => u.member);
  const received = members.filter((u) => u.status === "received").length;
  if (result.problems.length === 0) return [];
  const t = COLLECT_STRINGS.t.bind(COLLECT_STRINGS);
  return [
    t(lang, "heading", { received, members: members.length }),
    ...result.problems.map((p) => `  ${t(lang, p.severity)}: ${p.message}`),
  ];
}

/** What `--json` adds under "returns". */
export function collectJson(result: ConsolidateResult): Record<string, unknown> {
  return {
    units: result.units,
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
