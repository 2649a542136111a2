/**
 * samples/ is what scripts/make-samples.ts writes: regenerating gives the same cells, styles, merges
 * and expected results as the committed files, so an edit to one without the other fails here.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readme, samples, writeSamples } from "../../scripts/make-samples";
import { SAMPLES } from "../paths";

interface CellView {
  value: unknown;
  font: unknown;
  alignment: unknown;
  border: unknown;
}

async function view(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    const cells: Record<string, CellView> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        cells[c.address] = {
          value: c.value,
          font: c.font,
          alignment: c.alignment,
          border: c.border,
        };
      })
    );
    const widths = (ws.columns ?? []).map((c) => c.width ?? null);
    out[ws.name] = { cells, merges: [...ws.model.merges].sort(), widths };
  }
  return out;
}

describe("samples/ (the reference cases s1…s6)", () => {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-samples-"));
  beforeAll(() => writeSamples(fresh), 60_000);
  afterAll(() => fs.rmSync(fresh, { recursive: true, force: true }));

  it("holds the six cases, each with its workbooks and expected.json", () => {
    const cases = fs
      .readdirSync(SAMPLES)
      .filter((f) => fs.statSync(path.join(SAMPLES, f)).isDirectory());
    expect(cases.sort()).toEqual(samples().map((s) => s.name));
    for (const s of samples()) {
      const expected = JSON.parse(
        fs.readFileSync(path.join(SAMPLES, s.name, "expected.json"), "utf8")
      );
      expect(expected).toEqual(s.expected);
      for (const file of expected.files)
        expect(fs.existsSync(path.join(SAMPLES, s.name, file))).toBe(true);
    }
  });

  it("every committed workbook is what npm run samples writes (values, formulas, fonts, merges)", async () => {
    for (const s of samples()) {
      for (const file of Object.keys(s.files)) {
        const committed = await view(path.join(SAMPLES, s.name, file));
        const regenerated = await view(path.join(fresh, s.name, file));
        expect({ case: s.name, file, sheets: committed }).toEqual({
          case: s.name,
          file,
          sheets: regenerated,
        });
      }
    }
  }, 60_000);

  it("README lists every case in Vietnamese and English", () => {
    const text = fs.readFileSync(path.join(SAMPLES, "README.md"), "utf8");
    expect(text).toBe(readme());
    for (const s of samples()) {
      expect(text).toContain(`| ${s.name}`);
      expect(text).toContain(s.shows[0]);
      expect(text).toContain(s.shows[1]);
    }
  });

  it("N1: the TCVN3 sample keeps its .VnTime font and legacy bytes in the unit names", async () => {
    const sheets = (await view(path.join(SAMPLES, "s5-tcvn3", "input.xlsx"))) as Record<
      string,
      { cells: Record<string, CellView> }
    >;
    const d4 = sheets["Bang diem"].cells.D4;
    expect(d4.value).toBe("Së Gi¸o dôc vµ §µo t¹o");
    expect(d4.font).toMatchObject({ name: ".VnTime" });
  });
});
