/**
 * Issue 8 ("nothing is lost"): the playground's "save as .xlsx" keeps the cluster profile, which lives
 * in a Custom XML part ExcelJS cannot write, and the saved file still opens elsewhere.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { defaultProfile } from "../../src/core/profile";
import { PROFILE_NAMESPACE } from "../../src/excel";
import { createSimulator, simulatorFromXlsx } from "../../src/simulator";
import { readCustomXmlParts } from "../../src/simulator/custom-xml";
import { adapterFor } from "../excel/fixtures";

async function savedWithProfile(): Promise<{ bytes: Uint8Array; profile: any }> {
  const sim = createSimulator({ sheets: ["Bảng điểm"] });
  sim.model.setConstant(sim.model.sheets[0], 0, 0, "Sở Tài chính");
  const profile = {
    ...defaultProfile(2025),
    clusterName: "Cụm thi đua số 3 — khối Sở, ban, ngành",
    members: ["Sở Tài chính", "Sở Nội vụ", 'Ban "Dân tộc" & <Tôn giáo>'],
    precision: 1,
  };
  await adapterFor(sim).saveProfile(profile);
  return { bytes: await sim.toXlsx(), profile };
}

describe("simulator .xlsx keeps custom XML parts (the cluster profile)", () => {
  test("save → load round trip: the loaded workbook gives back the same profile", async () => {
    const { bytes, profile } = await savedWithProfile();
    const loaded = await simulatorFromXlsx(bytes);
    const back = await adapterFor(loaded).loadProfile();
    expect(back.clusterName).toBe(profile.clusterName);
    expect(back.members).toEqual(profile.members);
    expect(back.precision).toBe(1);
    expect(loaded.model.customXmlParts).toHaveLength(1);
    expect(loaded.model.customXmlParts[0].namespaceUri).toBe(PROFILE_NAMESPACE);
    // Saving the loaded workbook again keeps one part, not two.
    const again = await simulatorFromXlsx(await loaded.toXlsx());
    expect(again.model.customXmlParts).toHaveLength(1);
    expect((await adapterFor(again).loadProfile()).members).toEqual(profile.members);
  });

  test("the package is laid out as Excel saves it: item, itemProps with id and namespace, rels, content type", async () => {
    const { bytes } = await savedWithProfile();
    const zip = await JSZip.loadAsync(bytes);
    const props = await zip.file("customXml/itemProps1.xml")!.async("string");
    expect(props).toMatch(/ds:itemID="\{[0-9A-F-]{36}\}"/);
    expect(props).toContain(`ds:uri="${PROFILE_NAMESPACE}"`);
    expect(await zip.file("customXml/_rels/item1.xml.rels")!.async("string")).toContain(
      'Target="itemProps1.xml"'
    );
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    expect(rels).toContain('Target="../customXml/item1.xml"');
    const ids = Array.from(rels.matchAll(/Id="([^"]+)"/g), (m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(
      'PartName="/customXml/itemProps1.xml"'
    );
    const parts = await readCustomXmlParts(bytes);
    expect(parts).toHaveLength(1);
    expect(parts[0].id).toMatch(/^\{[0-9A-F-]{36}\}$/);
  });

  test("a part Excel saved in UTF-16 is read as text, with its itemID", async () => {
    const sim = createSimulator();
    const zip = await JSZip.loadAsync(await sim.toXlsx());
    const xml = `<?xml version="1.0" encoding="UTF-16"?><x xmlns="urn:other">Đà Nẵng</x>`;
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + i * 2] = xml.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = xml.charCodeAt(i) >> 8;
    }
    zip.file("customXml/item1.xml", utf16);
    zip.file(
      "customXml/itemProps1.xml",
      `<ds:datastoreItem ds:itemID="{11111111-2222-3333-4444-555555555555}" xmlns:ds="x"/>`
    );
    const loaded = await simulatorFromXlsx(await zip.generateAsync({ type: "uint8array" }));
    expect(loaded.model.customXmlParts).toEqual([
      { id: "{11111111-2222-3333-4444-555555555555}", namespaceUri: "urn:other", xml },
    ]);
  });

  test("LibreOffice still opens the saved file (converts it to CSV)", async () => {
    const { bytes } = await savedWithProfile();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-xml-"));
    try {
      const file = path.join(dir, "profile.xlsx");
      fs.writeFileSync(file, bytes);
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${dir}/lo`,
          "--headless",
          "--convert-to",
          // 76: UTF-8, so the Vietnamese text can be compared.
          "csv:Text - txt - csv (StarCalc):44,34,76",
          "--outdir",
          dir,
          file,
        ],
        { stdio: "pipe", timeout: 120_000 }
      );
      expect(fs.readFileSync(path.join(dir, "profile.csv"), "utf8")).toContain("Sở Tài chính");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
