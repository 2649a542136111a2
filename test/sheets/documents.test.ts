import { Packer } from "docx";
import JSZip from "jszip";
import { registeredTables } from "../../src/core/i18n";
import { covenantModel, buildCovenantSheet } from "../../src/sheets/covenant";
import { buildCovenantDocx } from "../../src/sheets/covenant-docx";
import { ndDateParts, placeDateLine } from "../../src/sheets/document";
import { buildVoteTally } from "../../src/sheets/votes";
import "../../src/sheets/strings";
import { node, profileFor } from "./fixtures";

const DATE = new Date(2026, 1, 5);

const criteria = [
  node("I", "Kết quả thực hiện nhiệm vụ chính trị", 60, "content", [
    node("I.1", "Hoàn thành kế hoạch công tác năm", 25, "content", [], 1),
    node(
      "I.2",
      "Phát động và ký kết giao ước",
      35,
      "content",
      [
        node("I.2.1", "Ban hành kế hoạch", 20, "content", [], 2),
        node("I.2.2", "Ký kết giao ước", 15, "content", [], 2),
      ],
      1
    ),
  ]),
  node("II", "Điểm cộng (tối đa 5 điểm)", 5, "bonus", [
    node("II.1", "Sáng kiến", 3, "bonus", [], 1),
  ]),
];

describe("Nghị định 30/2020 dates", () => {
  it("pads days below 10 and the months 01-02 only", () => {
    expect(ndDateParts(new Date(2026, 1, 5))).toEqual({ day: "05", month: "02", year: "2026" });
    expect(ndDateParts(new Date(2026, 0, 31))).toEqual({ day: "31", month: "01", year: "2026" });
    expect(ndDateParts(new Date(2025, 2, 9))).toEqual({ day: "09", month: "3", year: "2025" });
    expect(ndDateParts(new Date(2025, 11, 10))).toEqual({ day: "10", month: "12", year: "2025" });
    expect(placeDateLine("Lạng Sơn", DATE, "vi")).toBe("Lạng Sơn, ngày 05 tháng 02 năm 2026");
    expect(placeDateLine("", DATE, "vi")).toBe("Ngày 05 tháng 02 năm 2026");
  });
});

describe("the sheets' words exist in Vietnamese and English", () => {
  it("has the same keys in both tables and no empty string", () => {
    const table = registeredTables().find((x) => x.name === "sheets")!.table;
    expect(Object.keys(table.en).sort()).toEqual(Object.keys(table.vi).sort());
    for (const v of [...Object.values(table.vi), ...Object.values(table.en)])
      expect(v.trim()).not.toBe("");
  });
});

describe("covenant (giao ước thi đua, DOMAIN.md §8)", () => {
  const profile = profileFor();

  it("§8: targets and commitments, then title registrations, then the scoring table, then the implementation", () => {
    const m = covenantModel(profile, criteria, { date: DATE, lang: "vi" });
    expect(m.title).toBe("GIAO ƯỚC THI ĐUA NĂM 2025");
    expect(m.sections.map((s) => `${s.numeral}. ${s.heading}`)).toEqual([
      "I. MỤC TIÊU, CHỈ TIÊU VÀ CAM KẾT THI ĐUA",
      "II. ĐĂNG KÝ DANH HIỆU THI ĐUA",
      "III. NỘI DUNG THI ĐUA VÀ THANG ĐIỂM CHẤM",
      "IV. TỔ CHỨC THỰC HIỆN",
    ]);
    expect(m.sections[0].items[0].text).toContain("năm 2025");
    expect(m.sections[1].items[0].text).toContain("Cờ thi đua của UBND tỉnh");
    expect(m.sections[2].table!.map((r) => [r.code, r.label, r.max])).toEqual([
      ["I", "Kết quả thực hiện nhiệm vụ chính trị", "60"],
      ["1", "Hoàn thành kế hoạch công tác năm", "25"],
      ["2", "Phát động và ký kết giao ước", "35"],
      ["1", "Ban hành kế hoạch", "20"],
      ["2", "Ký kết giao ước", "15"],
      // The bonus cap is a cap, and the label's own "(tối đa 5 điểm)" is not repeated.
      ["II", "Điểm cộng (tối đa 5 điểm)", "tối đa 5"],
      ["1", "Sáng kiến", "3"],
    ]);
    expect(m.parties).toEqual(profile.members);
  });

  it("§8: deductions are rules under the table, never a section of points to earn", () => {
    const withDeductions = [
      ...criteria,
      node("III", "Điểm trừ", 8, "deduction", [
        node("III.1", "Chậm gửi báo cáo", 3, "deduction", [], 1),
        node("III.2", "Có cán bộ bị kỷ luật (trừ 5 điểm)", 5, "deduction", [], 1),
      ]),
    ];
    const m = covenantModel(profile, withDeductions, { date: DATE, lang: "vi" });
    const scoring = m.sections[2];
    expect(scoring.table!.map((r) => r.label)).not.toContain("Điểm trừ");
    expect(scoring.deductions).toEqual([
      "a) Chậm gửi báo cáo: trừ tối đa 3 điểm",
      "b) Có cán bộ bị kỷ luật (trừ 5 điểm)",
    ]);
    const all = JSON.stringify(m);
    expect(all).not.toMatch(/ĐIỂM TRỪ \(8/);
  });

  it("§8: legal bases by the covenant's year, the last one ending with ';', editable in the profile", () => {
    const m2025 = covenantModel(profile, criteria, { date: DATE, lang: "vi" });
    expect(m2025.legalBases.join("\n")).toMatch(/15 tháng 6 năm 2022[\s\S]*98\/2023\/NĐ-CP/);
    const m2021 = covenantModel(profileFor({ year: 2021 }), criteria, { date: DATE, lang: "vi" });
    const bases = m2021.legalBases.join("\n");
    expect(bases).toMatch(/26 tháng 11 năm 2003/);
    expect(bases).toMatch(/91\/2017\/NĐ-CP/);
    expect(bases).toMatch(/12\/2019\/TT-BNV/);
    expect(bases).not.toMatch(/98\/2023|năm 2022/);
    for (const b of [...m2025.legalBases, ...m2021.legalBases]) expect(b.endsWith(";")).toBe(true);
    const own = covenantModel(
      profileFor({ legalBases: ["Căn cứ Quyết định số 12/QĐ-UBND;"] }),
      criteria,
      {
        date: DATE,
        lang: "vi",
      }
    );
    expect(own.legalBases).toEqual(["Căn cứ Quyết định số 12/QĐ-UBND;"]);
  });

  it("ND30: every signature carries the signer's position; the head and deputy are named as such; Nơi nhận closes it", () => {
    const m = covenantModel(
      profileFor({ positions: { "Sở Tư pháp": "Phó Giám đốc phụ trách" } }),
      criteria,
      { date: DATE, lang: "vi" }
    );
    expect(m.signatures.map((s) => [...s.titles, s.note])).toEqual([
      ["TM. SỞ NỘI VỤ", "GIÁM ĐỐC", ""],
      ["TM. SỞ TƯ PHÁP", "PHÓ GIÁM ĐỐC PHỤ TRÁCH", ""],
      ["TM. SỞ TÀI CHÍNH", "GIÁM ĐỐC", "(Cụm phó)"],
      ["TM. VĂN PHÒNG UBND TỈNH", "CHÁNH VĂN PHÒNG", "(Cụm trưởng)"],
    ]);
    expect(m.signatures[3].name).toBe("Nguyễn Văn An");
    const khoi = covenantModel(profileFor({ kind: "khoi" }), criteria, { date: DATE, lang: "vi" });
    expect(khoi.signatures[3].note).toBe("(Khối trưởng)");
    expect(m.recipientsHeading).toBe("Nơi nhận:");
    expect(m.recipients.join(" ")).toMatch(/Hội đồng Thi đua - Khen thưởng tỉnh/);
  });

  it("as a sheet: A4 portrait with ND30 margins, title caps bold, legal bases in italics", () => {
    const spec = buildCovenantSheet(profile, criteria, { date: DATE, lang: "vi" });
    expect(spec.print).toMatchObject({ paperSize: "A4", orientation: "portrait" });
    const mg = spec.print!.margins!;
    expect(mg.top).toBeGreaterThanOrEqual(20);
    expect(mg.left).toBeGreaterThanOrEqual(30);
    expect(mg.right).toBeGreaterThanOrEqual(15);
    const title = spec.cells.find((c) => c.value === "GIAO ƯỚC THI ĐUA NĂM 2025")!;
    expect(title.style).toMatchObject({ bold: true, horizontal: "center" });
    const basis = spec.cells.find((c) => String(c.value).startsWith("Căn cứ Nghị định"))!;
    expect(basis.style?.italic).toBe(true);
    expect(spec.cells.some((c) => c.value === "TM. SỞ TƯ PHÁP" && c.style?.bold)).toBe(true);
  });

  it("as Word: A4, margins 20/20/30/15 mm, Times New Roman 14 pt, motto bold, date italic", async () => {
    const buf = await Packer.toBuffer(
      buildCovenantDocx(profile, criteria, { date: DATE, lang: "vi" })
    );
    const xml = await (await JSZip.loadAsync(buf)).file("word/document.xml")!.async("string");
    const styles = await (await JSZip.loadAsync(buf)).file("word/styles.xml")!.async("string");
    const attr = (tag: string, name: string): number =>
      Number(new RegExp(`<w:${tag}\\b[^>]*\\bw:${name}="(\\d+)"`).exec(xml)?.[1]);
    const mm = (twips: number): number => Math.round((twips * 25.4) / 1440);
    expect([mm(attr("pgSz", "w")), mm(attr("pgSz", "h"))]).toEqual([210, 297]);
    const [top, bottom, left, right] = ["top", "bottom", "left", "right"].map((k) =>
      mm(attr("pgMar", k))
    );
    expect(top >= 20 && top <= 25 && bottom >= 20 && bottom <= 25).toBe(true);
    expect(left >= 30 && left <= 35 && right >= 15 && right <= 20).toBe(true);
    expect(styles.includes('w:ascii="Times New Roman"')).toBe(true);
    expect(/<w:sz w:val="28"\/>/.test(styles)).toBe(true);
    const runOf = (text: string): string => {
      const i = xml.indexOf(`>${text}</w:t>`);
      if (i < 0) throw new Error(`"${text}" is not in the document`);
      return xml.slice(xml.lastIndexOf("<w:r>", i), i);
    };
    expect(runOf("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toContain("<w:b/>");
    expect(runOf("Độc lập - Tự do - Hạnh phúc")).toContain("<w:b/>");
    expect(runOf("Lạng Sơn, ngày 05 tháng 02 năm 2026")).toContain("<w:i/>");
    expect(runOf("GIAO ƯỚC THI ĐUA NĂM 2025")).toContain("<w:b/>");
    expect(runOf("TM. VĂN PHÒNG UBND TỈNH")).toContain("<w:b/>");
    expect(runOf("Nguyễn Văn An")).toContain("<w:b/>");
    // The header is a borderless table: issuer left, nation right.
    expect(xml.indexOf("CỤM THI ĐUA CÁC CƠ QUAN")).toBeLessThan(xml.indexOf("CỘNG HÒA XÃ HỘI"));
    expect(xml.includes('<w:tblBorders><w:top w:val="none"')).toBe(true);
  });
});

describe("vote tally (K7)", () => {
  const tally = {
    candidates: [
      { name: "Sở Nội vụ", votesFor: 7 },
      { name: "Sở Tư pháp", votesFor: null },
    ],
    ballotsCast: 9,
  };

  it("computes each share over the ballots cast and the result against the threshold", () => {
    const spec = buildVoteTally(profileFor({ voteThreshold: 0.5 }), tally, {
      date: DATE,
      lang: "vi",
    });
    const head = spec.cells.find((c) => c.value === "Đơn vị được đề nghị")!;
    const r = head.row + 1;
    const cell = (row: number, col: number) =>
      spec.cells.find((c) => c.row === row && c.col === col);
    expect(cell(r, 1)?.value).toBe("Sở Nội vụ");
    expect(cell(r, 2)?.value).toBe(7);
    expect(cell(r, 2)?.style?.unlocked).toBe(true);
    expect(cell(r, 3)?.formula).toMatch(/^=\$C\$\d+$/);
    const counted = `AND(ISNUMBER(C${r + 1}),ISNUMBER(D${r + 1}),D${r + 1}>0)`;
    expect(cell(r, 4)?.formula).toBe(`=IF(${counted},C${r + 1}/D${r + 1},"")`);
    // K7: the uncounted candidate gets no share and no result, never "0,00 %, Không đạt".
    expect(cell(r + 1, 6)?.formula).toContain(`IF(AND(ISNUMBER(C${r + 2})`);
    expect(cell(r, 5)?.value).toBe(0.5);
    expect(cell(r, 6)?.formula).toContain('"Đạt","Không đạt"');
    expect(cell(r + 1, 2)?.value).toBeNull();
    const ballots = spec.cells.find((c) => c.value === 9)!;
    expect(cell(r, 3)?.formula).toBe(`=$C$${ballots.row + 1}`);
  });

  it("K7: ballots issued, returned, valid and invalid (returned − valid) head the tally", () => {
    const spec = buildVoteTally(
      profileFor(),
      { ...tally, ballotsIssued: 10, ballotsValid: 8 },
      { date: DATE, lang: "vi" }
    );
    const label = (text: string) => spec.cells.find((c) => c.value === text)!;
    const valueRight = (text: string) =>
      spec.cells.find((c) => c.row === label(text).row && c.col === 2)!;
    expect(valueRight("Số phiếu phát ra").value).toBe(10);
    expect(valueRight("Số phiếu thu về").value).toBe(9);
    expect(valueRight("Số phiếu hợp lệ").value).toBe(8);
    const returned = label("Số phiếu thu về").row + 1;
    const valid = label("Số phiếu hợp lệ").row + 1;
    expect(valueRight("Số phiếu không hợp lệ").formula).toBe(
      `=IF(OR(C${returned}="",C${valid}=""),"",C${returned}-C${valid})`
    );
  });

  it("K7: with no threshold set it says so and decides nothing", () => {
    const spec = buildVoteTally(profileFor(), tally, { date: DATE, lang: "vi" });
    expect(spec.cells.filter((c) => c.value === "Chưa quy định")).toHaveLength(2);
    expect(spec.cells.some((c) => c.formula?.includes("Đạt"))).toBe(false);
    expect(spec.cells.some((c) => String(c.value).includes("Cờ thi đua của UBND tỉnh"))).toBe(true);
  });
});

describe("issue 6: a profile without a cluster name", () => {
  it("prints a dotted blank to fill after “Cụm thi đua”, never a bare CỤM THI ĐUA heading", () => {
    const m = covenantModel(profileFor({ clusterName: "  " }), criteria, {
      date: DATE,
      lang: "vi",
    });
    expect(m.subtitle).toBe("của Cụm thi đua ……………………");
    expect(m.partiesIntro).toBe("Các đơn vị thành viên Cụm thi đua …………………… gồm:");
    const spec = buildCovenantSheet(profileFor({ clusterName: "", kind: "khoi" }), criteria, {
      date: DATE,
      lang: "en",
    });
    const texts = spec.cells.map((c) => String(c.value ?? ""));
    expect(texts).not.toContain("EMULATION BLOC");
    expect(texts).toContain("EMULATION BLOC ……………………");
  });
});
