/**
 * The hostile-input suite: every file written by make-hostile.ts is ranked by `thidua rank --json`
 * in-process and must end as its case says: the exit code, the one stderr line, the hand-computed
 * totals and issues, and within its time bound. A stray cell or a bomb must never cost the heap.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../cli/run";
import type { HostileCase } from "./make-hostile";

const DIR = path.join(__dirname, "cases");
const CASES = JSON.parse(fs.readFileSync(path.join(DIR, "cases.json"), "utf8")) as HostileCase[];

describe("hostile and broken files through thidua rank (issue 19)", () => {
  it("the suite holds the cases it promises", () => {
    expect(CASES.map((c) => c.file)).toEqual(
      expect.arrayContaining([
        "edge-cell-xfd1048576.xlsx",
        "merge-select-all.xlsx",
        "media-bomb.xlsx",
        "lying-header-bomb.xlsx",
        "shared-strings-bomb.xlsx",
        "xxe.xlsx",
        "billion-laughs.xlsx",
        "extreme-numbers.xlsx",
      ])
    );
  });

  for (const c of CASES) {
    it(`${c.file}: ${c.why} → exit ${c.exit}`, async () => {
      const file = path.join(DIR, c.file);
      const before = fs.readFileSync(file);
      const started = Date.now();
      const r = await runCli(["rank", file, "--json", ...(c.args ?? [])]);
      const ms = Date.now() - started;
      expect({ code: r.code, err: c.stderr === null ? "" : r.err.split("\n").length }).toEqual({
        code: c.exit,
        err: c.stderr === null ? "" : 2,
      });
      if (c.stderr !== null) {
        expect(r.err.trimEnd()).toMatch(new RegExp(c.stderr));
        expect(r.out).toBe("");
      } else {
        const json = JSON.parse(r.out) as {
          units: { name: string; total: number }[];
          issues: { code: string; cell: string | null }[];
        };
        // N1: never Infinity or NaN (which JSON prints as null) in a total.
        for (const u of json.units) expect(Number.isFinite(u.total)).toBe(true);
        expect(r.out).not.toMatch(/null,\s*"rank"|Infinity/);
        if (c.totals)
          expect(Object.fromEntries(json.units.map((u) => [u.name, u.total]))).toEqual(c.totals);
        for (const i of c.issues ?? [])
          expect(json.issues).toContainEqual(
            expect.objectContaining({ code: i.code, cell: i.cell })
          );
      }
      expect(ms).toBeLessThan(c.maxMs);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }, 120_000);
  }

  it("zip-slip.xlsx: the entry ../../thidua-zip-slip.txt is written nowhere", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-slip-"));
    const nested = path.join(dir, "a", "b");
    fs.mkdirSync(nested, { recursive: true });
    const file = path.join(nested, "zip-slip.xlsx");
    fs.copyFileSync(path.join(DIR, "zip-slip.xlsx"), file);
    const r = await runCli(["rank", file, "--out", path.join(nested, "ranked.xlsx")]);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "thidua-zip-slip.txt"))).toBe(false);
    expect(fs.readdirSync(nested).sort()).toEqual(["ranked.xlsx", "zip-slip.xlsx"]);
  }, 120_000);

  it("merge-select-all.xlsx and long-sheet-name.xlsx: the --out copy is written (no heap death), the user's sheet name kept whole", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-copy-"));
    const JSZip = (await import("jszip")).default;
    const merged = path.join(dir, "merged.xlsx");
    expect(
      (await runCli(["rank", path.join(DIR, "merge-select-all.xlsx"), "--out", merged])).code
    ).toBe(0);
    const long = path.join(dir, "long.xlsx");
    expect(
      (await runCli(["rank", path.join(DIR, "long-sheet-name.xlsx"), "--out", long])).code
    ).toBe(0);
    const wbXml = await (
      await JSZip.loadAsync(fs.readFileSync(long))
    )
      .file("xl/workbook.xml")!
      .async("string");
    expect(wbXml).toContain('name="Bảng tổng hợp điểm thi đua năm 2026 cụm"');
    expect(wbXml).not.toContain("_thidua_sheet_");
  }, 120_000);

  it("media-bomb.xlsx: the copy would carry the 300 MB picture, so --out is refused in one line and nothing is written", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-copy-"));
    const out = path.join(dir, "ranked.xlsx");
    const r = await runCli(["rank", path.join(DIR, "media-bomb.xlsx"), "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^thidua: Không ghi được tệp .+: Tệp media-bomb\.xlsx quá lớn để đọc an toàn \(xl\/media\/image1\.png, 300 MB\)/
    );
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);

  it("extreme-numbers.xlsx: the ranking sheet written by --out holds no Infinity (valid OOXML)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-inf-"));
    const out = path.join(dir, "ranked.xlsx");
    const r = await runCli(["rank", path.join(DIR, "extreme-numbers.xlsx"), "--out", out]);
    expect(r.code).toBe(1);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    for (const name of Object.keys(zip.files).filter(
      (n) => n.startsWith("xl/worksheets/") && !zip.files[n].dir
    ))
      expect(await zip.file(name)!.async("string")).not.toMatch(/<v>(-?Infinity|NaN)<\/v>/);
  }, 120_000);
});

describe("the --out copy keeps what ExcelJS drops (issue 19)", () => {
  it("the custom XML part holding the cluster profile travels into the ranked copy", async () => {
    const { addCustomXmlPart, readCustomXmlParts } = await import("../../../src/xlsx/email");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-customxml-"));
    const input = path.join(dir, "bang-diem.xlsx");
    const profile = '<thidua xmlns="urn:thidua:profile"><year>2026</year></thidua>';
    fs.writeFileSync(
      input,
      await addCustomXmlPart(new Uint8Array(fs.readFileSync(path.join(DIR, "base.xlsx"))), profile)
    );
    const out = path.join(dir, "xep-hang.xlsx");
    expect((await runCli(["rank", input, "--out", out])).code).toBe(0);
    expect(await readCustomXmlParts(fs.readFileSync(out))).toEqual([profile]);
  }, 120_000);
});
