/**
 * The live-formula ranking sheet follows a score edit (issue 15 item 6): the rank, the Nhất/Nhì/Ba
 * label and the award proposal (K5 flag then Bằng khen, K4 ineligible passed over, K9 a tie across a
 * slot "chờ bình xét") are portable formulas over the live totals; the row order and the top-three
 * shading stay as written, and the sheet says so. Proved twice: HyperFormula in the simulator
 * recalculates after an edit, and LibreOffice recalculates the written .xlsx after the score is
 * changed in the file.
 *
 * Hand-computed: 3 units on 2 criteria (max 50 each). A = 45 + 45 = 90, B = 44 + 40 = 84,
 * C = 41 + 42.5 = 83.5. One flag, one Bằng khen.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeWorkbook } from "../../src/core";
import { defaultProfile, type ClusterProfile } from "../../src/core/profile";
import { readWorkbookSnapshot, writeOurSheet } from "../../src/excel/email";
import { buildRankingSheet } from "../../src/sheets/ranking";
import { createSimulator, type Simulator } from "../../src/simulator";
import { convert, makeProfile } from "../libreoffice/soffice";

jest.setTimeout(180_000);

const FLAG = "Cờ thi đua của UBND tỉnh";
const MERIT = "Bằng khen của Chủ tịch UBND tỉnh";
const PENDING = "Chờ bình xét (đồng điểm ở suất khen cuối)";

function profile(over: Partial<ClusterProfile> = {}): ClusterProfile {
  const p = defaultProfile(2025);
  return {
    ...p,
    clusterName: "Cụm thi đua các cơ quan tham mưu tổng hợp",
    awards: { flagLabel: FLAG, flagSlots: 1, meritLabel: MERIT, meritSlots: 1 },
    ...over,
  };
}

function scoreSheet(): Simulator {
  const sim = createSimulator({ sheets: ["Bảng điểm"] });
  const m = sim.model;
  const s = m.sheets[0];
  m.batch(() => {
    m.setConstant(s, 0, 0, "BẢNG ĐIỂM THI ĐUA NĂM 2025");
    ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Đơn vị A", "Đơn vị B", "Đơn vị C"].forEach((h, c) =>
      m.setConstant(s, 1, c, h)
    );
    [
      ["1", "Hoàn thành kế hoạch công tác năm", 50, 45, 44, 41],
      ["2", "Chất lượng tham mưu, tổng hợp", 50, 45, 40, 42.5],
    ].forEach((row, r) => row.forEach((v, c) => m.setConstant(s, 2 + r, c, v)));
  });
  return sim;
}

/** Writes the live ranking sheet into the simulator; returns where its award column sits. */
async function writeLive(sim: Simulator, p: ClusterProfile) {
  const snap = await readWorkbookSnapshot(sim.Excel);
  const res = analyzeWorkbook(snap.grids, { profile: p, lang: "vi" });
  if (!res.ok) throw new Error(res.message);
  const spec = buildRankingSheet(res.report, p, {
    mode: "formulas",
    date: new Date(2026, 1, 5),
    sourceSheets: ["Bảng điểm"],
    lang: "vi",
  });
  const name = await writeOurSheet(sim.Excel, spec);
  const header = spec.cells.find((c) => c.value === "Đề nghị khen thưởng")!;
  const rank = spec.cells.find((c) => c.value === "Xếp hạng" && c.row === header.row)!;
  const unit = spec.cells.find((c) => c.value === "Đơn vị" && c.row === header.row)!;
  // Header, then the max row, then one row per unit in the order written (by rank then).
  const first = header.row + 2;
  return { name, spec, first, award: header.col, rank: rank.col, unit: unit.col };
}

function column(sim: Simulator, sheet: string, first: number, col: number): unknown[] {
  const s = sim.model.sheetByName(sheet)!;
  return sim.model
    .results(s, { top: first, left: col, bottom: first + 2, right: col })
    .map((r) => r[0] ?? "");
}

describe("live-formula ranking: the award and the rank follow a score edit (issue 15)", () => {
  it("K5/K9 in the simulator: flag and Bằng khen move with the totals, a tie across the flag waits for the vote", async () => {
    const sim = scoreSheet();
    const at = await writeLive(sim, profile());
    expect(column(sim, at.name, at.first, at.unit)).toEqual(["Đơn vị A", "Đơn vị B", "Đơn vị C"]);
    expect(column(sim, at.name, at.first, at.award)).toEqual([FLAG, MERIT, ""]);

    const m = sim.model;
    const s = m.sheetByName("Bảng điểm")!;
    m.setConstant(s, 2, 5, 50); // C: 50 + 42.5 = 92.5, first
    expect(column(sim, at.name, at.first, at.rank)).toEqual([2, 3, 1]);
    expect(column(sim, at.name, at.first, at.award)).toEqual([MERIT, "", FLAG]);

    m.setConstant(s, 2, 5, 47.5); // C: 90, tied with A for the one flag
    expect(column(sim, at.name, at.first, at.rank)).toEqual([1, 3, 1]);
    expect(column(sim, at.name, at.first, at.award)).toEqual([PENDING, "", PENDING]);

    // What stays as written is said on the sheet.
    expect(
      at.spec.cells.some(
        (c) =>
          typeof c.value === "string" &&
          c.value.includes("Thứ tự dòng và màu nền của ba đơn vị dẫn đầu theo kết quả lúc lập bảng")
      )
    ).toBe(true);
  });

  it("K4: an ineligible unit keeps its rank, gets no award, and the next eligible unit takes the slot", async () => {
    const sim = scoreSheet();
    const p = profile({
      eligibility: [{ unit: "Đơn vị A", reasons: ["có cán bộ vi phạm kỷ luật"] }],
    });
    const at = await writeLive(sim, p);
    expect(column(sim, at.name, at.first, at.award)).toEqual(["", FLAG, MERIT]);
    const s = sim.model.sheetByName("Bảng điểm")!;
    sim.model.setConstant(s, 3, 4, 30); // B: 44 + 30 = 74, last
    expect(column(sim, at.name, at.first, at.rank)).toEqual([1, 3, 2]);
    expect(column(sim, at.name, at.first, at.award)).toEqual(["", MERIT, FLAG]);
  });

  it("LibreOffice recalculates the written .xlsx after a score is changed in the file: the award moves", async () => {
    const sim = scoreSheet();
    const at = await writeLive(sim, profile());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sim.toXlsx()).slice().buffer as ArrayBuffer);
    // The score changes in the file; every cached result in the ranking sheet is now stale.
    wb.getWorksheet("Bảng điểm")!.getCell("F3").value = 50;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-live-"));
    const file = path.join(dir, "live.xlsx");
    fs.writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const [out] = convert(
      [file],
      "xlsx:Calc MS Excel 2007 XML",
      path.join(dir, "out"),
      makeProfile()
    );
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(fs.readFileSync(out).buffer as ArrayBuffer);
    const ws = back.getWorksheet(at.name)!;
    const read = (col: number) =>
      [0, 1, 2].map((i) => {
        const v = ws.getRow(at.first + i + 1).getCell(col + 1).value as any;
        return v && typeof v === "object" && "formula" in v ? (v.result ?? "") : (v ?? "");
      });
    expect(read(at.rank)).toEqual([2, 3, 1]);
    expect(read(at.award)).toEqual([MERIT, "", FLAG]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
