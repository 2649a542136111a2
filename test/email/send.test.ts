/**
 * Before sending: "Chốt kết quả" (freeze THIDUA formulas, plan then apply) in Excel (the simulator),
 * and "Tạo bản sao để gửi" (a clean copy) over .xlsx bytes, profile kept.
 */
import ExcelJS from "exceljs";
import { checkWorkbookBeforeSending, readWorkbookSnapshot } from "../../src/excel/email";
import { freezeThiduaFormulas, planFreezeThiduaFormulas } from "../../src/excel/freeze";
import { PROFILE_NAMESPACE, profileFromXml, profileToXml } from "../../src/excel/profile-store";
import { createSimulator } from "../../src/simulator";
import {
  addCustomXmlPart,
  buildCleanCopy,
  readCustomXmlParts,
  workbookFromGrids,
} from "../../src/xlsx/email";
import { clusterProfile } from "./helpers";

async function simWithThidua() {
  const sim = createSimulator({ sheets: ["Xếp hạng", "Nháp"] });
  await sim.Excel.run(async (ctx: any) => {
    const ws = ctx.workbook.worksheets.getItem("Xếp hạng");
    ws.getRange("A1:C2").formulas = [
      ["Sở Tư pháp", '=THIDUA.NUMBER("8,5")', "=B1*2"],
      ["Sở Ngoại vụ", '=THIDUA.NUMBER("7,25")', "=SUM(B1:B2)"],
    ];
    ctx.workbook.worksheets.getItem("Nháp").visibility = "Hidden";
    await ctx.sync();
  });
  return sim;
}

describe("Chốt kết quả: freeze THIDUA formulas in two steps (issue 8)", () => {
  it("plans the THIDUA cells with the values they keep, and writes nothing while planning", async () => {
    const sim = await simWithThidua();
    const plan = await planFreezeThiduaFormulas(sim.Excel);
    expect(plan.groups.map((g) => [g.anchor, g.formula])).toEqual([
      ["B1", '=THIDUA.NUMBER("8,5")'],
      ["B2", '=THIDUA.NUMBER("7,25")'],
    ]);
    expect(plan.cells).toEqual([
      { cell: "'Xếp hạng'!B1", value: 8.5 },
      { cell: "'Xếp hạng'!B2", value: 7.25 },
    ]);
    const snap = await readWorkbookSnapshot(sim.Excel);
    expect(snap.grids[0].formulas?.[0][1]).toBe('=THIDUA.NUMBER("8,5")');
  });

  it("applies exactly the plan: values kept, other formulas untouched, a cell edited meanwhile left alone", async () => {
    const sim = await simWithThidua();
    const plan = await planFreezeThiduaFormulas(sim.Excel);
    await sim.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("Xếp hạng").getRange("B2").formulas = [
        ['=THIDUA.NUMBER("9")'],
      ];
      await ctx.sync();
    });
    sim.resetStats();
    const out = await freezeThiduaFormulas(sim.Excel, plan);
    expect(out).toEqual({
      written: 1,
      cells: 1,
      skipped: ["'Xếp hạng'!B2"],
      spilled: [],
      backupSheet: "THIDUA Hoàn tác",
    });
    expect(sim.stats.syncs).toBe(2);
    const g = (await readWorkbookSnapshot(sim.Excel)).grids[0];
    expect(g.formulas?.[0]).toEqual([null, null, "=B1*2"]);
    expect(g.values[0]).toEqual(["Sở Tư pháp", 8.5, 17]);
    expect(g.formulas?.[1][1]).toBe('=THIDUA.NUMBER("9")');
  });

  it("Kiểm tra trước khi gửi on the open workbook finds the THIDUA cells and the hidden sheet", async () => {
    const sim = await simWithThidua();
    const f = await checkWorkbookBeforeSending(sim.Excel, "vi");
    expect(f.map((x) => [x.code, x.cell ?? x.sheet])).toEqual([
      ["hidden-sheet", "Nháp"],
      ["thidua-formula", "'Xếp hạng'!B1"],
      ["thidua-formula", "'Xếp hạng'!B2"],
    ]);
  });
});

async function headWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Xếp hạng");
  ws.getCell("A1").value = "Sở Tư pháp";
  ws.getCell("B1").value = {
    formula: "THIDUA.TOTAL(Điểm!C5:C20,Điểm!D5:D20)",
    result: 90.25,
  } as ExcelJS.CellFormulaValue;
  ws.getCell("C1").value = {
    formula: "THIDUA.RANKING(A1:A3,B1:B3,C1:C3)",
    result: "Nhất",
  } as ExcelJS.CellFormulaValue;
  ws.getCell("D1").value = { formula: "SUM(B1:B3)", result: 90.25 } as ExcelJS.CellFormulaValue;
  // Never calculated: ExcelJS writes no cached value.
  ws.getCell("E1").value = { formula: "THIDUA.RANK(B1,B1:B3)" } as ExcelJS.CellFormulaValue;
  ws.getCell("F1").value = "THIDUA.TOTAL( is only text here";
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return addCustomXmlPart(bytes, profileToXml(clusterProfile()));
}

describe("Tạo bản sao để gửi: a clean copy (issue 8)", () => {
  it("replaces every THIDUA formula by its cached value and keeps other formulas and the profile", async () => {
    const res = await buildCleanCopy(await headWorkbook());
    expect(res.frozen.map((f) => [f.cell, f.value])).toEqual([
      ["'Xếp hạng'!B1", "90.25"],
      ["'Xếp hạng'!C1", "Nhất"],
      ["'Xếp hạng'!E1", null],
    ]);
    expect(res.withoutValue).toEqual(["'Xếp hạng'!E1"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.bytes.slice().buffer as ArrayBuffer);
    const ws = wb.getWorksheet("Xếp hạng")!;
    expect(ws.getCell("B1").value).toBe(90.25);
    expect(ws.getCell("C1").value).toBe("Nhất");
    expect(ws.getCell("E1").value).toBeNull();
    expect((ws.getCell("D1").value as ExcelJS.CellFormulaValue).formula).toBe("SUM(B1:B3)");
    expect(ws.getCell("F1").value).toBe("THIDUA.TOTAL( is only text here");
    const parts = await readCustomXmlParts(res.bytes);
    expect(parts.some((x) => x.includes(PROFILE_NAMESPACE))).toBe(true);
    expect(profileFromXml(parts.find((x) => x.includes(PROFILE_NAMESPACE))!)?.members).toEqual(
      clusterProfile().members
    );
  });

  it("from Excel's grids (when the file itself is not at hand): values, other formulas, hidden sheets and the profile", async () => {
    const sim = await simWithThidua();
    const snap = await readWorkbookSnapshot(sim.Excel);
    const res = await workbookFromGrids(snap.grids, ["Nháp"], profileToXml(clusterProfile()));
    expect(res.frozen.map((f) => f.cell)).toEqual(["'Xếp hạng'!B1", "'Xếp hạng'!B2"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.bytes.slice().buffer as ArrayBuffer);
    const ws = wb.getWorksheet("Xếp hạng")!;
    expect(ws.getCell("B1").value).toBe(8.5);
    expect((ws.getCell("C1").value as ExcelJS.CellFormulaValue).formula).toBe("B1*2");
    expect(wb.getWorksheet("Nháp")!.state).toBe("hidden");
    expect((await readCustomXmlParts(res.bytes)).length).toBe(1);
  });
});
