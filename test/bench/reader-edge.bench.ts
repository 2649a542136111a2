/**
 * reader-edge-cell: the one reader on a score sheet with one stray value in XFD1048576 (the file of
 * test/xlsx/hostile), against ExcelJS alone loading the same file. Each side runs in its own process,
 * so rss_mb is that process's peak; ms is the read alone. Before the guard, our dense grid of that
 * file died at 4 GB after about a minute; the reader now refuses it in one sentence.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { median, reportFigures } from "./harness";

const ROOT = path.resolve(__dirname, "../..");
const FILE = path.join(ROOT, "test/xlsx/hostile/cases/edge-cell-xfd1048576.xlsx");

const OURS = `
const { readWorkbookGrids } = require(${JSON.stringify(path.join(ROOT, "src/xlsx/read"))});
const t0 = performance.now();
readWorkbookGrids(process.argv[1]).catch(() => null).then(() => {
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS / 1024 }));
});`;

const PEER = `
const ExcelJS = require("exceljs");
const fs = require("fs");
const t0 = performance.now();
new ExcelJS.Workbook().xlsx.load(fs.readFileSync(process.argv[1])).then(() => {
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS / 1024 }));
});`;

function run(code: string): { ms: number; rss: number } {
  const r = spawnSync(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "-e", code, FILE],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, TS_NODE_PROJECT: "tsconfig.json" } }
  );
  const line = r.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as { ms: number; rss: number };
}

const ours = [run(OURS), run(OURS), run(OURS)];
const peer = [run(PEER), run(PEER), run(PEER)];
reportFigures("reader-edge-cell", {
  rss_mb: median(ours.map((x) => x.rss)).toFixed(0),
  ms: median(ours.map((x) => x.ms)).toFixed(0),
  peer: "exceljs-load",
  peer_rss_mb: median(peer.map((x) => x.rss)).toFixed(0),
  peer_ms: median(peer.map((x) => x.ms)).toFixed(0),
});
