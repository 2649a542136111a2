import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCovenant } from "../../src/cli/covenant";
import { runTemplate, safeFileName } from "../../src/cli/template";
import type { RankFn } from "../../src/cli/template";
import { reportFromLayoutA, SAMPLES } from "../sheets/fixtures";

const S1 = path.join(SAMPLES, "s1-layout-a", "input.xlsx");

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
    },
    out,
    err,
  };
}

// The engine is injected: these tests are about the commands, not about reading score sheets.
const rank: RankFn = (file) => reportFromLayoutA(file);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-cli-"));
});

describe("thidua covenant", () => {
  it("writes the covenant as Word from a partial profile, with the parties and the criteria", async () => {
    const profile = path.join(dir, "cluster.json");
    fs.writeFileSync(
      profile,
      JSON.stringify({
        clusterName: "các cơ quan tham mưu",
        year: 2026,
        place: "Lạng Sơn",
        head: "Sở Tư pháp",
      })
    );
    const out = path.join(dir, "giao-uoc.docx");
    const t = io();
    const code = await runCovenant(
      ["--profile", profile, "--criteria", S1, "--out", out, "--date", "2026-02-05"],
      t.io,
      rank
    );
    expect({ code, err: t.err }).toEqual({ code: 0, err: [] });
    expect(t.out.join("")).toContain(out);
    const xml = await (
      await JSZip.loadAsync(fs.readFileSync(out))
    )
      .file("word/document.xml")!
      .async("string");
    expect(xml).toContain("GIAO ƯỚC THI ĐUA NĂM 2026");
    expect(xml).toContain("Lạng Sơn, ngày 05 tháng 02 năm 2026");
    expect(xml).toContain("CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU");
    // No members in the profile: the units of the score sheet are the parties.
    expect(xml).toContain("TM. SỞ NGOẠI VỤ");
    // §8: the criteria sections are rows of the scoring table, with their max.
    expect(xml).toContain("III. NỘI DUNG THI ĐUA VÀ THANG ĐIỂM CHẤM");
    expect(xml).toMatch(
      /KẾT QUẢ THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ, CHUYÊN MÔN<\/w:t>[\s\S]{0,2000}?>60<\/w:t>/i
    );
  });

  it("writes the covenant as a sheet when --out ends in .xlsx", async () => {
    const out = path.join(dir, "giao-uoc.xlsx");
    const t = io();
    expect(await runCovenant(["--out", out, "--criteria", S1], t.io, rank)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Giao ước"]);
  });

  it("exit 2 with one line on stderr and no file for a bad --out, a bad profile or a bad option", async () => {
    for (const args of [
      ["--out", path.join(dir, "x.pdf")],
      ["--profile", path.join(dir, "missing.json"), "--out", path.join(dir, "x.docx")],
      ["--out", path.join(dir, "x.docx"), "--bogus", "1"],
      [],
    ]) {
      const t = io();
      expect(await runCovenant(args, t.io, rank)).toBe(2);
      expect(t.err).toHaveLength(1);
      expect(t.err[0]).toMatch(/^thidua covenant: .+\n$/);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("thidua template", () => {
  it("writes one self-score form per unit, each naming its unit (layout D)", async () => {
    const out = path.join(dir, "forms");
    const t = io();
    expect(await runTemplate([S1, "--out", out], t.io, rank)).toBe(0);
    const files = fs.readdirSync(out).sort();
    expect(files).toHaveLength(7);
    expect(files).toContain("Sở Tư pháp.xlsx");
    expect(t.out).toHaveLength(7);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "Sở Tư pháp.xlsx"));
    const ws = wb.worksheets[0];
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    expect(texts).toContain("Đơn vị: Sở Tư pháp");
    expect(texts).toContain("Điểm tự chấm");
    expect(texts).toContain("Ban hành kế hoạch phát động thi đua");
  });

  it("exit 2 with one line on stderr when the file cannot be ranked or --out is missing", async () => {
    const failing: RankFn = async () => {
      throw new (await import("../../src/cli/template")).CliError("không đọc được tệp");
    };
    const t = io();
    expect(await runTemplate(["nope.xlsx", "--out", path.join(dir, "f")], t.io, failing)).toBe(2);
    expect(t.err).toEqual(["thidua template: không đọc được tệp\n"]);
    const t2 = io();
    expect(await runTemplate([S1], t2.io, rank)).toBe(2);
    expect(t2.err[0]).toContain("--out");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("makes file names safe without losing Vietnamese letters", () => {
    expect(safeFileName("Sở Tư pháp")).toBe("Sở Tư pháp");
    expect(safeFileName('Ban "A/B": tỉnh?')).toBe("Ban A B tỉnh");
    expect(safeFileName("...")).toBe("don-vi");
  });
});

/** Every text run of a .docx's body, joined, to look for what a reader sees. */
async function docxText(file: string): Promise<string> {
  const xml = await (
    await JSZip.loadAsync(fs.readFileSync(file))
  )
    .file("word/document.xml")!
    .async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("--year and --place on covenant and template (§8: never today's year silently)", () => {
  it("covenant --year 2021 --place prints that year, that place and the 2003 Law's bases", async () => {
    const out = path.join(dir, "giao-uoc.docx");
    const t = io();
    const code = await runCovenant(
      ["--year", "2021", "--place", "Hà Giang", "--date", "2021-02-03", "--out", out],
      t.io,
      rank
    );
    expect({ code, err: t.err }).toEqual({ code: 0, err: [] });
    const text = await docxText(out);
    expect(text).toContain("GIAO ƯỚC THI ĐUA NĂM 2021");
    expect(text).toContain("Hà Giang, ngày 03 tháng 02 năm 2021");
    expect(text).toContain("Nghị định số 91/2017/NĐ-CP");
    expect(text).not.toContain("98/2023");
  });

  it("covenant --year wins over the profile's year; without any year the document leaves it blank and says so", async () => {
    const profile = path.join(dir, "cluster.json");
    fs.writeFileSync(profile, JSON.stringify({ clusterName: "các sở", year: 2025 }));
    const out = path.join(dir, "a.docx");
    expect(await runCovenant(["--profile", profile, "--year", "2027", "--out", out], io().io)).toBe(
      0
    );
    expect(await docxText(out)).toContain("GIAO ƯỚC THI ĐUA NĂM 2027");
    const bare = path.join(dir, "b.docx");
    const t = io();
    expect(await runCovenant(["--out", bare, "--date", "2026-01-10"], t.io)).toBe(0);
    const text = await docxText(bare);
    expect(text).not.toContain("NĂM 2026");
    expect(t.err.join("")).toContain("--year YYYY");
  });

  it("covenant --year 21 is refused with one line and no file", async () => {
    const t = io();
    const out = path.join(dir, "c.docx");
    expect(await runCovenant(["--year", "21", "--out", out], t.io)).toBe(2);
    expect(t.err).toEqual(["thidua covenant: năm không hợp lệ (dạng YYYY, ví dụ 2025): 21\n"]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("template --year 2021 --place heads every form with that year and place", async () => {
    const out = path.join(dir, "forms");
    const t = io();
    expect(
      await runTemplate(
        [S1, "--out", out, "--year", "2021", "--place", "Hà Giang", "--date", "2021-11-20"],
        t.io,
        rank
      )
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "Sở Tư pháp.xlsx"));
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) =>
      row.eachCell((c) => typeof c.value === "string" && texts.push(c.value))
    );
    expect(texts.join("\n")).toMatch(/NĂM 2021/);
    expect(texts).toContain("Hà Giang, ngày 20 tháng 11 năm 2021");
  });
});
