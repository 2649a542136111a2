/**
 * Issue 8 through the CLI: `thidua rank a.xlsx b.xlsx … --profile cum.json --json` ranks the returned
 * forms AND says which members sent nothing, on stderr and under "returns" in the JSON.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli as run } from "./run";
import { SAMPLES } from "../paths";

const S6 = path.join(SAMPLES, "s6-per-unit-files");

describe("thidua rank with a cluster profile (issue 8: collect returned forms)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-returns-"));
  const profileFile = path.join(dir, "cum.json");
  fs.writeFileSync(
    profileFile,
    JSON.stringify({
      year: 2024,
      members: ["Ban Dân tộc", "Sở Ngoại vụ", "Sở Tư pháp", "Thanh tra tỉnh"],
    })
  );
  const files = ["unit-1.xlsx", "unit-2.xlsx", "unit-3.xlsx"].map((f) => path.join(S6, f));

  it("names the member who sent no form, and still ranks the three who did (provisional: exit 1)", async () => {
    const r = await run(["rank", ...files, "--profile", profileFile, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.units.map((u: { name: string }) => u.name)).toEqual([
      "Sở Tư pháp",
      "Ban Dân tộc",
      "Sở Ngoại vụ",
    ]);
    const missing = json.returns.problems.filter(
      (p: { unit: string | null }) => p.unit === "Thanh tra tỉnh"
    );
    expect(missing.map((p: { code: string }) => p.code)).toEqual(["unit-missing"]);
    expect(r.err).toContain("Thanh tra tỉnh");
  });

  it("without a profile there is no returns check (no false 'other year' alarms)", async () => {
    const r = await run(["rank", ...files, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).returns).toBeUndefined();
    expect(r.err).toBe("");
  });
});
