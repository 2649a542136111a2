/**
 * The ranking sheet ("Xếp hạng", DOMAIN.md §8): what the meeting reads, signs and emails.
 *
 * Two modes. "values" freezes the engine's numbers (the record of the meeting, dated, source named).
 * "formulas" links every figure to the user's score cells with portable functions only (DESIGN.md
 * "Portable outputs"), so a recipient without the add-in sees the ranking follow later corrections.
 */
import { columnLetter } from "../core/grid";
import { defineStrings, type Lang, type Params } from "../core/i18n";
import { profileLabel, type AwardSetting, type ClusterProfile } from "../core/profile";
import type { CriterionNode, RankingReport } from "../core/report";
import {
  clusterFullName,
  finishSpec,
  nationalHeader,
  periodText,
  shortDate,
  SpecBuilder,
  upper,
} from "./document";
import { acceptedNote, returnsBanner } from "./summary";
import { flagBelowTopBandNote } from "./flag-note";
import { decimalFormat, headerWordWidth, heightFor, linesNeeded, sumWidths } from "./layout";
import type { SheetSpec, SpecStyle } from "./spec";
import { SHEET_STRINGS } from "./strings";

export interface RankingSheetOptions {
  mode: "values" | "formulas";
  date: Date;
  /** The sheets the scores were read from, named in the footnote. */
  sourceSheets: string[];
  lang: Lang;
  /**
   * The file the sheet is written into (formulas mode): units read from another file cannot be
   * linked portably, so their figures are written as values with a note. Default: report.files[0].
   */
  workbookFile?: string;
  /** Wanted sheet name; default "Xếp hạng" / "Ranking". */
  sheetName?: string;
}

const LIVE_STRINGS = defineStrings(
  "sheets-ranking-live",
  {
    staticLook:
      "Thứ tự dòng và màu nền của ba đơn vị dẫn đầu theo kết quả lúc lập bảng; khi sửa điểm, các cột Tổng điểm, Xếp hạng, Danh hiệu, Xếp loại và Đề nghị khen thưởng tự tính lại.",
  },
  {
    staticLook:
      "Row order and the shading of the top three follow the result when the sheet was made; when a score is edited, the Total, Rank, Title, Classification and Award columns recalculate.",
  }
);

const HEADER_FILL = "#DDE5F0";
const TOP_FILL = "#FFF2CC";
const BANNER_FILL = "#FBE3E1";
const BANNER_COLOR = "#9C0006";
const SHARE_FORMAT: SpecStyle = { numberFormat: "0.00%" };

/** Issue codes whose cell does not hold a usable number: the engine counts a fixed value instead. */
const UNUSABLE_CELL_CODES = new Set([
  "text-number",
  "not-a-number",
  "cell-error",
  "ambiguous-number",
]);

interface Section {
  node: CriterionNode;
  leaves: CriterionNode[];
}

function leavesOf(node: CriterionNode): CriterionNode[] {
  if (node.children.length === 0) return [node];
  return node.children.flatMap(leavesOf);
}

function sectionsOf(criteria: CriterionNode[]): {
  content: Section[];
  bonus: CriterionNode[];
  deduction: CriterionNode[];
} {
  const content: Section[] = [];
  const bonus: CriterionNode[] = [];
  const deduction: CriterionNode[] = [];
  for (const node of criteria) {
    if (node.kind === "bonus") bonus.push(...leavesOf(node));
    else if (node.kind === "deduction") deduction.push(...leavesOf(node));
    else content.push({ node, leaves: leavesOf(node) });
  }
  return { content, bonus, deduction };
}

function sectionHeader(node: CriterionNode): string {
  const code = node.code.trim().replace(/[.)]+$/, "");
  return code ? `${code}. ${node.label}` : node.label;
}

function fmtNumber(n: number): string {
  // Literals inside formulas are en-US (DESIGN.md: formulas are always written in en-US syntax).
  return String(Number(n.toFixed(10)));
}

/**
 * Excel and LibreOffice cap a function at 255 arguments; a sheet with more leaves in one section is
 * summed in chunks so the formula still opens everywhere.
 */
function sumOf(terms: string[]): string {
  if (terms.length === 0) return "0";
  if (terms.length <= 200) return `SUM(${terms.join(",")})`;
  const chunks: string[] = [];
  for (let i = 0; i < terms.length; i += 200) chunks.push(sumOf(terms.slice(i, i + 200)));
  return `SUM(${chunks.join(",")})`;
}

/** "C:\\thi dua\\input.xlsx" and "input.xlsx" name the same file here (no Node path in sheets/). */
function baseName(file: string): string {
  return file
    .replace(/^.*[\\/]/, "")
    .normalize("NFC")
    .toLowerCase();
}

/** The file's own name, as the recipient knows it: a folder path says nothing to them. */
function displayName(file: string): string {
  return file.replace(/^.*[\\/]/, "");
}

function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * K5/K4/K9 as the engine proposes awards (rankUnits), over the live totals: `n` eligible units above
 * this total, `g` eligible units on it; flag slots first, then Bằng khen; a group tied across a slot
 * boundary is "chờ bình xét" and takes the slots it competes for. Ineligible units (a static fact of
 * the settings) are taken out of the COUNTIFs cell by cell: comparisons added as numbers work in
 * every spreadsheet, where an array inside SUMPRODUCT needs array evaluation some engines lack.
 */
function awardFormula(
  totalCell: string,
  totalsRange: string,
  ineligibleTotals: string[],
  awards: AwardSetting,
  pending: string,
  lang: Lang
): string {
  const minus = (op: string): string =>
    ineligibleTotals.length === 0
      ? ""
      : `-(${ineligibleTotals.map((c) => `(${c}${op}${totalCell})`).join("+")})`;
  const n = `(COUNTIF(${totalsRange},">"&${totalCell})${minus(">")})`;
  const g = `(COUNTIF(${totalsRange},${totalCell})${minus("=")})`;
  const flags = Math.max(0, Math.floor(awards.flagSlots));
  const slots = flags + Math.max(0, Math.floor(awards.meritSlots));
  const flag = excelString(profileLabel(awards.flagLabel, lang));
  const merit = excelString(profileLabel(awards.meritLabel, lang));
  const wait = excelString(pending);
  return (
    `=IF(${n}>=${slots},"",IF(${n}+${g}<=${flags},${flag},` +
    `IF(${n}<${flags},${wait},IF(${n}+${g}<=${slots},${merit},${wait}))))`
  );
}

type UnitResult = RankingReport["units"][number];
type Translate = (
  lang: Lang,
  key: Parameters<typeof SHEET_STRINGS.t>[1],
  params?: Params
) => string;

/** Columns: STT | Đơn vị | sections… | thưởng | trừ | tổng | [max | share] | hạng | danh hiệu | xếp loại | khen | ghi chú */
function columnsOf(S: number, byShare: boolean) {
  const X = byShare ? 2 : 0;
  return {
    stt: 0,
    unit: 1,
    section: (i: number) => 2 + i,
    bonus: 2 + S,
    deduction: 3 + S,
    total: 4 + S,
    unitMax: 5 + S,
    share: 6 + S,
    rank: 5 + S + X,
    label: 6 + S + X,
    cls: 7 + S + X,
    award: 8 + S + X,
    note: 9 + S + X,
  };
}
type Columns = ReturnType<typeof columnsOf>;

/** What every part of the sheet is drawn against: its columns, their widths, the report's shape. */
interface Layout {
  report: RankingReport;
  profile: ClusterProfile;
  opts: RankingSheetOptions;
  lang: Lang;
  t: Translate;
  b: SpecBuilder;
  col: Columns;
  nCols: number;
  widths: number[];
  /** Content sections (one column each), bonus and deduction leaves. */
  content: Section[];
  bonus: CriterionNode[];
  deduction: CriterionNode[];
  byShare: boolean;
  precision: number;
  numFmt: string;
  units: UnitResult[];
  /** Where the signature block's two halves start and end. */
  leftEnd: number;
  rightStart: number;
}

const CENTER: SpecStyle = { horizontal: "center", vertical: "middle", wrap: true };
const CELL: SpecStyle = { border: true, vertical: "middle" };

function columnWidths(
  units: UnitResult[],
  content: Section[],
  byShare: boolean,
  col: Columns,
  t: Translate,
  lang: Lang
): number[] {
  const S = content.length;
  const longestUnit = units.reduce((m, u) => Math.max(m, u.name.length), 10);
  const widths: number[] = [
    5,
    Math.min(34, Math.max(20, Math.ceil(longestUnit * 0.9))),
    ...content.map(() => (S > 5 ? 8.5 : 10.5)),
    9,
    8,
    9,
    ...(byShare ? [9, 9] : []),
    8,
    8.5,
    17,
    18,
    18,
  ];
  // The fixed columns fit their header's longest word in the sheet's language ("Deductions").
  for (const [c, key] of [
    [col.bonus, "colBonus"],
    [col.deduction, "colDeduction"],
    [col.total, "colTotal"],
    [col.rank, "colRank"],
    [col.label, "colLabel"],
    [col.cls, "colClass"],
    [col.award, "colAward"],
    [col.note, "colNote"],
  ] as const)
    widths[c] = Math.max(widths[c], headerWordWidth(t(lang, key)));
  return widths;
}

/** Title block (ND 30/2020): issuing body left, national motto right, place/date, titles, banner. */
function writeTitle(L: Layout): number {
  const { b, t, lang, profile, report, widths, nCols } = L;
  const clusterName = clusterFullName(profile, lang);
  const issuer = [profile.issuingBody, clusterName].filter(
    (s, i, all) =>
      s.trim() !== "" && all.findIndex((x) => upper(x.trim()) === upper(s.trim())) === i
  );
  const leftWidth = sumWidths(widths, 0, L.leftEnd);
  let row = nationalHeader(b, {
    issuer,
    left: [0, L.leftEnd],
    right: [L.rightStart, nCols - 1],
    place: profile.place,
    date: L.opts.date,
    lang,
  });
  issuer.forEach((line, i) => b.height(i, heightFor(linesNeeded(upper(line), leftWidth, 12))));

  b.merged(row, 0, row, nCols - 1, t(lang, "rankingTitle"), { ...CENTER, bold: true, size: 14 });
  b.height(row, 22);
  row++;
  b.merged(
    row,
    0,
    row,
    nCols - 1,
    `${t(lang, "rankingSubtitle", { period: periodText(profile, lang) })}`,
    { ...CENTER, italic: true }
  );
  row++;
  b.merged(row, 0, row, nCols - 1, clusterName, { ...CENTER, bold: true });
  row++;

  if (report.provisional) {
    // A ranking of returned forms names who is not in it (form-missing, form-refused).
    const named = returnsBanner(report, lang);
    const text =
      named ??
      (report.errorCount > 0
        ? t(lang, "provisionalBanner", { count: report.errorCount })
        : t(lang, "provisionalIncomplete"));
    b.merged(row, 0, row, nCols - 1, text, {
      ...CENTER,
      bold: true,
      color: BANNER_COLOR,
      fill: BANNER_FILL,
      border: true,
    });
    b.height(row, Math.max(22, heightFor(linesNeeded(text, sumWidths(widths, 0, nCols - 1), 11))));
    row++;
  }
  return row + 1;
}

/** The table's header row, then the max row (what each column is out of: "52 / 60" at a glance). */
function writeHead(L: Layout, headerRow: number): void {
  const { b, t, lang, col, content, bonus, report, byShare, widths } = L;
  const head: SpecStyle = { ...CENTER, ...CELL, bold: true, fill: HEADER_FILL };
  const headers: [number, string][] = [
    [col.stt, t(lang, "colStt")],
    [col.unit, t(lang, "colUnit")],
    ...content.map((s, i): [number, string] => [col.section(i), sectionHeader(s.node)]),
    [col.bonus, t(lang, "colBonus")],
    [col.deduction, t(lang, "colDeduction")],
    [col.total, t(lang, "colTotal")],
    ...(byShare
      ? ([
          [col.unitMax, t(lang, "colMax")],
          [col.share, t(lang, "colShare")],
        ] as [number, string][])
      : []),
    [col.rank, t(lang, "colRank")],
    [col.label, t(lang, "colLabel")],
    [col.cls, t(lang, "colClass")],
    [col.award, t(lang, "colAward")],
    [col.note, t(lang, "colNote")],
  ];
  let headerLines = 2;
  for (const [c, text] of headers) {
    b.value(headerRow, c, text, { ...head, size: c >= col.section(0) && c < col.bonus ? 10 : 11 });
    headerLines = Math.max(
      headerLines,
      linesNeeded(text, widths[c], c < col.bonus && c > 1 ? 10 : 11)
    );
  }
  b.height(headerRow, heightFor(Math.min(headerLines, 7), 11));

  const maxRow = headerRow + 1;
  const maxStyle: SpecStyle = {
    ...CELL,
    italic: true,
    horizontal: "center",
    numberFormat: "General",
  };
  b.value(maxRow, col.stt, null, maxStyle);
  b.value(maxRow, col.unit, t(lang, "maxRow"), { ...maxStyle, horizontal: "left" });
  content.forEach((s, i) => b.value(maxRow, col.section(i), s.node.max, maxStyle));
  b.value(
    maxRow,
    col.bonus,
    bonus.length > 0 || report.bonusCap > 0 ? report.bonusCap : null,
    maxStyle
  );
  b.value(maxRow, col.deduction, null, maxStyle);
  b.value(maxRow, col.total, byShare ? null : report.maxTotal, maxStyle);
  if (byShare) for (const c of [col.unitMax, col.share]) b.value(maxRow, c, null, maxStyle);
  for (const c of [col.rank, col.label, col.cls, col.award, col.note])
    b.value(maxRow, c, null, maxStyle);
}

/** What the unit rows share: where the data is, the cells a formula must not reference, the awards. */
interface Rows {
  firstData: number;
  totalCol: string;
  totalsRange: string;
  /** Cells the engine could not read as a number, with the value it counted instead. */
  fixedCells: Map<string, number>;
  bands: ClusterProfile["bands"];
  liveAwards: AwardSetting | undefined;
  eligibility: Map<string, string[]>;
  workbookFile: string | undefined;
}

function rowsOf(L: Layout, firstData: number): Rows {
  const { report, profile, col, byShare, units, opts } = L;
  const lastData = firstData + units.length - 1;
  // R11: the rank counts shares, unrounded, where units have their own max.
  const rankCol = columnLetter(byShare ? col.share : col.total);
  // Cells the engine could not read as a number (text, errors): a formula must not reference them
  // (SUM skips text, an error would spread), so the value the engine counted is written instead.
  const fixedCells = new Map<string, number>();
  for (const issue of report.issues) {
    if (!issue.cell || !UNUSABLE_CELL_CODES.has(issue.code)) continue;
    const fixed = issue.code === "text-number" && issue.fix ? Number(issue.fix.value) : 0;
    fixedCells.set(issue.cell, Number.isFinite(fixed) ? fixed : 0);
  }
  return {
    firstData,
    totalCol: columnLetter(col.total),
    totalsRange: `$${rankCol}$${firstData + 1}:$${rankCol}$${lastData + 1}`,
    fixedCells,
    bands: profile.bands.slice().sort((a, c) => c.minShare - a.minShare),
    // K10 as the engine: no award at a sơ kết, nor with nobody to compare with.
    liveAwards:
      opts.mode === "formulas" && profile.period !== "so-ket" && units.length >= 2
        ? profile.awards
        : undefined,
    eligibility: new Map(profile.eligibility.map((e) => [e.unit, e.reasons])),
    workbookFile: opts.workbookFile ?? report.files[0],
  };
}

/** The row's figures as formulas over the user's score cells (formulas mode, units of this file). */
function writeLiveFigures(
  L: Layout,
  R: Rows,
  u: UnitResult,
  r: number,
  base: SpecStyle,
  num: SpecStyle,
  fixedUsed: { cell: string; value: number }[]
): void {
  const { b, t, lang, col, content, bonus, deduction, byShare, report, precision } = L;
  const S = content.length;
  const top = u.rank >= 1 && u.rank <= 3;
  const ref = (leaf: CriterionNode, magnitude: boolean): string | null => {
    const address = u.leafCells[leaf.id];
    if (!address) return null;
    const weight = leaf.weight ?? 1;
    const fixed = R.fixedCells.get(address);
    if (fixed !== undefined) {
      fixedUsed.push({ cell: address, value: fixed });
      const v = magnitude ? Math.abs(fixed) : fixed;
      return fmtNumber(v * weight);
    }
    const x = magnitude ? `ABS(${address})` : address;
    return weight === 1 ? x : `${x}*${fmtNumber(weight)}`;
  };
  const terms = (leaves: CriterionNode[], magnitude: boolean): string[] =>
    leaves.map((l) => ref(l, magnitude)).filter((x): x is string => x !== null);

  content.forEach((s, k) => b.formula(r, col.section(k), `=${sumOf(terms(s.leaves, false))}`, num));
  const bonusSum = sumOf(terms(bonus, false));
  b.formula(r, col.bonus, `=MIN(${fmtNumber(report.bonusCap)},${bonusSum})`, num);
  b.formula(r, col.deduction, `=${sumOf(terms(deduction, true))}`, num);
  const first = columnLetter(col.section(0));
  const lastSection = columnLetter(col.section(Math.max(0, S - 1)));
  const sections = S > 0 ? `SUM(${first}${r + 1}:${lastSection}${r + 1})` : "0";
  b.formula(
    r,
    col.total,
    `=ROUND(${sections}+${columnLetter(col.bonus)}${r + 1}-${columnLetter(col.deduction)}${r + 1},${precision})`,
    { ...num, bold: true }
  );
  const totalCell = `${R.totalCol}${r + 1}`;
  const maxCell = `${columnLetter(col.unitMax)}${r + 1}`;
  const shareCell = `${columnLetter(col.share)}${r + 1}`;
  if (byShare) {
    b.value(r, col.unitMax, u.max ?? null, num);
    const raw = `(${sections}+${columnLetter(col.bonus)}${r + 1}-${columnLetter(col.deduction)}${r + 1})`;
    b.formula(r, col.share, `=IF(${maxCell}>0,${raw}/${maxCell},0)`, {
      ...num,
      ...SHARE_FORMAT,
    });
  }
  const rankBy = byShare ? shareCell : totalCell;
  b.formula(r, col.rank, `=1+COUNTIF(${R.totalsRange},">"&${rankBy})`, {
    ...num,
    bold: true,
    numberFormat: "0",
  });
  const rankCell = `${columnLetter(col.rank)}${r + 1}`;
  b.formula(
    r,
    col.label,
    `=IF(${rankCell}=1,${excelString(t(lang, "labelFirst"))},IF(${rankCell}=2,${excelString(
      t(lang, "labelSecond")
    )},IF(${rankCell}=3,${excelString(t(lang, "labelThird"))},"")))`,
    { ...base, horizontal: "center", bold: top }
  );
  // K6 as the engine's classify: the share of the content max (bonus not in the denominator),
  // rounded to 6 places, against each band's minimum, highest band first.
  const share = byShare
    ? `ROUND(${shareCell},6)`
    : report.contentMax > 0
      ? `ROUND(${totalCell}/${fmtNumber(report.contentMax)},6)`
      : null;
  const bands = R.bands;
  let cls = excelString(bands.length > 0 ? bands[bands.length - 1].label : "");
  for (let k = bands.length - 2; k >= 0 && share; k--) {
    cls = `IF(${share}>=${fmtNumber(bands[k].minShare)},${excelString(bands[k].label)},${cls})`;
  }
  b.formula(r, col.cls, `=${cls}`, { ...base, wrap: true, size: 11 });
}

/** The row's figures as the engine computed them (values mode, or a unit from another file). */
function writeFrozenFigures(
  L: Layout,
  u: UnitResult,
  r: number,
  base: SpecStyle,
  num: SpecStyle
): void {
  const { b, col, content, byShare } = L;
  const top = u.rank >= 1 && u.rank <= 3;
  content.forEach((s, k) => {
    const score = u.sections.find((x) => x.id === s.node.id)?.score ?? u.sections[k]?.score ?? 0;
    b.value(r, col.section(k), score, num);
  });
  b.value(r, col.bonus, u.bonus, num);
  b.value(r, col.deduction, u.deduction, num);
  b.value(r, col.total, u.total, { ...num, bold: true });
  if (byShare) {
    b.value(r, col.unitMax, u.max ?? null, num);
    b.value(r, col.share, u.share ?? null, { ...num, ...SHARE_FORMAT });
  }
  b.value(r, col.rank, u.rank, { ...num, bold: true, numberFormat: "0" });
  b.value(r, col.label, u.label ?? "", { ...base, horizontal: "center", bold: top });
  b.value(r, col.cls, u.classification, { ...base, wrap: true, size: 11 });
}

/** The note column: what the meeting must know about this unit's row. */
function unitNotes(
  L: Layout,
  R: Rows,
  u: UnitResult,
  live: boolean,
  fixedUsed: { cell: string; value: number }[]
): string {
  const { t, lang, opts, profile, report } = L;
  const notes: string[] = [];
  if (opts.mode === "formulas" && !live && u.file)
    notes.push(t(lang, "noteOtherFile", { file: u.file }));
  if (!u.complete) notes.push(t(lang, "noteIncomplete"));
  if (!u.eligible) {
    const reasons = R.eligibility.get(u.name) ?? [];
    notes.push(t(lang, "noteIneligible", { reasons: reasons.join("; ") }).replace(/: $/, ""));
  }
  const belowTop = flagBelowTopBandNote(u, profile, lang);
  if (belowTop) notes.push(belowTop);
  const accepted = acceptedNote(report, u.name, lang);
  if (accepted) notes.push(accepted);
  if (live && fixedUsed.length > 0) {
    notes.push(
      t(lang, "noteFixedValue", {
        cells: fixedUsed.map((f) => f.cell).join(", "),
        values: fixedUsed
          .map((f) => (lang === "vi" ? fmtNumber(f.value).replace(".", ",") : fmtNumber(f.value)))
          .join("; "),
      })
    );
  }
  return notes.join(". ");
}

function writeUnitRow(L: Layout, R: Rows, u: UnitResult, i: number): void {
  const { b, t, lang, col, opts, report, units, widths, numFmt } = L;
  const r = R.firstData + i;
  const top = u.rank >= 1 && u.rank <= 3;
  const base: SpecStyle = { ...CELL, ...(top ? { fill: TOP_FILL } : {}) };
  const num: SpecStyle = { ...base, horizontal: "center", numberFormat: numFmt };
  const live =
    opts.mode === "formulas" &&
    (report.files.length <= 1 ||
      !u.file ||
      !R.workbookFile ||
      baseName(u.file) === baseName(R.workbookFile));

  b.value(r, col.stt, i + 1, { ...base, horizontal: "center" });
  b.value(r, col.unit, u.name, { ...base, wrap: true, bold: u.rank === 1 });

  const fixedUsed: { cell: string; value: number }[] = [];
  if (live) writeLiveFigures(L, R, u, r, base, num, fixedUsed);
  else writeFrozenFigures(L, u, r, base, num);
  // K9: a tie across the last slot is settled by the meeting, and the sheet itself says so.
  const award = u.awardPending ? t(lang, "awardPending") : (u.award ?? "");
  const awardStyle: SpecStyle = {
    ...base,
    wrap: true,
    size: 11,
    ...(u.awardPending ? { italic: true, color: BANNER_COLOR } : {}),
  };
  if (live && R.liveAwards && u.eligible)
    b.formula(
      r,
      col.award,
      awardFormula(
        `${R.totalCol}${r + 1}`,
        R.totalsRange,
        units.flatMap((x, j) => (x.eligible ? [] : [`$${R.totalCol}$${R.firstData + j + 1}`])),
        R.liveAwards,
        t(lang, "awardPending"),
        lang
      ),
      awardStyle
    );
  else b.value(r, col.award, award, awardStyle);

  const note = unitNotes(L, R, u, live, fixedUsed);
  b.value(r, col.note, note, { ...base, wrap: true, size: 10 });
  const lines = Math.max(
    linesNeeded(u.name, widths[col.unit], 12),
    linesNeeded(u.classification, widths[col.cls], 11),
    linesNeeded(award, widths[col.award], 11),
    linesNeeded(note, widths[col.note], 10)
  );
  b.height(r, Math.max(20, heightFor(lines, 11)));
}

/** Footnote: where the figures come from. Returns the row after it and a blank one. */
function writeFootnote(L: Layout, row: number): number {
  const { b, t, lang, opts, report, widths, nCols } = L;
  const sheets = (opts.sourceSheets.length > 0 ? opts.sourceSheets : report.sheets)
    .map((s) => `'${s}'`)
    .join(", ");
  const files =
    report.files.length > 0
      ? t(lang, "sourceFiles", { files: report.files.map(displayName).join(", ") })
      : "";
  const footnote =
    opts.mode === "values"
      ? t(lang, "sourceValues", { sheets, files, date: shortDate(opts.date) })
      : `${t(lang, "sourceFormulas", { sheets })} ${LIVE_STRINGS.t(lang, "staticLook")}`;
  b.merged(row, 0, row, nCols - 1, footnote, {
    italic: true,
    size: 11,
    wrap: true,
    vertical: "top",
  });
  b.height(row, heightFor(linesNeeded(footnote, sumWidths(widths, 0, nCols - 1), 11), 11));
  return row + 2;
}

/** Signature block: preparer left, the cluster head right (TM. = on behalf of the collective). */
function writeSignatures(L: Layout, row: number): void {
  const { b, t, lang, profile, leftEnd, rightStart, nCols } = L;
  const khoi = profile.kind === "khoi";
  const sigStyle: SpecStyle = { ...CENTER, bold: true };
  b.merged(row, 0, row, leftEnd, t(lang, "signPreparer"), sigStyle);
  b.merged(
    row,
    rightStart,
    row,
    nCols - 1,
    t(lang, khoi ? "signOnBehalfKhoi" : "signOnBehalfCum"),
    sigStyle
  );
  b.merged(
    row + 1,
    rightStart,
    row + 1,
    nCols - 1,
    t(lang, khoi ? "signHeadKhoi" : "signHeadCum"),
    sigStyle
  );
  b.merged(row + 1, 0, row + 1, leftEnd, t(lang, "signHint"), { ...CENTER, italic: true });
  b.merged(row + 2, rightStart, row + 2, nCols - 1, t(lang, "signSealHint"), {
    ...CENTER,
    italic: true,
  });
  const headName = profile.head ? (profile.signatories[profile.head] ?? "") : "";
  if (headName) b.merged(row + 7, rightStart, row + 7, nCols - 1, headName, sigStyle);
  if (profile.head)
    b.merged(
      row + (headName ? 8 : 7),
      rightStart,
      row + (headName ? 8 : 7),
      nCols - 1,
      profile.head,
      {
        ...CENTER,
        italic: !headName,
        bold: false,
      }
    );
}

export function buildRankingSheet(
  report: RankingReport,
  profile: ClusterProfile,
  opts: RankingSheetOptions
): SheetSpec {
  const { lang } = opts;
  const t: Translate = SHEET_STRINGS.t.bind(SHEET_STRINGS);
  const precision = report.precision ?? profile.precision;
  const { content, bonus, deduction } = sectionsOf(report.criteria);
  const units = report.units.slice().sort((a, b) => a.rank - b.rank);
  const S = content.length;
  // R11: units ranked by share of their own max show that max and the share beside the points.
  const byShare = report.rankedBy === "share";
  const col = columnsOf(S, byShare);
  const L: Layout = {
    report,
    profile,
    opts,
    lang,
    t,
    b: new SpecBuilder(12),
    col,
    nCols: 10 + S + (byShare ? 2 : 0),
    widths: columnWidths(units, content, byShare, col, t, lang),
    content,
    bonus,
    deduction,
    byShare,
    precision,
    numFmt: decimalFormat(precision),
    units,
    leftEnd: Math.min(1 + Math.ceil(S / 2), col.total - 1),
    rightStart: col.rank,
  };

  const headerRow = writeTitle(L);
  writeHead(L, headerRow);
  const maxRow = headerRow + 1;
  const R = rowsOf(L, maxRow + 1);
  units.forEach((u, i) => writeUnitRow(L, R, u, i));
  const row = writeFootnote(L, R.firstData + units.length + 1);
  writeSignatures(L, row);

  const totalWidth = sumWidths(L.widths, 0, L.nCols - 1);
  return finishSpec(L.b, {
    name: opts.sheetName ?? t(lang, "rankingSheetName"),
    kind: "ranking",
    columnWidths: L.widths,
    freeze: { rows: maxRow + 1, columns: 2 },
    print: {
      paperSize: "A4",
      orientation: totalWidth > 105 ? "landscape" : "portrait",
      fitToWidth: true,
      margins: { top: 20, bottom: 15, left: 20, right: 15 },
      repeatRows: { first: headerRow, last: maxRow },
    },
  });
}
