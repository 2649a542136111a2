/**
 * The email loop's fixtures: a small cluster, its criteria, and forms filled the way units fill them
 * (through ExcelJS, on the very template the pane sends out).
 */
import ExcelJS from "exceljs";
import { defaultProfile, type ClusterProfile } from "../../src/core/profile";
import type { CriterionKind, CriterionNode } from "../../src/core/report";
import { buildTemplateFiles } from "../../src/xlsx/email";

export function node(
  id: string,
  label: string,
  max: number | null,
  kind: CriterionKind,
  children: CriterionNode[] = [],
  level = 0
): CriterionNode {
  return { id, code: id.split(".").pop() ?? "", label, max, weight: 1, kind, level, children };
}

export const CRITERIA: CriterionNode[] = [
  node("I", "Kết quả thực hiện nhiệm vụ chính trị", 60, "content", [
    node("I.1", "Hoàn thành kế hoạch công tác năm", 25, "content", [], 1),
    node("I.2", "Chất lượng tham mưu, tổng hợp", 20, "content", [], 1),
    node("I.3", "Cải cách hành chính, chuyển đổi số", 15, "content", [], 1),
  ]),
  node("II", "Công tác thi đua, khen thưởng", 35, "content", [
    node("II.1", "Phát động và ký kết giao ước thi đua", 20, "content", [], 1),
    node("II.2", "Tham gia hoạt động chung của Cụm", 15, "content", [], 1),
  ]),
  node("III", "Điểm cộng (tối đa 5 điểm)", 5, "bonus", [
    node("III.1", "Sáng kiến, mô hình mới", 3, "bonus", [], 1),
    node("III.2", "Được tặng Bằng khen cấp tỉnh", 4, "bonus", [], 1),
  ]),
  node("IV", "Điểm trừ", null, "deduction", [
    node("IV.1", "Chậm gửi báo cáo", 3, "deduction", [], 1),
  ]),
];

/** Leaf labels in sheet order: a filled form gives one value per leaf. */
export const LEAVES = [
  "Hoàn thành kế hoạch công tác năm",
  "Chất lượng tham mưu, tổng hợp",
  "Cải cách hành chính, chuyển đổi số",
  "Phát động và ký kết giao ước thi đua",
  "Tham gia hoạt động chung của Cụm",
  "Sáng kiến, mô hình mới",
  "Được tặng Bằng khen cấp tỉnh",
  "Chậm gửi báo cáo",
];

export const MEMBERS = ["Sở Tư pháp", "Sở Ngoại vụ", "Ban Dân tộc", "Sở Nội vụ", "Thanh tra tỉnh"];

export function clusterProfile(overrides: Partial<ClusterProfile> = {}): ClusterProfile {
  return {
    ...defaultProfile(2025),
    clusterName: "Cụm thi đua các cơ quan tham mưu tổng hợp",
    place: "Quảng Nam",
    members: MEMBERS.slice(),
    ...overrides,
  };
}

export const DATE = new Date(2026, 0, 5);

/** The form the pane sends to `unit`, as bytes. */
export async function templateFor(unit: string, profile = clusterProfile()): Promise<Uint8Array> {
  const files = await buildTemplateFiles({ ...profile, members: [unit] }, CRITERIA, {
    lang: "vi",
    date: DATE,
  });
  return files[0].bytes;
}

export type Entry = number | string | null;

/** Fill a form as a unit does: self scores per leaf (null = left blank), optionally review scores. */
export async function fillForm(
  bytes: Uint8Array,
  self: Entry[],
  review?: Entry[],
  edit?: (ws: ExcelJS.Worksheet, rowOf: (label: string) => number) => void
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  const ws = wb.worksheets[0];
  let selfCol = -1;
  let reviewCol = -1;
  let labelCol = -1;
  ws.eachRow((row) =>
    row.eachCell((cell, col) => {
      if (cell.value === "Điểm tự chấm") selfCol = col;
      if (cell.value === "Điểm cụm chấm") reviewCol = col;
      if (cell.value === "Nội dung tiêu chí") labelCol = col;
    })
  );
  const rowOf = (label: string): number => {
    let found = -1;
    ws.eachRow((row, rn) => {
      if (row.getCell(labelCol).value === label) found = rn;
    });
    if (found < 0) throw new Error(`no row ${label}`);
    return found;
  };
  LEAVES.forEach((label, i) => {
    const r = rowOf(label);
    if (self[i] !== null) ws.getCell(r, selfCol).value = self[i];
    if (review && review[i] !== null) ws.getCell(r, reviewCol).value = review[i];
  });
  edit?.(ws, rowOf);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
