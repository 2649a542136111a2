/**
 * Hidden rows and columns in the simulator (issue 5): Office's Range.rowHidden / columnHidden (true
 * when all rows/columns of the range are hidden, false when none, null when mixed) and their trip
 * through .xlsx, so the adapter can be tested on the same workbooks `thidua rank` reads.
 */
import ExcelJS from "exceljs";
import { createSimulator, simulatorFromXlsx, type Simulator } from "../../src/simulator";

type Ctx = any;

function sheetSim(): Simulator {
  const s = createSimulator({ sheets: ["Bảng điểm"] });
  const sheet = s.model.sheets[0];
  for (let r = 0; r < 6; r++) for (let c = 0; c < 6; c++) s.model.setConstant(sheet, r, c, r * c);
  return s;
}

async function hiddenOf(s: Simulator, addresses: string[]): Promise<[unknown, unknown][]> {
  return s.Excel.run(async (context: Ctx) => {
    const ws = context.workbook.worksheets.getItem("Bảng điểm");
    const ranges = addresses.map((a) => ws.getRange(a).load("rowHidden, columnHidden"));
    await context.sync();
    return ranges.map((r: any) => [r.rowHidden, r.columnHidden]);
  });
}

/** Hides whole rows ("3:3") and columns ("E:E") through the API, as a user's add-in would. */
async function hide(s: Simulator, rows: string[], cols: string[]): Promise<void> {
  await s.Excel.run(async (context: Ctx) => {
    const ws = context.workbook.worksheets.getItem("Bảng điểm");
    for (const r of rows) ws.getRange(r).rowHidden = true;
    for (const c of cols) ws.getRange(c).columnHidden = true;
    await context.sync();
  });
}

describe("Range.rowHidden / columnHidden (issue 5)", () => {
  test("nothing hidden: false for rows and columns", async () => {
    expect(await hiddenOf(sheetSim(), ["A1:F6", "C3"])).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  test("hiding row 3 and column E: true on them, null on a range that mixes them, false elsewhere", async () => {
    const s = sheetSim();
    await hide(s, ["3:3"], ["E:E"]);
    expect(await hiddenOf(s, ["A3:F3", "E1:E6", "A1:F6", "A1:B2", "A2:A4"])).toEqual([
      [true, null],
      [null, true],
      [null, null],
      [false, false],
      [null, false],
    ]);
    expect([...s.model.sheets[0].hiddenRows]).toEqual([2]);
    expect([...s.model.sheets[0].hiddenCols]).toEqual([4]);
  });

  test("setting false on a multi-row range unhides every row of it, and only those", async () => {
    const s = sheetSim();
    await s.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Bảng điểm");
      ws.getRange("A2:A5").rowHidden = true;
      await context.sync();
      ws.getRange("A3:A4").rowHidden = false;
      await context.sync();
    });
    expect([...s.model.sheets[0].hiddenRows].sort()).toEqual([1, 4]);
    expect(await hiddenOf(s, ["A2:A5", "A2", "A5"])).toEqual([
      [null, false],
      [true, false],
      [true, false],
    ]);
  });

  test("hiding leaves the cells' values as they were (a hidden column is still data)", async () => {
    const s = sheetSim();
    await s.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Bảng điểm").getRange("E:E").columnHidden = true;
      await context.sync();
    });
    expect(s.model.result(s.model.sheets[0], 3, 4)).toBe(12);
  });

  test("a protected sheet refuses to hide rows unless its options allow formatting rows", async () => {
    const s = sheetSim();
    const hide = (): Promise<void> =>
      s.Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Bảng điểm").getRange("2:2").rowHidden = true;
        await context.sync();
      });
    s.model.sheets[0].protection = { protected: true, options: {} };
    await expect(hide()).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(s.model.sheets[0].hiddenRows.size).toBe(0);
    s.model.sheets[0].protection = { protected: true, options: { allowFormatRows: true } };
    await hide();
    expect([...s.model.sheets[0].hiddenRows]).toEqual([1]);
  });

  test("a value other than true/false is refused (InvalidArgument)", async () => {
    const s = sheetSim();
    await expect(
      s.Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Bảng điểm").getRange("B:B").columnHidden = null;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("hidden rows and columns ⇄ .xlsx (issue 5)", () => {
  test("an .xlsx with column E and row 5 hidden loads with them hidden, and saves them back", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bảng điểm");
    ws.addRow(["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Năm 2024", "Sở B"]);
    for (let i = 0; i < 5; i++) ws.addRow([String(i + 1), `Tiêu chí ${i + 1}`, 10, 8, 9, 7]);
    ws.getColumn(5).hidden = true;
    ws.getRow(5).hidden = true;
    const s = await simulatorFromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(await hiddenOf(s, ["E1:E6", "A5:F5", "A1:F6"])).toEqual([
      [null, true],
      [true, null],
      [null, null],
    ]);

    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await s.toXlsx()) as any);
    const bws = back.getWorksheet("Bảng điểm")!;
    expect([1, 2, 3, 4, 5, 6].map((c) => bws.getColumn(c).hidden)).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((r) => bws.getRow(r).hidden)).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
    ]);
    // The hidden cells keep their values through the trip.
    expect(bws.getCell("E5").value).toBe(9);
  });

  test("a hidden row or column that holds nothing survives the trip too", async () => {
    const s = sheetSim();
    await hide(s, ["10:10"], ["K:K"]);
    const again = await simulatorFromXlsx(await s.toXlsx());
    expect([...again.model.sheets[0].hiddenRows]).toEqual([9]);
    expect([...again.model.sheets[0].hiddenCols]).toEqual([10]);
  });
});
