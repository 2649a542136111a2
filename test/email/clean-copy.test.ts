/**
 * "Tạo bản sao để gửi" (issue 15 item 2): the copy is the workbook as the user sees it. The open
 * workbook (simulator, handed over as a file the way Office's getFileAsync does) is compared with the
 * copy cell by cell, value AND style, plus widths, heights, merges, print setup and the profile part;
 * THIDUA formulas and their whole spills become values; the open workbook itself is untouched.
 */
import ExcelJS from "exceljs";
import { profileFromXml, profileToXml, PROFILE_NAMESPACE } from "../../src/excel/profile-store";
import { thiduaFunctionIn } from "../../src/core/presend";
import { createExcelEmailService } from "../../src/taskpane/email/excel-email-service";
import { readCustomXmlParts } from "../../src/xlsx/email";
import { frozenWorkbook, TOTALS, UNITS, workbookState } from "./freeze-fixture";
import { clusterProfile } from "./helpers";

jest.setTimeout(120_000);

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

function headWorkbook() {
  const sim = frozenWorkbook();
  const m = sim.model;
  const s = m.sheetByName("Bảng điểm")!;
  m.merge(s, { top: 0, left: 0, bottom: 0, right: 10 }, false);
  m.patchStyle(s, 0, 0, {
    font: { bold: true, size: 14, name: "Times New Roman" },
    horizontalAlignment: "Center",
  });
  s.rowHeights.set(0, 28);
  s.pageLayout.orientation = "Landscape";
  s.pageLayout.paperSize = "A4";
  s.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  m.addCustomXmlPart(profileToXml(clusterProfile()));
  return sim;
}

const STYLE_KEYS = ["font", "fill", "border", "numFmt", "alignment"] as const;

function styleOf(cell: ExcelJS.Cell): unknown {
  const out: Record<string, unknown> = {};
  for (const k of STYLE_KEYS) {
    const v = (cell as unknown as Record<string, unknown>)[k];
    if (v !== undefined && !(typeof v === "object" && v && Object.keys(v).length === 0)) out[k] = v;
  }
  return out;
}

/** ExcelJS, not Office: no load or sync (a plain function keeps the Office lint rules out of it). */
function cellAt(ws: ExcelJS.Worksheet, address: string): ExcelJS.Cell {
  return ws.getCell(address);
}

/** What a reader without the add-in shows: a formula's cached result, or the constant. */
function shownOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value as any;
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v))
    return v.result ?? null;
  return v ?? null;
}

describe("Tạo bản sao để gửi: the workbook as the user sees it (issue 15)", () => {
  it("keeps every cell's value and style, widths, heights, merges, print setup and the profile, with THIDUA spills as values", async () => {
    const sim = headWorkbook();
    const before = workbookState(sim);
    const service = createExcelEmailService(sim.Excel, sim.Office);
    const copy = await service.cleanCopy("vi");
    expect(copy.fromFile).toBe(true);
    // The RANKING and TOTAL anchors and the scalar THIDUA cell; the two error cells have no value.
    expect(copy.frozen).toBe(5);
    expect(copy.withoutValue).toEqual(["'Bảng điểm'!A20", "'Bảng điểm'!A21"]);

    const original = await load(await sim.toXlsx());
    const sent = await load(new Uint8Array(await copy.file.blob.arrayBuffer()));
    expect(sent.worksheets.map((w) => [w.name, w.state])).toEqual(
      original.worksheets.map((w) => [w.name, w.state])
    );
    let compared = 0;
    for (const ws of original.worksheets) {
      const out = sent.getWorksheet(ws.name)!;
      const seen = new Set<string>();
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          seen.add(cell.address);
          const got = cellAt(out, cell.address);
          expect([ws.name, cell.address, styleOf(got)]).toEqual([
            ws.name,
            cell.address,
            styleOf(cell),
          ]);
          const v = cell.value as any;
          const ours =
            v && typeof v === "object" && typeof v.formula === "string"
              ? thiduaFunctionIn(`=${v.formula}`) !== null
              : false;
          if (ours) expect([cell.address, got.value]).toEqual([cell.address, v.result ?? null]);
          else expect([cell.address, got.value]).toEqual([cell.address, cell.value]);
          compared++;
        })
      );
      out.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (!seen.has(cell.address))
            expect([cell.address, cell.value]).toEqual([cell.address, null]);
        })
      );
      expect(out.columns?.map((c) => c.width)).toEqual(ws.columns?.map((c) => c.width));
      for (let r = 1; r <= ws.rowCount; r++)
        expect([r, out.getRow(r).height]).toEqual([r, ws.getRow(r).height]);
      expect((out as any).model.merges).toEqual((ws as any).model.merges);
      expect(out.pageSetup).toEqual(ws.pageSetup);
    }
    expect(compared).toBeGreaterThan(80);

    // The whole RANKING table (8 × 5) and TOTAL row (7), as values, and no THIDUA formula left.
    const s = sent.getWorksheet("Bảng điểm")!;
    const block = (top: number, left: number, rows: number, cols: number) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => shownOf(s.getCell(top + r, left + c)))
      );
    const ranking = block(8, 1, 8, 5);
    expect(ranking.map((r) => r[0])).toEqual(UNITS);
    expect(ranking.map((r) => r[1])).toEqual(TOTALS);
    expect(ranking.map((r) => r[2])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(block(18, 1, 1, 7)).toEqual([TOTALS.slice(0, 7)]);
    expect(s.getCell("B8").numFmt).toBe("0.00");
    // The look the comparison above carried over, named: width, fill, border, merge, print setup.
    expect(s.getColumn(2).width).toBeGreaterThan(30);
    expect((s.getCell("E2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
    expect(s.getCell("E2").border?.bottom?.style).toBe("thin");
    expect(s.getCell("K1").isMerged).toBe(true);
    expect(s.getRow(1).height).toBe(28);
    expect([s.pageSetup.orientation, s.pageSetup.paperSize, s.pageSetup.fitToWidth]).toEqual([
      "landscape",
      9,
      1,
    ]);
    for (const w of sent.worksheets)
      w.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as any;
          if (v && typeof v.formula === "string")
            expect(thiduaFunctionIn(`=${v.formula}`)).toBeNull();
        })
      );
    expect(s.getCell("D5").value).toEqual({ formula: "SUM(D3:D4)", result: 87.75 });

    const parts = await readCustomXmlParts(new Uint8Array(await copy.file.blob.arrayBuffer()));
    const profile = parts.find((x) => x.includes(PROFILE_NAMESPACE));
    expect(profileFromXml(profile!)?.clusterName).toBe(clusterProfile().clusterName);

    // The open workbook is untouched: every value, formula and style as before.
    expect(workbookState(sim)).toEqual(before);
  });

  it("the simulator stores a spill as Excel does and reads it back live (no #SPILL! from its own cache)", async () => {
    const sim = headWorkbook();
    const wb = await load(await sim.toXlsx());
    const a8 = wb.getWorksheet("Bảng điểm")!.getCell("A8").value as any;
    expect([a8.shareType, a8.ref, a8.result]).toEqual(["array", "A8:E15", UNITS[0]]);
    expect(wb.getWorksheet("Bảng điểm")!.getCell("B15").value).toBe(86);
    const { simulatorFromXlsx } = await import("../../src/simulator");
    const again = await simulatorFromXlsx(await sim.toXlsx());
    const s = again.model.sheetByName("Bảng điểm")!;
    expect(again.model.spillRect(s, 7, 0)).toEqual({ top: 7, left: 0, bottom: 14, right: 4 });
    expect(again.model.result(s, 14, 1)).toBe(86);
  });
});
