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

export function hasSoffice(): boolean {
  try {
    execFileSync(SOFFICE, ["--version"], { stdio: "ignore", timeout: 30000 });
    return true;
  } catch {
    return false;
  }
}

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

/** The text of a PDF with its layout kept (pdftotext -layout). */
export function pdfText(pdf: string): string {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
}
