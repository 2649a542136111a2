/**
 * What the meeting says (attendance, ballots, votes, next year's head and deputy) and how it becomes
 * the documents' input: one place for the CLI's hop.json and the pane's Họp cụm screen, without the
 * Word writer, so the pane can check and write the tally before it loads docx.
 */
import { tallyCounts } from "../core/ranking";
import type { RankingReport, UnitResult } from "../core/report";
import type { VoteTallyInput } from "./votes";

export interface BallotCounts {
  issued: number | null;
  /** Ballots cast: the shares are of this number (K7). */
  returned: number | null;
  valid: number | null;
}

export interface Attendance {
  unit: string;
  /** null: not known yet, ticked by hand. */
  present: boolean | null;
  delegate?: string;
}

/** What the meeting says; every field is optional and a missing one prints as a blank. */
export interface MeetingInput {
  date: Date;
  /** "08 giờ 00" */
  start?: string;
  end?: string;
  venue?: string;
  chairName?: string;
  secretary?: string;
  attendance?: Attendance[];
  ballots?: BallotCounts;
  /** Votes for each candidate; a candidate missing here, or null, is not counted yet. */
  votes?: { name: string; votesFor: number | null }[];
  tellers?: string[];
  /** K8: next year's head and deputy; default the rotation's suggestion. */
  nextHead?: string;
  nextDeputy?: string;
}

/** The units the meeting votes on: those proposed for an award or tied for one (K9), by rank. */
export function voteCandidates(report: RankingReport): UnitResult[] {
  return report.units
    .filter((u) => u.award !== null || u.awardPending === true)
    .sort((a, b) => a.rank - b.rank);
}

export interface VoteLine {
  name: string;
  votesFor: number | null;
  /** votesFor / ballots returned; null when not counted. */
  share: number | null;
  /** null: no threshold, or not counted. */
  passes: boolean | null;
}

/** K7 over the typed counts: an uncounted candidate has no share and no result, never "0 %, Không đạt". */
export function voteLines(
  candidates: string[],
  input: MeetingInput,
  threshold: number | null
): VoteLine[] {
  const returned = input.ballots?.returned ?? null;
  return candidates.map((name) => {
    const votesFor = input.votes?.find((v) => v.name === name)?.votesFor ?? null;
    if (votesFor === null || returned === null || returned <= 0)
      return { name, votesFor, share: null, passes: null };
    const [r] = tallyCounts([{ name, votesFor }], returned, threshold);
    return { name, votesFor, share: r.share, passes: r.passes };
  });
}

/** The tally sheet's input (K7) from the report and what the meeting counted. */
export function voteTallyOf(report: RankingReport, input: MeetingInput): VoteTallyInput {
  const units = voteCandidates(report);
  // What the vote is for: every award the candidates are proposed for, not the flag alone.
  const awards = [...new Set(units.map((u) => u.award).filter((a): a is string => !!a))];
  return {
    candidates: units.map((u) => ({
      name: u.name,
      votesFor: input.votes?.find((v) => v.name === u.name)?.votesFor ?? null,
    })),
    ...(awards.length > 0 ? { award: awards.join("; ") } : {}),
    ballotsCast: input.ballots?.returned ?? null,
    ballotsIssued: input.ballots?.issued ?? null,
    ballotsValid: input.ballots?.valid ?? null,
  };
}

/**
 * The pane's entries as typed: counts stay text until checked, so "12a" can be named instead of
 * silently becoming a blank.
 */
export interface MeetingEntries {
  /** YYYY-MM-DD, as a date field gives it. */
  date: string;
  venue: string;
  /** Every member in sheet order, ticked when present. */
  attendance: { unit: string; present: boolean }[];
  issued: string;
  returned: string;
  valid: string;
  /** Votes for each candidate, as typed. */
  votes: { name: string; votes: string }[];
  nextHead: string;
  nextDeputy: string;
}

export type MeetingProblemKey =
  | "badDate"
  | "notWhole"
  | "returnedAboveIssued"
  | "validAboveReturned"
  | "votesAboveValid"
  | "votesNeedValid"
  | "sameHeadDeputy";

export type MeetingField =
  "date" | "issued" | "returned" | "valid" | "nextHead" | "nextDeputy" | `votes:${number}`;

export interface MeetingProblem {
  field: MeetingField;
  key: MeetingProblemKey;
  params: Record<string, string | number>;
}

/** A whole count ≥ 0; "" is not given (null); anything else is undefined (refused). */
function countOf(text: string): number | null | undefined {
  const s = text.trim();
  if (s === "") return null;
  return /^\d{1,7}$/.test(s) ? Number(s) : undefined;
}

/** "2026-12-20" as a local date; null when it is not a day of the calendar. */
export function dateOfEntry(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d : null;
}

/** YYYY-MM-DD of a local date, for the date field's default. */
export function entryOfDate(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * Every problem of the entries at once, each with the field it concerns (K7: the shares are of the
 * ballots cast, so the counts must nest: valid ≤ returned ≤ issued, each candidate's votes ≤ valid).
 */
export function checkMeetingEntries(e: MeetingEntries): MeetingProblem[] {
  const out: MeetingProblem[] = [];
  if (!dateOfEntry(e.date)) out.push({ field: "date", key: "badDate", params: { date: e.date } });
  const counts = {} as Record<"issued" | "returned" | "valid", number | null>;
  for (const field of ["issued", "returned", "valid"] as const) {
    const n = countOf(e[field]);
    if (n === undefined) out.push({ field, key: "notWhole", params: { value: e[field] } });
    counts[field] = n ?? null;
  }
  const { issued, returned, valid } = counts;
  if (issued !== null && returned !== null && returned > issued)
    out.push({ field: "returned", key: "returnedAboveIssued", params: { returned, issued } });
  if (returned !== null && valid !== null && valid > returned)
    out.push({ field: "valid", key: "validAboveReturned", params: { valid, returned } });
  e.votes.forEach((v, i) => {
    const field = `votes:${i}` as const;
    const n = countOf(v.votes);
    if (n === undefined) out.push({ field, key: "notWhole", params: { value: v.votes } });
    else if (n !== null && (valid === null || returned === null))
      out.push({ field, key: "votesNeedValid", params: { name: v.name } });
    else if (n !== null && valid !== null && n > valid)
      out.push({ field, key: "votesAboveValid", params: { name: v.name, votes: n, valid } });
  });
  if (e.nextHead.trim() !== "" && e.nextHead.trim() === e.nextDeputy.trim())
    out.push({ field: "nextDeputy", key: "sameHeadDeputy", params: { unit: e.nextHead } });
  return out;
}

/** The documents' input from checked entries (what is blank stays blank, to fill by hand). */
export function meetingInputOf(e: MeetingEntries): MeetingInput {
  const n = (text: string): number | null => countOf(text) ?? null;
  const input: MeetingInput = {
    date: dateOfEntry(e.date) ?? new Date(NaN),
    attendance: e.attendance.map((a) => ({ unit: a.unit, present: a.present })),
    ballots: { issued: n(e.issued), returned: n(e.returned), valid: n(e.valid) },
    votes: e.votes.map((v) => ({ name: v.name, votesFor: n(v.votes) })),
  };
  if (e.venue.trim() !== "") input.venue = e.venue.trim();
  if (e.nextHead.trim() !== "") input.nextHead = e.nextHead.trim();
  if (e.nextDeputy.trim() !== "") input.nextDeputy = e.nextDeputy.trim();
  return input;
}
