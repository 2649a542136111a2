/**
 * The pane's Excel-backed service over the simulator and the sample workbooks (samples/): what a user
 * does in the pane (read, fix, rank, correct the reading, covenant, templates) reaches the workbook
 * exactly as intended, and nothing else is written.
 */
import * as fs from "fs";
import * as path from "path";
import { simulatorFromXlsx, type Simulator } from "../../src/simulator";
import { createExcelService } from "../../src/taskpane/excel-service";
import { ServiceError, type ThiduaService } from "../../src/taskpane/service";
import { SAMPLES } from "../paths";

jest.setTimeout(30_000);

async function open(
  sample: string,
  file = "input.xlsx",
  displayLanguage = "vi-VN"
): Promise<{ sim: Simulator; svc: ThiduaService }> {
  const sim = await simulatorFromXlsx(fs.readFileSync(path.join(SAMPLES, sample, file)), {
    displayLanguage,
  });
  const svc = createExcelService({
    excel: sim.Excel as any,
    office: sim.Office,
    now: () => new Date(2026, 1, 5),
  });
  return { sim, svc };
}

/** Every typed cell of the workbook as "Sheet!row,col=value", to diff before/after a write. */
function snapshot(sim: Simulator): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of sim.model.sheets)
    sheet.forEachCell((r, c, cell) =>
      out.set(`${sheet.name}!${r},${c}`, JSON.stringify(cell.value ?? null))
    );
  return out;
}

function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k));
}

test("s4: reading reports the sample's issues; the text-number fix writes only E6 and the issue goes away", async () => {
  const { sim, svc } = await open("s4-bad-inputs");
  const r = await svc.read(undefined, "vi");
  const codes = r.report.issues.map((i) => `${i.code} ${i.cell ?? i.unit}`);
  expect(codes).toEqual(
    expect.arrayContaining([
      "text-number 'Bảng điểm lỗi'!E6",
      "score-above-max 'Bảng điểm lỗi'!F7",
      "not-a-number 'Bảng điểm lỗi'!G10",
      "score-missing 'Bảng điểm lỗi'!H15",
    ])
  );
  expect(r.mapping.layout).toBe("A");
  expect(r.units.map((u) => u.unit)).toContain("Sở Tư pháp");
  const fix = r.report.issues.find((i) => i.code === "text-number")!.fix!;
  const [preview] = await svc.previewFixes([fix]);
  expect(preview.before).toBe("18,5");
  const before = snapshot(sim);
  expect(await svc.applyFixes([fix])).toBe(1);
  // E6 is row 5, column 4 (0-based): the only cell written.
  expect(changed(before, snapshot(sim))).toEqual(["Bảng điểm lỗi!5,4"]);
  const again = await svc.read(r.sheets, "vi");
  expect(again.report.issues.some((i) => i.code === "text-number")).toBe(false);
  // Same total as before the fix: "18,5" was already counted as 18.5, now it is a number.
  expect(again.report.units.find((u) => u.name === "Sở Tư pháp")!.total).toBe(
    r.report.units.find((u) => u.name === "Sở Tư pháp")!.total
  );
});

test("s1: one click builds the ranking sheet with the expected ranks (K2 tie at 4)", async () => {
  const { sim, svc } = await open("s1-layout-a");
  const expected = JSON.parse(
    fs.readFileSync(path.join(SAMPLES, "s1-layout-a", "expected.json"), "utf8")
  );
  const r = await svc.read(undefined, "vi");
  const res = await svc.buildRanking("values", r, "vi");
  expect(res.report.provisional).toBe(false);
  const got = res.report.units
    .slice()
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .map((u) => [u.name, u.total, u.rank]);
  const want = expected.units
    .slice()
    .sort((a: any, b: any) => a.rank - b.rank || a.name.localeCompare(b.name))
    .map((u: any) => [u.name, u.total, u.rank]);
  expect(got).toEqual(want);
  expect(sim.model.sheets.map((s: any) => s.name)).toContain(res.sheetName);
});

test("s3: Tự chấm and Cụm chấm columns are shown per unit", async () => {
  const { svc } = await open("s3-layout-c-pairs");
  const r = await svc.read(undefined, "en");
  expect(r.mapping.layout).toBe("C");
  expect(r.units.length).toBeGreaterThan(1);
  for (const u of r.units) {
    expect(u.self).toMatch(/!/);
    expect(u.review).toMatch(/!/);
  }
  expect(r.mapping.parts.find((p) => p.part === "review")?.where).toMatch(/,/);
});

test("a corrected part is saved in the workbook profile and reused by the next reading", async () => {
  const { sim, svc } = await open("s1-layout-a");
  const r = await svc.read(undefined, "vi");
  const maxPart = r.mapping.parts.find((p) => p.part === "max")!;
  expect(maxPart.where).not.toBeNull();
  // The user selects the max column (as it already is) and confirms it.
  await svc.selectCell(maxPart.where!.replace(/:.*$/, ""));
  const corrected = await svc.useSelection("max", r, "vi");
  expect(corrected.mapping.saved).toBe(true);
  expect(corrected.mapping.parts.find((p) => p.part === "max")?.corrected).toBe(true);
  const fresh = createExcelService({ excel: sim.Excel as any, office: sim.Office });
  const again = await fresh.read(undefined, "vi");
  expect(again.mapping.saved).toBe(true);
  expect(again.report.units.map((u) => u.total)).toEqual(r.report.units.map((u) => u.total));
  const reset = await fresh.resetMapping(again, "vi");
  expect(reset.mapping.saved).toBe(false);
});

test("one column selected as the self scores of seven units is refused with a sentence, and nothing is saved", async () => {
  const { svc } = await open("s1-layout-a");
  const r = await svc.read(undefined, "vi");
  await svc.selectCell(`'${r.sheets[0]}'!D5`);
  const err = await svc.useSelection("self", r, "vi").catch((e) => e);
  expect(err).toBeInstanceOf(ServiceError);
  expect((err as ServiceError).code).toBe("no-selection");
  expect((err as ServiceError).detail).toBe(
    "Hãy chọn 7 cột, mỗi đơn vị một cột, theo thứ tự đơn vị"
  );
  expect((await svc.loadProfile()).mappings).toEqual({});
});

test("the covenant sheet and self-score templates are written; the docx is a Word file", async () => {
  const { sim, svc } = await open("s1-layout-a");
  const r = await svc.read(undefined, "vi");
  const sheet = await svc.buildCovenant("sheet", r, "vi");
  expect(sheet.kind).toBe("sheet");
  const docx = await svc.buildCovenant("docx", r, "vi");
  expect(docx.kind).toBe("docx");
  if (docx.kind === "docx") {
    const bytes = new Uint8Array(await docx.blob.arrayBuffer());
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK");
    expect(docx.fileName).toMatch(/\.docx$/);
  }
  // §8 Họp cụm: the meeting's documents are Word files too, named for the year.
  for (const doc of ["minutes", "votes", "proposal"] as const) {
    const m = await svc.buildMeetingDoc(doc, r, "vi");
    const head = new Uint8Array(await m.blob.arrayBuffer());
    expect(String.fromCharCode(head[0], head[1])).toBe("PK");
    expect(m.fileName).toMatch(/-\d{4}\.docx$/);
  }
  const t = await svc.buildTemplates(r, "vi");
  expect(t.sheetNames).toHaveLength(r.report.units.length);
  // One sheet per member, not one sheet overwritten per member.
  expect(new Set(t.sheetNames).size).toBe(r.report.units.length);
  const names = sim.model.sheets.map((s: any) => s.name);
  for (const n of [...t.sheetNames, (sheet as any).sheetName]) expect(names).toContain(n);
});

test("a sheet that is not a score sheet is a no-score-sheet ServiceError naming what is missing", async () => {
  const { sim, svc } = await open("s1-layout-a");
  sim.model.addSheet("Trống");
  const err = await svc.read(["Trống"], "vi").catch((e) => e);
  expect(err).toBeInstanceOf(ServiceError);
  expect((err as ServiceError).code).toBe("no-score-sheet");
  expect((err as ServiceError).detail).toBeTruthy();
});

test("without Excel the service says so instead of crashing", async () => {
  const svc = createExcelService({});
  const err = await svc.read(undefined, "vi").catch((e) => e);
  expect((err as ServiceError).code).toBe("no-workbook");
});

test("s2 layout B: each unit's scores are shown as its row of the sheet; the units column can be corrected", async () => {
  const { svc } = await open("s2-layout-b");
  const r = await svc.read(undefined, "vi");
  expect(r.mapping.layout).toBe("B");
  for (const u of r.units) {
    const m = /!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(u.self ?? "");
    expect(m).not.toBeNull();
    expect(m![2]).toBe(m![4]); // one row per unit
  }
  const correctable = r.mapping.parts.filter((p) => p.correctable).map((p) => p.part);
  expect(correctable).toEqual(["header", "max", "units"]);
});

test("s5 N4: TCVN3 names come out in Unicode and the legacy-encoding fix writes the Unicode text", async () => {
  const { sim, svc } = await open("s5-tcvn3");
  const r = await svc.read(undefined, "vi");
  expect(r.units.map((u) => u.unit)).toContain("Sở Lao động - Thương binh và Xã hội");
  const legacy = r.report.issues.filter((i) => i.code === "legacy-encoding" && i.fix);
  expect(legacy.length).toBeGreaterThan(0);
  const fix = legacy.find((i) => i.fix!.cell.endsWith("!E4"))!.fix!;
  const [preview] = await svc.previewFixes([fix]);
  expect(preview.before).toBe("Së Y tÕ");
  expect(fix.value).toBe("Sở Y tế");
  const before = snapshot(sim);
  await svc.applyFixes([fix]);
  expect(changed(before, snapshot(sim))).toEqual([`${r.sheets[0]}!3,4`]);
});
