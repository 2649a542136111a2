import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { collectJson, collectLines, collectReturns } from "../../src/cli/collect";
import { readWorkbookGrids } from "../../src/xlsx/read";
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
  }, 60000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("lists missing members and the other-year file in the user's language; the refused form is left out of the grids to rank", async () => {
    const files = ["tp.xlsx", "tt.xlsx"].map((f) => path.join(dir, f));
    const grids = (await Promise.all(files.map((f) => readWorkbookGrids(f, f)))).flat();
    const collected = collectReturns(grids, clusterProfile(), "en")!;
    const res = collected.result;
    const lines = collectLines(res, "en");
    expect(lines[0]).toBe("Self-score forms received: 1/5 units");
    expect(
      lines.some((l) => /^ {2}error: File tt\.xlsx is the form for 2024, not 2025/.test(l))
    ).toBe(true);
    // form-refused: Thanh tra tỉnh is refused, not also "not received".
    expect(lines.filter((l) => l.includes("No self-score form received from"))).toHaveLength(3);
    expect(collected.grids.map((g) => path.basename(g.file ?? ""))).toEqual(["tp.xlsx"]);
    const json = collectJson(res) as { problems: { code: string; file: string | null }[] };
    expect(json.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(["other-year", "unit-missing"])
    );
  }, 60000);

  it("score sheets that are not forms are not an email round: nothing to collect", async () => {
    const grids = await readWorkbookGrids(
      await fillForm(await templateFor("Sở Tư pháp"), [1, 2, 3, 4, 5, 0, 0, 0]),
      "x.xlsx"
    );
    const notForm = grids.map((g) => ({ ...g, values: g.values.map(() => [null]) }));
    expect(collectReturns(notForm, clusterProfile(), "vi")).toBeNull();
  }, 60000);
});
