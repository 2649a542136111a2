/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- these are ExcelJS cells, not Office.js proxies: nothing to load or sync. */
/**
 * Hand-built RankingReports for the tests of what we write. While the engine (src/core/index.ts) is
 * not able to rank the samples, `sampleReport` builds the report of a layout-A sample by hand (the
 * sample's rows and columns are known) and the tests check it against the sample's expected.json, so
 * the formulas we write are proven against the user's real cells. Once `analyzeWorkbook` exists, the
 * engine's report is used instead.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { CellFormat, CellValue, Grid } from "../../src/core/grid";
import type { Issue } from "../../src/core/issues";
import { defaultProfile, type ClusterProfile } from "../../src/core/profile";
import type {
  CriterionKind,
  CriterionNode,
  RankingReport,
  UnitResult,
} from "../../src/core/report";
import { SAMPLES } from "../paths";

export { SAMPLES };

export interface Expected {
  files: string[];
  units: { name: string; total: number; rank: number }[];
  provisional: boolean;
}

export function expectedOf(sample: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES, sample, "expected.json"), "utf8"));
}

export function node(
  id: string,
  label: string,
  max: number | null,
  kind: CriterionKind = "content",
  children: CriterionNode[] = [],
  level = 0,
  weight = 1
): CriterionNode {
  return { id, code: id.split(".").pop() ?? "", label, max, weight, kind, level, children };
}

export function profileFor(overrides: Partial<ClusterProfile> = {}): ClusterProfile {
  return {
    ...defaultProfile(2025),
    clusterName: "Cụm thi đua các cơ quan tham mưu tổng hợp tỉnh Lạng Sơn",
    issuingBody: "UBND tỉnh Lạng Sơn",
    place: "Lạng Sơn",
    members: ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Văn phòng UBND tỉnh"],
    head: "Văn phòng UBND tỉnh",
    deputy: "Sở Tài chính",
    signatories: { "Văn phòng UBND tỉnh": "Nguyễn Văn An" },
    ...overrides,
  };
}

function round(x: number, p: number): number {
  const f = 10 ** p;
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
}

function competitionRanks(units: UnitResult[]): void {
  for (const u of units) u.rank = 1 + units.filter((o) => o.total > u.total).length;
  units.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
}

function classify(total: number, maxTotal: number, profile: ClusterProfile): string {
  const bands = profile.bands.slice().sort((a, b) => b.minShare - a.minShare);
  return (bands.find((b) => total >= b.minShare * maxTotal) ?? bands[bands.length - 1]).label;
}

const LABELS = ["Nhất", "Nhì", "Ba"];

/**
 * The report of a layout-A sheet (criteria in rows, units in columns), built from the cells with the
 * rules of DOMAIN.md §3 the samples exercise: leaves only, text numbers, non-numbers as 0, bonus cap,
 * deductions as magnitudes, competition ranking at 2 decimals.
 */
export async function reportFromLayoutA(
  file: string,
  profile = profileFor()
): Promise<RankingReport> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const text = (r: number, c: number): string => {
    const v = ws.getCell(r, c).value;
    return v === null || v === undefined ? "" : String(v).trim();
  };
  let headerRow = 1;
  while (text(headerRow, 1) !== "STT") headerRow++;
  const unitCols: { name: string; col: number }[] = [];
  for (let c = 4; text(headerRow, c) && !/^ghi chú/i.test(text(headerRow, c)); c++)
    unitCols.push({ name: text(headerRow, c), col: c });

  const criteria: CriterionNode[] = [];
  let section: CriterionNode | null = null;
  let parent: CriterionNode | null = null;
  for (let r = headerRow + 1; !/TỔNG CỘNG/i.test(text(r, 2)); r++) {
    const code = text(r, 1);
    const label = text(r, 2);
    const maxText = text(r, 3);
    const max = maxText === "" ? null : Number(maxText);
    if (/^[IVX]+$/.test(code)) {
      const kind: CriterionKind = /điểm (cộng|thưởng)/i.test(label)
        ? "bonus"
        : /điểm trừ/i.test(label)
          ? "deduction"
          : "content";
      section = node(code, label, max, kind);
      criteria.push(section);
      parent = null;
    } else if (/^\d+$/.test(code) && section) {
      parent = node(`${section.id}.${code}`, label, max, section.kind, [], 1);
      section.children.push(parent);
    } else if (/^\d+\.\d+$/.test(code) && parent) {
      parent.children.push(node(`${section!.id}.${code}`, label, max, parent.kind, [], 2));
    }
  }
  const leaves = (n: CriterionNode): CriterionNode[] =>
    n.children.length ? n.children.flatMap(leaves) : [n];
  const leafRows = new Map<string, number>();
  let r = headerRow + 1;
  const walk = (n: CriterionNode): void => {
    leafRows.set(n.id, r++);
    n.children.forEach(walk);
  };
  criteria.forEach(walk);

  const sheet = ws.name;
  const issues: Issue[] = [];
  const contentMax = criteria
    .filter((s) => s.kind === "content")
    .reduce((s, n) => s + (n.max ?? 0), 0);
  const bonusCap = criteria.find((s) => s.kind === "bonus")?.max ?? 0;
  const letter = (c: number): string => String.fromCharCode(64 + c);
  const units: UnitResult[] = unitCols.map(({ name, col }) => {
    const leafCells: Record<string, string> = {};
    let complete = true;
    const score = (leaf: CriterionNode): number => {
      const row = leafRows.get(leaf.id)!;
      const address = `'${sheet}'!${letter(col)}${row}`;
      leafCells[leaf.id] = address;
      const v = ws.getCell(row, col).value;
      if (v === null || v === undefined || v === "") {
        complete = false;
        issues.push(issue("score-missing", "warning", address, name));
        return 0;
      }
      if (typeof v === "number") {
        if (leaf.kind === "deduction" && v < 0)
          issues.push(issue("deduction-sign", "info", address, name));
        if (leaf.kind === "content" && leaf.max !== null && v > leaf.max)
          issues.push(issue("score-above-max", "error", address, name));
        return v;
      }
      const parsed = Number(String(v).replace(",", "."));
      if (Number.isFinite(parsed)) {
        issues.push({
          ...issue("text-number", "warning", address, name),
          fix: { cell: address, value: parsed },
        });
        return parsed;
      }
      issues.push(issue("not-a-number", "error", address, name));
      return 0;
    };
    const sections = criteria.map((s) => ({
      id: s.id,
      code: s.code,
      label: s.label,
      kind: s.kind,
      score: leaves(s).reduce(
        (sum, l) => sum + (s.kind === "deduction" ? Math.abs(score(l)) : score(l)),
        0
      ),
      max: s.max,
    }));
    const content = sections.filter((s) => s.kind === "content").reduce((a, s) => a + s.score, 0);
    const bonusRaw = sections.find((s) => s.kind === "bonus")?.score ?? 0;
    const bonus = Math.min(bonusCap, bonusRaw);
    if (bonusRaw > bonusCap) issues.push({ ...issue("bonus-capped", "info", null, name) });
    const deduction = sections.find((s) => s.kind === "deduction")?.score ?? 0;
    const rawTotal = content + bonus - deduction;
    return {
      name,
      total: round(rawTotal, profile.precision),
      rawTotal,
      rank: 0,
      label: null,
      classification: "",
      award: null,
      sections: sections.filter((s) => s.kind === "content"),
      bonus,
      deduction,
      complete,
      eligible: true,
      leafCells,
      file: path.basename(file),
      sheet,
    };
  });
  competitionRanks(units);
  for (const u of units) {
    u.label = u.rank <= 3 ? LABELS[u.rank - 1] : null;
    u.classification = classify(u.total, contentMax + bonusCap, profile);
  }
  if (units[0]) units[0].award = profile.awards.flagLabel;
  const errorCount = issues.filter((i) => i.severity === "error").length;
  return {
    files: [path.basename(file)],
    sheets: [sheet],
    mappings: [],
    provisional: errorCount > 0 || units.some((u) => !u.complete),
    errorCount,
    criteria,
    contentMax,
    bonusCap,
    maxTotal: contentMax + bonusCap,
    precision: profile.precision,
    units,
    issues,
  };
}

function issue(
  code: Issue["code"],
  severity: Issue["severity"],
  cell: string | null,
  unit: string
): Issue {
  return { code, severity, cell, unit, criterion: null, message: code };
}

/**
 * A minimal .xlsx → Grid reader for these tests only, used while src/xlsx/read.ts (the real adapter,
 * another engineer's) is not there: values, cached formula results, formulas, bold/italic/font name,
 * indents and merges, which is what the engine reads.
 */
async function gridsOf(file: string): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const rows = ws.rowCount;
    const cols = ws.columnCount;
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const formats: (CellFormat | null)[][] = [];
    for (let r = 1; r <= rows; r++) {
      const vr: CellValue[] = [];
      const fr: (string | null)[] = [];
      const mr: (CellFormat | null)[] = [];
      for (let c = 1; c <= cols; c++) {
        const cell = ws.getCell(r, c);
        const v = cell.value as unknown;
        let value: CellValue = null;
        let formula: string | null = null;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
          const o = v as { formula?: string; result?: unknown };
          formula = `=${o.formula ?? cell.formula}`;
          const res = o.result;
          value =
            res === undefined
              ? undefined
              : res && typeof res === "object" && "error" in res
                ? { error: String((res as { error: unknown }).error) }
                : (res as CellValue);
        } else if (v && typeof v === "object" && "error" in v)
          value = { error: String((v as { error: unknown }).error) };
        else if (v && typeof v === "object" && "richText" in v)
          value = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
        else value = (v as CellValue) ?? null;
        if (cell.isMerged && cell.master !== cell) value = null;
        vr.push(value);
        fr.push(formula);
        mr.push({
          font: { name: cell.font?.name, bold: cell.font?.bold, italic: cell.font?.italic },
          indent: cell.alignment?.indent ?? 0,
        });
      }
      values.push(vr);
      formulas.push(fr);
      formats.push(mr);
    }
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => {
      const [a, b] = m.split(":").map((x) => ws.getCell(x));
      return {
        top: Number(a.row) - 1,
        left: Number(a.col) - 1,
        bottom: Number(b.row) - 1,
        right: Number(b.col) - 1,
      };
    });
    return {
      sheetName: ws.name,
      top: 0,
      left: 0,
      values,
      formulas,
      formats,
      merges,
      file: path.basename(file),
    };
  });
}

/** The engine's report when it can rank the sample; otherwise null (tests fall back to fixtures). */
export async function engineReport(files: string[]): Promise<RankingReport | null> {
  const core = path.resolve(__dirname, "../../src/core/index.ts");
  const reader = path.resolve(__dirname, "../../src/xlsx/read.ts");
  if (!fs.existsSync(core)) return null;
  try {
    const { analyzeWorkbook } = require(core);
    const read: (f: string) => Promise<Grid[]> = fs.existsSync(reader)
      ? require(reader).readWorkbookGrids
      : gridsOf;
    if (typeof analyzeWorkbook !== "function" || typeof read !== "function") return null;
    const grids: Grid[] = [];
    for (const f of files) {
      for (const g of await read(f)) grids.push({ ...g, file: g.file ?? path.basename(f) });
    }
    const res = analyzeWorkbook(grids, {});
    return res && res.ok ? (res.report as RankingReport) : null;
  } catch {
    return null;
  }
}
