/**
 * The pane's EmailService over the simulator: what the head gets from the buttons, with the profile
 * stored in the workbook as Excel would have it.
 */
import ExcelJS from "exceljs";
import { profileFromXml, profileToXml, PROFILE_NAMESPACE } from "../../src/excel/profile-store";
import { simulatorFromXlsx } from "../../src/simulator";
import { createExcelEmailService } from "../../src/taskpane/email/excel-email-service";
import { readCustomXmlParts, readReturnedWorkbook } from "../../src/xlsx/email";
import { consolidateReturns } from "../../src/core/returns";
import { clusterProfile, fillForm, MEMBERS, templateFor } from "./helpers";

async function headWorkbook() {
  // The head's own table: a filled form is as good a criteria table as any.
  const sim = await simulatorFromXlsx(
    await fillForm(await templateFor("Sở Tư pháp"), [23, 18.75, 14, 18, 13.5, 1, 2, 0])
  );
  await sim.Excel.run(async (ctx: any) => {
    ctx.workbook.customXmlParts.add(profileToXml(clusterProfile()));
    await ctx.sync();
  });
  return sim;
}

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

describe("createExcelEmailService (issue 8)", () => {
  it("makes one form per member from the workbook's criteria and profile, each naming its unit and year", async () => {
    const sim = await headWorkbook();
    const service = createExcelEmailService(sim.Excel);
    const settings = await service.formSettings("vi");
    expect(settings).toEqual({
      year: 2025,
      clusterName: clusterProfile().clusterName,
      yearFrom: "profile",
      clusterFrom: "profile",
    });
    const files = await service.templateFiles("vi", {
      year: 2025,
      clusterName: clusterProfile().clusterName,
    });
    expect(files.map((f) => f.unit)).toEqual(MEMBERS);
    expect(files[1].fileName).toBe("Phiếu tự chấm 2025 - Sở Ngoại vụ.xlsx");
    const back = await readReturnedWorkbook(await bytesOf(files[1].blob), files[1].fileName);
    const res = consolidateReturns([back], clusterProfile());
    expect(res.units.find((u) => u.name === "Sở Ngoại vụ")?.status).toBe("received");
    expect(res.problems.filter((p) => p.code !== "unit-missing")).toEqual([]);
    expect(await service.openTemplateWorkbook(files[0])).toBe(false);
  });

  it("form-refused prevented: without settings, the year and cluster come from the sheet's title, and what the head confirms is stored and carried by the forms", async () => {
    const sim = await simulatorFromXlsx(
      await fillForm(await templateFor("Sở Tư pháp"), [23, 18.75, 14, 18, 13.5, 1, 2, 0])
    );
    // The head's title block, as typed (the form's own title rows replaced).
    const ws = sim.model.sheets[0];
    sim.model.setConstant(ws, 0, 0, "CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP");
    sim.model.setConstant(ws, 1, 0, "BẢNG ĐIỂM THI ĐUA NĂM 2021");
    const service = createExcelEmailService(sim.Excel);
    expect(await service.formSettings("vi")).toEqual({
      year: 2021,
      clusterName: "CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP",
      yearFrom: "title",
      clusterFrom: "title",
    });
    const files = await service.templateFiles("vi", {
      year: 2021,
      clusterName: "Cụm thi đua các cơ quan tham mưu tổng hợp",
    });
    expect(files[0].fileName).toMatch(/^Phiếu tự chấm 2021 - /);
    const stored = profileFromXml(sim.model.customXmlParts[0].xml)!;
    expect([stored.year, stored.clusterName]).toEqual([
      2021,
      "Cụm thi đua các cơ quan tham mưu tổng hợp",
    ]);
    expect(await service.formSettings("vi")).toMatchObject({
      year: 2021,
      yearFrom: "profile",
      clusterFrom: "profile",
    });
  });

  it("previews without writing, then writes the summary as a new sheet of the open workbook", async () => {
    const sim = await headWorkbook();
    const service = createExcelEmailService(sim.Excel);
    const tp = await fillForm(await templateFor("Sở Ngoại vụ"), [22, 18, 13, 17, 12, 0.5, 2, 1]);
    const picked = [{ name: "nv.xlsx", bytes: tp.slice().buffer as ArrayBuffer }];
    const preview = await service.previewReturns(picked, "vi", {});
    expect(preview.units.find((u) => u.name === "Sở Ngoại vụ")?.status).toBe("received");
    expect(sim.model.sheets.map((s) => s.name)).toEqual(["Phiếu tự chấm"]);
    const written = await service.writeReturns(picked, "vi", {});
    expect(written.sheetName).toBe("Tổng hợp tự chấm");
    expect(sim.model.sheets.map((s) => s.name)).toEqual(["Phiếu tự chấm", "Tổng hợp tự chấm"]);
  });

  it("issue 19: reads dropped files one at a time, says which one it is on, and lists a bad one without blocking the others", async () => {
    const sim = await headWorkbook();
    const service = createExcelEmailService(sim.Excel);
    const nv = await fillForm(await templateFor("Sở Ngoại vụ"), [22, 18, 13, 17, 12, 0.5, 2, 1]);
    const tp = await fillForm(await templateFor("Sở Tư pháp"), [23, 18.75, 14, 18, 13.5, 1, 2, 0]);
    const pdf = new TextEncoder().encode("%PDF-1.4\n% a scanned letter\n");
    const picked = [
      { name: "nv.xlsx", bytes: nv.slice().buffer as ArrayBuffer },
      { name: "cong-van.pdf", bytes: pdf.slice().buffer as ArrayBuffer },
      { name: "tp.xlsx", bytes: tp.slice().buffer as ArrayBuffer },
    ];
    const seen: string[] = [];
    const before = sim.model.sheets.map((s) => s.name);
    const preview = await service.previewReturns(picked, "vi", {}, [], (p) =>
      seen.push(`${p.index}/${p.total} ${p.file}`)
    );
    expect(seen).toEqual(["1/3 nv.xlsx", "2/3 cong-van.pdf", "3/3 tp.xlsx"]);
    expect(preview.units.find((u) => u.name === "Sở Ngoại vụ")?.status).toBe("received");
    expect(preview.units.find((u) => u.name === "Sở Tư pháp")?.status).toBe("received");
    const bad = preview.problems.find((p) => p.code === "unreadable");
    expect(bad?.message).toContain("cong-van.pdf");
    expect(bad?.message).toMatch(/PDF/);
    expect(sim.model.sheets.map((s) => s.name)).toEqual(before);
  });

  it("takes the forms' criteria from the summary when it is the workbook's only score table", async () => {
    const sim = await simulatorFromXlsx(
      await fillForm(await templateFor("Sở Tư pháp"), [23, 18.75, 14, 18, 13.5, 1, 2, 0])
    );
    const service = createExcelEmailService(sim.Excel);
    const form = await fillForm(await templateFor("Sở Ngoại vụ"), [22, 18, 13, 17, 12, 0.5, 2, 1]);
    await service.writeReturns(
      [{ name: "nv.xlsx", bytes: form.slice().buffer as ArrayBuffer }],
      "vi",
      {}
    );
    await sim.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("Phiếu tự chấm").delete();
      await ctx.sync();
    });
    const files = await service.templateFiles("en", { year: 2025, clusterName: "Cụm số 1" });
    // No profile in this workbook: the summary's units are the members; the form stays Vietnamese.
    expect(files.map((f) => f.unit)).toEqual(["Sở Ngoại vụ"]);
    const back = await readReturnedWorkbook(await bytesOf(files[0].blob), files[0].fileName);
    expect(back.grids[0].sheetName).toBe("Phiếu tự chấm");
  });

  it("makes a clean copy from the cells when Excel cannot hand over the file, keeping the profile", async () => {
    const sim = await headWorkbook();
    await sim.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.add("Xếp hạng").getRange("A1:B1").formulas = [
        ["Sở Tư pháp", '=THIDUA.NUMBER("90,25")'],
      ];
      await ctx.sync();
    });
    const copy = await createExcelEmailService(sim.Excel).cleanCopy("vi");
    expect(copy.fromFile).toBe(false);
    expect(copy.frozen).toBe(1);
    expect(copy.file.fileName).toBe("Cụm thi đua các cơ quan tham mưu tổng hợp - bản gửi.xlsx");
    const bytes = await bytesOf(copy.file.blob);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    expect(wb.getWorksheet("Xếp hạng")!.getCell("B1").value).toBe(90.25);
    expect((await readCustomXmlParts(bytes)).some((x) => x.includes(PROFILE_NAMESPACE))).toBe(true);
  });

  it("uses the open file itself when Office hands it over (every format kept)", async () => {
    const sim = await headWorkbook();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Xếp hạng").getCell("A1").value = {
      formula: "THIDUA.RANK(B1,B1:B3)",
      result: 1,
    } as ExcelJS.CellFormulaValue;
    const file = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const half = Math.ceil(file.length / 2);
    const office = {
      FileType: { Compressed: "compressed" },
      context: {
        document: {
          getFileAsync: (
            _t: string,
            _o: unknown,
            cb: (r: { status: string; value: unknown }) => void
          ) =>
            cb({
              status: "succeeded",
              value: {
                sliceCount: 2,
                getSliceAsync: (i: number, cb2: (r: { status: string; value: unknown }) => void) =>
                  cb2({
                    status: "succeeded",
                    value: { data: Array.from(file.subarray(i * half, (i + 1) * half)) },
                  }),
                closeAsync: () => undefined,
              },
            }),
        },
      },
    };
    const copy = await createExcelEmailService(sim.Excel, office).cleanCopy("en");
    expect(copy.fromFile).toBe(true);
    expect(copy.frozen).toBe(1);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load((await bytesOf(copy.file.blob)).slice().buffer as ArrayBuffer);
    expect(out.getWorksheet("Xếp hạng")!.getCell("A1").value).toBe(1);
  });
});
