/**
 * The Họp cụm screen's workbook side over the simulator and sample s1: the vote tally (K7) is written
 * as a new sheet of ours and nothing else of the workbook changes (every value, spills included); the
 * undo gives back exactly the workbook before; a user's sheet is never written or deleted; the Word
 * documents carry what the meeting entered (attendance, ballots, votes, K8 election).
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { simulatorFromXlsx, type Simulator } from "../../src/simulator";
import { createExcelService } from "../../src/taskpane/excel-service";
import type { MeetingEntries } from "../../src/taskpane/meeting-api";
import type { MeetingService, Reading, ThiduaService } from "../../src/taskpane/service";
import { workbookState } from "../email/freeze-fixture";
import { SAMPLES } from "../paths";

jest.setTimeout(90_000);

async function open(): Promise<{
  sim: Simulator;
  m: MeetingService;
  reading: Reading;
  svc: ThiduaService;
}> {
  const sim = await simulatorFromXlsx(
    fs.readFileSync(path.join(SAMPLES, "s1-layout-a", "input.xlsx")),
    { displayLanguage: "vi-VN" }
  );
  const svc = createExcelService({
    excel: sim.Excel as any,
    office: sim.Office,
    now: () => new Date(2026, 11, 20),
  });
  const reading = await svc.read(undefined, "vi");
  return { sim, m: await svc.meeting!(), reading, svc };
}

async function entriesFor(m: MeetingService, reading: Reading): Promise<MeetingEntries> {
  const s = await m.setup(reading, "vi");
  return {
    date: "2026-12-18",
    venue: "Hội trường Văn phòng UBND tỉnh",
    // Sở Ngoại vụ is absent: 6 of 7 present.
    attendance: s.members.map((unit) => ({ unit, present: unit !== "Sở Ngoại vụ" })),
    issued: "20",
    returned: "19",
    valid: "18",
    votes: s.candidates.map((c) => ({ name: c.name, votes: "17" })),
    nextHead: "Sở Tài chính",
    nextDeputy: "Sở Tư pháp",
  };
}

/** Values shown on one sheet, row by row, as the user reads them. */
function shown(sim: Simulator, sheet: string): unknown[][] {
  const s = sim.model.sheets.find((x) => x.name === sheet)!;
  return sim.model.results(s, sim.model.usedRect(s, false)!);
}

test("setup: the members in sheet order, the K5 flag candidate, no rotation without a head (K8)", async () => {
  const { m, reading } = await open();
  const s = await m.setup(reading, "vi");
  expect(s.members).toHaveLength(7);
  expect(s.members).toEqual(reading.units.map((u) => u.unit));
  expect(s.candidates).toEqual([
    { name: "Văn phòng UBND tỉnh", rank: 1, award: "Cờ thi đua của UBND tỉnh" },
  ]);
  expect([s.nextHead, s.nextDeputy]).toEqual(["", ""]);
  expect(s.today).toBe("2026-12-20");
});

test("K7 tally: a new 'Kiểm phiếu' sheet with the counts; every other value unchanged; undo restores the workbook exactly", async () => {
  const { sim, m, reading } = await open();
  const before = workbookState(sim);
  const entries = await entriesFor(m, reading);
  const { sheetName } = await m.writeTally(reading, entries, "vi");
  expect(sheetName).toBe("Kiểm phiếu");
  const after = workbookState(sim);
  // Every sheet that was there is cell for cell the same; the only new sheet is the tally.
  for (const key of Object.keys(before).filter(
    (k) => k.endsWith("!cells") || k.endsWith("!widths")
  ))
    expect({ key, state: after[key] }).toEqual({ key, state: before[key] });
  expect((after.sheets as string[][]).map((s) => s[0])).toEqual([
    ...(before.sheets as string[][]).map((s) => s[0]),
    "Kiểm phiếu",
  ]);
  const flat = shown(sim, "Kiểm phiếu").flat();
  for (const n of [20, 19, 18, 1, 17]) expect(flat).toContain(n);
  const candidateRow = shown(sim, "Kiểm phiếu").find((row) => row[1] === "Văn phòng UBND tỉnh")!;
  // votes 17 of the 19 ballots cast (K7: the share is of the ballots returned).
  expect(candidateRow.slice(2, 4)).toEqual([17, 19]);
  expect(candidateRow[4]).toBeCloseTo(17 / 19, 9);

  expect(await m.undoTally(sheetName)).toBe(true);
  expect(workbookState(sim)).toEqual(before);
  // Twice is nothing to undo.
  expect(await m.undoTally(sheetName)).toBe(false);
}, 90_000);

test("a second tally never clears the first (the tellers may have typed into it); undo removes only the second", async () => {
  const { sim, m, reading } = await open();
  const entries = await entriesFor(m, reading);
  const first = await m.writeTally(reading, entries, "vi");
  const afterFirst = workbookState(sim);
  const second = await m.writeTally(reading, { ...entries, returned: "18", valid: "18" }, "vi");
  expect(second.sheetName).toBe("Kiểm phiếu (2)");
  expect(afterFirst[`${first.sheetName}!cells`]).toEqual(
    workbookState(sim)[`${first.sheetName}!cells`]
  );
  expect(await m.undoTally(second.sheetName)).toBe(true);
  expect(workbookState(sim)).toEqual(afterFirst);
}, 90_000);

test("a user's sheet named 'Kiểm phiếu' is neither written nor deleted by the undo", async () => {
  const { sim, m, reading } = await open();
  await sim.Excel.run(async (context: any) => {
    const ws = context.workbook.worksheets.add("Kiểm phiếu");
    ws.getRange("A1").values = [["Phiếu của tôi"]];
    await context.sync();
  });
  const before = workbookState(sim);
  const { sheetName } = await m.writeTally(reading, await entriesFor(m, reading), "vi");
  expect(sheetName).toBe("Kiểm phiếu (2)");
  expect(workbookState(sim)["Kiểm phiếu!cells"]).toEqual(before["Kiểm phiếu!cells"]);
  expect(await m.undoTally("Kiểm phiếu")).toBe(false);
  expect(await m.undoTally(sheetName)).toBe(true);
  expect(workbookState(sim)).toEqual(before);
}, 90_000);

test("entries that do not add up are refused and nothing is written", async () => {
  const { sim, m, reading } = await open();
  const before = workbookState(sim);
  const entries = { ...(await entriesFor(m, reading)), returned: "25" };
  expect(m.check(entries).map((p) => p.key)).toEqual(["returnedAboveIssued"]);
  await expect(m.writeTally(reading, entries, "vi")).rejects.toThrow();
  expect(workbookState(sim)).toEqual(before);
});

async function docText(blob: Blob): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(await blob.arrayBuffer()));
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join("");
}

test("the minutes, the count and the proposal name the attendance and vote figures entered in the pane", async () => {
  const { m, reading } = await open();
  const entries = await entriesFor(m, reading);
  const minutes = await m.buildDoc("minutes", reading, entries, "vi");
  expect(minutes.fileName).toBe("Bien-ban-hop-2021.docx");
  const text = await docText(minutes.blob);
  expect(text).toContain("Các đơn vị thành viên dự họp (6/7 đơn vị):");
  expect(text).toContain("Hội trường Văn phòng UBND tỉnh");
  expect(text).toContain(
    "Số phiếu phát ra: 20; số phiếu thu về: 19; số phiếu hợp lệ: 18; số phiếu không hợp lệ: 1."
  );
  expect(text).toMatch(/Văn phòng UBND tỉnh\s*17\s*89,47 %/);
  expect(text).toContain("Sở Tài chính là Cụm trưởng; Sở Tư pháp là Cụm phó");
  expect(text).toContain("ngày 18 tháng 12 năm 2026");
  const votes = await docText((await m.buildDoc("votes", reading, entries, "vi")).blob);
  expect(votes).toContain("số phiếu thu về: 19");
  const proposal = await docText((await m.buildDoc("proposal", reading, entries, "vi")).blob);
  expect(proposal).toContain("17 (89,47 %)");
}, 90_000);

test("a count typed on the tally sheet after it was written is the user's: the undo keeps the sheet", async () => {
  const { sim, m, reading } = await open();
  const { sheetName } = await m.writeTally(reading, await entriesFor(m, reading), "vi");
  const row = shown(sim, sheetName).findIndex((r) => r[1] === "Văn phòng UBND tỉnh");
  await sim.Excel.run(async (context: any) => {
    context.workbook.worksheets.getItem(sheetName).getCell(row, 2).values = [[16]];
    await context.sync();
  });
  const typed = workbookState(sim);
  expect(await m.undoTally(sheetName)).toBe(false);
  expect(workbookState(sim)).toEqual(typed);
}, 90_000);

test("§8: with no settings saved, the pane's covenant and blank minutes print the sheet's year (2021), never today's", async () => {
  const { svc, reading } = await open();
  expect(reading.title?.year).toBe(2021);
  const minutes = await svc.buildMeetingDoc("minutes", reading, "vi");
  expect(minutes.fileName).toBe("Bien-ban-hop-2021.docx");
  const covenant = await svc.buildCovenant("docx", reading, "vi");
  if (covenant.kind !== "docx") throw new Error("expected a Word file");
  expect(covenant.fileName).toBe("Giao-uoc-thi-dua-2021.docx");
  const text = await docText(covenant.blob);
  expect(text).toContain("GIAO ƯỚC THI ĐUA NĂM 2021");
  expect(text).not.toContain("NĂM 2026");
}, 90_000);
