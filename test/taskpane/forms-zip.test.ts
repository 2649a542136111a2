/**
 * The self-score forms leave as one .zip (issue 18): one workbook per member, each under its readable
 * Vietnamese name and each the form of that member, so the head unzips and attaches them one by one.
 */
import JSZip from "jszip";
import { consolidateReturns } from "../../src/core/returns";
import { buildTemplateFiles, readReturnedWorkbook, XLSX_MIME } from "../../src/xlsx/email";
import { asciiFileName, zipFiles } from "../../src/taskpane/zip";
import { clusterProfile, CRITERIA, DATE, MEMBERS } from "../email/helpers";

describe("forms as one zip", () => {
  test("form-missing avoided: the zip holds one readable workbook per member, named after it", async () => {
    const profile = clusterProfile();
    const forms = await buildTemplateFiles(profile, CRITERIA, { lang: "vi", date: DATE });
    const blob = await zipFiles(
      forms.map((f) => ({
        fileName: f.fileName,
        blob: new Blob([f.bytes as BlobPart], { type: XLSX_MIME }),
      }))
    );
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    const names = Object.keys(zip.files);
    expect(names).toEqual(MEMBERS.map((m) => `Phiếu tự chấm 2025 - ${m}.xlsx`));
    for (const [i, name] of names.entries()) {
      const bytes = await zip.file(name)!.async("uint8array");
      const back = await readReturnedWorkbook(bytes, name);
      expect(back.error).toBeUndefined();
      // Read back as a returned form, it is this member's and no one else's.
      const res = consolidateReturns([back], profile);
      expect(res.units.filter((u) => u.status === "received").map((u) => u.name)).toEqual([
        MEMBERS[i],
      ]);
    }
  }, 120_000);

  test("two forms of one name are both kept, the second as '… (2)'", async () => {
    const blob = await zipFiles([
      { fileName: "Phiếu tự chấm 2025 - Sở A.xlsx", blob: new Blob(["a"]) },
      { fileName: "Phiếu tự chấm 2025 - Sở A.xlsx", blob: new Blob(["b"]) },
    ]);
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    expect(Object.keys(zip.files)).toEqual([
      "Phiếu tự chấm 2025 - Sở A.xlsx",
      "Phiếu tự chấm 2025 - Sở A (2).xlsx",
    ]);
    expect(await zip.file("Phiếu tự chấm 2025 - Sở A (2).xlsx")!.async("string")).toBe("b");
  });

  test("the zip's own name keeps to ASCII: diacritics and đ folded, spaces and signs made dashes", () => {
    expect(asciiFileName("Cụm thi đua các cơ quan tham mưu tổng hợp")).toBe(
      "Cum-thi-dua-cac-co-quan-tham-muu-tong-hop"
    );
    expect(asciiFileName("CỤM THI ĐUA SỐ 3 / Khối Đảng")).toBe("CUM-THI-DUA-SO-3-Khoi-Dang");
    expect(asciiFileName("……")).toBe("thidua");
  });
});
