import fc from "fast-check";
import { canonicalTonePlacement, foldKey, nameKey, normalizeText } from "../../../src/core/text";

describe("normalizeText (N3)", () => {
  it("N3 a unit name typed in NFC and pasted in NFD compares equal", () => {
    const nfc = "Sở Giáo dục và Đào tạo";
    const nfd = nfc.normalize("NFD");
    expect(nfd).not.toBe(nfc);
    expect(normalizeText(nfd)).toBe(nfc);
  });

  it("N3 trims and collapses spaces, NBSP, tabs and line breaks to one space", () => {
    expect(normalizeText("  Sở \u00a0 Y\ttế \r\n ")).toBe("Sở Y tế");
    expect(normalizeText("Sở\u202fTư\u3000pháp")).toBe("Sở Tư pháp");
    expect(normalizeText("Sở Nội vụ\n(Ban Thi đua)")).toBe("Sở Nội vụ (Ban Thi đua)");
  });

  it("N3 zero-width characters pasted from the web do not split or change a name", () => {
    expect(normalizeText("Sở\u200b Y\u200d tế\ufeff")).toBe("Sở Y tế");
  });

  it("N3 keeps case and diacritics: names are shown as typed", () => {
    expect(normalizeText("SỞ Y TẾ")).toBe("SỞ Y TẾ");
    expect(normalizeText("Sở Y tế")).not.toBe(normalizeText("So Y te"));
  });

  it("N3 normalising twice changes nothing, and NFD input gives the same result as NFC", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
        expect(normalizeText(s.normalize("NFD"))).toBe(once);
        expect(once).not.toMatch(/^\s|\s$|\s\s/);
      })
    );
  });
});

describe("foldKey (header words and labels)", () => {
  it.each([
    ["Điểm chuẩn", "diem chuan"],
    ["ĐIỂM CHUẨN", "diem chuan"],
    ["  Điểm\u00a0 chuẩn ", "diem chuan"],
    ["Điểm chuẩn".normalize("NFD"), "diem chuan"],
    ["Tổng cộng", "tong cong"],
    ["Nội dung tiêu chí", "noi dung tieu chi"],
    ["Xếp hạng", "xep hang"],
    ["STT", "stt"],
  ])("folds %j to %j", (input, key) => {
    expect(foldKey(input)).toBe(key);
  });

  it("matches the same word typed with or without diacritics, in any case and normal form", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Điểm thưởng", "Điểm trừ", "Tự chấm", "Cụm chấm", "Ghi chú"),
        (w) => {
          const key = foldKey(w);
          expect(foldKey(w.toUpperCase())).toBe(key);
          expect(foldKey(w.normalize("NFD"))).toBe(key);
          expect(key).toMatch(/^[a-z ]+$/);
        }
      )
    );
  });
});

describe("nameKey (N3 duplicate-unit, matching names across files)", () => {
  it.each([
    ["Sở Văn hoá, Thể thao và Du lịch", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"],
    ["UBND tỉnh Khánh Hoà", "UBND tỉnh Khánh Hòa"],
    ["Trường Mầm non Thuý Lĩnh", "Trường mầm non Thúy Lĩnh"],
    ["Sở  Y\u00a0tế", "sở y tế".normalize("NFD")],
    ["Trung tâm Khoẻ sinh sản", "Trung tâm Khỏe sinh sản"],
  ])("N3 %j and %j are the same unit", (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ["Sở Y tế", "Sở Ý tế"],
    ["Phòng Tư pháp", "Phòng Tư Pháp 2"],
    ["Xã Hòa An", "Xã Hoà Bình"],
  ])("N3 %j and %j stay different units", (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it("moves the tone of a closing oa/oe/uy only: 'hoàn', 'quý', 'khuya' and 'thuở' are untouched", () => {
    expect(canonicalTonePlacement("hoà hoàn quý Quý khuya thuở uỷ")).toBe(
      "hòa hoàn quý Quý khuya thuở ủy"
    );
    expect(canonicalTonePlacement("CỘNG HOÀ")).toBe("CỘNG HÒA");
  });
});
