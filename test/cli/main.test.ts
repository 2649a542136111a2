/**
 * `thidua rank` / `thidua validate` as an officer runs them: JSON on stdout, exit codes 0/1/2, one line
 * on stderr when nothing is ranked (DESIGN.md "Command line").
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli as run } from "./run";
import { ROOT, SAMPLES } from "../paths";

describe("thidua rank", () => {
  it("--json gives units sorted by rank with totals, labels, sections; exit 0 for a clean sheet", async () => {
    const r = await run(["rank", path.join(SAMPLES, "s1-layout-a/input.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out);
    expect(json.sheet).toBe("Bảng điểm");
    expect(json.provisional).toBe(false);
    expect(json.mapping.layout).toBe("A");
    expect(
      json.units
        .slice(0, 2)
        .map((u: { name: string; total: number; rank: number; label: string }) => [
          u.name,
          u.total,
          u.rank,
          u.label,
        ])
    ).toEqual([
      ["Văn phòng UBND tỉnh", 90.25, 1, "Nhất"],
      ["Sở Tài chính", 88, 2, "Nhì"],
    ]);
    expect(json.units[0].sections.map((s: { code: string }) => s.code)).toEqual(["I", "II", "III"]);
    expect(json.units[0].award).toBe("Cờ thi đua của UBND tỉnh");
    const ranks = json.units.map((u: { rank: number }) => u.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("exit 1 when the sheet has errors (provisional), with the issues and their cells", async () => {
    const r = await run([
      "rank",
      path.join(SAMPLES, "s4-bad-inputs/input.xlsx"),
      "--json",
      "--lang",
      "en",
    ]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.provisional).toBe(true);
    const above = json.issues.find((i: { code: string }) => i.code === "score-above-max");
    expect(above).toMatchObject({
      severity: "error",
      cell: "'Bảng điểm lỗi'!F7",
      unit: "Sở Tài chính",
    });
    expect(above.message).toMatch(/above the max/);
  });

  it("consolidates several per-unit files into one ranking", async () => {
    const dir = path.join(SAMPLES, "s6-per-unit-files");
    const r = await run([
      "rank",
      ...["unit-1.xlsx", "unit-2.xlsx", "unit-3.xlsx"].map((f) => path.join(dir, f)),
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).units.map((u: { name: string }) => u.name)).toEqual([
      "Sở Tư pháp",
      "Ban Dân tộc",
      "Sở Ngoại vụ",
    ]);
  });

  it("prints a readable aligned table in Vietnamese without --json", async () => {
    const r = await run(["rank", path.join(SAMPLES, "s2-layout-b/input.xlsx")]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    const head = lines.find((l) => l.startsWith("Hạng"))!;
    expect(head).toMatch(/Đơn vị\s+Tổng điểm\s+Suy tôn\s+Xếp loại/);
    const row = lines.find((l) => l.includes("Sở Y tế"))!;
    expect(row).toMatch(/55,50/);
    // Totals right-aligned in one column: they end at the same position.
    const ends = lines.filter((l) => /^\s+\d+\s+Sở/.test(l)).map((l) => l.search(/\d,\d\d/) + 5);
    expect(new Set(ends).size).toBe(1);
  });

  it("exit 2 with one clear line on stderr: unreadable file, not a score sheet, bad option, missing sheet", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-cli-"));
    const bogus = path.join(dir, "thu.xlsx");
    fs.writeFileSync(bogus, "xin chào");
    for (const args of [
      ["rank", bogus],
      ["rank", path.join(dir, "khong-co.xlsx")],
      ["rank", path.join(SAMPLES, "s1-layout-a/input.xlsx"), "--sheet", "Không có"],
      ["rank", path.join(SAMPLES, "s1-layout-a/input.xlsx"), "--bogus"],
      ["rank"],
      ["frobnicate"],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toMatch(/^thidua: /);
    }
  });

  it("--out writes a ranked copy and never touches the input", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-out-"));
    const input = path.join(dir, "input.xlsx");
    fs.copyFileSync(path.join(SAMPLES, "s1-layout-a/input.xlsx"), input);
    const before = fs.readFileSync(input);
    const out = path.join(dir, "ranked.xlsx");
    const r = await run(["rank", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.statSync(out).size).toBeGreaterThan(before.length / 2);
    expect((await run(["rank", input, "--out", input])).code).toBe(2);
    // The ranked copy still ranks from the scores, not from the ranking sheet we added.
    const again = JSON.parse((await run(["rank", out, "--json"])).out);
    expect(again.sheet).toBe("Bảng điểm");
    expect(again.units.map((u: { total: number }) => u.total)).toEqual(
      JSON.parse((await run(["rank", input, "--json"])).out).units.map(
        (u: { total: number }) => u.total
      )
    );
  });
});

describe("thidua validate", () => {
  it("lists the issues and exits 1 when there are errors, 0 otherwise", async () => {
    const bad = await run(["validate", path.join(SAMPLES, "s4-bad-inputs/input.xlsx"), "--json"]);
    expect(bad.code).toBe(1);
    const json = JSON.parse(bad.out);
    expect(json.units).toBeUndefined();
    expect(json.issues.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining([
        "text-number",
        "score-above-max",
        "not-a-number",
        "score-missing",
        "deduction-sign",
        "bonus-capped",
      ])
    );
    const good = await run(["validate", path.join(SAMPLES, "s1-layout-a/input.xlsx")]);
    expect(good.code).toBe(0);
  });
});

describe("the installed command (bin/thidua.js over lib/)", () => {
  beforeAll(() => {
    // tsc emits even when another room's file has a type error; the shim only needs lib/cli/main.js.
    try {
      execFileSync(
        process.execPath,
        [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
        {
          cwd: ROOT,
          stdio: "ignore",
        }
      );
    } catch {
      /* checked below */
    }
  }, 120000);

  it("npx thidua rank <file> --json prints the ranking and exits 0", () => {
    expect(fs.existsSync(path.join(ROOT, "lib/cli/main.js"))).toBe(true);
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "bin/thidua.js"),
        "rank",
        path.join(SAMPLES, "s3-layout-c-pairs/input.xlsx"),
        "--json",
      ],
      {
        encoding: "utf8",
      }
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).units[0]).toMatchObject({
      name: "Văn phòng UBND tỉnh",
      total: 91.5,
      rank: 1,
    });
  });
});
