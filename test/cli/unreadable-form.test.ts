/**
 * Issue 19: one returned form that cannot be opened is named on its own line and the others are still
 * consolidated (its member counts as missing, so the ranking is provisional); without a profile, or
 * when no file can be read, the refusal ends the command in one line, exit 2.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli as run } from "./run";
import { SAMPLES } from "../paths";

const S6 = path.join(SAMPLES, "s6-per-unit-files");

describe("an unreadable returned form is listed, never blocking the others", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-unreadable-"));
  const profile = path.join(dir, "cum.json");
  fs.writeFileSync(
    profile,
    JSON.stringify({ year: 2024, members: ["Ban Dân tộc", "Sở Ngoại vụ", "Sở Tư pháp"] })
  );
  const broken = path.join(dir, "Sở Ngoại vụ.xlsx");
  fs.writeFileSync(broken, "tệp đính kèm bị lỗi");
  const good = ["unit-1.xlsx", "unit-3.xlsx"].map((f) => path.join(S6, f));

  it("with a profile: the broken file is named, the two readable forms are ranked, exit 1", async () => {
    const r = await run(["rank", good[0], broken, good[1], "--profile", profile, "--json"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `thidua: Tệp ${broken} không phải bảng tính Excel (.xlsx): hãy chọn đúng tệp bảng điểm.\n`
    );
    const json = JSON.parse(r.out) as { units: { name: string }[] };
    expect(json.units).toHaveLength(2);
    expect(json.units.map((u) => u.name)).not.toContain("Sở Ngoại vụ");
  }, 120_000);

  it("without a profile the first unreadable file ends the command in one line, exit 2", async () => {
    const r = await run(["rank", good[0], broken]);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split("\n")).toEqual([
      `thidua: Tệp ${broken} không phải bảng tính Excel (.xlsx): hãy chọn đúng tệp bảng điểm.`,
    ]);
  }, 120_000);
});
