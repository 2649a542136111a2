import {
  checkBands,
  classify,
  competitionRanks,
  rankLabel,
  rankUnits,
  suggestRotation,
  tallyCounts,
  tallyVotes,
} from "../../src/core/ranking";
import { DEFAULT_BANDS, defaultProfile, profileLabel } from "../../src/core/profile";
import { analyzeTable, analyzeWorkbook } from "../../src/core";
import type { Grid } from "../../src/core/grid";

describe("K1/K2 competition ranking", () => {
  it("ranks 1, 2, 2, 4 by total descending", () => {
    expect(competitionRanks([90, 85, 85, 80], 2)).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([80, 85, 90, 85], 2)).toEqual([4, 2, 1, 2]);
  });

  it("compares at the sheet precision (R10): 87.254 and 87.249 tie at 2 decimals, not at 3", () => {
    expect(competitionRanks([87.254, 87.249], 2)).toEqual([1, 1]);
    expect(competitionRanks([87.254, 87.249], 3)).toEqual([1, 2]);
  });

  it("labels ranks 1–3 Nhất, Nhì, Ba and nothing after", () => {
    expect([1, 2, 3, 4].map((r) => rankLabel(r, "vi"))).toEqual(["Nhất", "Nhì", "Ba", null]);
    expect(rankLabel(1, "en")).toBe("First");
  });
});

describe("K3–K5 tie-break keys, eligibility and award slots", () => {
  const entry = (
    name: string,
    total: number,
    s1 = 0,
    bonus = 0,
    deduction = 0,
    eligible = true
  ) => ({
    name,
    total,
    sections: [s1],
    bonus,
    deduction,
    eligible,
  });
  const awards = { ...defaultProfile().awards, flagSlots: 1, meritSlots: 2 };

  it("K3 never breaks a tie at the top silently: both units stay rank 1 and nobody gets the flag", () => {
    const out = rankUnits([entry("A", 90), entry("B", 90), entry("C", 80)], {
      precision: 2,
      awards,
    });
    expect(out.ranks).toEqual([1, 1, 3]);
    expect(out.tiedAtTop.sort()).toEqual([0, 1]);
    expect(out.awards[0]).not.toBe(awards.flagLabel);
    expect(out.awards[1]).not.toBe(awards.flagLabel);
  });

  it("K3 'higher section I score' breaks the tie when the cluster chose it", () => {
    const out = rankUnits([entry("A", 90, 50), entry("B", 90, 55)], {
      precision: 2,
      tieBreak: ["section-1"],
      awards,
    });
    expect(out.ranks).toEqual([2, 1]);
    expect(out.tiedAtTop).toEqual([]);
    expect(out.awards[1]).toBe(awards.flagLabel);
  });

  it("K3 'fewer deductions' ranks the unit with less deducted first", () => {
    const out = rankUnits([entry("A", 90, 0, 0, 3), entry("B", 90, 0, 0, 1)], {
      precision: 2,
      tieBreak: ["fewer-deductions"],
    });
    expect(out.ranks).toEqual([2, 1]);
  });

  it("K4 an ineligible leader keeps rank 1 but the flag goes to the next eligible unit", () => {
    const out = rankUnits([entry("A", 95, 0, 0, 0, false), entry("B", 90), entry("C", 85)], {
      precision: 2,
      awards,
    });
    expect(out.ranks).toEqual([1, 2, 3]);
    expect(out.awards).toEqual([null, awards.flagLabel, awards.meritLabel]);
    expect(out.passedOver).toEqual([0]);
  });

  it("K5 proposes at most one award per unit and none past the slots (merit default 0)", () => {
    const out = rankUnits([entry("A", 95), entry("B", 90), entry("C", 85)], {
      precision: 2,
      awards: defaultProfile().awards,
    });
    expect(out.awards).toEqual([defaultProfile().awards.flagLabel, null, null]);
  });
});

describe("K6 classification bands", () => {
  it("K6: uses the share of the content max with the visible default bands Tốt ≥ 80 %, Khá ≥ 65 %, Trung bình", () => {
    expect(classify(80, 100, DEFAULT_BANDS)).toBe("Tốt");
    expect(classify(79.99, 100, DEFAULT_BANDS)).toBe("Khá");
    expect(classify(650, 1000, DEFAULT_BANDS)).toBe("Khá");
    expect(classify(64.99, 100, DEFAULT_BANDS)).toBe("Trung bình");
    // A superior's official rating is never a default point band.
    expect(DEFAULT_BANDS.map((b) => b.label).join(" ")).not.toMatch(/Hoàn thành/);
  });

  it("K6: the bonus is not in the denominator, so a unit with bonus may pass 100 % and stays in the top band", () => {
    const criteria = [
      ["I", "Chuyên môn", 100],
      ["1", "Kế hoạch", 100],
      ["II", "Điểm thưởng", 10],
      ["1", "Sáng kiến", 10],
    ];
    const scores = [
      [null, null],
      [78, 60],
      [null, null],
      [8, 0],
    ];
    const res = analyzeTable(criteria, scores, { lang: "vi", units: ["Sở A", "Sở B"] });
    if (!res.ok) throw new Error("must rank");
    // 86 of 100 content points: Tốt (86 of 110 would be 78 %, Khá).
    expect(res.inSheetOrder[0].total).toBe(86);
    expect(res.inSheetOrder[0].classification).toBe("Tốt");
    expect(res.inSheetOrder[1].classification).toBe("Trung bình");
  });

  it("shows the default band and award labels in English for an English user, the cluster's own as typed", () => {
    const criteria = [
      ["I", "Chuyên môn", 100],
      ["1", "Kế hoạch", 100],
    ];
    const scores = [
      [null, null, null],
      [95, 75, 40],
    ];
    const en = analyzeTable(criteria, scores, { lang: "en", units: ["Sở A", "Sở B", "Sở C"] });
    const vi = analyzeTable(criteria, scores, { lang: "vi", units: ["Sở A", "Sở B", "Sở C"] });
    if (!en.ok || !vi.ok) throw new Error("both must rank");
    expect(en.inSheetOrder.map((u) => u.classification)).toEqual(["Good", "Fair", "Average"]);
    expect(vi.inSheetOrder.map((u) => u.classification)).toEqual(["Tốt", "Khá", "Trung bình"]);
    expect(en.inSheetOrder[0].award).toBe("Emulation flag of the Provincial People's Committee");
    expect(vi.inSheetOrder[0].award).toBe("Cờ thi đua của UBND tỉnh");
    expect(profileLabel("Xuất sắc", "en")).toBe("Xuất sắc");
  });

  it("reports gaps and overlaps in the bands, and none in the defaults", () => {
    expect(checkBands(DEFAULT_BANDS)).toEqual([]);
    const gap = checkBands([{ label: "Tốt", minShare: 0.7 }]);
    expect(gap.join(" ")).toMatch(/70 %/);
    const overlap = checkBands([
      { label: "Tốt", minShare: 0.7 },
      { label: "Khá", minShare: 0.7 },
      { label: "Yếu", minShare: 0 },
    ]);
    expect(overlap.length).toBe(1);
    expect(overlap[0]).toMatch(/chồng lấn/);
    expect(
      checkBands(
        [
          { label: "X", minShare: 1.5 },
          { label: "Y", minShare: 0 },
        ],
        "en"
      )[0]
    ).toMatch(/0–100/);
  });
});

describe("K8 rotation and K7 votes", () => {
  it("K8 next head is this year's deputy; next deputy the following member, wrapping round", () => {
    const members = ["Sở Nội vụ", "Sở Tư pháp", "Thanh tra tỉnh", "Sở Tài chính"];
    expect(suggestRotation(members, "Sở Nội vụ", "Sở Tư pháp")).toEqual({
      head: "Sở Tư pháp",
      deputy: "Thanh tra tỉnh",
    });
    expect(suggestRotation(members, "Thanh tra tỉnh", "Sở Tài chính")).toEqual({
      head: "Sở Tài chính",
      deputy: "Sở Nội vụ",
    });
  });

  it("K7 counts each name once per ballot, shares over ballots cast, threshold only when set", () => {
    const res = tallyVotes(
      ["Sở Nội vụ", "Sở Tư pháp"],
      [["Sở Nội vụ"], ["Sở  Nội vụ", "Sở Nội vụ"], ["Sở Tư pháp"], []],
      0.5
    );
    expect(res[0]).toEqual({
      name: "Sở Nội vụ",
      votesFor: 2,
      ballotsCast: 4,
      share: 0.5,
      passes: true,
    });
    expect(res[1].passes).toBe(false);
    expect(tallyCounts([{ name: "A", votesFor: 3 }], 4)[0].passes).toBeNull();
  });
});

describe("K9 ties at an award boundary, K10 periods", () => {
  const entry = (name: string, total: number) => ({
    name,
    total,
    sections: [0],
    bonus: 0,
    deduction: 0,
    eligible: true,
  });
  const slots = (flagSlots: number, meritSlots: number) => ({
    ...defaultProfile().awards,
    flagSlots,
    meritSlots,
  });

  it("K9: two units tied for first with one flag and one Bằng khen are both pending, and rank 3 gets no Bằng khen", () => {
    const out = rankUnits([entry("A", 90), entry("B", 90), entry("C", 80)], {
      precision: 2,
      awards: slots(1, 1),
    });
    expect(out.pending.sort()).toEqual([0, 1]);
    expect(out.awards).toEqual([null, null, null]);
  });

  it("K9: a tie across the last Bằng khen slot holds it; units above the tie keep theirs", () => {
    const out = rankUnits([entry("A", 95), entry("B", 90), entry("C", 90), entry("D", 85)], {
      precision: 2,
      awards: slots(1, 1),
    });
    expect(out.awards[0]).toBe(defaultProfile().awards.flagLabel);
    expect(out.pending.sort()).toEqual([1, 2]);
    expect(out.awards.slice(1)).toEqual([null, null, null]);
  });

  it("K9: when the tied group holds both kinds of slot and slots remain, the next rank still gets the one left", () => {
    const out = rankUnits([entry("A", 90), entry("B", 90), entry("C", 80)], {
      precision: 2,
      awards: slots(1, 2),
    });
    expect(out.pending.sort()).toEqual([0, 1]);
    expect(out.awards[2]).toBe(defaultProfile().awards.meritLabel);
  });

  const grid = (units: string[], scores: number[][]): Grid => {
    const values = [
      ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA", null, null, ...units.map(() => null)],
      ["STT", "Nội dung tiêu chí", "Điểm chuẩn", ...units],
      ["I", "Chuyên môn", 100, ...units.map(() => null)],
      ["1", "Kế hoạch", 60, ...scores[0]],
      ["2", "Tham mưu", 40, ...scores[1]],
    ];
    return { sheetName: "Bảng điểm", top: 0, left: 0, values };
  };

  it("K10: a sơ kết ranking proposes no award, even to the leader", () => {
    const g = grid(
      ["Sở A", "Sở B"],
      [
        [55, 40],
        [35, 30],
      ]
    );
    const res = analyzeWorkbook([g], {
      profile: { period: "so-ket", awards: slots(1, 1) },
    });
    if (!res.ok) throw new Error(res.message);
    expect(res.report.units.map((u) => u.rank)).toEqual([1, 2]);
    expect(res.report.units.map((u) => u.award)).toEqual([null, null]);
    const year = analyzeWorkbook([g], { profile: { period: "tong-ket", awards: slots(1, 1) } });
    if (!year.ok) throw new Error(year.message);
    expect(year.report.units[0].award).toBe(defaultProfile().awards.flagLabel);
  });

  it("K10: a single unit's form has no rank label and no award", () => {
    const res = analyzeWorkbook([grid(["Sở A"], [[55], [35]])], {});
    if (!res.ok) throw new Error(res.message);
    expect(res.report.units[0].label).toBeNull();
    expect(res.report.units[0].award).toBeNull();
  });
});
