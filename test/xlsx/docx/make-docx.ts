/**
 * Generates test/xlsx/docx/cases/*.docx: unit-score tables as provinces publish them in Word (a
 * letterhead table, title paragraphs, a two-row header with vMerge and gridSpan, bold sections,
 * indented items, "24,5" typed as text), with the ranking computed by hand below.
 * Run: node -r ts-node/register/transpile-only test/xlsx/docx/make-docx.ts
 */
import {
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from "docx";
import * as fs from "fs";
import * as path from "path";

const OUT = path.join(__dirname, "cases");

export const UNITS = ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"];

/**
 * Leaves: Kế hoạch /30, Tham mưu /30, Giao ước /40.
 * Sở Tư pháp 24,5 + 27,5 + 35 = 87; Sở Nội vụ 28 + 26 + 38 = 92; Sở Tài chính 20 + 22 + 30 = 72.
 * Ranks: Sở Nội vụ 1, Sở Tư pháp 2, Sở Tài chính 3.
 */
export const EXPECTED = [
  { name: "Sở Nội vụ", total: 92, rank: 1 },
  { name: "Sở Tư pháp", total: 87, rank: 2 },
  { name: "Sở Tài chính", total: 72, rank: 3 },
];

function cell(
  text: string,
  opts: { bold?: boolean; indent?: number; span?: number; vmerge?: "restart" | "continue" } = {}
): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        children: [new TextRun({ text, bold: opts.bold })],
        indent: opts.indent ? { left: opts.indent } : undefined,
      }),
    ],
    columnSpan: opts.span,
    verticalMerge:
      opts.vmerge === "restart"
        ? VerticalMergeType.RESTART
        : opts.vmerge === "continue"
          ? VerticalMergeType.CONTINUE
          : undefined,
  });
}

const row = (cells: TableCell[]): TableRow => new TableRow({ children: cells });

function scoreTable(): Table {
  const item = (
    code: string,
    label: string,
    max: string,
    scores: string[],
    section = false
  ): TableRow =>
    row([
      cell(code, { bold: section }),
      cell(label, { bold: section, indent: section ? 0 : 360 }),
      cell(max, { bold: section }),
      ...scores.map((s) => cell(s, { bold: section })),
    ]);
  return new Table({
    rows: [
      row([
        cell("STT", { bold: true, vmerge: "restart" }),
        cell("Nội dung tiêu chí", { bold: true, vmerge: "restart" }),
        cell("Điểm chuẩn", { bold: true, vmerge: "restart" }),
        cell("Điểm các đơn vị", { bold: true, span: 3 }),
      ]),
      row([
        cell("", { vmerge: "continue" }),
        cell("", { vmerge: "continue" }),
        cell("", { vmerge: "continue" }),
        ...UNITS.map((u) => cell(u, { bold: true })),
      ]),
      item("I", "Thực hiện nhiệm vụ chuyên môn", "60", ["52", "54", "42"], true),
      item("1", "Hoàn thành kế hoạch công tác năm", "30", ["24,5", "28", "20"]),
      item("2", "Chất lượng tham mưu, tổng hợp", "30", ["27,5", "26", "22"]),
      item("II", "Công tác thi đua, khen thưởng", "40", ["35", "38", "30"], true),
      item("1", "Ký kết giao ước, đăng ký danh hiệu", "40", ["35", "38", "30"]),
      row([
        cell(""),
        cell("TỔNG CỘNG", { bold: true }),
        cell("100", { bold: true }),
        ...["87", "92", "72"].map((s) => cell(s, { bold: true })),
      ]),
    ],
  });
}

function letterhead(): Table {
  return new Table({
    rows: [
      row([cell("UBND TỈNH LẠNG SƠN"), cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]),
      row([cell("CỤM THI ĐUA SỐ 3"), cell("Độc lập - Tự do - Hạnh phúc")]),
    ],
  });
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const doc = new Document({
    sections: [
      {
        children: [
          letterhead(),
          new Paragraph({
            children: [new TextRun({ text: "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh" })],
          }),
          new Paragraph({
            children: [
              new TextRun({ text: "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2025", bold: true }),
            ],
          }),
          scoreTable(),
          new Paragraph({ children: [new TextRun({ text: "NGƯỜI LẬP BIỂU" })] }),
        ],
      },
    ],
  });
  fs.writeFileSync(path.join(OUT, "bang-diem.docx"), await Packer.toBuffer(doc));
  const letter = new Document({
    sections: [
      { children: [new Paragraph({ children: [new TextRun("Kính gửi các đơn vị thành viên.")] })] },
    ],
  });
  fs.writeFileSync(path.join(OUT, "cong-van.docx"), await Packer.toBuffer(letter));
}

if (require.main === module)
  main().catch((e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  });
