/**
 * Golden folders (STYLE.md 5): every case of samples/ and of test/fixtures holds input workbook(s) and
 * expected.json; the engine must give exactly those totals and ranks, report every listed issue (code
 * and cell, or unit), and agree on provisional / noErrors. A failing case gets an actual.json beside it.
 * Where the workspace's own reference samples sit beside the clone, they are walked too, as an extra
 * check that the repository's copies still read like the originals; a plain clone skips them.
 */
import * as fs from "fs";
import * as path from "path";
import { analyzeWorkbook } from "../../src/core";
import type { RankingReport } from "../../src/core/report";
import { readWorkbookGrids } from "../../src/xlsx/read";
import { FIXTURES, ROOT, SAMPLES } from "../paths";

interface Expected {
  files: string[];
  units: { name: string; total: number; rank: number }[];
  issues: { code: string; cell?: string; unit?: string }[];
  provisional: boolean;
  noErrors?: boolean;
}

// The one path outside the repository a test may name (test/paths.test.ts holds it to this line).
const WORKSPACE_SAMPLES = path.resolve(ROOT, "..", "shared", "samples");

/** Folders holding a golden case: an expected.json naming its input files (other fixtures differ). */
function casesIn(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const isCase = (d: string): boolean => {
    const file = path.join(d, "expected.json");
    return fs.existsSync(file) && Array.isArray(JSON.parse(fs.readFileSync(file, "utf8")).files);
  };
  return fs
    .readdirSync(root)
    .map((d) => path.join(root, d))
    .filter(isCase)
    .sort();
}

const byRankThenName = (
  a: { rank: number; name: string },
  b: { rank: number; name: string }
): number => a.rank - b.rank || a.name.localeCompare(b.name);

function missingIssues(report: RankingReport, expected: Expected): Expected["issues"] {
  return expected.issues.filter(
    (e) =>
      !report.issues.some(
        (i) =>
          i.code === e.code &&
          (e.cell === undefined || i.cell === e.cell) &&
          (e.unit === undefined || i.unit === e.unit || (i.unit ?? "").split("; ").includes(e.unit))
      )
  );
}

async function run(dir: string): Promise<{ report: RankingReport; expected: Expected }> {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as Expected;
  const grids = [];
  for (const f of expected.files) grids.push(...(await readWorkbookGrids(path.join(dir, f), f)));
  const res = analyzeWorkbook(grids);
  if (!res.ok) throw new Error(`${path.basename(dir)}: ${res.message} ${res.reasons.join(" | ")}`);
  return { report: res.report, expected };
}

describe("golden score sheets (R1–R10, K1–K2, DOMAIN §4 layouts, §6 issues)", () => {
  const all = [...casesIn(SAMPLES), ...casesIn(FIXTURES), ...casesIn(WORKSPACE_SAMPLES)];

  it("finds the samples and the generated fixtures in the repository", () => {
    expect(casesIn(SAMPLES).map((d) => path.basename(d))).toEqual([
      "s1-layout-a",
      "s2-layout-b",
      "s3-layout-c-pairs",
      "s4-bad-inputs",
      "s5-tcvn3",
      "s6-per-unit-files",
    ]);
    expect(casesIn(FIXTURES).length).toBeGreaterThanOrEqual(11);
  });

  it.each(all.map((d) => [path.relative(ROOT, d), d]))(
    "%s gives the expected totals, ranks and issues",
    async (_name, dir) => {
      const { report, expected } = await run(dir);
      const actual = {
        files: expected.files,
        units: report.units.map((u) => ({ name: u.name, total: u.total, rank: u.rank })),
        issues: report.issues.map((i) => ({
          code: i.code,
          cell: i.cell,
          unit: i.unit,
          severity: i.severity,
        })),
        provisional: report.provisional,
      };
      const ok =
        JSON.stringify(actual.units.slice().sort(byRankThenName)) ===
          JSON.stringify(expected.units.slice().sort(byRankThenName)) &&
        missingIssues(report, expected).length === 0 &&
        report.provisional === expected.provisional &&
        (!expected.noErrors || report.errorCount === 0);
      // Only inside the repository: the workspace's folder is read, never written.
      const actualFile = dir.startsWith(ROOT + path.sep) ? path.join(dir, "actual.json") : null;
      if (actualFile && !ok) fs.writeFileSync(actualFile, JSON.stringify(actual, null, 2) + "\n");
      else if (actualFile && fs.existsSync(actualFile)) fs.unlinkSync(actualFile);
      expect(actual.units.slice().sort(byRankThenName)).toEqual(
        expected.units.slice().sort(byRankThenName)
      );
      expect(missingIssues(report, expected)).toEqual([]);
      expect(report.provisional).toBe(expected.provisional);
      if (expected.noErrors)
        expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    }
  );
});
