/**
 * Writes samples/<case>/*.xlsx and expected.json: the six reference score sheets (DOMAIN §4 layouts
 * A, B, C and per-unit files, bad inputs, TCVN3) as provincial offices lay them out, with the fonts,
 * merges, borders, SUM formulas and the cached results Excel saved with them.
 * The expected results are hand-written from the leaf scores below, not computed by src/core.
 * Run: npm run samples
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";

type Score = number | string | null;
type Fill = ExcelJS.Style;

export interface Expected {
  files: string[];
  units: { name: string; total: number; rank: number }[];
  issues: { code: string; cell?: string; unit?: string }[];
  provisional: boolean;
  noErrors?: boolean;
}

export interface Sample {
  name: string;
  /** What the case shows, Vietnamese then English (samples/README.md holds the same table). */
  shows: [string, string];
  files: Record<string, ExcelJS.Workbook>;
  expected: Expected;
}

// One fixed date so that regenerating writes the same workbook properties.
const WRITTEN = new Date(Date.UTC(2026, 10, 22, 6, 27, 5));
const TNR = "Times New Roman";
const THIN: Partial<ExcelJS.Borders> = {
  left: { style: "thin" },
  right: { style: "thin" },
  top: { style: "thin" },
  bottom: { style: "thin" },
};
// The default font of a new Excel workbook, as Excel stores it on cells typed without formatting.
const CALIBRI: Partial<ExcelJS.Font> = {
  name: "Calibri",
  size: 11,
  color: { theme: 1 },
  family: 2,
  scheme: "minor",
};

/** The criteria tree every "Cụm" form of these samples uses (DOMAIN §2): code, label, max, kind. */
type Kind = "section" | "group" | "leaf" | "deductions";
interface Crit {
  code: string;
  label: string;
  max?: number;
  kind: Kind;
  /** Offsets (rows below this one) of the rows a section or group sums. */
  sums?: number[];
}
const TREE: Crit[] = [
  {
    code: "I",
    label: "Kết quả thực hiện nhiệm vụ chính trị, chuyên môn",
    max: 60,
    kind: "section",
    sums: [1, 2, 3],
  },
  { code: "1", label: "Hoàn thành chương trình, kế hoạch công tác năm", max: 25, kind: "leaf" },
  {
    code: "2",
    label: "Chất lượng tham mưu, tổng hợp phục vụ lãnh đạo tỉnh",
    max: 20,
    kind: "leaf",
  },
  { code: "3", label: "Cải cách hành chính, chuyển đổi số", max: 15, kind: "leaf" },
  {
    code: "II",
    label: "Xây dựng tổ chức đảng, đoàn thể, cơ quan",
    max: 15,
    kind: "section",
    sums: [1, 2],
  },
  { code: "1", label: "Tổ chức đảng hoàn thành tốt nhiệm vụ trở lên", max: 8, kind: "leaf" },
  { code: "2", label: "Công đoàn, Đoàn thanh niên, Hội Cựu chiến binh", max: 7, kind: "leaf" },
  {
    code: "III",
    label: "Công tác thi đua, khen thưởng",
    max: 25,
    kind: "section",
    sums: [1, 4, 5],
  },
  {
    code: "1",
    label: "Phát động và ký kết giao ước thi đua",
    max: 10,
    kind: "group",
    sums: [1, 2],
  },
  { code: "1.1", label: "Ban hành kế hoạch phát động thi đua", max: 5, kind: "leaf" },
  { code: "1.2", label: "Ký kết giao ước, đăng ký danh hiệu thi đua", max: 5, kind: "leaf" },
  { code: "2", label: "Tham gia hoạt động chung của Cụm", max: 10, kind: "leaf" },
  { code: "3", label: "Sơ kết, tổng kết, nhân rộng điển hình tiên tiến", max: 5, kind: "leaf" },
  { code: "IV", label: "Điểm cộng (tối đa 5 điểm)", max: 5, kind: "section", sums: [1, 2] },
  { code: "1", label: "Sáng kiến, mô hình mới được công nhận", max: 3, kind: "leaf" },
  { code: "2", label: "Được tặng Cờ thi đua, Bằng khen cấp tỉnh trở lên", max: 4, kind: "leaf" },
  { code: "V", label: "Điểm trừ", kind: "deductions" },
  { code: "1", label: "Chậm gửi báo cáo, hồ sơ thi đua", max: 3, kind: "leaf" },
  { code: "2", label: "Vi phạm quy chế, quy định của Cụm", max: 5, kind: "leaf" },
];
const SECTIONS = ["I", "II", "III", "IV"];

/** The same labels as an office typing with the .VnTime font saved them: TCVN3 (ABC) bytes as Latin-1. */
const TCVN3_LABELS = [
  "KÕt qu¶ thùc hiÖn nhiÖm vô chÝnh trÞ, chuyªn m«n",
  "Hoµn thµnh ch\u00ad¬ng tr×nh, kÕ ho¹ch c«ng t¸c n¨m",
  "ChÊt l\u00adîng tham m\u00adu, tæng hîp phôc vô l·nh ®¹o tØnh",
  "C¶i c¸ch hµnh chÝnh, chuyÓn ®æi sè",
  "X©y dùng tæ chøc ®¶ng, ®oµn thÓ, c¬ quan",
  "Tæ chøc ®¶ng hoµn thµnh tèt nhiÖm vô trë lªn",
  "C«ng ®oµn, §oµn thanh niªn, Héi Cùu chiÕn binh",
  "C«ng t¸c thi ®ua, khen th\u00adëng",
  "Ph¸t ®éng vµ ký kÕt giao \u00adíc thi ®ua",
  "Ban hµnh kÕ ho¹ch ph¸t ®éng thi ®ua",
  "Ký kÕt giao \u00adíc, ®¨ng ký danh hiÖu thi ®ua",
  "Tham gia ho¹t ®éng chung cña Côm",
  "S¬ kÕt, tæng kÕt, nh©n réng ®iÓn h×nh tiªn tiÕn",
  "§iÓm céng (tèi ®a 5 ®iÓm)",
  "S¸ng kiÕn, m« h×nh míi ®\u00adîc c«ng nhËn",
  "§\u00adîc tÆng Cê thi ®ua, B»ng khen cÊp tØnh trë lªn",
  "§iÓm trõ",
  "ChËm göi b¸o c¸o, hå s¬ thi ®ua",
  "Vi ph¹m quy chÕ, quy ®Þnh cña Côm",
];

const col = (c: number): string => {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const plainSum = (xs: Score[]): number =>
  xs.reduce<number>((a, x) => a + (typeof x === "number" ? x : 0), 0);

function style(cell: ExcelJS.Cell, s: Partial<Fill>): void {
  if (s.font) cell.font = s.font;
  if (s.border) cell.border = s.border;
  if (s.alignment) cell.alignment = s.alignment;
}

function sheet(
  name: string,
  widths: Record<string, number>
): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  wb.created = WRITTEN;
  wb.modified = WRITTEN;
  const ws = wb.addWorksheet(name);
  for (const [letter, width] of Object.entries(widths)) ws.getColumn(letter).width = width;
  return { wb, ws };
}

/** Title lines merged across the table, centred and bold as offices head a form. */
function titles(
  ws: ExcelJS.Worksheet,
  lastCol: number,
  lines: string[],
  font: string,
  italicSecond = false
): void {
  lines.forEach((text, i) => {
    const row = i + 1;
    for (let c = 1; c <= lastCol; c++) {
      const italic = italicSecond && i === 1;
      style(ws.getCell(row, c), {
        font: italic
          ? { italic: true, size: 13, name: font }
          : { bold: true, size: 13, name: font },
        alignment: { horizontal: "center" },
      });
    }
    ws.getCell(row, 1).value = text;
    ws.mergeCells(row, 1, row, lastCol);
  });
}

interface CriteriaTable {
  headerRow: number;
  font: string;
  labels: string[];
  /** One column of leaf scores (13, in TREE order) per score column, from column D on. */
  columns: Score[][];
  /** Columns after the score columns that are bordered but empty ("Ghi chú"). */
  trailing: number;
  /** Font of the bordered cells left empty (an office's default font may differ from the text's). */
  emptyFont?: string;
  totalLabel: string;
}

/**
 * Layout A (DOMAIN §4): criteria in rows, a score column per unit (or per unit and scorer), SUM
 * formulas on sections with the results Excel cached, and a TỔNG CỘNG row that adds sections and
 * subtracts the deductions. Returns the total row.
 */
function criteriaRows(ws: ExcelJS.Worksheet, t: CriteriaTable): number {
  const first = t.headerRow + 1;
  const lastCol = 3 + t.columns.length + t.trailing;
  const leafRowsOf: number[] = [];
  TREE.forEach((c, i) => {
    if (c.kind === "leaf") leafRowsOf.push(first + i);
  });
  const valueAt = new Map<number, Score[]>(); // row → score per column
  leafRowsOf.forEach((row, k) =>
    valueAt.set(
      row,
      t.columns.map((colScores) => colScores[k])
    )
  );
  // Bottom up: a section sums a group's cached result, and a group always sits below its section.
  for (let i = TREE.length - 1; i >= 0; i--) {
    const c = TREE[i];
    if (!c.sums) continue;
    const row = first + i;
    valueAt.set(
      row,
      t.columns.map((_, k) => plainSum(c.sums!.map((d) => (valueAt.get(row + d) ?? [])[k] ?? null)))
    );
  }
  TREE.forEach((c, i) => {
    const row = first + i;
    const bold = c.kind !== "leaf";
    const font = (name: string): Partial<ExcelJS.Font> =>
      bold ? { bold: true, size: 12, name } : { size: 12, name };
    for (let cc = 1; cc <= lastCol; cc++)
      style(ws.getCell(row, cc), { font: font(t.emptyFont ?? t.font), border: THIN });
    const set = (cc: number, v: ExcelJS.CellValue, wrap = false): void => {
      const cell = ws.getCell(row, cc);
      cell.value = v;
      style(cell, {
        font: font(t.font),
        border: THIN,
        alignment: wrap ? { wrapText: true } : undefined,
      });
    };
    set(1, c.code);
    set(2, t.labels[i], true);
    if (c.max !== undefined) set(3, c.max);
    t.columns.forEach((_, k) => {
      const cc = 4 + k;
      if (c.sums) {
        const refs = c.sums.map((d) => `${col(cc)}${row + d}`).join(",");
        set(cc, { formula: `SUM(${refs})`, result: valueAt.get(row)![k] as number });
      } else if (c.kind === "leaf") {
        const v = valueAt.get(row)![k];
        if (v !== null) set(cc, v);
      }
    });
  });
  const total = first + TREE.length;
  const sectionRows = SECTIONS.map(
    (code) => first + TREE.findIndex((c) => c.code === code && c.kind === "section")
  );
  const dedFirst = first + TREE.findIndex((c) => c.kind === "deductions") + 1;
  const dedLast = first + TREE.length - 1;
  for (let cc = 1; cc <= lastCol; cc++)
    style(ws.getCell(total, cc), {
      font: { bold: true, name: t.emptyFont ?? t.font },
      border: THIN,
    });
  const bold = { bold: true, name: t.font };
  ws.getCell(total, 2).value = t.totalLabel;
  style(ws.getCell(total, 2), { font: bold, border: THIN });
  t.columns.forEach((_, k) => {
    const cc = 4 + k;
    const c = col(cc);
    const sections = sectionRows.map((r) => valueAt.get(r)![k] as number);
    const deductions = plainSum([dedFirst, dedLast].map((r) => valueAt.get(r)![k]));
    const cell = ws.getCell(total, cc);
    cell.value = {
      formula: `${sectionRows.map((r) => `${c}${r}`).join("+")}-SUM(${c}${dedFirst}:${c}${dedLast})`,
      result: sections.reduce((a, x) => a + x, 0) - deductions,
    };
    style(cell, { font: bold, border: THIN });
  });
  return total;
}

function header(ws: ExcelJS.Worksheet, row: number, labels: string[], s: Partial<Fill>): void {
  labels.forEach((text, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.value = text;
    style(cell, s);
  });
}

function signatures(
  ws: ExcelJS.Worksheet,
  row: number,
  left: [string, string],
  right: string,
  font: Partial<ExcelJS.Font> | null
): void {
  const bold = font === null ? undefined : { bold: true, ...font };
  for (const [address, text, f] of [
    [left[0] + row, left[1], bold],
    [right + row, "TM. CỤM THI ĐUA", bold],
    [right + (row + 1), "CỤM TRƯỞNG", font === null ? undefined : { name: font.name }],
  ] as [string, string, Partial<ExcelJS.Font> | undefined][]) {
    ws.getCell(address).value = text;
    if (f && (f.bold || f.name !== TNR)) ws.getCell(address).font = f;
  }
}

const HEADER: Partial<Fill> = {
  font: { bold: true, name: TNR },
  border: THIN,
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
};

/** s1: layout A, seven units, a tie at 85,25 (K2: both 4th, next is 6th). */
function s1(): Sample {
  const units: [string, Score[]][] = [
    [
      "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
      [21.75, 17.5, 12.75, 7, 6.25, 4.75, 4.5, 8.5, 4.25, 0.5, 0, 0, 0],
    ],
    ["Văn phòng UBND tỉnh", [22.25, 19.75, 13.5, 7.5, 6.75, 4.5, 4.75, 9, 4.75, 0, 0, 0, 2.5]],
    ["Sở Tài chính", [23, 18.25, 13, 7, 6.25, 4.5, 4.5, 9, 4.5, 1, 1, 2, 2]],
    ["Sở Kế hoạch và Đầu tư", [20.5, 17.25, 12, 6.5, 6.25, 4.25, 4.5, 8.25, 4.25, 1.5, 0, 0, 0]],
    ["Sở Nội vụ", [20.5, 17.25, 13.25, 6.5, 6.25, 4, 4.5, 9, 4, 0, 0, 0, 2.5]],
    ["Sở Tư pháp", [20.75, 15.75, 11.75, 6.25, 5.5, 4.25, 3.75, 7.75, 3.75, 0.5, 0, 0, 1.5]],
    ["Sở Ngoại vụ", [20.5, 17.25, 12, 6.5, 6.25, 4.5, 4.25, 8.25, 4.25, 1.5, 0, 0, 0]],
  ];
  const { wb, ws } = sheet("Bảng điểm", { A: 6, B: 60 });
  titles(
    ws,
    11,
    [
      "CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP TỈNH LẠNG SƠN",
      "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2021",
    ],
    TNR
  );
  header(
    ws,
    4,
    ["STT", "Nội dung tiêu chí", "Điểm chuẩn", ...units.map((u) => u[0]), "Ghi chú"],
    HEADER
  );
  const total = criteriaRows(ws, {
    headerRow: 4,
    font: TNR,
    labels: TREE.map((c) => c.label),
    columns: units.map((u) => u[1]),
    trailing: 1,
    totalLabel: "TỔNG CỘNG",
  });
  signatures(ws, total + 3, ["B", "NGƯỜI LẬP BIỂU"], "I", { name: TNR });
  return {
    name: "s1-layout-a",
    shows: [
      "tiêu chí theo hàng, mỗi đơn vị một cột, tổng mục bằng công thức SUM, dòng TỔNG CỘNG, hai đơn vị bằng điểm",
      "criteria in rows, one column per unit, section subtotals as SUM formulas, a TỔNG CỘNG row, a tie",
    ],
    files: { "input.xlsx": wb },
    expected: {
      files: ["input.xlsx"],
      units: [
        { name: "Văn phòng UBND tỉnh", total: 90.25, rank: 1 },
        { name: "Sở Tài chính", total: 88, rank: 2 },
        { name: "Văn phòng Đoàn ĐBQH và HĐND tỉnh", total: 87.75, rank: 3 },
        { name: "Sở Kế hoạch và Đầu tư", total: 85.25, rank: 4 },
        { name: "Sở Ngoại vụ", total: 85.25, rank: 4 },
        { name: "Sở Nội vụ", total: 82.75, rank: 6 },
        { name: "Sở Tư pháp", total: 78.5, rank: 7 },
      ],
      issues: [],
      provisional: false,
      noErrors: true,
    },
  };
}

/** s2: layout B, units in rows, the max written inside each criterion's header ("(20 điểm)"). */
function s2(): Sample {
  const rows: [string, ...number[]][] = [
    ["Sở Công Thương", 17, 8.5, 12.5, 4.5, 18.5, 0, 0],
    ["Sở Xây dựng", 17, 8.5, 13, 4.5, 18, 0, 0],
    ["Sở Giao thông vận tải", 15.5, 8, 12, 4, 14.5, 1.5, 0],
    ["Sở Nông nghiệp và Môi trường", 15, 7.5, 10.5, 3.5, 15.5, 0, 0],
    ["Sở Khoa học và Công nghệ", 14, 7, 10.5, 3.5, 14.5, 0, 0],
    ["Sở Y tế", 15.5, 8.5, 12.5, 4, 15.5, 1, 1.5],
  ];
  const { wb, ws } = sheet("Khoi KT", { B: 40 });
  titles(ws, 9, ["KHỐI THI ĐUA CÁC SỞ KINH TẾ", "BẢNG ĐIỂM THI ĐUA NĂM 2025"], TNR);
  const heads = [
    "STT",
    "Tên đơn vị",
    "Nội dung 1 (20 điểm)",
    "Nội dung 2 (10 điểm)",
    "Nội dung 3 (15 điểm)",
  ];
  heads.push("Nội dung 4 (5 điểm)", "Nội dung 5 (20 điểm)", "Điểm thưởng (tối đa 5đ)", "Điểm trừ");
  header(ws, 4, heads, { ...HEADER, alignment: { horizontal: "center", wrapText: true } });
  rows.forEach((r, i) => {
    [i + 1, ...r].forEach((v, c) => {
      const cell = ws.getCell(5 + i, c + 1);
      cell.value = v;
      style(cell, { font: CALIBRI, border: THIN });
    });
  });
  ws.getCell("B13").value = "NGƯỜI LẬP BIỂU";
  ws.getCell("G13").value = "TRƯỞNG KHỐI";
  return {
    name: "s2-layout-b",
    shows: [
      'đơn vị theo hàng, tiêu chí theo cột, điểm tối đa ghi trong tiêu đề cột ("(20 điểm)")',
      'units in rows, criteria in columns, max written inside each header ("(20 điểm)")',
    ],
    files: { "input.xlsx": wb },
    expected: {
      files: ["input.xlsx"],
      units: [
        { name: "Sở Công Thương", total: 61, rank: 1 },
        { name: "Sở Xây dựng", total: 61, rank: 1 },
        { name: "Sở Giao thông vận tải", total: 55.5, rank: 3 },
        { name: "Sở Y tế", total: 55.5, rank: 3 },
        { name: "Sở Nông nghiệp và Môi trường", total: 52, rank: 5 },
        { name: "Sở Khoa học và Công nghệ", total: 49.5, rank: 6 },
      ],
      issues: [],
      provisional: false,
      noErrors: true,
    },
  };
}

/** s3: layout C, two columns per unit under its merged name; the cluster's review counts (R12). */
function s3(): Sample {
  const units: [string, Score[], Score[]][] = [
    [
      "Văn phòng UBND tỉnh",
      [24.25, 19.75, 14.75, 7.25, 6.5, 4.75, 4.5, 10, 5, 0.5, 1.5, 0, 1],
      [23, 19.25, 13.5, 7.75, 6.5, 4.75, 4.25, 9.25, 4.75, 0.5, 0, 0, 2],
    ],
    [
      "Sở Nội vụ",
      [23.25, 18.5, 14, 7, 6.5, 4.75, 4.75, 9.25, 4.75, 1, 0, 0, 0],
      [21.25, 16.75, 12.75, 7, 6.25, 4.25, 4.25, 8.25, 4.5, 0.5, 0, 0, 2.5],
    ],
    [
      "Sở Tài chính",
      [22.5, 17, 12.75, 7.25, 6.25, 4.75, 4.5, 9.25, 4.75, 0, 0, 0, 0],
      [23, 16.75, 13, 7.5, 6.5, 4.5, 4.5, 9, 4.25, 0, 0, 0, 2],
    ],
    [
      "Sở Tư pháp",
      [22, 15.5, 12.5, 6.25, 5.75, 4.5, 4.5, 8.5, 4.5, 0.5, 0, 1.5, 2.5],
      [19.25, 17, 12.75, 7, 5.75, 4.25, 4, 8, 4.25, 2, 0, 0, 0],
    ],
    [
      "Thanh tra tỉnh",
      [20.75, 18, 12.75, 7.25, 6.25, 4.5, 4.25, 8.5, 4.5, 0, 1, 1, 1.5],
      [19.5, 17.5, 13, 6.25, 5.75, 4.25, 4.25, 8, 4, 0.5, 1.5, 0, 0],
    ],
  ];
  const { wb, ws } = sheet("Chấm điểm", { A: 6, B: 60 });
  const lastCol = 3 + 2 * units.length;
  titles(ws, lastCol, ["CỤM THI ĐUA SỐ 1", "KẾT QUẢ TỰ CHẤM VÀ CỤM CHẤM NĂM 2024"], TNR);
  header(
    ws,
    4,
    ["STT", "Nội dung tiêu chí", "Điểm chuẩn", ...units.flatMap((u) => [u[0], u[0]])],
    HEADER
  );
  for (let c = 1; c <= lastCol; c++) {
    const cell = ws.getCell(5, c);
    if (c > 3) cell.value = c % 2 === 0 ? "Tự chấm" : "Cụm chấm";
    style(cell, c > 3 ? { ...HEADER, alignment: { horizontal: "center" } } : HEADER);
  }
  units.forEach((_, k) => ws.mergeCells(4, 4 + 2 * k, 4, 5 + 2 * k));
  for (let c = 1; c <= 3; c++) ws.mergeCells(4, c, 5, c);
  const total = criteriaRows(ws, {
    headerRow: 5,
    font: TNR,
    labels: TREE.map((c) => c.label),
    columns: units.flatMap((u) => [u[1], u[2]]),
    trailing: 0,
    totalLabel: "TỔNG CỘNG",
  });
  signatures(ws, total + 3, ["B", "NGƯỜI LẬP BIỂU"], "K", { name: TNR });
  return {
    name: "s3-layout-c-pairs",
    shows: [
      "như s1, mỗi đơn vị hai cột dưới tên gộp ô: Tự chấm, Cụm chấm (điểm cụm chấm được tính)",
      "like s1, two columns per unit under a merged name: Tự chấm, Cụm chấm (the review counts)",
    ],
    files: { "input.xlsx": wb },
    expected: {
      files: ["input.xlsx"],
      units: [
        { name: "Văn phòng UBND tỉnh", total: 91.5, rank: 1 },
        { name: "Sở Tài chính", total: 87, rank: 2 },
        { name: "Thanh tra tỉnh", total: 84.5, rank: 3 },
        { name: "Sở Tư pháp", total: 84.25, rank: 4 },
        { name: "Sở Nội vụ", total: 83.25, rank: 5 },
      ],
      issues: [],
      provisional: false,
      noErrors: true,
    },
  };
}

/** s4: the input mistakes DOMAIN §6 names, one of each, on a layout-A sheet. */
function s4(): Sample {
  const units: [string, Score[]][] = [
    ["Sở Nội vụ", [23.25, 19, 14, 7.75, 6.5, 5, 4.75, 8.75, 4.75, 3, 4, 0, -1]],
    ["Sở Tư pháp", [20.25, "18,5", 11.5, 6, 5.5, 3.75, 3.75, 7.5, 4, 0, 0, 0, 0]],
    ["Sở Tài chính", [22, 17.75, 17, 6.75, 6.5, 4.5, 4.5, 8.5, 4.25, 0, 0, 0, 0]],
    ["Sở Ngoại vụ", [17.5, 13.5, 11, 5.5, "đạt", 3.5, 3.5, 7.75, 3.75, 0, 0, 0, 0]],
    ["Văn phòng UBND tỉnh", [25, 19.25, 15, 7.25, 6.75, 4.5, 4.75, null, 4.5, 0, 0, 0, 0]],
  ];
  const { wb, ws } = sheet("Bảng điểm lỗi", { A: 6, B: 60 });
  titles(ws, 8, ["BẢNG CHẤM ĐIỂM CÓ LỖI NHẬP LIỆU (MẪU)"], TNR);
  header(ws, 3, ["STT", "Nội dung tiêu chí", "Điểm chuẩn", ...units.map((u) => u[0])], HEADER);
  const total = criteriaRows(ws, {
    headerRow: 3,
    font: TNR,
    labels: TREE.map((c) => c.label),
    columns: units.map((u) => u[1]),
    trailing: 0,
    totalLabel: "TỔNG CỘNG",
  });
  signatures(ws, total + 3, ["B", "NGƯỜI LẬP BIỂU"], "F", { name: TNR });
  const at = (a: string): string => `'Bảng điểm lỗi'!${a}`;
  return {
    name: "s4-bad-inputs",
    shows: [
      '"18,5" dạng chữ, điểm vượt tối đa, "đạt" trong ô điểm, ô trống, điểm trừ âm, điểm cộng vượt mức trần',
      '"18,5" as text, a score above its max, "đạt" in a score cell, a blank, a negative deduction, bonus above the cap',
    ],
    files: { "input.xlsx": wb },
    expected: {
      files: ["input.xlsx"],
      units: [
        { name: "Sở Nội vụ", total: 97.75, rank: 1 },
        { name: "Sở Tài chính", total: 91.75, rank: 2 },
        { name: "Văn phòng UBND tỉnh", total: 87, rank: 3 },
        { name: "Sở Tư pháp", total: 80.75, rank: 4 },
        { name: "Sở Ngoại vụ", total: 66, rank: 5 },
      ],
      provisional: true,
      issues: [
        { code: "text-number", cell: at("E6") },
        { code: "score-above-max", cell: at("F7") },
        { code: "not-a-number", cell: at("G10") },
        { code: "score-missing", cell: at("H15") },
        { code: "deduction-sign", cell: at("D22") },
        { code: "bonus-capped", unit: "Sở Nội vụ" },
      ],
    },
  };
}

/** s5: a 2007 sheet typed with the .VnTime font: labels and names in TCVN3 bytes (N1). */
function s5(): Sample {
  const units: [string, Score[]][] = [
    ["Së Gi¸o dôc vµ §µo t¹o", [17.75, 15, 10.5, 5.75, 5, 3.75, 3.75, 8, 4, 0, 1.5, 0, 0]],
    ["Së Y tÕ", [20.25, 15.25, 10.75, 6.5, 5.5, 4, 3.75, 7.25, 4, 1, 0.5, 0, 2.5]],
    [
      "Së V¨n hãa, ThÓ thao vµ Du lÞch",
      [19.25, 15, 11, 6.25, 5, 3.75, 3.75, 7.25, 3.5, 0, 0, 1.5, 0],
    ],
    [
      "Së Lao ®éng - Th\u00ad¬ng binh vµ X· héi",
      [22.75, 19.75, 14.25, 8, 6.25, 4.75, 4.5, 10, 4.75, 1.5, 0, 0, 0],
    ],
  ];
  const VN = ".VnTime";
  const { wb, ws } = sheet("Bang diem", { A: 6, B: 60 });
  titles(ws, 7, ["KH¤èI V¡N HOãA - XA· H¤éI", "B¶ng ®iÓm thi ®ua n¨m 2007"], VN);
  header(ws, 4, ["STT", "Néi dung tiªu chÝ", "§iÓm chuÈn", ...units.map((u) => u[0])], {
    ...HEADER,
    font: { bold: true, name: VN },
  });
  const total = criteriaRows(ws, {
    headerRow: 4,
    font: VN,
    labels: TCVN3_LABELS,
    columns: units.map((u) => u[1]),
    trailing: 0,
    emptyFont: TNR,
    // Typed later on a Unicode keyboard, under the same .VnTime font: a mixed sheet, as offices have.
    totalLabel: "TỔNG CỘNG",
  });
  signatures(ws, total + 3, ["B", "NGƯỜI LẬP BIỂU"], "E", { name: VN });
  return {
    name: "s5-tcvn3",
    shows: [
      "mọi nhãn và tên đơn vị bằng mã TCVN3 (ABC) với phông .VnTime; tên phải ra Unicode",
      "every label and unit name in TCVN3 (ABC) bytes with the .VnTime font; names must come out in Unicode",
    ],
    files: { "input.xlsx": wb },
    expected: {
      files: ["input.xlsx"],
      units: [
        { name: "Sở Lao động - Thương binh và Xã hội", total: 96.5, rank: 1 },
        { name: "Sở Y tế", total: 76.25, rank: 2 },
        { name: "Sở Giáo dục và Đào tạo", total: 75, rank: 3 },
        { name: "Sở Văn hóa, Thể thao và Du lịch", total: 73.25, rank: 4 },
      ],
      issues: [{ code: "legacy-encoding" }],
      provisional: false,
      noErrors: true,
    },
  };
}

/** One self-score form (phiếu tự chấm) of s6: Tự chấm and Cụm chấm columns, no formulas. */
function unitForm(unit: string, self: Score[], review: Score[] | null): ExcelJS.Workbook {
  const { wb, ws } = sheet("Phiếu chấm", { B: 60 });
  titles(ws, 6, ["PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024", `Đơn vị: ${unit}`], TNR, true);
  header(
    ws,
    4,
    ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm cụm chấm", "Giải trình"],
    {
      font: { bold: true },
      border: THIN,
    }
  );
  let leaf = 0;
  TREE.forEach((c, i) => {
    const row = 5 + i;
    const values: ExcelJS.CellValue[] = [c.code, c.label, c.max ?? null, null, null, null];
    if (c.kind === "leaf") {
      values[3] = self[leaf];
      values[4] = review ? review[leaf] : null;
      leaf++;
    }
    values.forEach((v, k) => {
      const cell = ws.getCell(row, k + 1);
      if (v !== null) cell.value = v;
      style(cell, { font: CALIBRI, border: THIN });
    });
  });
  ws.getCell("B24").value = "TỔNG CỘNG";
  ws.getCell("E26").value = "THỦ TRƯỞNG ĐƠN VỊ";
  return wb;
}

/** s6: one returned form per unit (R12, R13); the third has no cluster review yet. */
function s6(): Sample {
  return {
    name: "s6-per-unit-files",
    shows: [
      "mỗi đơn vị một phiếu tự chấm (cột Tự chấm và Cụm chấm); phiếu thứ ba chưa có điểm cụm chấm",
      "one self-score form per unit (Tự chấm and Cụm chấm columns); the third has no review yet",
    ],
    files: {
      "unit-1.xlsx": unitForm(
        "Ban Dân tộc",
        [22, 18, 13.25, 6.5, 5.75, 4.25, 4.25, 8.5, 4.25, 1, 1, 1.5, 2],
        [21.75, 17.25, 13.5, 6.75, 6.25, 4.75, 4.75, 9.5, 4.5, 0.5, 0, 0, 0]
      ),
      "unit-2.xlsx": unitForm(
        "Sở Ngoại vụ",
        [22, 18, 12.75, 7.25, 5.75, 4, 4, 9, 4.5, 0.5, 2, 0, 0],
        [21.75, 18, 12.5, 6.5, 5.75, 4.5, 4.5, 8.25, 4.5, 0, 0, 1.5, 0]
      ),
      "unit-3.xlsx": unitForm(
        "Sở Tư pháp",
        [23, 18.75, 14, 7.5, 6.25, 4.5, 4.75, 9.25, 4.25, 0.5, 2, 0, 1],
        null
      ),
    },
    expected: {
      files: ["unit-1.xlsx", "unit-2.xlsx", "unit-3.xlsx"],
      units: [
        { name: "Sở Tư pháp", total: 93.75, rank: 1 },
        { name: "Ban Dân tộc", total: 89.5, rank: 2 },
        { name: "Sở Ngoại vụ", total: 84.75, rank: 3 },
      ],
      issues: [{ code: "review-missing", unit: "Sở Tư pháp" }],
      provisional: false,
      noErrors: true,
    },
  };
}

export function samples(): Sample[] {
  return [s1(), s2(), s3(), s4(), s5(), s6()];
}

/** A markdown table padded the way prettier pads it, so the written README passes prettier --check. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]): string => `| ${r.map((x, c) => x.padEnd(widths[c])).join(" | ")} |`;
  return [
    line(rows[0]),
    `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`,
    ...rows.slice(1).map(line),
  ];
}

export function readme(): string {
  const rows = table([
    ["thư mục / folder", "nội dung", "what it shows"],
    ...samples().map((s) => [s.name, ...s.shows]),
  ]);
  return [
    "# Bảng điểm mẫu / Sample score workbooks",
    "",
    "Bảng điểm thi đua trình bày như các cơ quan cấp tỉnh vẫn làm, mỗi bảng kèm kết quả mà các quy tắc",
    "(docs/architecture.md, DOMAIN) cho ra, ghi tay trong `expected.json`: tổng điểm và thứ hạng của từng",
    "đơn vị, các lỗi phải báo (mã lỗi, ô hoặc đơn vị). Dùng cho kiểm thử và trình diễn.",
    "",
    "Realistic score sheets laid out the way provincial offices lay them out, each with the result the",
    "domain rules give for it, hand-written in `expected.json`: every unit's total and rank, and the issues",
    "that must be reported (code, and the cell or the unit). They are for tests and demos; they are not",
    "the only layouts the product must read.",
    "",
    "Tạo lại / regenerate: `npm run samples` (scripts/make-samples.ts).",
    "",
    ...rows,
    "",
    "`expected.json`: `files` (tệp đầu vào, gộp chung khi có nhiều / inputs, consolidated together when",
    "several), `units` (name, total, rank, sorted by rank), `issues` (mỗi lỗi phải được báo / each must be",
    "reported; `cell` is an A1 address with the sheet name), `provisional` (bảng có lỗi / the sheet has",
    "errors), `noErrors` (không được báo lỗi mức error / no issue of severity error may be reported).",
    "",
  ].join("\n");
}

/** Writes every case under `dir` (samples/ by default) and the README that lists them. */
export async function writeSamples(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "README.md"), readme());
  for (const s of samples()) {
    const caseDir = path.join(dir, s.name);
    fs.mkdirSync(caseDir, { recursive: true });
    for (const [file, wb] of Object.entries(s.files))
      await wb.xlsx.writeFile(path.join(caseDir, file));
    fs.writeFileSync(
      path.join(caseDir, "expected.json"),
      JSON.stringify(s.expected, null, 2) + "\n"
    );
  }
}

if (require.main === module) {
  const dir = path.resolve(__dirname, "..", "samples");
  writeSamples(dir).then(
    () => console.log(`samples written to ${dir}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    }
  );
}
