import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { collectJson, collectLines, collectReturns } from "../../src/cli/collect";
import { clusterProfile, fillForm, templateFor } from "./helpers";

describe("thidua rank … --profile: the returns report the CLI prints (src/cli/collect.ts)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-collect-"));
    const scores = [23, 18.75, 14, 18, 13.5, 1, 2, 0];
    fs.writeFileSync(
      path.join(dir, "tp.xlsx"),
      await fillForm(await templateFor("Sở Tư pháp"), scores)
    );
    fs.writeFileSync(
      path.join(dir, "tt.xlsx"),
      await fillForm(await templateFor("Thanh tra tỉnh", clusterProfile({ year: 2024 })), scores)
    );
    fs.writeFileSync(path.join(dir, "hỏng.xlsx"), "không phải xlsx");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("lists missing members, the other-year file and the unreadable one, in the user's language", async () => {
    const files = ["tp.xlsx", "tt.xlsx", "hỏng.xlsx"].map((f) => path.join(dir, f));
    const res = await collectReturns(files, clusterProfile(), "en");
    const lines = collectLines(res, "en");
    expect(lines[0]).toBe("Self-score forms received: 1/5 units");
    expect(
      lines.some((l) => /^ {2}error: File tt\.xlsx is the form for 2024, not 2025/.test(l))
    ).toBe(true);
    expect(lines.some((l) => l.startsWith("  error: Cannot open file hỏng.xlsx"))).toBe(true);
    expect(lines.filter((l) => l.includes("No self-score form received from"))).toHaveLength(4);
    const json = collectJson(res) as { problems: { code: string; file: string | null }[] };
    expect(json.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(["other-year", "unreadable", "unit-missing"])
    );
  });
});
