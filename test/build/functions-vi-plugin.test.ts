/**
 * The build step that derives functions-vi.json (Vietnamese function names, DESIGN.md §functions) from
 * functions.json, run through real webpack with the real CustomFunctionsMetadataPlugin on a fixture,
 * so a change in either plugin's timing shows up here rather than as English-only functions in Excel.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";

const { FunctionsVietnamesePlugin } = require("../../webpack.config.js");

const FIXTURE = path.join(__dirname, "fixtures", "functions.ts");

interface Built {
  files: string[];
  warnings: string[];
  errors: string[];
  read(name: string): any;
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function build(script: string): Promise<Built> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-vi-"));
  made.push(out);
  const compiler = webpack({
    mode: "production",
    context: path.join(__dirname, "..", ".."),
    entry: { functions: FIXTURE },
    output: { path: out, filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, use: { loader: "ts-loader", options: { transpileOnly: true } } }],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FIXTURE, output: "functions.json" }),
      new FunctionsVietnamesePlugin({ script }),
    ],
  });
  return new Promise((resolve, reject) => {
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || !stats) return reject(err ?? new Error("no stats"));
      const info = stats.toJson({ all: false, warnings: true, errors: true });
      resolve({
        files: fs.readdirSync(out).sort(),
        warnings: (info.warnings ?? []).map((w) => w.message),
        errors: (info.errors ?? []).map((e) => e.message),
        read: (name) => JSON.parse(fs.readFileSync(path.join(out, name), "utf8")),
      });
    });
  });
}

function writeScript(body: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-vi-script-"));
  made.push(dir);
  const file = path.join(dir, "functions-vi.js");
  fs.writeFileSync(file, body);
  return file;
}

describe("functions-vi.json build step", () => {
  jest.setTimeout(60_000);

  it("emits functions-vi.json from the same compilation's functions.json: same ids, Vietnamese names", async () => {
    const script = writeScript(`
      const names = { ADD: "CONG", NUMBER: "SO" };
      exports.buildVietnameseMetadata = (m) => ({
        functions: m.functions.map((f) => ({ ...f, name: names[f.name] || f.name })),
      });
    `);
    const built = await build(script);
    expect(built.errors).toEqual([]);
    expect(built.files).toEqual(
      expect.arrayContaining(["functions.js", "functions.json", "functions-vi.json"])
    );
    const en = built.read("functions.json");
    const vi = built.read("functions-vi.json");
    const ids = (m: any): string[] => m.functions.map((f: any) => f.id).sort();
    expect(ids(vi)).toEqual(ids(en));
    expect(ids(en)).toEqual(["ADD", "NUMBER"]);
    expect(vi.functions.map((f: any) => f.name).sort()).toEqual(["CONG", "SO"]);
  });

  it("warns and emits nothing when scripts/functions-vi.js is missing, without failing the build", async () => {
    const built = await build(path.join(os.tmpdir(), "thidua-no-such-dir", "functions-vi.js"));
    expect(built.errors).toEqual([]);
    expect(built.files).toContain("functions.json");
    expect(built.files).not.toContain("functions-vi.json");
    expect(built.warnings.join("\n")).toMatch(/functions-vi\.js is missing/);
  });

  it("fails the build when the translation throws, so a broken table never ships", async () => {
    const script = writeScript(
      `exports.buildVietnameseMetadata = () => { throw new Error("thiếu tên cho ADD"); };`
    );
    const built = await build(script);
    expect(built.errors.join("\n")).toMatch(/thiếu tên cho ADD/);
  });
});
