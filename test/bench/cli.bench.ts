/**
 * cli-400x40: the whole `thidua rank --json` process (node start, read .xlsx with ExcelJS, detect,
 * validate, score, rank, print) on a generated 400-unit × 40-criterion workbook. Goal < 1.5 s.
 * cli-results-124: a results table of 124 communes (layout E, ranked by share) against a 10-unit
 * sheet in the same run; goal: ratio ≈ 1 within noise.
 */
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { report, timeMedian } from "./harness";

const ROOT = path.resolve(__dirname, "../..");

async function makeWorkbook(file: string, units: number, criteria: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng điểm");
  ws.addRow(["BẢNG ĐIỂM THI ĐUA NĂM 2025"]);
  ws.addRow([]);
  const header = ["STT", "Tên đơn vị"];
  for (let k = 1; k <= criteria; k++) header.push(`Tiêu chí ${k}`);
  header.push("Điểm thưởng", "Điểm trừ", "Tổng điểm");
  ws.addRow(header);
  ws.addRow([null, "Điểm chuẩn", ...new Array(criteria).fill(2.5), 5, null, null]);
  let seed = 11;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let u = 0; u < units; u++) {
    const s = Array.from({ length: criteria }, () => Math.round(rnd() * 10) / 4);
    const bonus = Math.round(rnd() * 20) / 4;
    const ded = Math.round(rnd() * 4) / 4;
    ws.addRow([
      u + 1,
      `Đơn vị số ${u + 1}`,
      ...s,
      bonus,
      ded,
      s.reduce((a, b) => a + b, 0) + bonus - ded,
    ]);
  }
  ws.addRow([]);
  ws.addRow([null, "NGƯỜI LẬP BIỂU"]);
  await wb.xlsx.writeFile(file);
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "lib/cli/main.js"))) {
    try {
      execFileSync(
        process.execPath,
        [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
        { cwd: ROOT }
      );
    } catch {
      /* tsc emits despite type errors elsewhere */
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-bench-"));
  const file = path.join(dir, "cum-400x40.xlsx");
  await makeWorkbook(file, 400, 40);
  const once = (): void => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin/thidua.js"), "rank", file, "--json"],
      {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      }
    );
    if (r.status !== 0) throw new Error(`thidua exited ${r.status}: ${r.stderr}`);
    const json = JSON.parse(r.stdout) as { units: unknown[] };
    if (json.units.length !== 400) throw new Error(`expected 400 units, got ${json.units.length}`);
  };
  report("cli-400x40", await timeMedian(once, 7, 1));

  // R11: a province's results table (124 communes, each with its own max) against a 10-unit sheet,
  // in the same run: ranking by share must cost no more than ranking by points.
  const small = path.join(dir, "cum-10x40.xlsx");
  await makeWorkbook(small, 10, 40);
  const results = path.join(ROOT, "test/fixtures/e-results-table-124-communes/input.xlsx");
  const rank = (file: string, units: number) => (): void => {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin/thidua.js"), "rank", file, "--json"],
      {
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
      }
    );
    if (r.status !== 0) throw new Error(`thidua exited ${r.status}: ${r.stderr}`);
    const json = JSON.parse(r.stdout) as { units: unknown[] };
    if (json.units.length !== units)
      throw new Error(`expected ${units} units, got ${json.units.length}`);
  };
  const smallMs = await timeMedian(rank(small, 10), 7, 1);
  report("cli-results-124", await timeMedian(rank(results, 124), 7, 1), {
    name: "cli-10x40",
    ms: smallMs,
  });
  fs.rmSync(dir, { recursive: true, force: true });
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
