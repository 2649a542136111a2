/**
 * Issue 16 from the command line: the year, the cluster and its kind from the sheet's own title,
 * the meeting's documents (minutes, votes, proposal) and the criteria-only sheet as the source of
 * the forms and the covenant. Inputs are test/fixtures/meeting/ (make-meeting-fixtures.ts).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "./run";

jest.setTimeout(120000);

const FIX = path.resolve(__dirname, "../fixtures/meeting");
const KHOI = path.join(FIX, "khoi-2021.xlsx");
const CUM = path.join(FIX, "cum-2025.xlsx");
const PROFILE = path.join(FIX, "cum-2025.json");
const MEETING = path.join(FIX, "hop-2025.json");
const CRITERIA = path.join(FIX, "diem-chuan-2025.xlsx");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-meeting-"));
});

/** The text of a .docx, paragraph by paragraph (runs joined). */
async function docxText(file: string): Promise<string> {
  const xml = await (
    await JSZip.loadAsync(fs.readFileSync(file))
  )
    .file("word/document.xml")!
    .async("string");
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .join("\n");
}

async function sheetTexts(file: string, sheet = 0): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.worksheets[sheet].eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === "string") out.push(c.value);
    })
  );
  return out;
}

describe("§8 where the year, the cluster and its kind come from", () => {
  it("a KHỐI sheet titled 'NĂM 2021' ranks into a sheet of 2021 signed by the KHỐI TRƯỞNG, never this year", async () => {
    const out = path.join(dir, "xep-hang.xlsx");
    const r = await runCli(["rank", KHOI, "--out", out, "--date", "2021-12-20"]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Xếp hạng")!;
    const texts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string") texts.push(c.value);
      })
    );
    expect(texts).toContain("(tổng kết năm 2021)");
    expect(texts).toContain("KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG TỈNH");
    expect(texts).toEqual(expect.arrayContaining(["TM. KHỐI THI ĐUA", "KHỐI TRƯỞNG"]));
    expect(texts.join(" ")).not.toMatch(/CỤM TRƯỞNG|năm 2026/);
    // K9: the two units tied for first both read "Chờ bình xét"; nobody else is proposed.
    expect(texts.filter((t) => t.startsWith("Chờ bình xét"))).toHaveLength(2);
    expect(texts).not.toContain("Cờ thi đua của UBND tỉnh");
  });

  it("K9 in the terminal and in --json: the tied units wait for the vote, nobody else gets the slot", async () => {
    const table = await runCli(["rank", KHOI]);
    expect(table.out.match(/Chờ bình xét/g)).toHaveLength(2);
    const json = await runCli(["rank", KHOI, "--json"]);
    const units = JSON.parse(json.out).units as {
      name: string;
      award: null;
      awardPending?: boolean;
    }[];
    expect(units.filter((u) => u.awardPending).map((u) => u.name)).toEqual([
      "Ban Tổ chức",
      "Ban Tuyên giáo",
    ]);
    expect(units.every((u) => u.award === null)).toBe(true);
  });

  it("--year wins over the title; a bad --year is refused with exit 2 and nothing written", async () => {
    const out = path.join(dir, "xep-hang.xlsx");
    const ok = await runCli(["rank", KHOI, "--out", out, "--year", "2022", "--place", "Hà Giang"]);
    expect(ok.code).toBe(0);
    expect(await sheetTexts(out, 1)).toContain("(tổng kết năm 2022)");
    const bad = path.join(dir, "bad.xlsx");
    const r = await runCli([
      "minutes",
      KHOI,
      "--year",
      "21",
      "--out",
      bad.replace(".xlsx", ".docx"),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/năm không hợp lệ/);
  });
});

describe("thidua minutes / votes / proposal (DOMAIN.md §8)", () => {
  it("minutes: time, place, chair, attendance, agenda, ranking, votes, proposals, K8 election, signatures", async () => {
    const out = path.join(dir, "bien-ban.docx");
    const r = await runCli([
      "minutes",
      CUM,
      "--profile",
      PROFILE,
      "--meeting",
      MEETING,
      "--date",
      "2025-12-18",
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    const text = await docxText(out);
    for (const s of [
      "BIÊN BẢN",
      "hồi 08 giờ 00, ngày 18 tháng 12 năm 2025, tại Hội trường Văn phòng UBND tỉnh",
      "Chủ trì: Nguyễn Văn An, Văn phòng UBND tỉnh (Cụm trưởng).",
      "Thư ký: Trần Thu Hà.",
      "(6/7 đơn vị)",
      "Số phiếu phát ra: 7; số phiếu thu về: 6; số phiếu hợp lệ: 6; số phiếu không hợp lệ: 0.",
      "Ngưỡng đạt theo quy chế của Cụm: 50,00 % số phiếu thu về.",
      "Đề nghị tặng Cờ thi đua của UBND tỉnh cho: Sở Tài chính.",
      "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho: Sở Nội vụ, Sở Kế hoạch và Đầu tư.",
      // K8: next year's head is this year's deputy.
      "Sở Tài chính là Cụm trưởng",
      "năm 2026",
      "hồi 11 giờ 30",
      "THƯ KÝ",
      "CHỦ TRÌ",
    ])
      expect(text).toContain(s);
    // K7: Sở Kế hoạch và Đầu tư's votes were not typed: "Chưa kiểm", not "0,00 %, Không đạt".
    expect(text).toMatch(/Sở Kế hoạch và Đầu tư\nChưa kiểm/);
    expect(text).not.toContain("Không đạt");
    expect(text).toMatch(/Sở Tài chính\n6\n100,00 %\nĐạt/);
  });

  it("proposal: tờ trình to the provincial council and its list, with points, rank and vote", async () => {
    const out = path.join(dir, "to-trinh.docx");
    const r = await runCli([
      "proposal",
      CUM,
      "--profile",
      PROFILE,
      "--meeting",
      MEETING,
      "--date",
      "2025-12-18",
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    const text = await docxText(out);
    expect(text).toContain("TỜ TRÌNH");
    expect(text).toContain("Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Lạng Sơn.");
    expect(text).toContain("- Sở Tài chính: 95 điểm, xếp thứ 1.");
    expect(text).toContain("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
    expect(text).toContain("Nơi nhận:");
    expect(text).toMatch(/TM\. CỤM THI ĐUA\nCỤM TRƯỞNG/);
  });

  it("K9/K8 in the minutes of a Khối without settings: the tie waits for the vote, no head or deputy invented", async () => {
    const out = path.join(dir, "bien-ban.docx");
    const r = await runCli(["minutes", KHOI, "--date", "2021-12-20", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/năm 2021 lấy từ tiêu đề/);
    const text = await docxText(out);
    expect(text).toContain("Chờ bình xét: Ban Tổ chức, Ban Tuyên giáo đồng điểm ở suất khen cuối");
    expect(text).toContain("BẦU KHỐI TRƯỞNG, KHỐI PHÓ NĂM 2022");
    expect(text).toContain(
      "Hội nghị thống nhất: ………………………… là Khối trưởng; ………………………… là Khối phó năm 2022."
    );
  });

  it("K10: a proposal for a sơ kết proposes nothing", async () => {
    const profile = path.join(dir, "so-ket.json");
    fs.writeFileSync(
      profile,
      JSON.stringify({ ...JSON.parse(fs.readFileSync(PROFILE, "utf8")), period: "so-ket" })
    );
    const out = path.join(dir, "to-trinh.docx");
    const r = await runCli(["proposal", CUM, "--profile", profile, "--out", out]);
    expect(r.code).toBe(0);
    const text = await docxText(out);
    expect(text).toMatch(/không có đơn vị đủ điều kiện đề nghị khen thưởng/);
    expect(text).not.toContain("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
  });

  it("votes: the tally sheet (issued/returned/valid/invalid) and a printable ballot of the candidates", async () => {
    const out = path.join(dir, "kiem-phieu.xlsx");
    const r = await runCli(["votes", CUM, "--profile", PROFILE, "--ballots", "7", "--out", out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Kiểm phiếu", "Phiếu bầu"]);
    const tally = await sheetTexts(out, 0);
    expect(tally.join("\n")).toMatch(
      /Đề nghị: Cờ thi đua của UBND tỉnh; Bằng khen của Chủ tịch UBND tỉnh \(tổng kết năm 2025\)/
    );
    for (const s of [
      "Số phiếu phát ra",
      "Số phiếu thu về",
      "Số phiếu hợp lệ",
      "Số phiếu không hợp lệ",
    ])
      expect(tally).toContain(s);
    const ballot = await sheetTexts(out, 1);
    expect(ballot).toEqual(
      expect.arrayContaining(["Sở Tài chính", "Sở Nội vụ", "Sở Kế hoạch và Đầu tư", "Đồng ý"])
    );
    expect(ballot).not.toContain("Sở Tư pháp");
  });

  it("refuses an output that is one of its inputs, and an output of the wrong kind", async () => {
    const same = await runCli(["minutes", CUM, "--profile", PROFILE, "--out", PROFILE]);
    expect(same.code).toBe(2);
    const kind = await runCli(["proposal", CUM, "--out", path.join(dir, "x.xlsx")]);
    expect(kind.code).toBe(2);
    expect(kind.err).toMatch(/\.docx/);
  });
});

describe("issue 14 item 4: a criteria-only sheet (bảng điểm chuẩn) is the source of the forms and the covenant", () => {
  it("template: one form per member of --profile, with the sheet's criteria and its year", async () => {
    const out = path.join(dir, "forms");
    const r = await runCli(["template", CRITERIA, "--profile", PROFILE, "--out", out]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toHaveLength(7);
    const texts = await sheetTexts(path.join(out, "Sở Tư pháp.xlsx"));
    expect(texts).toEqual(
      expect.arrayContaining([
        "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2025",
        "Đơn vị: Sở Tư pháp",
        "Hoàn thành kế hoạch công tác năm",
        "Chậm gửi báo cáo (trừ 1 điểm/lần)",
      ])
    );
  });

  it("template without members says to list them in the profile (exit 2)", async () => {
    const r = await runCli(["template", CRITERIA, "--out", path.join(dir, "forms")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/members/);
    expect(fs.existsSync(path.join(dir, "forms"))).toBe(false);
  });

  it("covenant: the scoring table from the criteria-only sheet, deductions as rules", async () => {
    const out = path.join(dir, "giao-uoc.docx");
    const r = await runCli([
      "covenant",
      "--criteria",
      CRITERIA,
      "--profile",
      PROFILE,
      "--date",
      "2025-02-05",
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    const text = await docxText(out);
    expect(text).toContain("GIAO ƯỚC THI ĐUA NĂM 2025");
    expect(text).toContain("III. NỘI DUNG THI ĐUA VÀ THANG ĐIỂM CHẤM");
    expect(text).toMatch(/Tổ chức phong trào thi đua\n40/);
    expect(text).toContain("a) Chậm gửi báo cáo (trừ 1 điểm/lần)");
    expect(text).toMatch(/TM\. VĂN PHÒNG UBND TỈNH\nCHÁNH VĂN PHÒNG\n\(Cụm trưởng\)/);
  });

  it("§8: --bases replaces the legal bases, one per line", async () => {
    const bases = path.join(dir, "can-cu.txt");
    fs.writeFileSync(
      bases,
      "Căn cứ Quyết định số 15/QĐ-UBND ngày 10/01/2025 của UBND tỉnh;\n\nCăn cứ Quy chế hoạt động của Cụm;\n"
    );
    const out = path.join(dir, "giao-uoc.docx");
    const r = await runCli(["covenant", "--profile", PROFILE, "--bases", bases, "--out", out]);
    expect(r.code).toBe(0);
    const text = await docxText(out);
    expect(text).toContain("Căn cứ Quyết định số 15/QĐ-UBND ngày 10/01/2025 của UBND tỉnh;");
    expect(text).not.toContain("98/2023/NĐ-CP");
    const missing = await runCli(["covenant", "--bases", path.join(dir, "none.txt"), "--out", out]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/căn cứ/);
  });
});
