/**
 * Word in (issue 14 item 5): a .docx score table is read into the same Grid as a sheet (title
 * paragraphs above it, merges from gridSpan/vMerge, bold, indentation, "24,5" as a number) and ranked
 * by `thidua rank`; a Word file without a table, or a .doc, is named in one sentence with what to do.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookGrids } from "../../../src/xlsx/read";
import { runCli } from "../../cli/run";
import { EXPECTED } from "./make-docx";

const DIR = path.join(__dirname, "cases");
const TABLE = path.join(DIR, "bang-diem.docx");

describe("Word tables in (issue 14 item 5)", () => {
  it("the score table becomes a Grid: title rows, header merges, bold sections, indented items, numbers", async () => {
    const grids = await readWorkbookGrids(TABLE);
    // The two-row letterhead table is layout, not data.
    expect(grids.map((g) => g.sheetName)).toEqual(["Bảng 1"]);
    const g = grids[0];
    expect(g.values[0][0]).toBe("Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh");
    expect(g.values[1][0]).toBe("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2025");
    const header = g.values.findIndex((r) => r[0] === "STT");
    expect(header).toBe(3);
    expect(g.values[header + 1].slice(3)).toEqual(["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"]);
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: header, left: 0, bottom: header + 1, right: 0 },
        { top: header, left: 3, bottom: header, right: 5 },
      ])
    );
    const section = header + 2;
    expect(g.values[section].slice(0, 3)).toEqual(["I", "Thực hiện nhiệm vụ chuyên môn", 60]);
    expect(g.formats?.[section][1]?.font?.bold).toBe(true);
    expect(g.formats?.[section + 1][1]).toEqual({ font: { bold: false }, indent: 1 });
    expect(g.values[section + 1][3]).toBe(24.5);
  }, 60_000);

  it("thidua rank bang-diem.docx ranks the Word table as hand-computed", async () => {
    const r = await runCli(["rank", TABLE, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { units: { name: string; total: number; rank: number }[] };
    expect(json.units.map((u) => ({ name: u.name, total: u.total, rank: u.rank }))).toEqual(
      EXPECTED
    );
  }, 60_000);

  it("rank bang-diem.docx --out writes a new workbook holding the ranking; the .docx is untouched", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-docx-out-"));
    const out = path.join(dir, "xep-hang.xlsx");
    const before = fs.readFileSync(TABLE);
    const r = await runCli(["rank", TABLE, "--out", out]);
    expect(r.code).toBe(0);
    const text = (await readWorkbookGrids(out))
      .flatMap((g) => g.values.flat())
      .filter((v) => typeof v === "string");
    expect(text).toEqual(expect.arrayContaining(["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính"]));
    expect(fs.readFileSync(TABLE).equals(before)).toBe(true);
  }, 60_000);

  it("a .docx renamed to .xlsx is read for what it is", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-docx-"));
    const renamed = path.join(dir, "bang-diem.xlsx");
    fs.copyFileSync(TABLE, renamed);
    const r = await runCli(["rank", renamed, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { units: unknown[] }).units).toHaveLength(3);
  }, 60_000);

  it("a Word letter without a table: one sentence, exit 2", async () => {
    const r = await runCli(["rank", path.join(DIR, "cong-van.docx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^thidua: Tệp .*cong-van\.docx là văn bản Word nhưng không có bảng nào: hãy dùng tệp có bảng điểm/
    );
    const en = await runCli(["rank", path.join(DIR, "cong-van.docx"), "--lang", "en"]);
    expect(en.err).toMatch(/is a Word document without any table/);
  }, 60_000);
});

describe("the pane's returned-file import reads Word tables too (issue 14 item 5)", () => {
  it("a .docx is read by the same reader as the CLI; a Word letter comes back listed with its reason", async () => {
    const { readReturnedWorkbook } = await import("../../../src/xlsx/email");
    const table = await readReturnedWorkbook(fs.readFileSync(TABLE), "bang-diem.docx");
    expect(table.error).toBeUndefined();
    expect(table.grids.map((g) => g.sheetName)).toEqual(["Bảng 1"]);
    expect(table.grids[0].file).toBe("bang-diem.docx");
    const letter = await readReturnedWorkbook(
      fs.readFileSync(path.join(DIR, "cong-van.docx")),
      "cong-van.docx",
      "en"
    );
    expect(letter.grids).toEqual([]);
    expect(letter.error).toBe(
      "File cong-van.docx is a Word document without any table: use the file that holds the score table (a Word table or an Excel sheet)."
    );
  }, 60_000);
});

describe("a Word file is read under the same guards as a workbook (issue 19)", () => {
  it("document.xml past the budget is refused while inflating; a DTD is refused", async () => {
    const { readDocxGrids } = await import("../../../src/xlsx/docx");
    const JSZip = (await import("jszip")).default;
    const bytes = new Uint8Array(fs.readFileSync(TABLE));
    const big = await readDocxGrids(bytes, "bang-diem.docx", {
      limits: { maxEntryBytes: 4096 },
    }).catch((e: unknown) => e as Error);
    expect((big as Error).message).toMatch(
      /^Tệp bang-diem\.docx quá lớn để đọc an toàn \(word\/document\.xml, > 4 kB\)/
    );
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file(
      "word/document.xml",
      xml.replace("?>", '?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    );
    const dtd = await readDocxGrids(
      await zip.generateAsync({ type: "uint8array" }),
      "xxe.docx"
    ).catch((e: unknown) => e as Error);
    expect((dtd as Error).message).toMatch(
      /^Tệp xxe\.docx chứa khai báo XML mà tệp Excel, Word thật không có/
    );
  }, 60_000);
});
