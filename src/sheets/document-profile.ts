/**
 * The profile a document printed from the pane carries (§8): the saved settings, what they lack taken
 * from the score sheet's own title, the members from the sheet when none are set. Settings never
 * saved give no year of their own: a 2021 sheet is never signed with today's year.
 */
import type { ClusterProfile } from "../core/profile";
import { withTitle, type TitleInfo } from "../core/title";
import { givenBy } from "./rank-workbook";

export function documentProfileOf(
  stored: ClusterProfile,
  title: TitleInfo | undefined,
  sheetUnits: string[]
): ClusterProfile {
  const saved = stored.clusterName.trim() !== "" || stored.members.length > 0;
  const filled = withTitle(
    stored,
    title ?? { year: null, clusterName: null, kind: null, period: null },
    givenBy(saved ? stored : null)
  );
  return {
    ...filled,
    members: filled.members.length > 0 ? filled.members.slice() : sheetUnits.slice(),
  };
}
