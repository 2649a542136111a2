/**
 * What we write, opened by a spreadsheet that never saw the add-in: LibreOffice headless recalculates
 * every workbook (both modes of the ranking sheet), prints them to PDF, and the PDFs are rendered to
 * PNG under test-artifacts/ (two go to docs/images/ for the README). Two LibreOffice starts in all.
 */
import { Packer } from "docx";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeWorkbook } from "../../src/core";
import type { ClusterProfile } from "../../src/core/profile";
import type { RankingReport } from "../../src/core/report";
import { buildCovenantSheet } from "../../src/sheets/covenant";
import { buildCovenantDocx } from "../../src/sheets/covenant-docx";
import { buildRankingSheet } from "../../src/sheets/ranking";
import { buildSelfScoreTemplate } from "../../src/sheets/template";
import { readWorkbookGrids } from "../../src/xlsx/read";
import { writeRankedCopy, writeWorkbook } from "../../src/xlsx/write";
import { SAMPLES } from "../paths";
import { expectedOf, profileFor } from "../sheets/fixtures";
import {
  convert,
  makeProfile,
  pdfFonts,
  pdfInfo,
  pdfPagePng,
  pdfWords,
  type PdfWord,
} from "./soffice";

jest.setTimeout(180000);

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "libreoffice");
// The README's pictures change only when asked (`npm run images`): a plain test run must not
// rewrite committed files.
const IMAGES =
  process.env.THIDUA_UPDATE_IMAGES === "1"
    ? path.join(ROOT, "docs", "images")
    : path.join(ROOT, "test-artifacts", "libreoffice", "images");
const DATE = new Date(2026, 1, 5);
const VALUES = "Xếp hạng";
const FORMULAS = "Xếp hạng (công thức)";

interface Case {
  sample: string;
  files: string[];
  report: RankingReport;
  copy: string;
}

const SAMPLE_DIRS = fs
  .readdirSync(SAMPLES)
  .filter((d) => fs.statSync(path.join(SAMPLES, d)).isDirectory())
  .sort();

function inputsOf(sample: string): string[] {
  return expectedOf(sample).files.map((f) => path.join(SAMPLES, sample, f));
}

/** The engine's report on a sample, as the pane and the CLI rank it; a sample it cannot rank fails. */
async function reportOf(sample: string): Promise<RankingReport> {
  const grids = [];
  for (const f of inputsOf(sample)) grids.push(...(await readWorkbookGrids(f, path.basename(f))));
  const res = analyzeWorkbook(grids);
  if (!res.ok) throw new Error(`${sample}: ${res.message} ${res.reasons.join(" | ")}`);
  return res.report;
}

function num(v: unknown): number | null | { error: string } {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "object") {
    const o = v as { result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (o.error) return { error: o.error };
    if ("formula" in o || "sharedFormula" in o) {
      // ExcelJS reads a cached 0 as "no result" (MACHINE.md).
      if (o.result === undefined) return 0;
      return num(o.result);
    }
  }
  return null;
}

function errorsIn(ws: ExcelJS.Worksheet): string[] {
  const bad: string[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      const v = c.value as { error?: string; result?: { error?: string } } | null;
      if (
        v &&
        typeof v === "object" &&
        (v.error || (v.result && typeof v.result === "object" && v.result.error))
      )
        bad.push(`${c.address}=${JSON.stringify(v)}`);
      if (typeof v === "string" && /^#(REF!|VALUE!|NAME\?|DIV\/0!|N\/A|NUM!|NULL!)/.test(v))
        bad.push(c.address);
    })
  );
  return bad;
}

/** name → [total, rank, label, classification] as the recalculated sheet shows them. */
function tableOf(ws: ExcelJS.Worksheet): Map<string, unknown[]> {
  let header = 0;
  const cols: Record<string, number> = {};
  ws.eachRow((row, r) =>
    row.eachCell((c, col) => {
      if (c.value === "Tổng điểm" && !header) header = r;
      if (r === header && typeof c.value === "string") cols[c.value] = col;
    })
  );
  const text = (v: unknown): unknown =>
    v && typeof v === "object" && "formula" in v
      ? ((v as { result?: unknown }).result ?? "")
      : (v ?? "");
  const out = new Map<string, unknown[]>();
  for (let r = header + 2; ws.getCell(r, 2).value; r++) {
    const name = ws.getCell(r, 2).value;
    if (typeof name !== "string") break;
    out.set(name, [
      num(ws.getCell(r, cols["Tổng điểm"]).value),
      num(ws.getCell(r, cols["Xếp hạng"]).value),
      text(ws.getCell(r, cols["Suy tôn"]).value),
      text(ws.getCell(r, cols["Xếp loại"]).value),
    ]);
  }
  return out;
}

const cases: Case[] = [];
let profile: ClusterProfile;
let recalculated = new Map<string, ExcelJS.Workbook>();
const pdfs: Record<string, string> = {};
/** The workbook each print came from, by the PDF's base name. */
const printed: Record<string, string> = {};

beforeAll(async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-out-"));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.mkdirSync(IMAGES, { recursive: true });
  for (const sample of SAMPLE_DIRS) {
    const report = await reportOf(sample);
    const files = inputsOf(sample);
    const p = profileFor({ members: report.units.map((u) => u.name) });
    const specs = (["values", "formulas"] as const).map((mode) =>
      buildRankingSheet(report, p, {
        mode,
        date: DATE,
        sourceSheets: report.sheets,
        lang: "vi",
        sheetName: mode === "values" ? VALUES : FORMULAS,
        workbookFile: path.basename(files[0]),
      })
    );
    const copy = path.join(work, `${sample}.xlsx`);
    fs.writeFileSync(copy, await writeRankedCopy(files[0], specs));
    cases.push({ sample, files, report, copy });
  }

  // Print jobs: the ranking sheet alone per sample, the covenant (Word and sheet), a template.
  const first = cases[0];
  profile = profileFor({ members: first.report.units.map((u) => u.name).slice(0, 6) });
  profile.head = profile.members[0];
  profile.deputy = profile.members[1];
  profile.signatories = { [profile.head]: "Nguyễn Văn An", [profile.deputy]: "Trần Thị Bình" };
  const printJobs: string[] = [];
  for (const c of cases) {
    const f = path.join(work, `ranking-${c.sample}.xlsx`);
    const spec = buildRankingSheet(c.report, profile, {
      mode: "values",
      date: DATE,
      sourceSheets: c.report.sheets,
      lang: "vi",
    });
    fs.writeFileSync(f, await writeWorkbook([spec]));
    printJobs.push(f);
  }
  const docx = path.join(work, "giao-uoc.docx");
  fs.writeFileSync(
    docx,
    await Packer.toBuffer(
      buildCovenantDocx(profile, first.report.criteria, { date: DATE, lang: "vi" })
    )
  );
  const covenantSheet = path.join(work, "giao-uoc-sheet.xlsx");
  fs.writeFileSync(
    covenantSheet,
    await writeWorkbook([
      buildCovenantSheet(profile, first.report.criteria, { date: DATE, lang: "vi" }),
    ])
  );
  const template = path.join(work, "phieu-tu-cham.xlsx");
  fs.writeFileSync(
    template,
    await writeWorkbook([
      buildSelfScoreTemplate(profile, first.report.criteria, profile.members[1], {
        date: DATE,
        lang: "vi",
      }),
    ])
  );
  printJobs.push(docx, covenantSheet, template);
  for (const f of printJobs) printed[path.basename(f).replace(/\.[^.]+$/, "")] = f;

  const lo = makeProfile();
  const outXlsx = convert(
    cases.map((c) => c.copy),
    "xlsx:Calc MS Excel 2007 XML",
    path.join(work, "recalc"),
    lo
  );
  recalculated = new Map();
  for (const [i, c] of cases.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outXlsx[i]);
    recalculated.set(c.sample, wb);
  }
  const outPdf = convert(printJobs, "pdf", path.join(work, "pdf"), lo);
  for (const pdf of outPdf) {
    const base = path.basename(pdf, ".pdf");
    pdfs[base] = pdf;
    fs.copyFileSync(pdf, path.join(ARTIFACTS, `${base}.pdf`));
    const pages = Number(pdfInfo(pdf)["Pages"]);
    for (let page = 1; page <= Math.min(pages, 2); page++)
      pdfPagePng(pdf, path.join(ARTIFACTS, pages > 1 ? `${base}-${page}` : base), 80, page);
  }
  // The README shows the first sample's ranking and the covenant's first page.
  fs.copyFileSync(
    path.join(ARTIFACTS, `ranking-${first.sample}.png`),
    path.join(IMAGES, "ranking-sheet.png")
  );
  const cov = fs.existsSync(path.join(ARTIFACTS, "giao-uoc-1.png"))
    ? "giao-uoc-1.png"
    : "giao-uoc.png";
  fs.copyFileSync(path.join(ARTIFACTS, cov), path.join(IMAGES, "covenant.png"));
});

describe("LibreOffice recalculates the ranking sheets we write (DESIGN.md portable outputs)", () => {
  it("has a case for every sample, ranked by the engine as expected.json says", () => {
    expect(cases.map((c) => c.sample)).toEqual(SAMPLE_DIRS);
    expect(SAMPLE_DIRS.length).toBe(6);
    for (const c of cases) {
      const want = expectedOf(c.sample).units.map((u) => [u.name, u.total, u.rank]);
      const got = c.report.units.map((u) => [u.name, u.total, u.rank]);
      expect({ sample: c.sample, units: got }).toEqual({
        sample: c.sample,
        units: expect.arrayContaining(want),
      });
    }
  });

  it("K1/K2/K6/R9/R10: values and live formulas give the engine's totals, ranks, labels and classes", () => {
    for (const c of cases) {
      const wb = recalculated.get(c.sample)!;
      const want = new Map(
        c.report.units.map((u) => [u.name, [u.total, u.rank, u.label ?? "", u.classification]])
      );
      for (const sheet of [VALUES, FORMULAS]) {
        const got = tableOf(wb.getWorksheet(sheet)!);
        expect({ sample: c.sample, sheet, table: Object.fromEntries(got) }).toEqual({
          sample: c.sample,
          sheet,
          table: Object.fromEntries(want),
        });
      }
    }
  });

  it("no cell of ours holds an error after recalculation", () => {
    for (const c of cases)
      for (const sheet of [VALUES, FORMULAS])
        expect({
          sample: c.sample,
          sheet,
          errors: errorsIn(recalculated.get(c.sample)!.getWorksheet(sheet)!),
        }).toEqual({
          sample: c.sample,
          sheet,
          errors: [],
        });
  });

  it("the user's sheets recalculate to the values they had (nothing of theirs was disturbed)", async () => {
    for (const c of cases) {
      const original = new ExcelJS.Workbook();
      await original.xlsx.readFile(c.files[0]);
      const wb = recalculated.get(c.sample)!;
      for (const ws of original.worksheets) {
        const after = wb.getWorksheet(ws.name)!;
        const diffs: string[] = [];
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const a = num(cell.value) ?? cell.value;
            const b = num(after.getCell(cell.address).value) ?? after.getCell(cell.address).value;
            if (JSON.stringify(a) !== JSON.stringify(b))
              diffs.push(`${cell.address}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
          })
        );
        expect({ sample: c.sample, sheet: ws.name, diffs }).toEqual({
          sample: c.sample,
          sheet: ws.name,
          diffs: [],
        });
      }
    }
  });
});

/** Words of `phrase` missing from `words` (in any order, on any line: wrapping moves with fonts). */
function missingWords(words: PdfWord[], phrase: string): string[] {
  const have = new Set(words.map((w) => w.text));
  return phrase.split(/\s+/).filter((w) => w && !have.has(w));
}

/** First and last header texts of a written sheet's table (the row holding "STT"), or null. */
async function headerEnds(xlsx: string): Promise<[string, string] | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.worksheets[0];
  let found: [string, string] | null = null;
  ws.eachRow((row) => {
    const texts: string[] = [];
    row.eachCell((c) => {
      if (typeof c.value === "string" && c.value.trim()) texts.push(c.value.trim());
    });
    if (!found && texts[0] === "STT") found = [texts[0], texts[texts.length - 1]];
  });
  return found;
}

/** Horizontal reach of the words on page 1: [leftmost, rightmost, page width], in points. */
function reach(words: PdfWord[]): [number, number, number] {
  const first = words.filter((w) => w.page === 1);
  return [
    Math.min(...first.map((w) => w.xMin)),
    Math.max(...first.map((w) => w.xMax)),
    first[0]?.pageWidth ?? 0,
  ];
}

describe("printing (PDF through LibreOffice)", () => {
  it("§8: each ranking sheet prints on one A4 page, every column on it, spanning the width", () => {
    for (const c of cases) {
      const pdf = pdfs[`ranking-${c.sample}`];
      const info = pdfInfo(pdf);
      // Landscape or portrait, as the sheet's width asks; A4 either way.
      expect(info["Page size"]).toMatch(/\(A4\)/);
      expect({ sample: c.sample, pages: Number(info["Pages"]) }).toEqual({
        sample: c.sample,
        pages: 1,
      });
      const words = pdfWords(pdf);
      const phrases = ["STT", "Tổng điểm", "Ghi chú", "NGƯỜI LẬP BIỂU", "TM. CỤM THI ĐUA"];
      phrases.push(...c.report.units.map((u) => u.name));
      expect({ sample: c.sample, missing: phrases.flatMap((p) => missingWords(words, p)) }).toEqual(
        {
          sample: c.sample,
          missing: [],
        }
      );
      // First column at the left margin, the last ("Ghi chú") near the right one: one page wide,
      // nothing cut off, nothing shrunk to a corner.
      const [left, right, width] = reach(words);
      const stt = words.find((w) => w.text === "STT")!;
      const note = words.filter((w) => w.text === "chú").map((w) => w.xMax);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(width);
      expect(stt.xMin).toBeLessThan(width * 0.2);
      expect(Math.max(...note)).toBeGreaterThan(width * 0.7);
    }
  });

  it("the covenant in Word prints on A4 with ND30 margins in a Times New Roman face", () => {
    const pdf = pdfs["giao-uoc"];
    expect(pdfInfo(pdf)["Page size"]).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    // LibreOffice substitutes the metric-compatible Liberation Serif when Times New Roman is absent.
    for (const f of pdfFonts(pdf)) expect(f).toMatch(/TimesNewRoman|Times-|LiberationSerif/);
    const words = pdfWords(pdf).filter((w) => w.page === 1);
    const pt = (mm: number): number => (mm * 72) / 25.4;
    const minX = Math.min(...words.map((w) => w.xMin));
    const maxX = Math.max(...words.map((w) => w.xMax));
    const minY = Math.min(...words.map((w) => w.yMin));
    expect(minX).toBeGreaterThanOrEqual(pt(30) - 1);
    expect(minX).toBeLessThan(pt(35));
    expect(maxX).toBeLessThanOrEqual(595.3 - pt(15) + 1);
    expect(minY).toBeGreaterThanOrEqual(pt(20) - 1);
    const phrases = [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "GIAO ƯỚC THI ĐUA NĂM 2025",
    ];
    expect(phrases.flatMap((p) => missingWords(words, p))).toEqual([]);
  });

  it("the covenant sheet and the self-score form print on A4 portrait, one page wide", async () => {
    for (const base of ["giao-uoc-sheet", "phieu-tu-cham"]) {
      const info = pdfInfo(pdfs[base]);
      expect(info["Page size"]).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
      const words = pdfWords(pdfs[base]);
      const title = base === "phieu-tu-cham" ? "Điểm tự chấm" : "GIAO ƯỚC THI ĐUA";
      expect({ base, missing: missingWords(words, title) }).toEqual({ base, missing: [] });
      // Every page within the paper's width; a table's first and last columns on its first page.
      for (const w of words) expect(w.xMax).toBeLessThanOrEqual(w.pageWidth);
      const ends = await headerEnds(printed[base]);
      if (ends) {
        const first = words.filter((w) => w.page === 1);
        expect({ base, missing: ends.flatMap((h) => missingWords(first, h)) }).toEqual({
          base,
          missing: [],
        });
      }
    }
    expect(fs.existsSync(path.join(IMAGES, "ranking-sheet.png"))).toBe(true);
    expect(fs.existsSync(path.join(IMAGES, "covenant.png"))).toBe(true);
  });
});
