/**
 * functions.json is generated from the JSDoc of src/functions/functions.ts; functions-vi.json from it and
 * the translation table. Both are compared with golden copies so a changed id, parameter or name is a
 * visible diff in review. Regenerate with UPDATE_GOLDEN=1 npx jest test/functions/metadata.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

// CommonJS on purpose: webpack requires the same file.
const vi = require("../../scripts/functions-vi.js");

const ROOT = path.join(__dirname, "..", "..");
const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");
const GOLDEN = path.join(__dirname, "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const IDS = ["TOTAL", "RANK", "RANKING", "VALIDATE", "CLASSIFY", "NUMBER", "UNICODE"];

function golden(name: string, actual: unknown): void {
  const file = path.join(GOLDEN, name);
  const text = JSON.stringify(actual, null, 2) + "\n";
  if (UPDATE || !fs.existsSync(file)) {
    if (!UPDATE) throw new Error(`${name} has no golden copy: run with UPDATE_GOLDEN=1`);
    fs.writeFileSync(file, text);
  }
  const expected = fs.readFileSync(file, "utf8");
  if (text !== expected) fs.writeFileSync(path.join(GOLDEN, `actual.${name}`), text);
  expect(JSON.parse(text)).toEqual(JSON.parse(expected));
}

let metadata: any;

beforeAll(async () => {
  const res = await generateCustomFunctionsMetadata(SOURCE, false);
  // The CLI exits 0 on errors (MACHINE.md); the API at least lists them.
  expect(res.errors).toEqual([]);
  metadata = JSON.parse(res.metadataJson);
}, 60000);

describe("functions.json (custom-functions-metadata over the JSDoc)", () => {
  test("declares exactly the seven public ids of DESIGN.md, each with a help link and described parameters", () => {
    expect(metadata.functions.map((f: any) => f.id)).toEqual(IDS);
    for (const f of metadata.functions) {
      expect(f.name).toBe(f.id);
      expect(f.helpUrl).toMatch(/^https:\/\/.+#thidua/);
      expect(f.description.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect(p.description.length).toBeGreaterThan(5);
    }
  });

  test("TOTAL, RANK, RANKING and VALIDATE spill arrays; optional arguments are marked optional", () => {
    const byId = Object.fromEntries(metadata.functions.map((f: any) => [f.id, f]));
    for (const id of ["TOTAL", "RANK", "RANKING", "VALIDATE"])
      expect(byId[id].result.dimensionality).toBe("matrix");
    expect(byId.TOTAL.parameters.map((p: any) => !!p.optional)).toEqual([false, false, true, true]);
    expect(byId.CLASSIFY.parameters.map((p: any) => !!p.optional)).toEqual([false, false, true]);
  });

  test("matches the golden functions.json", () => golden("functions.json", metadata));
});

describe("functions-vi.json (scripts/functions-vi.js)", () => {
  test("Vietnamese names for every id, ids unchanged, parameters translated", () => {
    const out = vi.buildVietnameseMetadata(metadata);
    expect(out.functions.map((f: any) => f.id)).toEqual(IDS);
    expect(out.functions.map((f: any) => f.name)).toEqual([
      "TONGDIEM",
      "XEPHANG",
      "BANGXEPHANG",
      "KIEMTRA",
      "XEPLOAI",
      "CHUYENSO",
      "CHUYENMA",
    ]);
    const total = out.functions[0];
    expect(total.description).toMatch(/Tổng điểm/);
    expect(total.parameters.map((p: any) => p.name)).toEqual([
      "tieu_chi",
      "diem",
      "so_le",
      "tran_diem_thuong",
    ]);
    // The dimensionality and types Excel relies on are untouched.
    expect(total.parameters.map((p: any) => p.dimensionality)).toEqual(
      metadata.functions[0].parameters.map((p: any) => p.dimensionality)
    );
  });

  test("throws when an id lacks a translation (a new function must not ship untranslated)", () => {
    const table = JSON.parse(fs.readFileSync(vi.TABLE_PATH, "utf8"));
    delete table.RANK;
    expect(() => vi.buildVietnameseMetadata(metadata, table)).toThrow(
      /RANK: no Vietnamese translation/
    );
  });

  test("throws when a parameter lacks a translation", () => {
    const table = JSON.parse(fs.readFileSync(vi.TABLE_PATH, "utf8"));
    delete table.TOTAL.parameters.bonusCap;
    expect(() => vi.buildVietnameseMetadata(metadata, table)).toThrow(
      /TOTAL: parameter "bonusCap"/
    );
  });

  test("rejects names that are short, cell-like or built-in, listing every problem at once", () => {
    const table = JSON.parse(fs.readFileSync(vi.TABLE_PATH, "utf8"));
    table.TOTAL.name = "XH2";
    table.RANK.name = "SUM";
    table.CLASSIFY.name = "XL";
    let message = "";
    try {
      vi.buildVietnameseMetadata(metadata, table);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/TOTAL: name "XH2" looks like a cell reference/);
    expect(message).toMatch(/RANK: name "SUM" is a built-in Excel function/);
    expect(message).toMatch(/CLASSIFY: name "XL" needs at least 3 letters/);
  });

  test("the shipped names pass every rule (R1C1-like and A1-like names included in the check)", () => {
    expect(vi.isCellLike("XFD1048576")).toBe(true);
    expect(vi.isCellLike("R2C3")).toBe(true);
    expect(vi.isCellLike("XEPHANG")).toBe(false);
    const table = JSON.parse(fs.readFileSync(vi.TABLE_PATH, "utf8"));
    for (const id of Object.keys(table))
      expect([id, vi.checkName(table[id].name)]).toEqual([id, []]);
  });

  test("matches the golden functions-vi.json", () =>
    golden("functions-vi.json", vi.buildVietnameseMetadata(metadata)));
});
