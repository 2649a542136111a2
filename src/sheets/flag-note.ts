/**
 * K6: the unit proposed for the flag is never classified below the top band without a note. The note
 * goes on the ranking sheet and in the award proposal, so the council reads the same sentence the
 * meeting signed.
 */
import type { Lang } from "../core/i18n";
import { profileLabel, type ClusterProfile } from "../core/profile";
import type { UnitResult } from "../core/report";
import { SHEET_STRINGS } from "./strings";

export function flagBelowTopBandNote(
  unit: UnitResult,
  profile: ClusterProfile,
  lang: Lang
): string | null {
  if (unit.award === null || unit.award !== profileLabel(profile.awards.flagLabel, lang))
    return null;
  const top = profile.bands.slice().sort((a, b) => b.minShare - a.minShare)[0];
  if (!top) return null;
  const topLabel = profileLabel(top.label, lang);
  if (unit.classification === topLabel) return null;
  return SHEET_STRINGS.t(lang, "noteFlagBelowTop", { cls: unit.classification, top: topLabel });
}
