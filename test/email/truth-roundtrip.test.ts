/**
 * The email loop tells the truth (DOMAIN.md §8), round trip through the simulator and the pane's
 * services: the head ranks the full score sheet; forms went out before the settings were filled
 * (dotted cluster, this year) and after (cluster and year 2025 set); one member sends nothing, one
 * sends a form of the wrong year that the head accepts explicitly ("vẫn nhận"), another one that
 * stays refused. The summary says all of it, its ranking is provisional and names them (form-missing,
 * form-refused), lands on its own sheet, and every value of every other sheet is as it was.
 */
import type { CellValue } from "../../src/core/grid";
import { createExcelAdapter, type ExcelHost } from "../../src/excel";
import { readWorkbookSnapshot } from "../../src/excel/email";
import { profileToXml } from "../../src/excel/profile-store";
import { createSimulator, type Simulator } from "../../src/simulator";
import { createExcelEmailService } from "../../src/taskpane/email/excel-email-service";
import { clusterProfile, CRITERIA, fillForm, MEMBERS, templateFor, type Entry } from "./helpers";

const DATE = new Date(2026, 0, 20);
/** The settings when the forms went out first: no cluster name, and this year by default. */
const EARLY = clusterProfile({ clusterName: "", year: 2026 });
/** The settings now: the secretary entered the cluster and the year scored. */
const NOW = clusterProfile({ year: 2025 });

const SCORES: Record<string, Entry[]> = {
  "Sở Tư pháp": [23, 18.75, 14, 18, 13.5, 1, 2, 0],
  "Sở Ngoại vụ": [22, 18, 13, 17, 12, 0.5, 2, 1],
  "Ban Dân tộc": [21, 17, 13, 16, 14, 1, 1, 0],
  "Sở Nội vụ": [24, 19, 15, 19, 14, 3, 2, 0],
  "Thanh tra tỉnh": [20, 16, 12, 15, 11, 0, 1, 0],
};

/** The head's own score sheet (layout A): criteria in rows, the five members in columns. */
function scoreSheetRows(): CellValue[][] {
  const rows: CellValue[][] = [["STT", "Nội dung tiêu chí", "Điểm chuẩn", ...MEMBERS]];
  let leaf = 0;
  for (const section of CRITERIA) {
    rows.push([section.code, section.label, section.max, ...MEMBERS.map(() => null)]);
    for (const c of section.children) {
      rows.push([c.id, c.label, c.max, ...MEMBERS.map((m) => SCORES[m][leaf])]);
      leaf++;
    }
  }
  rows.push([null, "TỔNG CỘNG", null, ...MEMBERS.map(() => null)]);
  return rows;
}

/** Every sheet's values and formulas as Excel reports them. */
async function everything(sim: Simulator): Promise<Map<string, unknown>> {
  const snap = await readWorkbookSnapshot(sim.Excel as unknown as ExcelHost);
  return new Map(snap.grids.map((g) => [g.sheetName, { values: g.values, formulas: g.formulas }]));
}

const picked = async (name: string, unit: string, profile = NOW) => {
  const bytes = await fillForm(await templateFor(unit, profile), SCORES[unit]);
  return { name, bytes: bytes.slice().buffer as ArrayBuffer };
};

describe("the email round trip tells the truth (form-missing, form-refused, vẫn nhận)", () => {
  it("summary and its ranking name the missing and refused members; nothing else in the workbook changes", async () => {
    const sim = createSimulator({ sheets: ["Bảng điểm cụm"] });
    const rows = scoreSheetRows();
    await sim.Excel.run(async (ctx: any) => {
      const ws = ctx.workbook.worksheets.getItem("Bảng điểm cụm");
      ws.getRangeByIndexes(0, 0, rows.length, rows[0].length).values = rows;
      ctx.workbook.customXmlParts.add(profileToXml(NOW));
      await ctx.sync();
    });
    const adapter = createExcelAdapter(sim.Excel as unknown as ExcelHost, { office: sim.Office });

    // 1. The full score sheet ranked first: all five members.
    const full = await adapter.oneClickRanking({
      lang: "vi",
      sheets: ["Bảng điểm cụm"],
      date: DATE,
    });
    expect(full.sheetName).toBe("Xếp hạng");
    expect(full.report.units).toHaveLength(5);
    const beforeImport = await everything(sim);

    // 2. The forms come back: two made before the settings were filled, two after; Thanh tra sent none.
    const files = [
      await picked("Tư pháp (gửi sớm).xlsx", "Sở Tư pháp", EARLY),
      await picked("Ngoại vụ.xlsx", "Sở Ngoại vụ"),
      // Cluster still dotted, but the year right: the placeholder matches the cluster.
      await picked("Dân tộc.xlsx", "Ban Dân tộc", { ...EARLY, year: 2025 }),
      await picked("Nội vụ (gửi sớm).xlsx", "Sở Nội vụ", EARLY),
    ];
    const service = createExcelEmailService(sim.Excel as never);
    const preview = await service.previewReturns(files, "vi", {});
    expect(preview.units.map((u) => [u.name, u.status, u.reason ?? null])).toEqual([
      ["Sở Tư pháp", "rejected", "phiếu năm 2026, không phải năm 2025"],
      ["Sở Ngoại vụ", "received", null],
      ["Ban Dân tộc", "received", null],
      ["Sở Nội vụ", "rejected", "phiếu năm 2026, không phải năm 2025"],
      ["Thanh tra tỉnh", "missing", null],
    ]);
    // One line per unit: a refused unit is not also "not received".
    expect(preview.problems.filter((p) => p.code === "unit-missing").map((p) => p.unit)).toEqual([
      "Thanh tra tỉnh",
    ]);
    // The preview wrote nothing.
    expect(await everything(sim)).toEqual(beforeImport);

    // 3. The head accepts Sở Tư pháp's form anyway and writes the summary.
    const written = await service.writeReturns(files, "vi", {}, ["Tư pháp (gửi sớm).xlsx"]);
    expect(written.sheetName).toBe("Tổng hợp tự chấm");
    expect(written.result.units[0]).toMatchObject({ status: "received", acceptedAnyway: true });
    const afterImport = await everything(sim);
    for (const [sheet, content] of beforeImport) expect(afterImport.get(sheet)).toEqual(content);
    const summaryTexts = (
      (afterImport.get("Tổng hợp tự chấm") as { values: CellValue[][] }).values.flat() as unknown[]
    ).filter((v): v is string => typeof v === "string");
    expect(summaryTexts).toEqual(
      expect.arrayContaining([
        "TÌNH TRẠNG PHIẾU TỰ CHẤM",
        "Chưa gửi phiếu: chưa được xếp hạng",
        "Phiếu không được tổng hợp, chưa được xếp hạng: phiếu năm 2026, không phải năm 2025",
        "Cụm trưởng vẫn nhận: phiếu năm 2026, không phải năm 2025",
      ])
    );

    // 4. Ranking the summary: provisional, both members named, on its own sheet.
    const fromForms = await adapter.oneClickRanking({
      lang: "vi",
      sheets: ["Tổng hợp tự chấm"],
      date: DATE,
    });
    expect(fromForms.sheetName).toBe("Xếp hạng theo phiếu");
    const report = fromForms.report;
    expect(report.provisional).toBe(true);
    // 90.25, 83.5, 83: Sở Nội vụ's refused 97 is not among them.
    expect(report.units.map((u) => [u.name, u.total])).toEqual([
      ["Sở Tư pháp", 90.25],
      ["Sở Ngoại vụ", 83.5],
      ["Ban Dân tộc", 83],
    ]);
    expect(
      report.issues.filter((i) => i.code.startsWith("form-")).map((i) => [i.code, i.unit])
    ).toEqual([
      ["form-missing", "Thanh tra tỉnh"],
      ["form-refused", "Sở Nội vụ"],
    ]);
    const afterRanking = await everything(sim);
    for (const [sheet, content] of afterImport) expect(afterRanking.get(sheet)).toEqual(content);
    const banner = (
      (
        afterRanking.get("Xếp hạng theo phiếu") as { values: CellValue[][] }
      ).values.flat() as unknown[]
    ).find((v): v is string => typeof v === "string" && v.startsWith("TẠM TÍNH"));
    // The unit accepted anyway is ranked, and its row says so.
    expect(
      (afterRanking.get("Xếp hạng theo phiếu") as { values: CellValue[][] }).values.flat()
    ).toContain("Cụm trưởng vẫn nhận: phiếu năm 2026, không phải năm 2025");
    expect(banner).toBe(
      "TẠM TÍNH: chưa nhận phiếu của Thanh tra tỉnh; phiếu không được tổng hợp: Sở Nội vụ (phiếu năm 2026, không phải năm 2025)"
    );

    // 5. A second import (Sở Nội vụ resends the right form) keeps the earlier acceptance and the
    // head's summary; Thanh tra is still missing.
    const again = await service.writeReturns(
      [await picked("Nội vụ (gửi lại).xlsx", "Sở Nội vụ")],
      "vi",
      {}
    );
    expect(again.result.units.map((u) => [u.name, u.status, u.acceptedAnyway === true])).toEqual([
      ["Sở Tư pháp", "kept", true],
      ["Sở Ngoại vụ", "kept", false],
      ["Ban Dân tộc", "kept", false],
      ["Sở Nội vụ", "received", false],
      ["Thanh tra tỉnh", "missing", false],
    ]);
    const last = await adapter.oneClickRanking({
      lang: "vi",
      sheets: ["Tổng hợp tự chấm"],
      date: DATE,
    });
    expect(last.sheetName).toBe("Xếp hạng theo phiếu");
    expect(last.report.issues.filter((i) => i.code.startsWith("form-")).map((i) => i.unit)).toEqual(
      ["Thanh tra tỉnh"]
    );
    // The full ranking is still the one of all five members.
    expect((await everything(sim)).get("Xếp hạng")).toEqual(beforeImport.get("Xếp hạng"));
  }, 120000);
});
