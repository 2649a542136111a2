/**
 * One of the meeting's Word documents (DOMAIN.md §8), as the Họp cụm screen and the blank downloads of
 * the Outputs step both make it: the same builders and the same file names, the entries or their absence
 * being the only difference.
 */
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { RankingReport } from "../core/report";
import type { MeetingInput } from "../sheets/meeting-input";
import type { CovenantDocxResult, MeetingDoc } from "./service";

const FILE_BASES: Record<MeetingDoc, readonly [string, string]> = {
  minutes: ["Bien-ban-hop", "Minutes"],
  proposal: ["To-trinh-khen-thuong", "Award-proposal"],
  votes: ["Phieu-bau-kiem-phieu", "Ballot-and-count"],
};

export async function meetingDocx(
  doc: MeetingDoc,
  profile: ClusterProfile,
  report: RankingReport,
  input: MeetingInput,
  lang: Lang
): Promise<CovenantDocxResult> {
  // The Word writer is loaded when a document is asked for: it is most of the pane's weight.
  const [meeting, { Packer }] = await Promise.all([
    import(/* webpackChunkName: "covenant-docx" */ "../sheets/meeting"),
    import(/* webpackChunkName: "covenant-docx" */ "docx"),
  ]);
  const build =
    doc === "minutes"
      ? meeting.buildMinutesDocx
      : doc === "proposal"
        ? meeting.buildProposalDocx
        : meeting.buildVotesDocx;
  const blob = await Packer.toBlob(build(profile, report, input, lang));
  const base = FILE_BASES[doc][lang === "vi" ? 0 : 1];
  const fileName = profile.year > 0 ? `${base}-${profile.year}.docx` : `${base}.docx`;
  return { kind: "docx", fileName, blob };
}
