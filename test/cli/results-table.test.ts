/**
 * thidua rank on a results table (layout E): the reading is named E, and the table and --json give each
 * unit's own max and share beside the points, ranked by share (R11).
 */
import * as fs from "fs";
import * as path from "path";
import { runCli } from "./run";

const FILE = path.resolve(__dirname, "../fixtures/e-results-table-departments/input.xlsx");

describe("thidua rank on a results table (R11)", () => {
  it("R11: names layout E and shows points, max and share, ranked by share", async () => {
    const { code, out } = await runCli(["rank", FILE]);
    expect(code).toBe(0);
    expect(out).toContain("bố cục E");
    expect(out).toMatch(/Tổng điểm\s+Điểm tối đa\s+Tỷ lệ/);
    const lines = out.split("\n");
    const first = lines.find((l) => /^\s+1\s/.test(l)) ?? "";
    expect(first).toMatch(/Sở Nội vụ\s+92,15\s+95,00\s+97,00 %/);
    // By points Sở Y tế (91,30) would be second; by share it is seventh.
    expect(lines.find((l) => l.includes("Sở Y tế"))).toMatch(/^\s+7\s/);
  }, 60_000);

  it("R11: --json gives each unit's own max and unrounded share", async () => {
    const { code, out } = await runCli(["rank", FILE, "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      mapping: { layout: string };
      units: { name: string; total: number; max: number; share: number; rank: number }[];
    };
    expect(json.mapping.layout).toBe("E");
    const tp = json.units.find((u) => u.name === "Sở Tư pháp")!;
    expect([tp.total, tp.max, tp.rank]).toEqual([75.2, 80.5, 5]);
    expect(tp.share).toBeCloseTo(75.2 / 80.5, 12);
  }, 60_000);

  it("the README's results-table example is what thidua rank prints", async () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
    const example = readme.slice(readme.indexOf("## Bảng điểm đọc được"));
    const block = /```text\n([\s\S]*?)```/.exec(example)![1];
    const rows = block.split("\n").filter((l) => /^\s+\d+\s/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const { out } = await runCli(["rank", FILE]);
    const words = (l: string): string => l.trim().split(/\s+/).join(" ");
    const printed = out.split("\n").map(words);
    for (const row of rows) expect(printed.some((p) => p.startsWith(words(row)))).toBe(true);
  }, 60_000);
});
