/**
 * The criteria-only panel's workbook side over the simulator and the criteria table of the meeting
 * fixtures (bảng điểm chuẩn, no unit yet): the ranking refuses it, the panel reads its criteria, writes
 * one self-score form per typed member (in the order typed) and the covenant as new sheets of ours;
 * every value of the workbook before is unchanged (spills included), and the way back gives the
 * workbook before exactly.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { simulatorFromXlsx, type Simulator } from "../../src/simulator";
import { createExcelService } from "../../src/taskpane/excel-service";
import type { CriteriaOnlyService } from "../../src/taskpane/criteria-only-api";
import { ServiceError, type ThiduaService } from "../../src/taskpane/service";
import { workbookState } from "../email/freeze-fixture";
import { FIXTURES } from "../paths";

jest.setTimeout(120_000);

const MEMBERS = ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"];

async function open(): Promise<{ sim: Simulator; svc: ThiduaService; api: CriteriaOnlyService }> {
  const sim = await simulatorFromXlsx(
    fs.readFileSync(path.join(FIXTURES, "meeting", "diem-chuan-2025.xlsx")),
    { displayLanguage: "vi-VN" }
  );
  const svc = createExcelService({
    excel: sim.Excel as any,
    office: sim.Office,
    now: () => new Date(2025, 0, 6),
  });
  return { sim, svc, api: await svc.criteriaOnly!() };
}

/** Every value shown on a sheet, row by row. */
function shown(sim: Simulator, sheet: string): string {
  const s = sim.model.sheets.find((x) => x.name === sheet)!;
  return sim.model
    .results(s, sim.model.usedRect(s, false)!)
    .map((row) => row.join(" "))
    .join("\n");
}

/** Every cell and width of every sheet that was there is the same; the only new names are our tags. */
function expectUnchanged(before: Record<string, unknown>, after: Record<string, unknown>): void {
  for (const key of Object.keys(before).filter((k) => k !== "sheets" && k !== "names"))
    expect({ key, state: after[key] }).toEqual({ key, state: before[key] });
  const names = (s: Record<string, unknown>): string[] => (s.names as string[][]).map((n) => n[0]);
  const added = names(after).filter((n) => !names(before).includes(n));
  for (const n of added) expect(n).toMatch(/^_THIDUA_(template|covenant)_/);
  expect(names(before).every((n) => names(after).includes(n))).toBe(true);
}

test("the ranking refuses the criteria table; the panel reads its criteria and no members (none saved)", async () => {
  const { svc, api } = await open();
  await expect(svc.read(undefined, "vi")).rejects.toEqual(expect.any(ServiceError));
  await expect(svc.read(undefined, "vi")).rejects.toMatchObject({ code: "no-score-sheet" });
  const source = await api.read(undefined, "vi");
  expect(source).not.toBeNull();
  expect(source!.criteria.length).toBeGreaterThan(0);
  expect(source!.contentMax).toBeGreaterThan(0);
  expect(source!.members).toEqual([]);
});

test("forms: one new sheet per member in the order typed, the criteria in each; nothing else changes; undo restores the workbook exactly", async () => {
  const { sim, api } = await open();
  const source = (await api.read(undefined, "vi"))!;
  const before = workbookState(sim);
  const { sheetNames, replaced } = await api.writeForms(source, MEMBERS, "vi");
  expect(sheetNames).toHaveLength(3);
  expect(replaced).toEqual([]);
  const after = workbookState(sim);
  expectUnchanged(before, after);
  expect((after.sheets as string[][]).map((s) => s[0])).toEqual([
    ...(before.sheets as string[][]).map((s) => s[0]),
    ...sheetNames,
  ]);
  sheetNames.forEach((name, i) => {
    const text = shown(sim, name);
    expect(text).toContain(MEMBERS[i]);
    for (const c of source.criteria) expect(text).toContain(c.label);
  });
  expect(await api.undo(sheetNames, "template")).toBe(3);
  expect(workbookState(sim)).toEqual(before);
});

test("forms made again: the earlier forms are made in place (replaced), the new member's is new; undoing the new one gives the workbook after the first forms", async () => {
  const { sim, api } = await open();
  const source = (await api.read(undefined, "vi"))!;
  const first = await api.writeForms(source, MEMBERS.slice(0, 2), "vi");
  expect(first.replaced).toEqual([]);
  const afterFirst = workbookState(sim);
  const again = await api.writeForms(source, MEMBERS, "vi");
  expect(again.sheetNames.slice(0, 2)).toEqual(first.sheetNames);
  expect(again.replaced).toEqual(first.sheetNames);
  const added = again.sheetNames.filter((n) => !again.replaced.includes(n));
  expect(added).toHaveLength(1);
  // The same criteria and members: the forms made again read exactly as before.
  for (const key of Object.keys(afterFirst).filter((k) => k.endsWith("!cells")))
    expect({ key, state: workbookState(sim)[key] }).toEqual({ key, state: afterFirst[key] });
  expect(await api.undo(added, "template")).toBe(1);
  expect(workbookState(sim)).toEqual(afterFirst);
});

test("covenant: a new sheet naming every member typed; nothing else changes; undo restores the workbook exactly", async () => {
  const { sim, api } = await open();
  const source = (await api.read(undefined, "vi"))!;
  const before = workbookState(sim);
  const { sheetName } = await api.writeCovenant(source, MEMBERS, "vi");
  const after = workbookState(sim);
  expectUnchanged(before, after);
  const text = shown(sim, sheetName);
  for (const m of MEMBERS) expect(text.toUpperCase()).toContain(m.toUpperCase());
  expect(text).toContain("2025");
  expect(await api.undo([sheetName], "covenant")).toBe(1);
  expect(workbookState(sim)).toEqual(before);
});

test("covenant in Word: a .docx named by the title's year, the members in it; the workbook is not written", async () => {
  const { sim, api } = await open();
  const source = (await api.read(undefined, "vi"))!;
  const before = workbookState(sim);
  const { fileName, blob } = await api.covenantDocx(source, MEMBERS, "vi");
  expect(fileName).toBe("Giao-uoc-thi-dua-2025.docx");
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  const xml = await zip.file("word/document.xml")!.async("string");
  for (const m of MEMBERS) expect(xml.toUpperCase()).toContain(m.toUpperCase());
  expect(workbookState(sim)).toEqual(before);
});
