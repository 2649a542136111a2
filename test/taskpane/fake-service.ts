/**
 * A ThiduaService over plain data: a cluster of three units with one issue of each kind the pane
 * treats differently (an error with a cell, a fixable text number, a unit-level warning, an info).
 * Every call is recorded so tests can assert what the pane asked the workbook to do.
 */
import {
  defaultProfile,
  type ClusterProfile,
  type ClassificationBand,
} from "../../src/core/profile";
import type { Issue, IssueFix } from "../../src/core/issues";
import type { CriterionNode, RankingReport, UnitResult } from "../../src/core/report";
import type { Lang } from "../../src/core/i18n";
import {
  ServiceError,
  type BandProblem,
  type CovenantDocxResult,
  type CovenantResult,
  type MeetingDoc,
  type FixPreview,
  type MappingPart,
  type RankMode,
  type RankResult,
  type Reading,
  type RotationSuggestion,
  type SheetInfo,
  type TemplatesResult,
  type ThiduaService,
} from "../../src/taskpane/service";

const leaf = (
  id: string,
  code: string,
  label: string,
  max: number,
  kind: CriterionNode["kind"] = "content"
): CriterionNode => ({
  id,
  code,
  label,
  max,
  weight: 1,
  kind,
  level: 1,
  children: [],
});

export const CRITERIA: CriterionNode[] = [
  {
    id: "I",
    code: "I",
    label: "Thực hiện nhiệm vụ chuyên môn",
    max: 60,
    weight: 1,
    kind: "content",
    level: 0,
    children: [
      leaf("I.1", "1", "Hoàn thành kế hoạch năm", 40),
      leaf("I.2", "2", "Cải cách hành chính", 20),
    ],
  },
  {
    id: "II",
    code: "II",
    label: "Điểm thưởng",
    max: 10,
    weight: 1,
    kind: "bonus",
    level: 0,
    children: [leaf("II.1", "1", "Sáng kiến được công nhận", 10, "bonus")],
  },
  {
    id: "III",
    code: "III",
    label: "Điểm trừ",
    max: null,
    weight: 1,
    kind: "deduction",
    level: 0,
    children: [leaf("III.1", "1", "Chậm báo cáo", 5, "deduction")],
  },
];

function unit(
  name: string,
  total: number,
  rank: number,
  label: string | null,
  complete = true
): UnitResult {
  return {
    name,
    total,
    rawTotal: total,
    rank,
    label,
    classification: "Hoàn thành xuất sắc nhiệm vụ",
    award: rank === 1 ? "Cờ thi đua của UBND tỉnh" : null,
    sections: [],
    bonus: 0,
    deduction: 0,
    complete,
    eligible: true,
    leafCells: {},
    sheet: "Bảng điểm",
  };
}

export const ISSUES: Issue[] = [
  {
    code: "score-above-max",
    severity: "error",
    cell: "'Bảng điểm'!D8",
    unit: "Sở Tư pháp",
    criterion: "1.2",
    message: "Điểm 25 vượt điểm chuẩn 20",
  },
  {
    code: "text-number",
    severity: "warning",
    cell: "'Bảng điểm'!E7",
    unit: "Sở Nội vụ",
    criterion: "1.1",
    message: "Số được nhập dạng chữ: “18,5”",
    fix: { cell: "'Bảng điểm'!E7", value: 18.5 },
  },
  {
    code: "legacy-encoding",
    severity: "warning",
    cell: "'Bảng điểm'!F4",
    unit: "Sở Tài chính",
    criterion: null,
    message: "Chữ mã TCVN3",
    fix: { cell: "'Bảng điểm'!F4", value: "Sở Tài chính" },
  },
  {
    code: "review-missing",
    severity: "warning",
    cell: null,
    unit: "Sở Tài chính",
    criterion: null,
    message: "Chưa có điểm cụm chấm",
  },
  {
    code: "bonus-capped",
    severity: "info",
    cell: "'Bảng điểm'!D12",
    unit: "Sở Tư pháp",
    criterion: "II",
    message: "Điểm thưởng vượt mức tối đa, bỏ 2",
  },
];

export function makeReport(issues: Issue[] = ISSUES): RankingReport {
  return {
    files: [],
    sheets: ["Bảng điểm"],
    mappings: [],
    provisional: issues.some((i) => i.severity === "error"),
    errorCount: issues.filter((i) => i.severity === "error").length,
    criteria: CRITERIA,
    contentMax: 60,
    bonusCap: 10,
    maxTotal: 70,
    precision: 2,
    units: [
      unit("Sở Nội vụ", 58.5, 2, "Nhì"),
      unit("Sở Tư pháp", 66.25, 1, "Nhất"),
      unit("Sở Tài chính", 41, 3, "Ba", false),
    ],
    issues,
  };
}

export function makeReading(issues: Issue[] = ISSUES): Reading {
  return {
    sheets: ["Bảng điểm"],
    mapping: {
      layout: "C",
      confidence: 0.92,
      reasons: ["Tìm thấy dòng tiêu đề có “Điểm chuẩn”"],
      lines: ["Tiêu chí theo dòng, mỗi đơn vị hai cột (Tự chấm, Cụm chấm)."],
      parts: [
        { part: "header", where: "'Bảng điểm'!A4:H5" },
        { part: "codes", where: "'Bảng điểm'!A6:A14" },
        { part: "labels", where: "'Bảng điểm'!B6:B14" },
        { part: "max", where: "'Bảng điểm'!C6:C14" },
        { part: "weights", where: null },
        { part: "units", where: "'Bảng điểm'!D4:H4" },
        { part: "self", where: "'Bảng điểm'!D, F, H" },
        { part: "review", where: "'Bảng điểm'!E, G" },
        { part: "bonus", where: "II. Điểm thưởng", correctable: false },
        { part: "deduction", where: "III. Điểm trừ", correctable: false },
      ],
      saved: false,
    },
    units: [
      { unit: "Sở Nội vụ", self: "'Bảng điểm'!D6:D14", review: "'Bảng điểm'!E6:E14" },
      { unit: "Sở Tư pháp", self: "'Bảng điểm'!F6:F14", review: "'Bảng điểm'!G6:G14" },
      { unit: "Sở Tài chính", self: "'Bảng điểm'!H6:H14", review: null },
    ],
    report: makeReport(issues),
  };
}

export interface Call {
  method: string;
  args: unknown[];
}

export class FakeService implements ThiduaService {
  calls: Call[] = [];
  profile: ClusterProfile = {
    ...defaultProfile(2025),
    clusterName: "Cụm thi đua số 3",
    members: ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính"],
    head: "Sở Nội vụ",
    deputy: "Sở Tư pháp",
  };
  issues: Issue[] = ISSUES.slice();
  /** When set, the next call of that method rejects with it. */
  failNext: Partial<Record<keyof ThiduaService, unknown>> = {};

  constructor(readonly displayLanguage = "vi-VN") {}

  private rec(method: keyof ThiduaService, ...args: unknown[]): void {
    this.calls.push({ method, args });
    if (method in this.failNext) {
      const err = this.failNext[method];
      delete this.failNext[method];
      throw err;
    }
  }

  callsOf(method: keyof ThiduaService): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.rec("listSheets");
    return [
      { name: "Bảng điểm", active: true, ours: false },
      { name: "Xếp hạng", active: false, ours: true },
    ];
  }
  async read(sheets: string[] | undefined, lang: Lang): Promise<Reading> {
    this.rec("read", sheets, lang);
    return makeReading(this.issues);
  }
  async useSelection(part: MappingPart, reading: Reading, lang: Lang): Promise<Reading> {
    this.rec("useSelection", part, reading, lang);
    const r = makeReading(this.issues);
    r.mapping.saved = true;
    r.mapping.parts = [{ part, where: "'Bảng điểm'!J6:J14", corrected: true }];
    return r;
  }
  async resetMapping(reading: Reading, lang: Lang): Promise<Reading> {
    this.rec("resetMapping", reading, lang);
    return makeReading(this.issues);
  }
  async previewFixes(fixes: IssueFix[]): Promise<FixPreview[]> {
    this.rec("previewFixes", fixes);
    return fixes.map((fix) => ({ fix, before: fix.value === 18.5 ? "18,5" : "Së Tµi chÝnh" }));
  }
  async applyFixes(fixes: IssueFix[]): Promise<number> {
    this.rec("applyFixes", fixes);
    const cells = new Set(fixes.map((f) => f.cell));
    this.issues = this.issues.filter((i) => !(i.fix && cells.has(i.fix.cell)));
    return fixes.length;
  }
  async selectCell(address: string): Promise<void> {
    this.rec("selectCell", address);
  }
  async buildRanking(mode: RankMode, reading: Reading, lang: Lang): Promise<RankResult> {
    this.rec("buildRanking", mode, reading, lang);
    return { sheetName: lang === "en" ? "Ranking" : "Xếp hạng", report: makeReport(this.issues) };
  }
  async buildCovenant(
    as: "sheet" | "docx",
    reading: Reading | null,
    lang: Lang
  ): Promise<CovenantResult> {
    this.rec("buildCovenant", as, reading, lang);
    if (as === "docx")
      return { kind: "docx", fileName: "Giao-uoc-2025.docx", blob: new Blob(["x"]) };
    return { kind: "sheet", sheetName: "Giao ước" };
  }
  async buildMeetingDoc(
    doc: MeetingDoc,
    reading: Reading,
    lang: Lang
  ): Promise<CovenantDocxResult> {
    this.rec("buildMeetingDoc", doc, reading, lang);
    return { kind: "docx", fileName: `${doc}-2025.docx`, blob: new Blob(["x"]) };
  }
  async buildTemplates(reading: Reading, lang: Lang): Promise<TemplatesResult> {
    this.rec("buildTemplates", reading, lang);
    return { sheetNames: this.profile.members.map((m) => `Tự chấm - ${m}`) };
  }
  async loadProfile(): Promise<ClusterProfile> {
    this.rec("loadProfile");
    return JSON.parse(JSON.stringify(this.profile)) as ClusterProfile;
  }
  async saveProfile(p: ClusterProfile): Promise<void> {
    this.rec("saveProfile", p);
    this.profile = JSON.parse(JSON.stringify(p)) as ClusterProfile;
  }
  suggestRotation(p: ClusterProfile): RotationSuggestion | null {
    if (!p.deputy) return null;
    const i = p.members.indexOf(p.deputy);
    return { head: p.deputy, deputy: p.members[(i + 1) % p.members.length] };
  }
  checkBands(bands: ClassificationBand[]): BandProblem[] {
    const lowest = Math.min(...bands.map((b) => b.minShare));
    return lowest > 0 ? [{ message: `Tổng điểm dưới ${lowest * 100} % không được xếp loại` }] : [];
  }
}

export { ServiceError };
