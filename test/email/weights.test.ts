import { analyzeWorkbook } from "../../src/core";
import type { CriterionNode } from "../../src/core/report";
import { consolidateReturns } from "../../src/core/returns";
import { buildSummarySheet } from "../../src/sheets/summary";
import { buildTemplateFiles, readReturnedWorkbook } from "../../src/xlsx/email";
import { readWorkbookGrids } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { clusterProfile, DATE } from "./helpers";
import ExcelJS from "exceljs";

const leaf = (id: string, label: string, max: number, weight: number): CriterionNode => ({
  id,
  code: id.split(".").pop() ?? "",
  label,
  max: max * weight,
  weight,
  kind: "content",
  level: 1,
  children: [],
});
const CRITERIA: CriterionNode[] = [
  {
    id: "I",
    code: "I",
    label: "Nhiệm vụ chuyên môn",
    max: 50,
    weight: 1,
    kind: "content",
    level: 0,
    children: [leaf("I.1", "Kế hoạch năm", 10, 2), leaf("I.2", "Tham mưu", 15, 2)],
  },
  {
    id: "II",
    code: "II",
    label: "Phong trào thi đua",
    max: 20,
    weight: 1,
    kind: "content",
    level: 0,
    children: [leaf("II.1", "Phát động", 20, 1)],
  },
];

async function fill(unit: string, scores: number[]): Promise<Uint8Array> {
  const [f] = await buildTemplateFiles({ ...clusterProfile(), members: [unit] }, CRITERIA, {
    lang: "vi",
    date: DATE,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(f.bytes.slice().buffer as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: number[] = [];
  ws.eachRow((row, rn) => {
    if (["Kế hoạch năm", "Tham mưu", "Phát động"].includes(String(row.getCell(2).value)))
      rows.push(rn);
  });
  let self = -1;
  ws.eachRow((row) =>
    row.eachCell((c, col) => {
      if (c.value === "Điểm tự chấm") self = col;
    })
  );
  rows.forEach((r, i) => (ws.getCell(r, self).value = scores[i]));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

it("R5 weights survive consolidation: the summary carries the Hệ số column and ranks as the forms do", async () => {
  const files = [
    await readReturnedWorkbook(await fill("Sở Tư pháp", [9, 14, 18]), "a.xlsx"),
    await readReturnedWorkbook(await fill("Sở Ngoại vụ", [10, 12, 19]), "b.xlsx"),
  ];
  const res = consolidateReturns(files, clusterProfile());
  expect(res.problems.filter((p) => p.code !== "unit-missing")).toEqual([]);
  expect(res.summary!.hasWeights).toBe(true);
  const bytes = await writeWorkbook([
    buildSummarySheet(res.summary!, clusterProfile(), { lang: "vi" }),
  ]);
  const summary = await readWorkbookGrids(bytes, "s.xlsx");
  const direct = analyzeWorkbook(
    files.flatMap((f) => f.grids),
    { profile: clusterProfile() }
  );
  const via = analyzeWorkbook(summary, { profile: clusterProfile() });
  if (!direct.ok || !via.ok) throw new Error("not ranked");
  const pick = (r: typeof direct.report) => r.units.map((u) => [u.name, u.total, u.rank]);
  expect(pick(via.report)).toEqual(pick(direct.report));
  // 9×2 + 14×2 + 18 = 64 for Sở Tư pháp.
  expect(via.report.units.find((u) => u.name === "Sở Tư pháp")!.total).toBe(64);
});
