/**
 * Where the year, the cluster and its kind come from when the profile does not say (DOMAIN.md §8):
 * the score sheet's own title block ("BẢNG ĐIỂM THI ĐUA NĂM 2021", "CỤM THI ĐUA CÁC CƠ QUAN …",
 * "KHỐI THI ĐUA …"). What the title does not say stays null: never today's year in its place.
 */
import type { ClusterKind, ClusterProfile } from "./profile";
import type { Grid } from "./grid";
import { foldKey, normalizeText } from "./text";

export interface TitleInfo {
  year: number | null;
  /** As typed, with its "Cụm/Khối thi đua" prefix when the sheet has one. */
  clusterName: string | null;
  kind: ClusterKind | null;
  period: "so-ket" | "tong-ket" | null;
}

/** Rows scanned for a title: title blocks sit above the table header, rarely below row 12. */
const TITLE_ROWS = 12;
// "ngày 05 tháng 02 năm 2026": the date a sheet was made, not the year it scores.
const DATE_LINE = /ngay\s*[0-9.…_ ]*\s*thang|\d{1,2}\/\d{1,2}\/\d{4}/;
const YEAR_AFTER_NAM = /\bnam\s+(19[5-9][0-9]|20[0-9]{2})\b/;
const ANY_YEAR = /\b(19[5-9][0-9]|20[0-9]{2})\b/;
const TITLE_WORDS = /(thi dua|cham diem|bang diem|tong hop|xep hang|so ket|tong ket|ket qua)/;
const CLUSTER = /(?:^|\s)(cum|khoi) thi dua\b/;

export function titleInfo(grid: Grid): TitleInfo {
  const out: TitleInfo = { year: null, clusterName: null, kind: null, period: null };
  const rows = Math.min(grid.values.length, TITLE_ROWS);
  for (let r = 0; r < rows; r++) {
    let prev = "";
    for (const v of grid.values[r]) {
      if (typeof v !== "string") continue;
      const text = normalizeText(v);
      const f = foldKey(text);
      // Merged title cells repeat their text in some readers: read each once.
      if (f === "" || f === prev) continue;
      prev = f;
      const cluster = CLUSTER.exec(f);
      if (cluster && out.clusterName === null) {
        const at = cluster.index + (cluster[0].startsWith(" ") ? 1 : 0);
        // "BẢNG ĐIỂM … CỤM THI ĐUA CÁC SỞ NĂM 2021": the name runs to the year, if any.
        const name = text
          .slice(at)
          .replace(/\s*(?:năm|NĂM|Năm)\s+\d{4}.*$/u, "")
          .replace(/[\s,;:.]+$/, "");
        out.clusterName = name;
        out.kind = cluster[1] === "khoi" ? "khoi" : "cum";
      }
      if (!DATE_LINE.test(f) && TITLE_WORDS.test(f)) {
        const m = YEAR_AFTER_NAM.exec(f) ?? ANY_YEAR.exec(f);
        if (m && out.year === null) out.year = Number(m[1]);
        if (out.period === null && /\bso ket\b|6 thang dau/.test(f)) out.period = "so-ket";
        if (out.period === null && /\btong ket\b|\bca nam\b/.test(f)) out.period = "tong-ket";
      }
    }
  }
  return out;
}

/** The first title of several sheets (files) that names each field. */
export function titleInfoOf(grids: Grid[]): TitleInfo {
  const out: TitleInfo = { year: null, clusterName: null, kind: null, period: null };
  for (const g of grids) {
    const t = titleInfo(g);
    out.year ??= t.year;
    if (out.clusterName === null && t.clusterName !== null) {
      out.clusterName = t.clusterName;
      out.kind = t.kind;
    }
    out.period ??= t.period;
  }
  return out;
}

/**
 * The profile with what it lacks taken from the title: `given` lists the fields the cluster set itself
 * (a profile file, the pane's settings), which the title never overrides. A year nobody gave is 0,
 * which documents print as a dotted blank.
 */
export function withTitle(
  profile: ClusterProfile,
  title: TitleInfo,
  given: { year: boolean; clusterName: boolean; kind: boolean; period: boolean }
): ClusterProfile {
  const out = { ...profile };
  if (!given.year) out.year = title.year ?? 0;
  if (!given.clusterName && title.clusterName) out.clusterName = title.clusterName;
  if (!given.kind && title.kind) out.kind = title.kind;
  if (!given.period && title.period) out.period = title.period;
  return out;
}
