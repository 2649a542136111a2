/**
 * The ribbon's one-click ranking with the pane closed (issue 7): the ranking sheet is written and
 * shown; a failure opens the pane with a message instead of a button that silently does nothing.
 */
import * as fs from "fs";
import * as path from "path";
import { createSimulator, simulatorFromXlsx } from "../../src/simulator";
import { createOneClickRanking } from "../../src/commands/oneclick";
import { currentNotice, postNotice } from "../../src/excel/notice";
import { SAMPLES } from "../paths";

afterEach(() => postNotice(null));

test("one click on s4 writes a provisional ranking sheet, activates it and tells the pane", async () => {
  const sim = await simulatorFromXlsx(
    fs.readFileSync(path.join(SAMPLES, "s4-bad-inputs", "input.xlsx"))
  );
  let opened = 0;
  const office = { ...sim.Office, addin: { showAsTaskpane: async () => void opened++ } };
  await createOneClickRanking({
    excel: sim.Excel as any,
    office,
    now: () => new Date(2026, 1, 5),
  })();
  const n = currentNotice();
  expect(n).toMatchObject({ kind: "ranked", provisional: true });
  const sheetName = n && n.kind === "ranked" ? n.sheetName : "";
  expect(sim.model.activeSheet().name).toBe(sheetName);
  expect(sim.model.sheets.map((s) => s.name)).toContain(sheetName);
  expect(opened).toBe(0);
});

test("one click on an empty workbook posts a no-score-sheet failure and opens the pane", async () => {
  const sim = createSimulator({ sheets: ["Sheet1"] });
  let opened = 0;
  const office = { ...sim.Office, addin: { showAsTaskpane: async () => void opened++ } };
  await createOneClickRanking({ excel: sim.Excel as any, office })();
  expect(currentNotice()).toMatchObject({ kind: "failed", code: "no-score-sheet" });
  expect(opened).toBe(1);
  expect(sim.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
});
