/**
 * engine-1000x100: Grid → detect → validate → score → rank for 1,000 units × 100 criteria (units in rows,
 * layout B), against HyperFormula computing the same totals and ranks with formulas (SUMPRODUCT for the
 * totals, 1+COUNTIF over rounded totals for the ranks) on the same grid.
 * engine-60x300: 60 units × 300 criteria, criteria in rows (layout A) with sections and subtotals.
 */
import { HyperFormula } from "hyperformula";
import { analyzeWorkbook } from "../../src/core";
import { columnLetter, gridFromRows, type CellValue, type Grid } from "../../src/core/grid";
import { report, timeMedian } from "./harness";

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function unitsInRows(units: number, criteria: number): Grid {
  const r = rng(42);
  const header: CellValue[] = ["STT", "Tên đơn vị"];
  for (let k = 1; k <= criteria; k++) header.push(`Tiêu chí ${k} (10đ)`);
  header.push("Điểm thưởng (tối đa 5đ)", "Điểm trừ");
  const rows: CellValue[][] = [["BẢNG ĐIỂM THI ĐUA"], [], header];
  for (let u = 0; u < units; u++) {
    const row: CellValue[] = [u + 1, `Đơn vị số ${u + 1}`];
    for (let k = 0; k < criteria; k++) row.push(Math.round(r() * 40) / 4);
    row.push(Math.round(r() * 28) / 4, Math.round(r() * 8) / 4);
    rows.push(row);
  }
  return gridFromRows("Bảng điểm", rows);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) while (n >= v) ((out += s), (n -= v));
  return out;
}

function criteriaInRows(units: number, criteria: number): Grid {
  const r = rng(7);
  const rows: CellValue[][] = [["BẢNG ĐIỂM"], [], ["STT", "Nội dung tiêu chí", "Điểm chuẩn"]];
  for (let u = 0; u < units; u++) rows[2].push(`Đơn vị số ${u + 1}`);
  const per = 10;
  for (let s = 0; s < criteria / per; s++) {
    rows.push([`S${s}`, `Phần ${s + 1}`, per * 10, ...new Array(units).fill(null)]);
    rows[rows.length - 1][0] = roman(s + 1);
    for (let k = 0; k < per; k++) {
      const row: CellValue[] = [`${s + 1}.${k + 1}`, `Tiêu chí ${s + 1}.${k + 1}`, 10];
      for (let u = 0; u < units; u++) row.push(Math.round(r() * 40) / 4);
      rows.push(row);
    }
  }
  rows.push([null, "TỔNG CỘNG"]);
  return gridFromRows("Bảng điểm", rows);
}

function hyperformulaRank(g: Grid, units: number, criteria: number): number[] {
  // The same grid, with one total and one rank formula per unit row, as an office would write them.
  const first = 3;
  const sheet: (CellValue | string)[][] = g.values.map((row) =>
    row.map((v) => (typeof v === "object" && v !== null ? null : v))
  );
  const lastCrit = columnLetter(1 + criteria);
  const bonus = columnLetter(2 + criteria);
  const ded = columnLetter(3 + criteria);
  const totalCol = columnLetter(4 + criteria);
  const last = first + units;
  const weights: (number | null)[] = [null, null, ...new Array(criteria).fill(1)];
  sheet.push(weights);
  const wRow = sheet.length;
  for (let u = 0; u < units; u++) {
    const r = first + u + 1;
    sheet[r - 1].push(
      `=SUMPRODUCT(C${r}:${lastCrit}${r},C${wRow}:${lastCrit}${wRow})+MIN(${bonus}${r},5)-ABS(${ded}${r})`,
      `=1+COUNTIF($${totalCol}$${first + 1}:$${totalCol}$${last},">"&ROUND(${totalCol}${r},2))`
    );
  }
  const hf = HyperFormula.buildFromArray(sheet as never, { licenseKey: "gpl-v3" });
  const values = hf.getSheetValues(0);
  const ranks: number[] = [];
  for (let u = 0; u < units; u++) ranks.push(values[first + u][5 + criteria] as number);
  hf.destroy();
  return ranks;
}

async function main(): Promise<void> {
  const g = unitsInRows(1000, 100);
  const ours = (): number[] => {
    const res = analyzeWorkbook([g]);
    if (!res.ok) throw new Error(res.message);
    return res.report.units.map((u) => u.rank);
  };
  // Same answers first: a fast wrong engine is no benchmark.
  const check = analyzeWorkbook([g]);
  if (!check.ok) throw new Error(check.message);
  const peerRanks = hyperformulaRank(g, 1000, 100);
  const byName = new Map(check.report.units.map((u) => [u.name, u.rank]));
  const mismatch = peerRanks.filter((rk, u) => byName.get(`Đơn vị số ${u + 1}`) !== rk).length;
  if (mismatch > 0) throw new Error(`HyperFormula and the engine disagree on ${mismatch} ranks`);
  const oursMs = await timeMedian(ours, 15, 3);
  const peerMs = await timeMedian(() => hyperformulaRank(g, 1000, 100), 5, 1);
  report("engine-1000x100", oursMs, { name: "hyperformula", ms: peerMs });

  const a = criteriaInRows(60, 300);
  const check2 = analyzeWorkbook([a]);
  if (!check2.ok || check2.report.units.length !== 60 || check2.report.contentMax !== 3000)
    throw new Error(
      `engine-60x300 read wrong: ${check2.ok ? check2.report.contentMax : check2.message}`
    );
  report("engine-60x300", await timeMedian(() => analyzeWorkbook([a]), 15, 3));
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
