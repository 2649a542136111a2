/**
 * Generates test/xlsx/hostile/cases/*: broken and hostile files an officer may receive or make by
 * accident (a value typed in XFD1048576, a "select all → merge", zip and XML bombs, DTD attacks,
 * renamed Word/OpenDocument/PDF files, extreme numbers), each derived from one small score sheet whose
 * ranking is computed by hand below. cases.json holds each case's expected exit code, message and limits.
 * Run: node -r ts-node/register/transpile-only test/xlsx/hostile/make-hostile.ts
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";

const OUT = path.join(__dirname, "cases");

export const UNITS = ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"];

/**
 * The base sheet (layout A). Leaves: Kế hoạch /30, Tham mưu /30, Giao ước /40.
 * Sở Tư pháp 25 + 27 + 35 = 87; Sở Nội vụ 28 + 26 + 38 = 92; Sở Tài chính 20 + 22 + 30 = 72.
 * Ranks: Sở Nội vụ 1, Sở Tư pháp 2, Sở Tài chính 3.
 */
export const BASE_TOTALS: Record<string, number> = {
  "Sở Tư pháp": 87,
  "Sở Nội vụ": 92,
  "Sở Tài chính": 72,
};

const ROWS: (string | number | null)[][] = [
  ["BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2026", null, null, null, null, null],
  [null, null, null, null, null, null],
  ["STT", "Nội dung tiêu chí", "Điểm chuẩn", ...UNITS],
  ["I", "Thực hiện nhiệm vụ chuyên môn", 60, 52, 54, 42],
  ["1", "Hoàn thành kế hoạch công tác năm", 30, 25, 28, 20],
  ["2", "Chất lượng tham mưu, tổng hợp", 30, 27, 26, 22],
  ["II", "Công tác thi đua, khen thưởng", 40, 35, 38, 30],
  ["1", "Ký kết giao ước, đăng ký danh hiệu", 40, 35, 38, 30],
  [null, "TỔNG CỘNG", 100, 87, 92, 72],
];

async function baseBook(edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng điểm");
  ROWS.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    })
  );
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type ZipEdit = (zip: JSZip) => Promise<void> | void;

async function zipped(bytes: Buffer, edit: ZipEdit): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function editPart(zip: JSZip, part: string, f: (xml: string) => string): Promise<void> {
  zip.file(part, f(await zip.file(part)!.async("string")));
}

const SHEET = "xl/worksheets/sheet1.xml";

function appendCells(xml: string, rowsXml: string): string {
  return xml.replace("</sheetData>", `${rowsXml}</sheetData>`);
}

function addMerge(xml: string, ref: string): string {
  if (xml.includes("<mergeCells"))
    return xml.replace("</mergeCells>", `<mergeCell ref="${ref}"/></mergeCells>`);
  return xml.replace(
    "</sheetData>",
    `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`
  );
}

/** Sets the declared inflated size of `name` in its local and central headers (a lying zip). */
function lieAboutSize(bytes: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(bytes);
  const n = Buffer.from(name, "utf8");
  for (let i = 0; i < out.length - 46; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + n.length).equals(n))
      out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + n.length).equals(n))
      out.writeUInt32LE(size, i + 24);
  }
  return out;
}

function replaceAll(bytes: Buffer, from: string, to: string): Buffer {
  const out = Buffer.from(bytes);
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  for (let i = out.indexOf(a); i >= 0; i = out.indexOf(a, i + 1)) b.copy(out, i);
  return out;
}

function cfb(streamName: string): Buffer {
  return Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from(streamName, "utf16le"),
    Buffer.alloc(64),
  ]);
}

export interface HostileCase {
  file: string;
  why: string;
  /** Extra arguments after `thidua rank <file>`. */
  args?: string[];
  exit: number;
  /** Source of a RegExp the one stderr line must match (exit 2) or null. */
  stderr: string | null;
  /** The ranking expected when the file is read: unit → total. */
  totals?: Record<string, number>;
  /** Issues that must be there: code and cell. */
  issues?: { code: string; cell: string }[];
  /** Wall-clock bound for the whole command, generous for a loaded two-core machine. */
  maxMs: number;
}

const REFUSED_AT = (cell: string): string =>
  `^thidua: Trang Bảng điểm của tệp .+ có dữ liệu ở tận ô ${cell}: hãy xoá các ô thừa rồi lưu lại\\.$`;

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const cases: HostileCase[] = [];
  const put = async (c: HostileCase, bytes: Buffer | Promise<Buffer>): Promise<void> => {
    fs.writeFileSync(path.join(OUT, c.file), await bytes);
    cases.push(c);
  };
  const base = await baseBook();
  await put(
    {
      file: "base.xlsx",
      why: "the sheet every case below is made from",
      exit: 0,
      stderr: null,
      totals: BASE_TOTALS,
      maxMs: 30_000,
    },
    base
  );
  await put(
    {
      file: "edge-cell-xfd1048576.xlsx",
      why: "one value typed in the last cell of the sheet (Ctrl+↓, Ctrl+→, then typing)",
      exit: 2,
      stderr: REFUSED_AT("XFD1048576"),
      maxMs: 20_000,
    },
    zipped(base, (z) =>
      editPart(z, SHEET, (x) =>
        appendCells(x, '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
      )
    )
  );
  await put(
    {
      file: "edge-cell-a1048576.xlsx",
      why: "a value in the last row of column A: 1,048,576 rows × 6 columns is over the cap",
      exit: 2,
      stderr: REFUSED_AT("A1048576"),
      maxMs: 20_000,
    },
    zipped(base, (z) =>
      editPart(z, SHEET, (x) =>
        appendCells(x, '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>')
      )
    )
  );
  await put(
    {
      file: "styled-last-row.xlsx",
      why: "a row formatted to the end of the sheet, no value: styled empty cells do not count",
      exit: 0,
      stderr: null,
      totals: BASE_TOTALS,
      maxMs: 30_000,
    },
    zipped(base, (z) =>
      editPart(z, SHEET, (x) =>
        appendCells(x, '<row r="1048576"><c r="A1048576" s="0"/><c r="XFD1048576" s="0"/></row>')
      )
    )
  );
  await put(
    {
      file: "merge-last-row.xlsx",
      why: "a merge of the whole last row: dropped before ExcelJS makes its 16,384 cells",
      exit: 0,
      stderr: null,
      totals: BASE_TOTALS,
      maxMs: 30_000,
    },
    zipped(base, (z) => editPart(z, SHEET, (x) => addMerge(x, "A1048576:XFD1048576")))
  );
  await put(
    {
      file: "merge-select-all.xlsx",
      why: "select all → merge: 17 billion cells if ExcelJS saw it",
      exit: 0,
      stderr: null,
      totals: BASE_TOTALS,
      maxMs: 30_000,
    },
    zipped(base, (z) => editPart(z, SHEET, (x) => addMerge(x, "A1:XFD1048576")))
  );
  await put(
    {
      file: "media-bomb.xlsx",
      why: "a 300 MB picture part compressed to a few hundred kB: never read",
      exit: 0,
      stderr: null,
      totals: BASE_TOTALS,
      maxMs: 30_000,
    },
    zipped(base, (z) => void z.file("xl/media/image1.png", Buffer.alloc(300 * 1024 * 1024)))
  );
  await put(
    {
      file: "sheet-bomb.xlsx",
      why: "a sheet part that inflates to 300 MB, size declared honestly",
      exit: 2,
      stderr:
        "^thidua: Tệp .+ quá lớn để đọc an toàn \\(xl/worksheets/sheet2\\.xml, 300 MB\\): hãy mở bằng Excel",
      maxMs: 20_000,
    },
    zipped(base, (z) => void z.file("xl/worksheets/sheet2.xml", " ".repeat(300 * 1024 * 1024)))
  );
  await put(
    {
      file: "lying-header-bomb.xlsx",
      why: "a sheet part that says 1 kB and inflates to 300 MB: stopped at the budget while inflating",
      exit: 2,
      stderr: "^thidua: Tệp .+ quá lớn để đọc an toàn \\(xl/worksheets/sheet2\\.xml, > 128 MB\\)",
      maxMs: 30_000,
    },
    zipped(
      base,
      (z) => void z.file("xl/worksheets/sheet2.xml", " ".repeat(300 * 1024 * 1024))
    ).then((b) => lieAboutSize(b, "xl/worksheets/sheet2.xml", 1000))
  );
  await put(
    {
      file: "shared-strings-bomb.xlsx",
      why: "a million shared strings in a small file (a ratio no real part has)",
      exit: 2,
      stderr:
        "^thidua: Tệp .+ quá lớn để đọc an toàn \\(xl/sharedStrings\\.xml, 16 MB\\): hãy mở bằng Excel, xoá hình ảnh và dữ liệu thừa rồi lưu lại\\.$",
      maxMs: 20_000,
    },
    zipped(base, (z) =>
      editPart(z, "xl/sharedStrings.xml", (x) =>
        x.replace(/<\/sst>$/, `${"<si><t>a</t></si>".repeat(1_000_001)}</sst>`)
      )
    )
  );
  await put(
    {
      file: "xxe.xlsx",
      why: "an external entity in workbook.xml (reads a local file in naive parsers)",
      exit: 2,
      stderr:
        "^thidua: Tệp .+ chứa khai báo XML mà tệp Excel, Word thật không có \\(xl/workbook\\.xml\\)",
      maxMs: 20_000,
    },
    zipped(base, (z) =>
      editPart(z, "xl/workbook.xml", (x) =>
        x.replace("?>", '?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
      )
    )
  );
  await put(
    {
      file: "billion-laughs.xlsx",
      why: "nested internal entities in the shared strings",
      exit: 2,
      stderr:
        "^thidua: Tệp .+ chứa khai báo XML mà tệp Excel, Word thật không có \\(xl/sharedStrings\\.xml\\)",
      maxMs: 20_000,
    },
    zipped(base, (z) =>
      editPart(z, "xl/sharedStrings.xml", (x) => {
        let dtd = '<!ENTITY l0 "lol">';
        for (let i = 1; i <= 9; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
        return x
          .replace("?>", `?><!DOCTYPE sst [${dtd}]>`)
          .replace("<t>Sở Tư pháp</t>", "<t>&l9;</t>");
      })
    )
  );
  await put(
    {
      file: "duplicate-entry.xlsx",
      why: "two zip entries named xl/worksheets/sheet1.xml: which one Excel shows is unknowable",
      exit: 2,
      stderr: "^thidua: Tệp .+ bị hỏng hoặc không phải tệp \\.xlsx hợp lệ",
      maxMs: 20_000,
    },
    zipped(base, async (z) => {
      const xml = await z.file(SHEET)!.async("string");
      z.file("xl/worksheets/sheet7.xml", xml.replace(">25<", ">29<"));
    }).then((b) => replaceAll(b, "xl/worksheets/sheet7.xml", "xl/worksheets/sheet1.xml"))
  );
  await put(
    {
      file: "zip-slip.xlsx",
      why: "an entry named ../../thidua-zip-slip.txt: never written anywhere, the file still ranks",
      exit: 0,
      stderr: null,
      totals: BASE_TOTALS,
      maxMs: 30_000,
    },
    zipped(base, (z) => void z.file("../../thidua-zip-slip.txt", "x", { createFolders: false }))
  );
  await put(
    {
      file: "all-hidden.xlsx",
      why: "every sheet hidden",
      exit: 2,
      stderr: "^thidua: Mọi trang tính trong tệp .+ đều đang ẩn: hãy bỏ ẩn trang bảng điểm",
      maxMs: 20_000,
    },
    zipped(base, (z) =>
      editPart(z, "xl/workbook.xml", (x) =>
        x.replace(/<sheet ([^>]*?)state="visible"/g, '<sheet $1state="hidden"')
      )
    )
  );
  await put(
    {
      file: "long-sheet-name.xlsx",
      why: "a sheet name of 40 characters, as LibreOffice saves (ExcelJS would warn and truncate)",
      exit: 0,
      stderr: null,
      totals: BASE_TOTALS,
      maxMs: 30_000,
    },
    zipped(base, (z) =>
      editPart(z, "xl/workbook.xml", (x) =>
        x.replace('name="Bảng điểm"', 'name="Bảng tổng hợp điểm thi đua năm 2026 cụm"')
      )
    )
  );
  await put(
    {
      file: "renamed-ods.xlsx",
      why: "an OpenDocument spreadsheet renamed to .xlsx",
      exit: 2,
      stderr:
        "^thidua: Tệp .+ là bảng tính OpenDocument \\(\\.ods\\): hãy mở bằng LibreOffice Calc hoặc Excel và lưu thành \\.xlsx\\.$",
      maxMs: 20_000,
    },
    (async () => {
      const z = new JSZip();
      z.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", {
        compression: "STORE",
      });
      z.file("content.xml", "<office:document-content/>");
      return z.generateAsync({ type: "nodebuffer" });
    })()
  );
  await put(
    {
      file: "fake.pdf.xlsx",
      why: "a PDF renamed to .xlsx",
      exit: 2,
      stderr: "^thidua: Tệp .+ là tệp PDF, không lấy được số liệu từ đó",
      maxMs: 20_000,
    },
    Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
  );
  await put(
    {
      file: "word97.doc",
      why: "a Word 97–2003 document",
      exit: 2,
      stderr:
        "^thidua: Tệp .+ là văn bản Word 97–2003 \\(\\.doc\\): hãy mở bằng Word và lưu thành \\.docx",
      maxMs: 20_000,
    },
    cfb("WordDocument")
  );
  await put(
    {
      file: "excel97.xls",
      why: "an Excel 97–2003 workbook",
      exit: 2,
      stderr:
        "^thidua: Tệp .+ là định dạng Excel 97–2003 \\(\\.xls\\): hãy mở bằng Excel và lưu thành \\.xlsx\\.$",
      maxMs: 20_000,
    },
    cfb("Workbook")
  );
  await put(
    {
      file: "encrypted.xlsx",
      why: "a password-protected workbook (an OLE container)",
      exit: 2,
      stderr: "^thidua: Tệp .+ được đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại\\.$",
      maxMs: 20_000,
    },
    cfb("EncryptionInfo")
  );
  /*
   * Extreme numbers (N1): Sở Tư pháp's Kế hoạch (D5) and Sở Nội vụ's Tham mưu (E6) hold 1e308 (twice
   * would be Infinity), Sở Tài chính's Giao ước (F8) a 400-digit text. Each is not-a-number and counts
   * 0: Sở Tư pháp 0 + 27 + 35 = 62, Sở Nội vụ 28 + 0 + 38 = 66, Sở Tài chính 20 + 22 + 0 = 42.
   */
  await put(
    {
      file: "extreme-numbers.xlsx",
      why: "1e308 twice and a 400-digit text score",
      exit: 1,
      stderr: null,
      totals: { "Sở Tư pháp": 62, "Sở Nội vụ": 66, "Sở Tài chính": 42 },
      issues: [
        { code: "not-a-number", cell: "'Bảng điểm'!D5" },
        { code: "not-a-number", cell: "'Bảng điểm'!E6" },
        { code: "not-a-number", cell: "'Bảng điểm'!F8" },
      ],
      maxMs: 30_000,
    },
    baseBook((ws) => {
      ws.getCell("D5").value = 1e308;
      ws.getCell("E6").value = 1e308;
      ws.getCell("F8").value = "9".repeat(400);
    })
  );
  /*
   * Formulas saved without a result whose recompute is over the bound (three SUMPRODUCTs over whole
   * columns: 6 million cells): left unknown, reported at their cells, not computed for minutes.
   */
  await put(
    {
      file: "uncached-whole-columns.xlsx",
      why: "never-calculated SUMPRODUCTs over whole columns",
      exit: 1,
      stderr: null,
      issues: [
        { code: "cell-error", cell: "'Bảng điểm'!D5" },
        { code: "cell-error", cell: "'Bảng điểm'!E5" },
        { code: "cell-error", cell: "'Bảng điểm'!F5" },
      ],
      maxMs: 30_000,
    },
    zipped(base, (z) =>
      editPart(z, SHEET, (x) =>
        x
          .replace(/<c r="D5"([^>]*)><v>25<\/v><\/c>/, '<c r="D5"$1><f>SUMPRODUCT(G:G,H:H)</f></c>')
          .replace(/<c r="E5"([^>]*)><v>28<\/v><\/c>/, '<c r="E5"$1><f>SUMPRODUCT(G:G,I:I)</f></c>')
          .replace(/<c r="F5"([^>]*)><v>20<\/v><\/c>/, '<c r="F5"$1><f>SUMPRODUCT(H:H,I:I)</f></c>')
      )
    )
  );
  fs.writeFileSync(path.join(OUT, "cases.json"), JSON.stringify(cases, null, 2) + "\n");
}

if (require.main === module)
  main().catch((e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  });
