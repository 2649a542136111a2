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
import { analyzeTable } from "../../src/core";

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
  it("uses the share of the max total with the visible default bands", () => {
    expect(classify(90, 100, DEFAULT_BANDS)).toBe("Hoàn thành xuất sắc nhiệm vụ");
    expect(classify(89.99, 100, DEFAULT_BANDS)).toBe("Hoàn thành tốt nhiệm vụ");
    expect(classify(945, 1000, DEFAULT_BANDS)).toBe("Hoàn thành xuất sắc nhiệm vụ");
    expect(classify(49, 100, DEFAULT_BANDS)).toBe("Không hoàn thành nhiệm vụ");
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
    expect(en.inSheetOrder.map((u) => u.classification)).toEqual([
      "Tasks completed with excellence",
      "Tasks completed well",
      "Tasks not completed",
    ]);
    expect(vi.inSheetOrder.map((u) => u.classification)).toEqual([
      "Hoàn thành xuất sắc nhiệm vụ",
      "Hoàn thành tốt nhiệm vụ",
      "Không hoàn thành nhiệm vụ",
    ]);
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
