/** What the task pane shows about a reading: layout, header, units with their columns, sections. */
import { columnLetter } from "../grid";
import type { Lang } from "../i18n";
import { CORE_STRINGS } from "../strings";
import { isSheetMapping, type MappingSummary } from "./types";

export function describeMapping(mapping: unknown, lang: Lang): MappingSummary {
  const t = CORE_STRINGS.t.bind(CORE_STRINGS);
  if (!isSheetMapping(mapping)) {
    return {
      layout: null,
      layoutName: "",
      sheet: "",
      headerRow: null,
      units: [],
      sections: [],
      bonus: null,
      deduction: null,
      confidence: 0,
      reasons: [],
    };
  }
  const sections = mapping.sections ?? [];
  const reasons = mapping.reasons.map((r) => t(lang, r.key as never, r.params));
  const layoutName =
    mapping.layout === "B" && mapping.results
      ? t(lang, "layoutE")
      : t(lang, `layout${mapping.layout}` as "layoutA");
  const where = (kind: "bonus" | "deduction"): string | null => {
    const s = sections.filter((x) => x.kind === kind);
    return s.length ? s.map((x) => (x.code ? `${x.code} ${x.label}` : x.label)).join("; ") : null;
  };
  const units =
    mapping.layout === "B"
      ? (mapping.unitRows ?? []).map((u) => ({
          name: u.name,
          self: String(u.row + 1),
          review: null,
        }))
      : mapping.units.map((u) => ({
          name: u.name,
          self: u.self === null ? null : columnLetter(u.self),
          review: u.review === null ? null : columnLetter(u.review),
        }));
  return {
    layout: mapping.layout === "B" && mapping.results ? "E" : mapping.layout,
    layoutName,
    sheet: mapping.sheet,
    headerRow: mapping.headerRow >= 0 ? mapping.headerRow + 1 : null,
    units,
    sections,
    bonus: where("bonus"),
    deduction: where("deduction"),
    confidence: mapping.confidence,
    reasons,
  };
}
