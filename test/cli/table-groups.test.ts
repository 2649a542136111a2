/**
 * The human table of `thidua rank`: N4 legacy-encoding cells grouped into one line (each issue keeps its
 * own fix in --json), and K6 band problems of the profile shown, not silently ranked through.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli as run } from "./run";
import { SAMPLES } from "../paths";

describe("thidua rank human table", () => {
  it("N4 the TCVN3 sample's converted cells are one grouped line in the table, one issue each in --json", async () => {
    const file = path.join(SAMPLES, "s5-tcvn3/input.xlsx");
    const json = JSON.parse((await run(["rank", file, "--json"])).out);
    const legacy = json.issues.filter((i: { code: string }) => i.code === "legacy-encoding");
    expect(legacy.length).toBeGreaterThan(1);
    const table = (await run(["rank", file])).out;
    const lines = table.split("\n").filter((l) => l.includes("legacy-encoding"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${legacy.length} ô dùng mã TCVN3`);
    expect(lines[0]).toContain(legacy[0].cell);
    const en = (await run(["rank", file, "--lang", "en"])).out;
    expect(en).toContain(`${legacy.length} cells use TCVN3 text`);
  });

  it("K6 a band list with a gap and an overlap is printed under the table and given in --json", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-bands-"));
    const profile = path.join(dir, "cum.json");
    fs.writeFileSync(
      profile,
      JSON.stringify({
        bands: [
          { label: "Xuất sắc", minShare: 0.9 },
          { label: "Tốt", minShare: 0.9 },
          { label: "Hoàn thành", minShare: 0.5 },
        ],
      })
    );
    const file = path.join(SAMPLES, "s1-layout-a/input.xlsx");
    const table = (await run(["rank", file, "--profile", profile])).out;
    expect(table).toContain("Cài đặt của cụm cần xem lại:");
    expect(table).toContain('Hai mức "Xuất sắc" và "Tốt" cùng ngưỡng 90 %');
    expect(table).toContain("Không có mức nào cho tổng điểm dưới 50 %");
    const json = JSON.parse((await run(["rank", file, "--json", "--profile", profile])).out);
    expect(json.settingsProblems).toHaveLength(2);
    // Sound settings add nothing to the JSON of DESIGN.md.
    const plain = JSON.parse((await run(["rank", file, "--json"])).out);
    expect(plain.settingsProblems).toBeUndefined();
  });
});
