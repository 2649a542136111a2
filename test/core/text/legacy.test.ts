import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import {
  detectLegacyEncoding,
  isVietnameseSyllable,
  legacyToUnicode,
  toUnicode,
  unicodeToLegacy,
} from "../../../src/core/text";
import { SAMPLES } from "../../paths";

const S5 = path.join(SAMPLES, "s5-tcvn3");

/** The 134 Vietnamese letters (67 per case), built here independently of the module's tables. */
function vietnameseLetters(): string[] {
  const marks = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];
  const lower: string[] = ["đ"];
  for (const v of ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]) {
    for (const m of marks) {
      const letter = (v + m).normalize("NFC");
      if (!/^[a-z]$/.test(letter)) lower.push(letter);
    }
  }
  return [...lower, ...lower.map((l) => l.toUpperCase())];
}

// Real words, together using every toned letter: names of agencies, places, people, criteria.
const WORDS = (
  "sở nội vụ thương binh đào tạo khánh hòa giáo dục văn hóa thể thao du lịch lao động xã hội y tế tư pháp " +
  "kết quả thực hiện nhiệm chính trị chuyên môn điểm cộng trừ chuẩn thi đua khen thưởng tỉnh huyện ủy ban " +
  "nhân dân cờ bằng sáng kiến mô hình mới được công nhận chậm gửi báo cáo hồ sơ vi phạm quy chế định cụm " +
  "khối trưởng người lập biểu tổng xếp hạng nhất nhì ba tiêu chí nguyễn trần lê hoàng huỳnh phan võ đặng " +
  "bùi đỗ ngô dương lý đắk lắk quảng ngãi thừa thiên huế bà rịa vũng tàu cần thơ bắc ninh hải phòng ưu tú " +
  "khuya rượu thẳng sẵn đặc vẫn vẽ trẻ mẹ nghĩa cũng những sử sự từ chức giỡn nhỏ học rõ về kỳ ỷ mỹ ý kỵ " +
  "có chè bé và ở ấy ông ớt ứng ước ẩn ăn âm ê ồ ừ ạ mặt lật mệt một lợi lực"
).split(" ");

type Style = "lower" | "title" | "upper";
function styled(words: string[], style: Style): string {
  if (style === "lower") return words.join(" ");
  if (style === "upper") return words.join(" ").toUpperCase();
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(" ");
}
const phrase = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 7 }),
    fc.constantFrom<Style>("lower", "title", "upper")
  )
  .map(([words, style]) => styled(words, style));

describe("TCVN3 (N4 legacy-encoding)", () => {
  it("N4 decodes the DOMAIN examples: 'Së Néi vô' is 'Sở Nội vụ', 'B¶o Th¾ng' is 'Bảo Thắng'", () => {
    expect(toUnicode("Së Néi vô")).toEqual({ text: "Sở Nội vụ", encoding: "tcvn3" });
    expect(toUnicode("B¶o Th¾ng")).toEqual({ text: "Bảo Thắng", encoding: "tcvn3" });
  });

  it("N4 ư stored as the invisible soft hyphen still decodes: 'Th\\u00ad¬ng' is 'Thương'", () => {
    expect(toUnicode("Th\u00ad\u00acng binh", ".VnTime").text).toBe("Thương binh");
  });

  it("N4 all 134 Vietnamese letters survive Unicode → TCVN3 → Unicode", () => {
    const letters = vietnameseLetters();
    expect(new Set(letters).size).toBe(134);
    for (const l of letters) expect(legacyToUnicode(unicodeToLegacy(l, "tcvn3"), "tcvn3")).toBe(l);
  });

  it("N4 every lower-case letter and the capitals Ă Â Ê Ô Ơ Ư Đ are one TCVN3 byte in 0xA1–0xFE", () => {
    for (const l of vietnameseLetters()) {
      const enc = unicodeToLegacy(l, "tcvn3");
      if (l === l.toLowerCase() || "ĂÂÊÔƠƯĐ".includes(l)) {
        expect(enc).toHaveLength(1);
        expect(enc.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
        expect(enc.charCodeAt(0)).toBeLessThanOrEqual(0xfe);
      } else {
        // A toned capital does not exist in TCVN3: the converter form is its capital base + toned lower case.
        expect(enc).toHaveLength(2);
      }
    }
    const bytes = vietnameseLetters()
      .filter((l) => l === l.toLowerCase())
      .map((l) => unicodeToLegacy(l, "tcvn3"));
    expect(new Set(bytes).size).toBe(67);
  });

  it("N4 collapses a capital base + toned lower-case pair into the toned capital ('KH¤èI' → 'KHỐI')", () => {
    expect(toUnicode("KH¤èI V¡N HOãA - XA· H¤éI").text).toBe("KHỐI VĂN HÓA - XÃ HỘI");
    expect(legacyToUnicode("A¸nh", "tcvn3")).toBe("Ánh");
    expect(legacyToUnicode("¥ë", "tcvn3")).toBe("Ở");
  });

  it("N4 keeps a genuine lower-case 'oo' ('xoong', 'soãc' → 'soóc')", () => {
    expect(legacyToUnicode("xoong soãc", "tcvn3")).toBe("xoong soóc");
  });

  it("N4 .VnTimeH text, stored in lower-case bytes, comes out in capitals", () => {
    expect(toUnicode("céng hoµ x· héi chñ nghÜa viÖt nam", ".VnTimeH").text).toBe(
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    );
    expect(toUnicode("uû ban nh©n d©n", ".VnArialH")).toEqual({
      text: "UỶ BAN NHÂN DÂN",
      encoding: "tcvn3",
    });
  });

  it("N4 caps typed by hand in .VnTime ('CéNG HOµ X· HéI') come out all in capitals", () => {
    expect(toUnicode("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM").text).toBe(
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    );
  });

  it("N4 an acronym before a title-cased name does not upper-case the name ('UBND Hµ' → 'UBND Hà')", () => {
    expect(toUnicode("UBND Hµ", ".VnTime").text).toBe("UBND Hà");
  });

  it("N4 real phrases in lower, title and upper case survive Unicode → TCVN3 → Unicode with the .VnTime font", () => {
    fc.assert(
      fc.property(phrase, (p) => {
        const enc = unicodeToLegacy(p, "tcvn3");
        const back = toUnicode(enc, ".VnTime");
        expect(back.text).toBe(p);
        expect(back.encoding).toBe(enc === p ? null : "tcvn3");
      }),
      { numRuns: 500 }
    );
  });

  it("N4 without a font, detection either decodes a phrase exactly or leaves it untouched: never half-converts", () => {
    fc.assert(
      fc.property(phrase, (p) => {
        const enc = unicodeToLegacy(p, "tcvn3");
        const { text } = toUnicode(enc);
        expect([p, enc]).toContain(text);
      }),
      { numRuns: 500 }
    );
  });
});

describe("VNI (N4 legacy-encoding)", () => {
  it.each([
    ["Sở Nội vụ", "Sôû Noäi vuï"],
    ["Thương binh", "Thöông binh"],
    ["Đào tạo", "Ñaøo taïo"],
    ["Khánh Hòa", "Khaùnh Hoøa"],
    ["Việt Nam", "Vieät Nam"],
    ["Đắk Lắk", "Ñaék Laék"],
    ["nghĩa", "nghóa"],
    ["kỵ", "kî"],
  ])("N4 %j is %j in VNI and round-trips", (uni, vni) => {
    expect(unicodeToLegacy(uni, "vni")).toBe(vni);
    expect(toUnicode(vni, "VNI-Times")).toEqual({ text: uni, encoding: "vni" });
    expect(toUnicode(vni)).toEqual({ text: uni, encoding: "vni" });
  });

  it("N4 all 134 Vietnamese letters survive Unicode → VNI → Unicode, alone and inside words", () => {
    for (const l of vietnameseLetters()) {
      expect(legacyToUnicode(unicodeToLegacy(l, "vni"), "vni")).toBe(l);
      const word = `Th${l}ng`;
      expect(legacyToUnicode(unicodeToLegacy(word, "vni"), "vni")).toBe(word);
    }
  });

  it("N4 any string of Vietnamese letters, ASCII and punctuation survives Unicode → VNI → Unicode", () => {
    const ch = fc.constantFrom(
      ...vietnameseLetters(),
      ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789,.-()"
    );
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 30 }), (chars) => {
        const s = chars.join("");
        expect(legacyToUnicode(unicodeToLegacy(s, "vni"), "vni")).toBe(s);
      }),
      { numRuns: 500 }
    );
  });

  it("N4 real phrases survive Unicode → VNI → Unicode with the VNI-Times font", () => {
    fc.assert(
      fc.property(phrase, (p) => {
        const enc = unicodeToLegacy(p, "vni");
        expect(toUnicode(enc, "VNI-Times").text).toBe(p);
      }),
      { numRuns: 500 }
    );
  });

  it("N4 VNI text pasted into a .VnTime cell is still read as VNI", () => {
    expect(toUnicode("Sôû Noäi vuï", ".VnTime")).toEqual({ text: "Sở Nội vụ", encoding: "vni" });
  });
});

describe("no false positives (N4)", () => {
  it.each([
    "Sở Tư pháp",
    "Điểm cộng",
    "Total",
    "2,5",
    "STT",
    "Tây Ninh",
    "Cà Mau",
    "Bến Tre",
    "Café",
    "Hoàn thành xuất sắc nhiệm vụ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "“Tạm tính” – 87,5 điểm…",
    "25°C",
    "±0,5",
    "Müller",
    "São Paulo",
    "",
  ])("N4 %j is left as it is, with or without a legacy font", (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
    expect(toUnicode(text)).toEqual({ text, encoding: null });
  });

  it("N4 Unicode Vietnamese in a .VnTime or VNI-Times cell ('TỔNG CỘNG') is not converted", () => {
    for (const font of [".VnTime", ".VnTimeH", "VNI-Times"]) {
      expect(toUnicode("TỔNG CỘNG", font)).toEqual({ text: "TỔNG CỘNG", encoding: null });
      expect(toUnicode("Sở Tư pháp", font).encoding).toBeNull();
      expect(toUnicode("Sở Tư pháp".normalize("NFD"), font).encoding).toBeNull();
    }
  });

  it("N4 any text with a Vietnamese letter outside Latin-1 is taken as Unicode, whatever the font", () => {
    const outside = vietnameseLetters().filter((l) => l.charCodeAt(0) > 0xff);
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom(...outside),
        fc.string(),
        fc.constantFrom(null, ".VnTime", "VNI-Times"),
        (a, l, b, font) => {
          expect(detectLegacyEncoding(a + l + b, font)).toBeNull();
        }
      )
    );
  });

  it("N4 real Unicode phrases are never taken for legacy text without a font", () => {
    fc.assert(
      fc.property(phrase, (p) => {
        expect(toUnicode(p)).toEqual({ text: p, encoding: null });
      }),
      { numRuns: 500 }
    );
  });

  it("N4 with a legacy font, a Latin-1-only Unicode word is kept when its decoding is not Vietnamese", () => {
    // "Tây" in TCVN3 would read "Tõy", which is no syllable: the text was Unicode all along.
    expect(toUnicode("Tây Ninh", ".VnTime")).toEqual({ text: "Tây Ninh", encoding: null });
  });
});

describe("isVietnameseSyllable", () => {
  it.each([
    "tàu",
    "thuý",
    "thúy",
    "hoà",
    "hòa",
    "ngoài",
    "khuỷu",
    "mất",
    "quốc",
    "giữa",
    "Nguyễn",
    "KHỐI",
    "rượu",
    "xoong",
  ])("%j is a syllable", (w) => expect(isVietnameseSyllable(w)).toBe(true));
  it.each(["taù", "mãt", "Së", "Noäi", "tõy", "cafộ", "sụỷ", "Total"])("%j is not", (w) =>
    expect(isVietnameseSyllable(w)).toBe(false)
  );
});

describe("the s5 sample (TCVN3 workbook, .VnTime font)", () => {
  let cells: { address: string; text: string; font: string | null }[] = [];
  let expectedUnits: string[] = [];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(S5, "input.xlsx"));
    const ws = wb.worksheets[0];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        // A merged title is stored in every cell of the merge: read it once, from its master cell.
        if (typeof c.value === "string" && (!c.isMerged || c.master.address === c.address)) {
          cells.push({ address: c.address, text: c.value, font: c.font?.name ?? null });
        }
      })
    );
    const expected = JSON.parse(fs.readFileSync(path.join(S5, "expected.json"), "utf8")) as {
      units: { name: string }[];
    };
    expectedUnits = expected.units.map((u) => u.name);
  });

  const at = (address: string) => {
    const c = cells.find((x) => x.address === address);
    if (!c) throw new Error(`no text in ${address}`);
    return toUnicode(c.text, c.font);
  };

  it("N4 the four unit names come out exactly as expected.json names them", () => {
    const names = ["D4", "E4", "F4", "G4"].map((a) => at(a));
    for (const n of names) expect(n.encoding).toBe("tcvn3");
    expect(names.map((n) => n.text).sort()).toEqual([...expectedUnits].sort());
  });

  it("N4 the title, header words and labels come out in Unicode", () => {
    expect(at("A1").text).toBe("KHỐI VĂN HÓA - XÃ HỘI");
    expect(at("A2").text).toBe("Bảng điểm thi đua năm 2007");
    expect(at("B4").text).toBe("Nội dung tiêu chí");
    expect(at("C4").text).toBe("Điểm chuẩn");
    expect(at("B5").text).toBe("Kết quả thực hiện nhiệm vụ chính trị, chuyên môn");
    expect(at("B18").text).toBe("Điểm cộng (tối đa 5 điểm)");
    expect(at("B20").text).toBe("Được tặng Cờ thi đua, Bằng khen cấp tỉnh trở lên");
    expect(at("B21").text).toBe("Điểm trừ");
    expect(at("B22").text).toBe("Chậm gửi báo cáo, hồ sơ thi đua");
  });

  it("N4 every legacy label decodes to well-formed Vietnamese words", () => {
    const legacy = cells
      .map((c) => ({ c, u: toUnicode(c.text, c.font) }))
      .filter((x) => x.u.encoding !== null);
    expect(legacy.length).toBeGreaterThanOrEqual(25);
    for (const { u } of legacy) {
      for (const w of u.text.split(/[\s\d,.()-]+/)) {
        if (/[^\x20-\x7e]/.test(w)) expect(isVietnameseSyllable(w)).toBe(true);
      }
    }
  });

  it("N4 the Unicode cells of the same .VnTime sheet ('TỔNG CỘNG', 'NGƯỜI LẬP BIỂU') are left alone", () => {
    for (const a of ["B24", "B27", "E27", "E28"]) {
      const c = cells.find((x) => x.address === a);
      expect(c?.font).toBe(".VnTime");
      expect(at(a)).toEqual({ text: c?.text, encoding: null });
    }
    expect(at("A4")).toEqual({ text: "STT", encoding: null });
  });
});
