/**
 * Running LibreOffice headless for the tests: a private profile that
 * recalculates every formula on load (OOXMLRecalcMode = 0, "always"), several files per call since
 * each start costs about a second.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const SOFFICE = process.env.SOFFICE ?? "soffice";

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh profile directory (one per test file, so parallel jest workers never share one). */
export function makeProfile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-lo-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), XCU);
  return dir;
}

/**
 * Converts `files` with one LibreOffice start. `filter` is a --convert-to argument: "pdf",
 * "xlsx:Calc MS Excel 2007 XML"… Returns the output paths (same base names, new extension).
 */
export function convert(
  files: string[],
  filter: string,
  outDir: string,
  profile: string
): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 180000 }
  );
  const ext = filter.split(":")[0];
  return files.map((f) => path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, "")}.${ext}`));
}

/** pdfinfo's fields: "Pages", "Page size" ("595.32 x 841.92 pts (A4)")… */
export function pdfInfo(pdf: string): Record<string, string> {
  const out = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const info: Record<string, string> = {};
  for (const line of out.split("\n")) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1].trim()] = m[2].trim();
  }
  return info;
}

/** Font names embedded in a PDF (pdffonts' first column). */
export function pdfFonts(pdf: string): string[] {
  const out = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
  return out
    .split("\n")
    .slice(2)
    .map((l) => l.split(/\s+/)[0])
    .filter(Boolean);
}

/** Page `page` (1-based) of a PDF as a PNG at `dpi`; returns the PNG's path. */
export function pdfPagePng(pdf: string, outBase: string, dpi = 80, page = 1): string {
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    String(dpi),
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdf,
    outBase,
  ]);
  return `${outBase}.png`;
}

/** One word of a PDF page as pdftotext -bbox places it, in points from the page's top left. */
export interface PdfWord {
  page: number;
  pageWidth: number;
  pageHeight: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/**
 * Every word of a PDF with its box. Tests measure where words land (page, left and right edges)
 * rather than comparing wrapped lines of text, which move with the fonts a machine has.
 */
export function pdfWords(pdf: string): PdfWord[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const words: PdfWord[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  const unescape = (t: string): string =>
    t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  for (const m of html.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
  )) {
    if (m[1]) {
      page++;
      pageWidth = Number(m[1]);
      pageHeight = Number(m[2]);
      continue;
    }
    const [xMin, yMin, xMax, yMax] = [m[3], m[4], m[5], m[6]].map(Number);
    words.push({ page, pageWidth, pageHeight, text: unescape(m[7]), xMin, yMin, xMax, yMax });
  }
  return words;
}
