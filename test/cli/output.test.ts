/**
 * What `thidua rank` prints for a person at a terminal: the reading's confidence as the pane says it
 * (a percentage), and the issues with errors first, then warnings, then information (DOMAIN.md §6).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { saveXlsx } from "../../src/simulator";
import { layoutASim } from "../excel/fixtures";
import { runCli } from "./run";

jest.setTimeout(60_000);

let dir: string;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-cli-out-"));
  const sim = layoutASim(4);
  const s = sim.model.sheets[0];
  // Row 5 (first leaf, max 25): "20,5" typed as text, a warning (text-number) on the first unit.
  sim.model.setConstant(s, 4, 3, "20,5");
  // Row 10 (last leaf, max 20): 23 on the last unit, an error (score-above-max), further down.
  sim.model.setConstant(s, 9, 6, 23);
  file = path.join(dir, "bang-diem.xlsx");
  fs.writeFileSync(file, await saveXlsx(sim.model));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("thidua rank at a terminal", () => {
  it("says the confidence in per cent, as the pane does", async () => {
    const r = await runCli(["rank", file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/độ tin cậy \d{1,3}%\)/);
    expect(r.out).not.toMatch(/độ tin cậy (0|1)(\.\d+)?\)/);
    const en = await runCli(["rank", file, "--lang", "en"]);
    expect(en.out).toMatch(/confidence \d{1,3}%\)/);
  });

  it("lists errors before warnings although the warning's cell comes first (score-above-max, text-number)", async () => {
    const r = await runCli(["rank", file]);
    const lines = r.out.split("\n").filter((l) => /^ {2}\[/.test(l));
    const severities = lines.map((l) => l.slice(3, l.indexOf("]")));
    const rank = (s: string): number => ["LỖI", "CẢNH BÁO", "THÔNG TIN"].indexOf(s);
    expect(severities.map(rank)).toEqual([...severities.map(rank)].sort((a, b) => a - b));
    expect(lines[0]).toContain("score-above-max");
    expect(lines.some((l) => l.includes("text-number"))).toBe(true);
    // JSON keeps every issue too.
    const json = JSON.parse((await runCli(["rank", file, "--json"])).out);
    expect(json.issues.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(["score-above-max", "text-number"])
    );
  });
});
