/**
 * The meeting's paperwork (DOMAIN.md §8): the minutes (biên bản họp cụm/khối), the ballot and the vote
 * count (phiếu bầu, biên bản kiểm phiếu) and the award proposal with its list (tờ trình, danh sách đề
 * nghị), all from one ranking report and what the meeting itself says (attendance, counts, times).
 * What nobody gave is a dotted blank, written by hand at the meeting, never invented.
 */
import { Paragraph, type Document, type Table } from "docx";
import type { Lang } from "../core/i18n";
import { formatScore, roundAt } from "../core/numeric";
import type { ClusterProfile } from "../core/profile";
import { suggestRotation } from "../core/ranking";
import type { RankingReport, UnitResult } from "../core/report";
import { clusterFullName, ndDateParts, periodText, placeDateLine, upper } from "./document";
import {
  body,
  empty,
  gridTable,
  nationalHeaderTable,
  ndDocument,
  recipientsAndSigner,
  signatureGrid,
  titleBlock,
  type SignatureBlock,
} from "./docx-kit";
import { flagBelowTopBandNote } from "./flag-note";
import {
  voteCandidates,
  voteLines,
  type Attendance,
  type MeetingInput,
  type VoteLine,
} from "./meeting-input";
import { MEETING_STRINGS } from "./meeting-strings";
import { SHEET_STRINGS } from "./strings";

export type { Attendance, BallotCounts, MeetingInput } from "./meeting-input";
export { voteCandidates, voteLines, type VoteLine } from "./meeting-input";

type T = typeof MEETING_STRINGS;

function tr(
  lang: Lang
): (key: Parameters<T["t"]>[1], params?: Record<string, string | number>) => string {
  return (key, params) => MEETING_STRINGS.t(lang, key, params);
}

function pct(share: number, lang: Lang): string {
  const s = roundAt(share * 100, 2).toFixed(2);
  return `${lang === "vi" ? s.replace(".", ",") : s} %`;
}

function count(n: number | null | undefined, lang: Lang): string {
  return n === null || n === undefined ? MEETING_STRINGS.t(lang, "blank") : String(n);
}

function dateWords(date: Date, lang: Lang): string {
  return SHEET_STRINGS.t(lang, "dateOnly", ndDateParts(date));
}

function issuerOf(profile: ClusterProfile, lang: Lang): string[] {
  const cluster = clusterFullName(profile, lang);
  return [profile.issuingBody, cluster].filter(
    (s, i, all) =>
      s.trim() !== "" && all.findIndex((x) => upper(x.trim()) === upper(s.trim())) === i
  );
}

function headerOf(profile: ClusterProfile, date: Date, lang: Lang, number?: string): Table {
  return nationalHeaderTable({
    issuer: issuerOf(profile, lang),
    nationalName: SHEET_STRINGS.t(lang, "nationalName"),
    motto: SHEET_STRINGS.t(lang, "nationalMotto"),
    placeDate: placeDateLine(profile.place, date, lang),
    ...(number !== undefined ? { number } : {}),
  });
}

function nextYear(profile: ClusterProfile, lang: Lang): string {
  return profile.year > 0 ? String(profile.year + 1) : MEETING_STRINGS.t(lang, "blank");
}

function headSigner(profile: ClusterProfile, lang: Lang): SignatureBlock {
  const t = tr(lang);
  const khoi = profile.kind === "khoi";
  return {
    titles: [t(khoi ? "onBehalfKhoi" : "onBehalfCum"), t(khoi ? "headKhoi" : "headCum")],
    note: profile.head,
    name: profile.signatories[profile.head] ?? "",
  };
}

function rankingTable(report: RankingReport, lang: Lang): Table {
  const t = tr(lang);
  const p = report.precision;
  const max = report.contentMax;
  return gridTable(
    [t("colRank"), t("colUnit"), t("colTotal"), t("colShare"), t("colSuyTon"), t("colAward")],
    report.units.map((u) => ({
      cells: [
        String(u.rank),
        u.name,
        formatScore(u.total, p, lang),
        max > 0 ? pct(u.total / max, lang) : "",
        u.label ?? "",
        u.awardPending ? t("awardPending") : (u.award ?? ""),
      ],
    })),
    [9, 35, 12, 12, 10, 22],
    ["center", "left", "center", "center", "center", "left"]
  );
}

function votesTable(lines: VoteLine[], lang: Lang): Table {
  const t = tr(lang);
  return gridTable(
    [t("colNo"), t("colCandidate"), t("colVotes"), t("colShare"), t("colResult")],
    lines.map((l, i) => ({
      cells: [
        String(i + 1),
        l.name,
        l.votesFor === null ? t("notCounted") : String(l.votesFor),
        l.share === null ? "" : pct(l.share, lang),
        l.passes === null ? "" : t(l.passes ? "resultPass" : "resultFail"),
      ],
    })),
    [9, 43, 16, 14, 18],
    ["center", "left", "center", "center", "center"]
  );
}

function ballotsLine(input: MeetingInput, lang: Lang): string {
  const b = input.ballots;
  const invalid =
    b && b.returned !== null && b.valid !== null ? Math.max(0, b.returned - b.valid) : null;
  return MEETING_STRINGS.t(lang, "ballotsLine", {
    issued: count(b?.issued, lang),
    returned: count(b?.returned, lang),
    valid: count(b?.valid, lang),
    invalid: count(invalid, lang),
  });
}

function thresholdLine(profile: ClusterProfile, lang: Lang): string {
  return profile.voteThreshold === null
    ? MEETING_STRINGS.t(lang, "noThresholdLine")
    : MEETING_STRINGS.t(lang, "thresholdLine", { threshold: pct(profile.voteThreshold, lang) });
}

/** The awards proposed, grouped by award: "Cờ thi đua …: Sở A", "Bằng khen …: Sở B, Sở C". */
function proposalsOf(report: RankingReport): { award: string; units: UnitResult[] }[] {
  const out: { award: string; units: UnitResult[] }[] = [];
  for (const u of report.units.slice().sort((a, b) => a.rank - b.rank)) {
    if (!u.award) continue;
    const g = out.find((x) => x.award === u.award);
    if (g) g.units.push(u);
    else out.push({ award: u.award, units: [u] });
  }
  return out;
}

/** Biên bản họp cụm/khối: time, place, chair, attendance, agenda, ranking, votes, proposals, K8. */
export function buildMinutesDocx(
  profile: ClusterProfile,
  report: RankingReport,
  input: MeetingInput,
  lang: Lang
): Document {
  const t = tr(lang);
  const khoi = profile.kind === "khoi";
  const cluster = clusterFullName(profile, lang);
  const period = periodText(profile, lang);
  const blank = t("blank");
  const attendance =
    input.attendance ?? profile.members.map((unit): Attendance => ({ unit, present: null }));
  const presentCount = attendance.filter((a) => a.present === true).length;
  const known = attendance.some((a) => a.present !== null);
  // K8 needs this year's head or deputy to rotate from; without them the election is left blank.
  const rotation =
    profile.head || profile.deputy
      ? suggestRotation(profile.members, profile.head, profile.deputy)
      : { head: "", deputy: "" };
  const nextHead = input.nextHead ?? rotation.head;
  const nextDeputy = input.nextDeputy ?? rotation.deputy;
  const lines = voteLines(
    voteCandidates(report).map((u) => u.name),
    input,
    profile.voteThreshold
  );
  const proposals = proposalsOf(report);
  const children: (Paragraph | Table)[] = [
    headerOf(profile, input.date, lang),
    ...titleBlock(t("minutesTitle"), [t("minutesAbout", { period, cluster })]),
    body(
      t("minutesOpening", {
        start: input.start ?? blank,
        date: dateWords(input.date, lang),
        venue: input.venue ?? t("longBlank"),
        cluster,
        period,
      })
    ),
    body(t("sectionComposition"), { bold: true }, 567, true),
    body(
      t("chairLine", {
        chair: input.chairName ?? profile.signatories[profile.head] ?? t("longBlank"),
        unit: profile.head || t("longBlank"),
        role: t(khoi ? "headRoleKhoi" : "headRoleCum"),
      })
    ),
    body(t("secretaryLine", { secretary: input.secretary ?? t("longBlank") })),
    body(
      t("attendanceIntro", {
        present: known ? String(presentCount) : blank,
        total: attendance.length,
      }),
      {},
      567,
      true
    ),
    gridTable(
      [t("colNo"), t("colAttendUnit"), t("colDelegate"), t("colPresent")],
      attendance.map((a, i) => ({
        cells: [
          String(i + 1),
          a.unit,
          a.delegate ?? "",
          a.present === null ? "" : t(a.present ? "present" : "absent"),
        ],
      })),
      [9, 45, 30, 16],
      ["center", "left", "left", "center"]
    ),
    empty(),
    body(t("sectionAgenda"), { bold: true }, 567, true),
    body(`1. ${t("agenda1", { period })}`),
    body(`2. ${t("agenda2")}`),
    body(`3. ${t(khoi ? "agenda3Khoi" : "agenda3", { next: nextYear(profile, lang) })}`),
    body(t("sectionRanking"), { bold: true }, 567, true),
    body(
      t("rankingIntro", { max: formatScore(report.contentMax, report.precision, lang) }),
      {},
      567,
      true
    ),
    ...(report.provisional ? [body(t("provisionalNote"), { italics: true }, 567, true)] : []),
    rankingTable(report, lang),
    empty(),
    body(t("sectionVotes"), { bold: true }, 567, true),
  ];
  if (lines.length === 0) children.push(body(t("noCandidates")));
  else
    children.push(
      body(ballotsLine(input, lang)),
      body(thresholdLine(profile, lang), {}, 567, true),
      votesTable(lines, lang),
      empty()
    );
  children.push(body(t("sectionProposals"), { bold: true }, 567, true));
  const pending = report.units.filter((u) => u.awardPending).map((u) => u.name);
  if (pending.length > 0)
    children.push(body(`- ${t("pendingLine", { units: pending.join(", ") })}`));
  else if (proposals.length === 0) children.push(body(t("noProposals", { period })));
  for (const g of proposals)
    children.push(
      body(
        `- ${t("proposalLine", { award: g.award, units: g.units.map((u) => u.name).join(", ") })}`
      )
    );
  children.push(
    body(
      t(khoi ? "sectionRotationKhoi" : "sectionRotation", { next: nextYear(profile, lang) }),
      { bold: true },
      567,
      true
    ),
    body(
      t("rotationLine", {
        head: nextHead || t("longBlank"),
        deputy: nextDeputy || t("longBlank"),
        headRole: t(khoi ? "headRoleKhoi" : "headRoleCum"),
        deputyRole: t(khoi ? "deputyRoleKhoi" : "deputyRoleCum"),
        next: nextYear(profile, lang),
      })
    ),
    body(
      t("closing", {
        end: input.end ?? blank,
        agree: blank,
        present: known ? String(presentCount) : blank,
      }),
      {},
      567,
      true
    ),
    empty(true),
    signatureGrid([
      { titles: [t("signSecretary")], note: t("signHint"), name: input.secretary ?? "" },
      {
        titles: [t("signChair")],
        note: t("signHint"),
        name: input.chairName ?? profile.signatories[profile.head] ?? "",
      },
    ])
  );
  return ndDocument(t("minutesTitle"), children);
}

/** Tờ trình to the provincial council, then its list (danh sách đề nghị) on a page of its own. */
export function buildProposalDocx(
  profile: ClusterProfile,
  report: RankingReport,
  input: MeetingInput,
  lang: Lang
): Document {
  const t = tr(lang);
  const cluster = clusterFullName(profile, lang);
  const period = periodText(profile, lang);
  const province =
    /(tỉnh|thành phố)\s+.+$/iu.exec(profile.issuingBody)?.[0] ?? t("provinceFallback");
  const proposals = proposalsOf(report);
  const lines = voteLines(
    proposals.flatMap((g) => g.units.map((u) => u.name)),
    input,
    profile.voteThreshold
  );
  const children: (Paragraph | Table)[] = [
    headerOf(profile, input.date, lang, t("proposalNumber", { blank: t("blank") })),
    ...titleBlock(t("proposalTitle"), [t("proposalAbout", { period, cluster })]),
    body(t("proposalTo", { province })),
    body(t("proposalBasis", { period, date: dateWords(input.date, lang) })),
  ];
  if (proposals.length === 0) children.push(body(t("proposalNone", { period })));
  else {
    children.push(body(t("proposalBody", { cluster })));
    proposals.forEach((g, i) => {
      children.push(
        body(`${i + 1}. ${t("proposalItem", { award: g.award, n: g.units.length })}`, {
          bold: true,
        })
      );
      for (const u of g.units) {
        children.push(
          body(
            `- ${u.name}: ${formatScore(u.total, report.precision, lang)} ${lang === "vi" ? "điểm" : "points"}, ${lang === "vi" ? "xếp thứ" : "rank"} ${u.rank}.`,
            {},
            850
          )
        );
        const belowTop = flagBelowTopBandNote(u, profile, lang);
        if (belowTop) children.push(body(`${belowTop}.`, { italics: true }, 850));
      }
    });
    children.push(body(t("proposalAttached"), { italics: true }));
  }
  children.push(body(t("proposalClose")), empty(true));
  children.push(
    recipientsAndSigner(
      t("recipientsHeading"),
      [t("recipientCouncil"), t("recipientMembers"), t("recipientFile")],
      headSigner(profile, lang)
    )
  );
  if (proposals.length > 0) {
    children.push(
      new Paragraph({ pageBreakBefore: true, children: [] }),
      ...titleBlock(t("listTitle"), [
        t("listAttached", { blank: t("blank"), date: dateWords(input.date, lang), cluster }),
      ]),
      gridTable(
        [t("colNo"), t("colUnit"), t("colAward"), t("colTotal"), t("colRank"), t("colVotesShare")],
        proposals
          .flatMap((g) => g.units)
          .map((u, i) => {
            const v = lines.find((l) => l.name === u.name);
            return {
              cells: [
                String(i + 1),
                u.name,
                u.award ?? "",
                formatScore(u.total, report.precision, lang),
                String(u.rank),
                v && v.votesFor !== null && v.share !== null
                  ? `${v.votesFor} (${pct(v.share, lang)})`
                  : t("notCounted"),
              ],
            };
          }),
        [8, 30, 26, 12, 10, 14],
        ["center", "left", "left", "center", "center", "center"]
      )
    );
  }
  return ndDocument(t("proposalTitle"), children);
}

/** The printable ballot (one per page) followed by the tellers' record of the count. */
export function buildVotesDocx(
  profile: ClusterProfile,
  report: RankingReport,
  input: MeetingInput,
  lang: Lang
): Document {
  const t = tr(lang);
  const cluster = clusterFullName(profile, lang);
  const period = periodText(profile, lang);
  const candidates = voteCandidates(report).map((u) => u.name);
  const lines = voteLines(candidates, input, profile.voteThreshold);
  const children: (Paragraph | Table)[] = [
    ...titleBlock(t("ballotTitle"), [t("ballotAbout", { period, cluster })]),
    body(t("ballotHelp"), { italics: true }),
    gridTable(
      [t("colNo"), t("colCandidate"), t("colAgree"), t("colDisagree")],
      candidates.map((name, i) => ({ cells: [String(i + 1), name, "", ""] })),
      [8, 50, 20, 22],
      ["center", "left", "center", "center"]
    ),
    new Paragraph({ pageBreakBefore: true, children: [] }),
    headerOf(profile, input.date, lang),
    ...titleBlock(t("tallyTitle"), [t("tallyAbout", { period, cluster })]),
    body(t("tallyBoard", { names: (input.tellers ?? []).join(", ") || t("longBlank") })),
    body(ballotsLine(input, lang)),
    body(thresholdLine(profile, lang), {}, 567, true),
  ];
  if (lines.length === 0) children.push(body(t("noCandidates")));
  else children.push(votesTable(lines, lang));
  children.push(
    empty(true),
    signatureGrid([
      { titles: [t("signSecretary")], note: t("signHint"), name: "" },
      { titles: [t("signBoardHead")], note: t("signHint"), name: input.tellers?.[0] ?? "" },
    ])
  );
  return ndDocument(t("tallyTitle"), children);
}
