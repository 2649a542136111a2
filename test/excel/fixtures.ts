/** Workbooks for the adapter tests: the samples (samples/), and layout-A score sheets of any size. */
import * as fs from "fs";
import * as path from "path";
import { createSimulator, simulatorFromXlsx, type Simulator } from "../../src/simulator";
import { createExcelAdapter, type ExcelAdapter, type ExcelHost } from "../../src/excel";
import { SAMPLES } from "../paths";

export { SAMPLES };

export function sample(p: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(SAMPLES, p)));
}

export function adapterFor(sim: Simulator, payloadBudget?: number): ExcelAdapter {
  return createExcelAdapter(sim.Excel as unknown as ExcelHost, {
    office: sim.Office,
    payloadBudget,
  });
}

export async function sampleSim(p: string): Promise<Simulator> {
  return simulatorFromXlsx(sample(p));
}

const CRITERIA: [string, string, number][] = [
  ["I", "Kết quả thực hiện nhiệm vụ chính trị", 60],
  ["1", "Hoàn thành kế hoạch công tác năm", 25],
  ["2", "Chất lượng tham mưu, tổng hợp", 20],
  ["3", "Cải cách hành chính, chuyển đổi số", 15],
  ["II", "Công tác thi đua, khen thưởng", 40],
  ["1", "Phát động và ký kết giao ước thi đua", 20],
  ["2", "Tham gia hoạt động chung của Cụm", 20],
];

/**
 * A layout-A sheet "Bảng điểm" (criteria in rows, one column per unit) with `n` units and
 * deterministic scores; section rows bold with SUM formulas, a TỔNG CỘNG row.
 */
export function layoutASim(n: number): Simulator {
  const sim = createSimulator({ sheets: ["Bảng điểm"] });
  const m = sim.model;
  const s = m.sheets[0];
  m.batch(() => {
    m.setConstant(s, 0, 0, "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2025");
    const header = ["STT", "Nội dung tiêu chí", "Điểm chuẩn"];
    header.forEach((h, c) => m.setConstant(s, 2, c, h));
    for (let u = 0; u < n; u++) m.setConstant(s, 2, 3 + u, `Đơn vị số ${u + 1}`);
    for (let c = 0; c < 3 + n; c++) m.patchStyle(s, 2, c, { font: { bold: true } });
    CRITERIA.forEach(([code, label, max], i) => {
      const r = 3 + i;
      const section = /^[IVX]+$/.test(code);
      m.setConstant(s, r, 0, code);
      m.setConstant(s, r, 1, label);
      m.setConstant(s, r, 2, max);
      if (section) for (let c = 0; c < 3 + n; c++) m.patchStyle(s, r, c, { font: { bold: true } });
    });
    for (let u = 0; u < n; u++) {
      const c = 3 + u;
      CRITERIA.forEach(([code, , max], i) => {
        const r = 3 + i;
        if (/^[IVX]+$/.test(code)) return;
        // Quarter points, different per unit, never above the max.
        const score = Math.max(0, max - ((u * 7 + i * 3) % 12) * 0.25);
        m.setConstant(s, r, c, score);
      });
      const L = letter(c);
      m.setFormula(s, 3, c, `=SUM(${L}5:${L}7)`);
      m.setFormula(s, 7, c, `=SUM(${L}9:${L}10)`);
      m.setFormula(s, 10, c, `=${L}4+${L}8`);
    }
    m.setConstant(s, 10, 1, "TỔNG CỘNG");
  });
  return sim;
}

function letter(c: number): string {
  let s = "";
  let x = c + 1;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** Every user cell (values and formulas) of the named sheets, for before/after comparisons. */
export function snapshot(
  sim: Simulator,
  sheets?: string[],
  results = true
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of sim.model.sheets) {
    if (sheets && !sheets.includes(s.name)) continue;
    s.forEachCell((r, c, cell) => {
      out[`${s.name}!${r},${c}`] = results
        ? [cell.value, cell.formula ?? null, sim.model.result(s, r, c)]
        : [cell.value, cell.formula ?? null];
    });
  }
  return out;
}
