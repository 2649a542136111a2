/**
 * What the Họp cụm screen and its service (MeetingService, in service.ts) exchange, as plain data:
 * types only, so none of this reaches the pane's first paint.
 */
import type {
  MeetingEntries,
  MeetingProblem,
  VoteLine as MeetingVoteLine,
} from "../sheets/meeting-input";

export type { MeetingEntries, MeetingProblem, MeetingVoteLine };

export interface MeetingCandidate {
  name: string;
  rank: number;
  /** The award the ranking proposes; null when the unit is tied at the last slot (K9). */
  award: string | null;
}

/** What the screen starts from: the members, the candidates and the rotation's suggestion. */
export interface MeetingSetup {
  /** In the agreed order, else in the sheet's. */
  members: string[];
  /** The units the ranking proposes for an award or ties at the last slot (K6, K9), by rank. */
  candidates: MeetingCandidate[];
  /** K8: this year's deputy and the next member; "" when there is no head or deputy to rotate from. */
  nextHead: string;
  nextDeputy: string;
  /** The year the documents will print (0: none known, printed as a dotted blank). */
  year: number;
  /** "Cụm thi đua …" / "Khối thi đua …" as the documents will print it. */
  cluster: string;
  /** K7: the share of the ballots returned a unit needs, from the settings; null when none is set. */
  threshold: number | null;
  /** A Khối elects a Khối trưởng, never a Cụm trưởng (§8). */
  kind: "cum" | "khoi";
  /** Today, YYYY-MM-DD, for the date field. */
  today: string;
}
