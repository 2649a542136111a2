/**
 * K6: the unit proposed for the flag is never classified below the top band without a note, on the
 * ranking sheet and in the award proposal.
 */
import JSZip from "jszip";
import { Packer } from "docx";
import { analyzeWorkbook } from "../../src/core";
import type { Lang } from "../../src/core/i18n";
import type { ClusterProfile } from "../../src/core/profile";
import type { RankingReport } from "../../src/core/report";
import { buildProposalDocx } from "../../src/sheets/meeting";
import { buildRankingSheet } from "../../src/sheets/ranking";
import { layoutA } from "../core/helpers";
import { profileFor } from "./fixtures";

jest.setTimeout(60_000);

/** Three units on a 100-point scale; Sở A leads with `top` points. */
function ranked(
  top: number,
  lang: Lang = "vi"
): { report: RankingReport; profile: ClusterProfile } {
  const grid = layoutA(
    ["Sở A", "Sở B", "Sở C"],
    [
      ["I", "Chuyên môn", 60, top - 20, 40, 30],
      ["II", "Tổ chức", 40, 20, 20, 20],
    ]
  );
  const profile = profileFor({ members: ["Sở A", "Sở B", "Sở C"], head: "Sở B", deputy: "Sở C" });
  const res = analyzeWorkbook([grid], { profile, lang });
  if (!res.ok) throw new Error(res.message);
  return { report: res.report, profile };
}

function noteOf(report: RankingReport, profile: ClusterProfile, lang: Lang, unit: string): string {
  const spec = buildRankingSheet(report, profile, {
    mode: "values",
    date: new Date(2026, 1, 5),
    sourceSheets: ["Bảng điểm"],
    lang,
  });
  const header = spec.cells.find((c) => c.value === (lang === "vi" ? "Ghi chú" : "Notes"))!;
  const row = spec.cells.find((c) => c.value === unit)!.row;
  const cell = spec.cells.find((c) => c.row === row && c.col === header.col);
  return String(cell?.value ?? "");
}

async function docxText(report: RankingReport, profile: ClusterProfile, lang: Lang) {
  const bytes = await Packer.toBuffer(
    buildProposalDocx(profile, report, { date: new Date(2026, 1, 5) }, lang)
  );
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

test("K6: the flag unit at 75 % (Khá) carries a note on the ranking sheet and in the proposal", async () => {
  const { report, profile } = ranked(75);
  const a = report.units.find((u) => u.name === "Sở A")!;
  expect([a.rank, a.classification, a.award]).toEqual([1, "Khá", "Cờ thi đua của UBND tỉnh"]);
  const note =
    "Đề nghị cờ thi đua dù xếp loại Khá, dưới mức Tốt: cụm ghi rõ lý do trong biên bản họp";
  expect(noteOf(report, profile, "vi", "Sở A")).toContain(note);
  // Only the flag unit: Sở B (70 %, Khá) is proposed for nothing.
  expect(noteOf(report, profile, "vi", "Sở B")).not.toContain("cờ thi đua");
  expect(await docxText(report, profile, "vi")).toContain(note);
});

test("K6: in English the note names the English bands", async () => {
  const { report, profile } = ranked(75, "en");
  expect(noteOf(report, profile, "en", "Sở A")).toContain(
    "Proposed for the flag though classified Fair, below Good"
  );
});

test("K6: a flag unit in the top band (85 %, Tốt) gets no such note", async () => {
  const { report, profile } = ranked(85);
  expect(report.units.find((u) => u.name === "Sở A")!.classification).toBe("Tốt");
  expect(noteOf(report, profile, "vi", "Sở A")).not.toContain("dưới mức");
  expect(await docxText(report, profile, "vi")).not.toContain("dưới mức");
});
