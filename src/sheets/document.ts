/**
 * Conventions shared by every document the cluster prints (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
 * issuing body and the national motto side by side, the place/date line, caps bold titles, Times New
 * Roman. Pure: used by the sheet builders and by the Word covenant alike.
 */
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { SheetSpec, SpecCell, SpecMerge, SpecStyle, SpecValue } from "./spec";
import { SHEET_STRINGS } from "./strings";

export const DOC_FONT = "Times New Roman";

/**
 * ND 30/2020 Art. 8: a day below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02",
 * but "tháng 3"): the zero stops anyone adding a digit to a signed date.
 */
export function ndDateParts(date: Date): { day: string; month: string; year: string } {
  const d = date.getDate();
  const m = date.getMonth() + 1;
  return {
    day: d < 10 ? `0${d}` : String(d),
    month: m <= 2 ? `0${m}` : String(m),
    year: String(date.getFullYear()),
  };
}

/** "Lạng Sơn, ngày 05 tháng 02 năm 2026"; without a place, "ngày 05 tháng 02 năm 2026". */
export function placeDateLine(place: string, date: Date, lang: Lang): string {
  const parts = ndDateParts(date);
  const p = place.trim();
  if (!p) {
    const s = SHEET_STRINGS.t(lang, "dateOnly", parts);
    return lang === "vi" ? s.charAt(0).toLocaleUpperCase("vi") + s.slice(1) : s;
  }
  return SHEET_STRINGS.t(lang, "placeDate", { place: p, ...parts });
}

/** dd/mm/yyyy, for footnotes. */
export function shortDate(date: Date): string {
  const dd = String(date.getDate()).padStart(2, "0");
  const mm = String(date.getMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${date.getFullYear()}`;
}

export function upper(s: string): string {
  return s.toLocaleUpperCase("vi");
}

/**
 * The cluster's full name: profiles hold either "Cụm thi đua các cơ quan tham mưu" or just
 * "các cơ quan tham mưu"; the printed name always carries the "Cụm/Khối thi đua" prefix once.
 * Without a name the printout keeps a dotted blank after the prefix, as paper forms do: a bare
 * "CỤM THI ĐUA" heading reads as a complete (wrong) name, the dots say a name goes there.
 */
export function clusterFullName(profile: ClusterProfile, lang: Lang): string {
  const name = profile.clusterName.trim().replace(/\s+/g, " ");
  const prefix = SHEET_STRINGS.t(lang, profile.kind === "khoi" ? "clusterKhoi" : "clusterCum");
  const pre = prefix.charAt(0) + prefix.slice(1).toLocaleLowerCase(lang === "vi" ? "vi" : "en");
  if (!name) return `${pre} ${SHEET_STRINGS.t(lang, "clusterNameBlank")}`;
  const lower = name.normalize("NFC").toLocaleLowerCase("vi");
  if (lower.startsWith("cụm") || lower.startsWith("khối") || lower.startsWith("emulation"))
    return name;
  return `${pre} ${name}`;
}

/**
 * The year a document names: the profile's, else (year 0) a dotted blank to fill by hand. Today's
 * year is never printed in its place: a 2021 sheet signed "năm 2026" is a wrong record.
 */
export function yearText(profile: ClusterProfile, lang: Lang): string {
  return profile.year > 0 ? String(profile.year) : SHEET_STRINGS.t(lang, "yearBlank");
}

export function periodText(profile: ClusterProfile, lang: Lang): string {
  return SHEET_STRINGS.t(lang, profile.period === "so-ket" ? "periodSoKet" : "periodTongKet", {
    year: yearText(profile, lang),
  });
}

/** Accumulates the cells of a SheetSpec; every cell gets the document font unless told otherwise. */
export class SpecBuilder {
  readonly cells: SpecCell[] = [];
  readonly merges: SpecMerge[] = [];
  readonly rowHeights: Record<number, number> = {};

  constructor(private readonly baseSize = 12) {}

  private style(style?: SpecStyle): SpecStyle {
    return { fontName: DOC_FONT, size: this.baseSize, ...style };
  }

  value(row: number, col: number, value: SpecValue, style?: SpecStyle): void {
    this.cells.push({ row, col, value, style: this.style(style) });
  }

  formula(row: number, col: number, formula: string, style?: SpecStyle): void {
    this.cells.push({ row, col, formula, style: this.style(style) });
  }

  /** A value spread over merged cells; the border style is repeated on every covered cell. */
  merged(
    top: number,
    left: number,
    bottom: number,
    right: number,
    value: SpecValue,
    style?: SpecStyle
  ): void {
    this.value(top, left, value, style);
    if (style?.border || style?.fill) {
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++)
          if (r !== top || c !== left)
            this.value(r, c, null, { border: style.border, fill: style.fill });
    }
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  height(row: number, points: number): void {
    this.rowHeights[row] = points;
  }
}

/**
 * The ND30 header: issuing body top-left (caps, bold, a short rule under it is drawn as a bottom
 * border in Word; in a sheet the bold caps are enough), national name and motto top-right, then the
 * place/date line in italics under the motto. Returns the next free row.
 */
export function nationalHeader(
  b: SpecBuilder,
  opts: {
    issuer: string[];
    left: [number, number];
    right: [number, number];
    place: string;
    date: Date;
    lang: Lang;
    row?: number;
    /** Font size of the national name; default the sheet's. */
    headerSize?: number;
  }
): number {
  const r0 = opts.row ?? 0;
  const [l0, l1] = opts.left;
  const [g0, g1] = opts.right;
  const center: SpecStyle = { horizontal: "center", vertical: "middle", wrap: true };
  const issuer = opts.issuer.filter((s) => s.trim() !== "");
  issuer.forEach((line, i) => {
    const last = i === issuer.length - 1;
    b.merged(r0 + i, l0, r0 + i, l1, upper(line), { ...center, bold: last });
  });
  b.merged(r0, g0, r0, g1, SHEET_STRINGS.t(opts.lang, "nationalName"), {
    ...center,
    bold: true,
    ...(opts.headerSize ? { size: opts.headerSize } : {}),
  });
  b.merged(r0 + 1, g0, r0 + 1, g1, SHEET_STRINGS.t(opts.lang, "nationalMotto"), {
    ...center,
    bold: true,
    size: 13,
  });
  const dateRow = r0 + Math.max(issuer.length, 2) + 1;
  b.merged(dateRow, g0, dateRow, g1, placeDateLine(opts.place, opts.date, opts.lang), {
    ...center,
    italic: true,
  });
  return dateRow + 2;
}

export function finishSpec(
  b: SpecBuilder,
  base: Omit<SheetSpec, "cells" | "merges" | "rowHeights">
): SheetSpec {
  return { ...base, cells: b.cells, merges: b.merges, rowHeights: b.rowHeights };
}
