/**
 * The cluster profile: the settings of DOMAIN.md §9. Stored in the workbook (Custom XML part by
 * src/excel, JSON file for the CLI) so whoever opens the emailed file sees the same configuration.
 * Every [practice] rule is a setting here with a visible default, never a hidden constant.
 */

import type { Lang } from "./i18n";

export const PROFILE_SCHEMA_VERSION = 1;

export type ClusterKind = "cum" | "khoi";
export type Period = "so-ket" | "tong-ket";

export interface ClassificationBand {
  label: string;
  /** Minimum share of the content max (K6: the bonus is not in the denominator), 0..1. */
  minShare: number;
}

export type TieBreakKey = "section-1" | "more-bonus" | "fewer-deductions";

export interface EligibilityEntry {
  unit: string;
  /** Why the unit may not receive an award ("có cán bộ vi phạm kỷ luật"). Empty = eligible. */
  reasons: string[];
}

export interface AwardSetting {
  /** "Cờ thi đua của UBND tỉnh" */
  flagLabel: string;
  flagSlots: number;
  /** "Bằng khen của Chủ tịch UBND tỉnh" */
  meritLabel: string;
  meritSlots: number;
}

export interface ClusterProfile {
  schemaVersion: number;
  clusterName: string;
  kind: ClusterKind;
  year: number;
  period: Period;
  /** "Lạng Sơn" for the place/date line of the covenant. */
  place: string;
  /** The issuing body shown top-left of official documents. */
  issuingBody: string;
  members: string[];
  head: string;
  deputy: string;
  /** Full names of the signatories per unit (covenant signature grid), optional. */
  signatories: Record<string, string>;
  /** Decimals at which totals are compared and shown (R10). */
  precision: number;
  /** Bonus cap (R7); null = take it from the bonus section's max in the sheet. */
  bonusCap: number | null;
  /**
   * R13: an item may exceed its max by its own bonus (a "Thưởng" column beside its max, or "thưởng tối
   * đa 1 điểm" in its text); score-above-max then applies only beyond max + that bonus. Off by default.
   */
  itemBonus: boolean;
  bands: ClassificationBand[];
  tieBreak: TieBreakKey[];
  eligibility: EligibilityEntry[];
  awards: AwardSetting;
  /** Share of ballots needed (0..1); null = no threshold set (K7: no legal source). */
  voteThreshold: number | null;
  /** Decimal separator of the workbook culture, tried first when parsing "8,5" (N1). */
  decimalSeparator: "," | ".";
  /** The saved sheet mapping (opaque JSON from src/core/layout), keyed by sheet name. */
  mappings: Record<string, unknown>;
  /** The covenant's legal bases ("Căn cứ …;"); absent = the bases in force in the covenant's year. */
  legalBases?: string[];
  /** The covenant's commitments and targets (chỉ tiêu), before the scoring table. */
  commitments?: string[];
  /** The titles the members register for (đăng ký danh hiệu), before the scoring table. */
  titleRegistrations?: string[];
  /** The signer's position per unit ("GIÁM ĐỐC"); absent = guessed from the unit's name. */
  positions?: Record<string, string>;
}

/**
 * K6 visible default: the bands provinces publish with the administrative-reform index (Chỉ số CCHC).
 * "Hoàn thành xuất sắc/tốt nhiệm vụ" are a superior's official yearly ratings, not point bands: a
 * cluster that wants them types them in its own bands.
 */
export const DEFAULT_BANDS: ClassificationBand[] = [
  { label: "Tốt", minShare: 0.8 },
  { label: "Khá", minShare: 0.65 },
  { label: "Trung bình", minShare: 0 },
];

/**
 * The default labels below in English. The Vietnamese ones are the labels a cluster keeps (and may
 * retype): a user working in English sees these defaults in English, while a label the cluster typed
 * itself is shown exactly as typed, in any language.
 */
const DEFAULT_LABELS_EN: Readonly<Record<string, string>> = {
  Tốt: "Good",
  Khá: "Fair",
  "Trung bình": "Average",
  "Cờ thi đua của UBND tỉnh": "Emulation flag of the Provincial People's Committee",
  "Bằng khen của Chủ tịch UBND tỉnh":
    "Certificate of merit of the Provincial People's Committee Chairman",
};

/** A classification or award label as the user's language shows it (see DEFAULT_LABELS_EN). */
export function profileLabel(label: string, lang: Lang): string {
  return lang === "en" ? (DEFAULT_LABELS_EN[label.normalize("NFC").trim()] ?? label) : label;
}

export function defaultProfile(year = new Date().getFullYear()): ClusterProfile {
  return {
    schemaVersion: PROFILE_SCHEMA_VERSION,
    clusterName: "",
    kind: "cum",
    year,
    period: "tong-ket",
    place: "",
    issuingBody: "",
    members: [],
    head: "",
    deputy: "",
    signatories: {},
    precision: 2,
    bonusCap: null,
    itemBonus: false,
    bands: DEFAULT_BANDS.map((b) => ({ ...b })),
    tieBreak: [],
    eligibility: [],
    awards: {
      flagLabel: "Cờ thi đua của UBND tỉnh",
      flagSlots: 1,
      meritLabel: "Bằng khen của Chủ tịch UBND tỉnh",
      meritSlots: 0,
    },
    voteThreshold: null,
    decimalSeparator: ",",
    mappings: {},
  };
}
