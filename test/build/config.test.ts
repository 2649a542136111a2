/**
 * webpack.config.js without running webpack: which pages and files each kind of build asks for. The
 * playground and the sample workbooks are for developers; a deployment must never carry them.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, SAMPLES } from "../paths";

const makeConfig = require("../../webpack.config.js");
const { listSamples } = makeConfig;

function copyTargets(config: any): string[] {
  const copy = config.plugins.find((p: any) => p.constructor.name === "CopyPlugin");
  return copy.patterns.map((p: any) => String(p.to));
}

describe("webpack configuration", () => {
  it("lists each sample case with its workbooks and expected.json, sorted, for the playground menu", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-samples-"));
    fs.mkdirSync(path.join(dir, "s2-b"));
    fs.mkdirSync(path.join(dir, "s1-a"));
    fs.mkdirSync(path.join(dir, "empty"));
    fs.writeFileSync(path.join(dir, "s1-a", "input.xlsx"), "");
    fs.writeFileSync(path.join(dir, "s1-a", "expected.json"), "{}");
    fs.writeFileSync(path.join(dir, "s1-a", "notes.md"), "");
    fs.writeFileSync(path.join(dir, "s2-b", "unit-2.xlsx"), "");
    fs.writeFileSync(path.join(dir, "s2-b", "unit-1.xlsx"), "");
    fs.writeFileSync(path.join(dir, "README.md"), "");
    expect(listSamples(dir)).toEqual([
      { case: "s1-a", files: ["expected.json", "input.xlsx"] },
      { case: "s2-b", files: ["unit-1.xlsx", "unit-2.xlsx"] },
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("skips the samples quietly when the samples folder is absent", () => {
    expect(listSamples(path.join(os.tmpdir(), "thidua-no-samples-here"))).toEqual([]);
  });

  it("production: no source maps, no samples, no playground, and React told it is production", () => {
    const config = makeConfig({}, { mode: "production" });
    expect(config.mode).toBe("production");
    expect(config.devtool).toBe(false);
    expect(Object.keys(config.entry)).not.toContain("playground");
    expect(copyTargets(config).filter((t) => t.startsWith("samples"))).toEqual([]);
    const define = config.plugins.find((p: any) => p.constructor.name === "DefinePlugin");
    expect(define.definitions["process.env.NODE_ENV"]).toBe('"production"');
  });

  it("development: copies every sample workbook and expected.json to dist/samples/<case>/", () => {
    const config = makeConfig({}, { mode: "development" });
    expect(config.devtool).toBeTruthy();
    const expected = listSamples(SAMPLES).flatMap((s: { case: string; files: string[] }) =>
      s.files.map((f) => `samples/${s.case}/${f}`)
    );
    // The repository's six cases, each with its workbooks and expected.json, reach the playground menu.
    expect(listSamples().map((s: { case: string }) => s.case)).toEqual([
      "s1-layout-a",
      "s2-layout-b",
      "s3-layout-c-pairs",
      "s4-bad-inputs",
      "s5-tcvn3",
      "s6-per-unit-files",
    ]);
    expect(copyTargets(config).filter((t) => t.startsWith("samples"))).toEqual(expected);
  });

  it("adds the playground page in development exactly when src/playground/index.tsx exists", () => {
    const config = makeConfig({}, { mode: "development" });
    const exists = fs.existsSync(path.join(ROOT, "src", "playground", "index.tsx"));
    expect(Object.keys(config.entry).includes("playground")).toBe(exists);
    expect(Object.keys(config.entry)).toEqual(expect.arrayContaining(["taskpane", "commands"]));
  });
});
