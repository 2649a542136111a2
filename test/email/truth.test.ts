/**
 * DOMAIN.md §8 "The email loop tells the truth", in core: forms made before the settings were filled
 * (dotted cluster, this year) still match; a form of another year is form-refused with its reason
 * unless the head accepts it ("vẫn nhận"); one line per unit; each form checked on arrival; the
 * summary sheet says who is missing, refused or accepted, and its ranking names them.
 */
import { analyzeWorkbook } from "../../src/core";
import { consolidateReturns, type ReturnedFile } from "../../src/core/returns";
import { summaryReceipt, withReturns } from "../../src/core/returns-check";
import { readSummaryReceipt } from "../../src/core/returns-read";
import { buildSummarySheet } from "../../src/sheets/summary";
import { readReturnedWorkbook } from "../../src/xlsx/email";
import { readWorkbookGrids } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { clusterProfile, fillForm, MEMBERS, templateFor, type Entry } from "./helpers";

const FULL: Entry[] = [23, 18.75, 14, 18, 13.5, 1, 2, 0];
// R4 two blanks, R3 22 on a max of 20, N1 "12,5" typed as text.
const FLAWED: Entry[] = [21, null, 13, 22, "12,5", null, 1, 0];

/** The settings as they were when the forms went out: no cluster name yet, this year. */
const EARLY = clusterProfile({ clusterName: "", year: 2026 });
/** The settings now: the secretary entered the cluster and the year being scored. */
const NOW = clusterProfile({ year: 2026 });

async function form(
  unit: string,
  self: Entry[],
  profile = EARLY,
  name = `${unit}.xlsx`
): Promise<ReturnedFile> {
  return readReturnedWorkbook(await fillForm(await templateFor(unit, profile), self), name);
}

describe("form-refused / form-missing in core (issue 15)", () => {
  let forms: ReturnedFile[];
  beforeAll(async () => {
    forms = [
      await form("Sở Tư pháp", FULL),
      await form("Sở Ngoại vụ", FLAWED),
      await form("Ban Dân tộc", FULL, NOW),
      // Last year's form: refused unless accepted.
      await form("Sở Nội vụ", FULL, { ...NOW, year: 2025 }, "Nội vụ 2025.xlsx"),
      // Thanh tra tỉnh sent nothing.
    ];
  }, 120000);

  it("a dotted 'CỤM THI ĐUA ……' matches the cluster entered later; one line per unit, the refused one not also missing", () => {
    const res = consolidateReturns(forms, NOW);
    expect(res.units.map((u) => [u.name, u.status])).toEqual([
      ["Sở Tư pháp", "received"],
      ["Sở Ngoại vụ", "received"],
      ["Ban Dân tộc", "received"],
      ["Sở Nội vụ", "rejected"],
      ["Thanh tra tỉnh", "missing"],
    ]);
    expect(res.problems.filter((p) => p.code === "other-cluster")).toEqual([]);
    const perUnit = (unit: string) =>
      res.problems.filter((p) => p.unit === unit && p.file === null).map((p) => p.code);
    expect(perUnit("Sở Nội vụ")).toEqual([]);
    expect(res.problems.filter((p) => p.unit === "Sở Nội vụ").map((p) => p.code)).toEqual([
      "other-year",
    ]);
    expect(perUnit("Thanh tra tỉnh")).toEqual(["unit-missing"]);
    expect(res.units[3].reason).toBe("phiếu năm 2025, không phải năm 2026");
    expect(res.refused).toEqual([
      {
        file: "Nội vụ 2025.xlsx",
        sheet: "Phiếu tự chấm",
        unit: "Sở Nội vụ",
        reason: "phiếu năm 2025, không phải năm 2026",
      },
    ]);
    expect(res.summary!.units.map((u) => u.name)).toEqual([
      "Sở Tư pháp",
      "Sở Ngoại vụ",
      "Ban Dân tộc",
    ]);
  });

  it("vẫn nhận: a refused form accepted by its file name is consolidated and said so (info)", () => {
    const res = consolidateReturns(forms, NOW, null, { accept: ["Nội vụ 2025.xlsx"] });
    const nv = res.units.find((u) => u.name === "Sở Nội vụ")!;
    expect(nv).toMatchObject({ status: "received", acceptedAnyway: true });
    expect(nv.reason).toContain("2025");
    expect(res.problems.filter((p) => p.unit === "Sở Nội vụ").map((p) => p.code)).toEqual([
      "accepted-anyway",
    ]);
    expect(res.summary!.units.map((u) => u.name)).toContain("Sở Nội vụ");
    expect(res.summary!.receipt).toEqual({
      missing: ["Thanh tra tỉnh"],
      refused: [],
      accepted: [{ unit: "Sở Nội vụ", reason: "phiếu năm 2025, không phải năm 2026" }],
    });
    // By the unit's name too (the CLI's --accept takes either).
    const byName = consolidateReturns(forms, NOW, null, { accept: ["sở nội vụ"] });
    expect(byName.units.find((u) => u.name === "Sở Nội vụ")?.status).toBe("received");
  });

  it("R3 R4 N1: each form is checked on arrival, complete or not, with its issues and cells", () => {
    const res = consolidateReturns(forms, NOW);
    const tp = res.units.find((u) => u.name === "Sở Tư pháp")!;
    expect(tp.complete).toBe(true);
    expect(tp.checks).toEqual([]);
    const nv = res.units.find((u) => u.name === "Sở Ngoại vụ")!;
    expect(nv.complete).toBe(false);
    expect(nv.checks!.map((c) => c.code).sort()).toEqual([
      "score-above-max",
      "score-missing",
      "score-missing",
      "text-number",
    ]);
    const above = nv.checks!.find((c) => c.code === "score-above-max")!;
    expect(above.cell).toMatch(/^'Phiếu tự chấm'!D\d+$/);
    expect(above.criterion).toContain("Phát động và ký kết giao ước thi đua");
    // A changed criterion is part of the form's check too.
    expect(res.units.find((u) => u.name === "Sở Nội vụ")!.checks).toBeUndefined();
  });

  it("changed criteria are part of a form's check: a max raised from 15 to 20 is listed on arrival", async () => {
    const edited = await readReturnedWorkbook(
      await fillForm(await templateFor("Sở Tư pháp", NOW), FULL, undefined, (ws, rowOf) => {
        ws.getCell(rowOf("Cải cách hành chính, chuyển đổi số"), 3).value = 20;
      }),
      "tp.xlsx"
    );
    const res = consolidateReturns([edited, forms[1], forms[2]], NOW);
    const tp = res.units.find((u) => u.name === "Sở Tư pháp")!;
    expect(tp.checks!.map((c) => [c.code, c.severity])).toEqual([["criteria-max", "error"]]);
    expect(tp.checks![0].message).toContain("20");
  }, 60000);

  it("with no member list nobody is called a stranger: one note says the list is not set", () => {
    const res = consolidateReturns(forms.slice(0, 3), { ...NOW, members: [] });
    expect(res.units.every((u) => u.member && u.status === "received")).toBe(true);
    expect(res.problems.map((p) => p.code)).toEqual(["no-member-list"]);
    expect(res.problems[0].severity).toBe("info");
    expect(res.problems[0].message).toContain("Chưa nhập danh sách đơn vị thành viên");
  });

  it("the summary sheet says who is missing, refused and accepted; its ranking is provisional and names them", async () => {
    const res = consolidateReturns(forms, NOW, null, { accept: [] });
    const bytes = await writeWorkbook([buildSummarySheet(res.summary!, NOW, { lang: "vi" })]);
    const [grid] = await readWorkbookGrids(bytes, "Tổng hợp.xlsx");
    expect(readSummaryReceipt(grid)).toEqual({
      missing: ["Thanh tra tỉnh"],
      refused: [{ unit: "Sở Nội vụ", reason: "phiếu năm 2025, không phải năm 2026" }],
      accepted: [],
    });
    const ranked = analyzeWorkbook([grid], { profile: NOW });
    if (!ranked.ok) throw new Error(ranked.message);
    // The block under the table is not read as criteria or units.
    expect(ranked.report.units.map((u) => u.name).sort()).toEqual(
      ["Ban Dân tộc", "Sở Ngoại vụ", "Sở Tư pháp"].sort()
    );
    expect(ranked.report.criteria).toHaveLength(4);
    const receipt = summaryReceipt(
      grid,
      NOW,
      ranked.report.units.map((u) => u.name)
    );
    const report = withReturns(ranked.report, receipt, "vi");
    expect(report.provisional).toBe(true);
    expect(
      report.issues
        .filter((i) => i.code.startsWith("form-"))
        .map((i) => [i.code, i.unit, i.severity])
    ).toEqual([
      ["form-missing", "Thanh tra tỉnh", "warning"],
      ["form-refused", "Sở Nội vụ", "warning"],
    ]);
    expect(report.issues.find((i) => i.code === "form-refused")!.message).toContain("2025");
    expect(report.returns!.missing).toEqual(["Thanh tra tỉnh"]);
  }, 60000);

  it("a member added to the settings after the import is missing from the summary's ranking too (English sheet read the same)", async () => {
    const res = consolidateReturns(forms.slice(0, 3), NOW);
    const bytes = await writeWorkbook([buildSummarySheet(res.summary!, NOW, { lang: "en" })]);
    const [grid] = await readWorkbookGrids(bytes, "Summary.xlsx");
    const later = { ...NOW, members: [...MEMBERS, "Sở Du lịch"] };
    const receipt = summaryReceipt(grid, later, ["Sở Tư pháp", "Sở Ngoại vụ", "Ban Dân tộc"]);
    expect(receipt.missing).toEqual(["Sở Nội vụ", "Thanh tra tỉnh", "Sở Du lịch"]);
    const ranked = analyzeWorkbook([grid], { profile: later });
    if (!ranked.ok) throw new Error(ranked.message);
    const report = withReturns(ranked.report, receipt, "en");
    expect(report.issues.find((i) => i.code === "form-missing")!.message).toMatch(
      /^Sở Nội vụ has sent no self-score form/
    );
  }, 60000);
});
