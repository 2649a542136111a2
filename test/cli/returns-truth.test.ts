/**
 * DOMAIN.md §8 through the CLI: `thidua rank forms/*.xlsx --profile cum.json` never ranks a refused
 * form, names a member without a form (form-missing) and a refused form (form-refused) in --json,
 * exits 1 with provisional: true, and `--accept <file or unit>` takes a refused form explicitly. The
 * forms are the ones the pane sends, made and filled here.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { clusterProfile, fillForm, templateFor, type Entry } from "../email/helpers";
import { runCli as run } from "./run";

const FULL: Entry[] = [23, 18.75, 14, 18, 13.5, 1, 2, 0];
const LOWER: Entry[] = [20, 17, 12, 16, 11, 1, 1, 0];
const MIDDLE: Entry[] = [22, 18, 13, 17, 12, 0.5, 2, 1];

/** The forms went out before the settings were filled: no cluster name yet. */
const EARLY = clusterProfile({ clusterName: "", year: 2026 });
const NOW = clusterProfile({ year: 2026 });

interface Json {
  provisional: boolean;
  units: { name: string; rank: number }[];
  issues: { code: string; severity: string; unit: string | null; message: string }[];
  returns: {
    units: {
      name: string;
      status: string;
      reason: string | null;
      acceptedAnyway: boolean;
      complete: boolean | null;
      issues: { code: string }[];
    }[];
  };
}

describe("thidua rank on returned forms tells the truth (form-missing, form-refused)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-truth-"));
  const profileFile = path.join(dir, "cum.json");
  const file = (n: string) => path.join(dir, n);
  const forms = ["tu-phap.xlsx", "ngoai-vu.xlsx", "dan-toc.xlsx", "noi-vu-2025.xlsx"].map(file);

  beforeAll(async () => {
    fs.writeFileSync(
      profileFile,
      JSON.stringify({ year: 2026, clusterName: NOW.clusterName, members: NOW.members })
    );
    const write = async (name: string, unit: string, self: Entry[], profile = EARLY) =>
      fs.writeFileSync(file(name), await fillForm(await templateFor(unit, profile), self));
    await write("tu-phap.xlsx", "Sở Tư pháp", FULL);
    await write("ngoai-vu.xlsx", "Sở Ngoại vụ", MIDDLE, NOW);
    await write("dan-toc.xlsx", "Ban Dân tộc", LOWER);
    // Sở Nội vụ answered with the form of another year; Thanh tra tỉnh sent nothing.
    await write("noi-vu-2025.xlsx", "Sở Nội vụ", [24, 19, 15, 19, 14, 3, 2, 0], {
      ...NOW,
      year: 2025,
    });
    await write("thanh-tra.xlsx", "Thanh tra tỉnh", LOWER, NOW);
    await write("khac-cum.xlsx", "Thanh tra tỉnh", LOWER, {
      ...NOW,
      clusterName: "Cụm thi đua các huyện miền núi",
    });
  }, 120000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("never ranks the refused form; names it and the missing member; exit 1, provisional", async () => {
    const r = await run(["rank", ...forms, "--profile", profileFile, "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as Json;
    expect(json.provisional).toBe(true);
    // Sở Nội vụ's 2025 scores (the highest) are not ranked; nobody moved up past a missing member.
    expect(json.units.map((u) => [u.name, u.rank])).toEqual([
      ["Sở Tư pháp", 1],
      ["Sở Ngoại vụ", 2],
      ["Ban Dân tộc", 3],
    ]);
    expect(
      json.issues.filter((i) => i.code.startsWith("form-")).map((i) => [i.code, i.unit, i.severity])
    ).toEqual([
      ["form-missing", "Thanh tra tỉnh", "warning"],
      ["form-refused", "Sở Nội vụ", "warning"],
    ]);
    expect(json.issues.find((i) => i.code === "form-refused")!.message).toContain("2025");
    expect(json.returns.units.map((u) => [u.name, u.status, u.reason])).toEqual([
      ["Sở Tư pháp", "received", null],
      ["Sở Ngoại vụ", "received", null],
      ["Ban Dân tộc", "received", null],
      ["Sở Nội vụ", "rejected", "phiếu năm 2025, không phải năm 2026"],
      ["Thanh tra tỉnh", "missing", null],
    ]);
    expect(json.returns.units[0]).toMatchObject({ complete: true, issues: [] });
  }, 60000);

  it("--accept <file>: the refused form is ranked, said in the receipt; the missing member still keeps it provisional", async () => {
    const r = await run([
      "rank",
      ...forms,
      "--profile",
      profileFile,
      "--accept",
      "noi-vu-2025.xlsx",
      "--json",
    ]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as Json;
    expect(json.units[0].name).toBe("Sở Nội vụ");
    expect(json.issues.map((i) => i.code)).not.toContain("form-refused");
    expect(json.issues.filter((i) => i.code === "form-missing").map((i) => i.unit)).toEqual([
      "Thanh tra tỉnh",
    ]);
    expect(json.returns.units.find((u) => u.name === "Sở Nội vụ")).toMatchObject({
      status: "received",
      acceptedAnyway: true,
    });
  }, 60000);

  it("--accept of a name no refused form has is said, not silently ignored", async () => {
    const r = await run([
      "rank",
      ...forms,
      "--profile",
      profileFile,
      "--accept",
      path.join(dir, "noi-vu-2024.xlsx"),
      "--json",
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không có phiếu bị từ chối nào là "noi-vu-2024.xlsx" để vẫn nhận');
    const json = JSON.parse(r.out) as Json;
    expect(json.issues.map((i) => i.code)).toContain("form-refused");
  }, 60000);

  it("every member's clean form, one accepted by unit name: exit 0, provisional: false", async () => {
    const r = await run([
      "rank",
      ...forms,
      file("thanh-tra.xlsx"),
      "--profile",
      profileFile,
      "--accept=Sở Nội vụ",
      "--json",
    ]);
    const json = JSON.parse(r.out) as Json;
    expect(json.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(json.provisional).toBe(false);
    expect(r.code).toBe(0);
    expect(json.units).toHaveLength(5);
  }, 60000);

  it("in the terminal: the provisional line names the missing member and the refused form, then their issues", async () => {
    const r = await run(["rank", ...forms, "--profile", profileFile]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "TẠM TÍNH: chưa nhận phiếu của Thanh tra tỉnh; phiếu không được tổng hợp: Sở Nội vụ (phiếu năm 2025, không phải năm 2026)"
    );
    expect(r.out).toMatch(/form-missing Thanh tra tỉnh: Thanh tra tỉnh chưa gửi phiếu tự chấm/);
    expect(r.out).toMatch(/form-refused Sở Nội vụ: Phiếu của Sở Nội vụ không được tổng hợp/);
  }, 60000);

  it("every form refused: nothing ranked, exit 2, one line saying why and how to accept", async () => {
    const r = await run([
      "rank",
      forms[3],
      file("khac-cum.xlsx"),
      "--profile",
      profileFile,
      "--json",
    ]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(
      'thidua: không xếp hạng được: mọi phiếu đều không được tổng hợp (noi-vu-2025.xlsx: phiếu năm 2025, không phải năm 2026; khac-cum.xlsx: phiếu ghi "Cụm thi đua các huyện miền núi", không phải Cụm thi đua các cơ quan tham mưu tổng hợp)'
    );
    expect(r.err).toContain("--accept <tệp>");
  }, 60000);

  it("--out: the ranking sheet's provisional banner names the missing member and the refused form", async () => {
    const out = file("xep-hang.xlsx");
    const r = await run(["rank", ...forms, "--profile", profileFile, "--out", out]);
    expect(r.code).toBe(1);
    // Our ranking sheet is an output: read it as it is, not as a score sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Xếp hạng")!;
    const texts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value)))
    );
    const banner = texts.find((v) => v.startsWith("TẠM TÍNH"))!;
    expect(banner).toContain("chưa nhận phiếu của Thanh tra tỉnh");
    expect(banner).toContain("Sở Nội vụ (phiếu năm 2025, không phải năm 2026)");
    // The table has the three ranked units only.
    expect(texts).not.toContain("Sở Nội vụ");
  }, 90000);
});
