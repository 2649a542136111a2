/**
 * Ranking (DOMAIN §7): competition ranks at the sheet precision (K1, K2), optional tie-break keys (K3),
 * eligibility and award slots (K4, K5), classification bands (K6), the vote tally (K7) and the rotation
 * of head and deputy (K8).
 */
import type { Lang } from "./i18n";
import type { AwardSetting, ClassificationBand, TieBreakKey } from "./profile";
import { roundAt } from "./numeric";
import { profileLabel } from "./profile";
import { CORE_STRINGS } from "./strings";
import { normalizeText } from "./text";

/**
 * K2 competition ranking (1, 2, 2, 4) of `totals`, compared at `precision` decimals (R10): rank = 1 + the
 * number of totals strictly greater, so reordering the units never changes anyone's rank.
 */
export function competitionRanks(totals: number[], precision: number): number[] {
  const rounded = totals.map((t) => roundAt(t, precision));
  const order = rounded.map((_, i) => i).sort((a, b) => rounded[b] - rounded[a]);
  const ranks = new Array<number>(totals.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    ranks[i] = k > 0 && rounded[order[k - 1]] === rounded[i] ? ranks[order[k - 1]] : k + 1;
  }
  return ranks;
}

/** K2 labels for ranks 1–3 ("Nhất", "Nhì", "Ba"); null past 3 or for a rank that is not a number. */
export function rankLabel(rank: number, lang: Lang): string | null {
  if (rank === 1) return CORE_STRINGS.t(lang, "rankFirst");
  if (rank === 2) return CORE_STRINGS.t(lang, "rankSecond");
  if (rank === 3) return CORE_STRINGS.t(lang, "rankThird");
  return null;
}

function sortedBands(bands: ClassificationBand[]): ClassificationBand[] {
  return bands.slice().sort((a, b) => b.minShare - a.minShare);
}

/**
 * K6: the label of the first band (highest minimum first) whose minimum share of `maxTotal` the total
 * reaches. Shares are compared at 6 decimals so 90 of 100 is 90 % and not 89.99999 %. Below every band
 * (or without a max) the lowest band's label, so a unit is never left unclassified.
 */
export function classify(total: number, maxTotal: number, bands: ClassificationBand[]): string {
  return classifier(bands)(total, maxTotal);
}

/** K6 for many units: the bands sorted once. */
export function classifier(
  bands: ClassificationBand[]
): (total: number, maxTotal: number) => string {
  const list = sortedBands(bands);
  return (total, maxTotal) => classifySorted(total, maxTotal, list);
}

function classifySorted(total: number, maxTotal: number, list: ClassificationBand[]): string {
  if (list.length === 0) return "";
  if (!(maxTotal > 0)) return list[list.length - 1].label;
  const share = roundAt(total / maxTotal, 6);
  for (const b of list) if (share >= roundAt(b.minShare, 6)) return b.label;
  return list[list.length - 1].label;
}

/**
 * K6: problems of a band list, as sentences the user can act on (empty = fine): a gap at the bottom
 * (totals below the lowest minimum would get no band), two bands with the same minimum (an overlap:
 * which one wins is arbitrary), a minimum outside 0–100 %, an empty label.
 */
export function checkBands(bands: ClassificationBand[], lang: Lang = "vi"): string[] {
  const out: string[] = [];
  const t = CORE_STRINGS.t.bind(CORE_STRINGS);
  if (bands.length === 0) return [t(lang, "bandsEmpty")];
  for (const b of bands) {
    if (normalizeText(b.label) === "") out.push(t(lang, "bandNoLabel", { share: pct(b.minShare) }));
    if (!Number.isFinite(b.minShare) || b.minShare < 0 || b.minShare > 1)
      out.push(t(lang, "bandOutOfRange", { label: b.label, share: pct(b.minShare) }));
  }
  const list = sortedBands(bands);
  for (let i = 1; i < list.length; i++) {
    if (roundAt(list[i].minShare, 6) === roundAt(list[i - 1].minShare, 6))
      out.push(
        t(lang, "bandOverlap", {
          a: list[i - 1].label,
          b: list[i].label,
          share: pct(list[i].minShare),
        })
      );
  }
  const lowest = list[list.length - 1];
  if (lowest.minShare > 0) out.push(t(lang, "bandGap", { share: pct(lowest.minShare) }));
  const labels = new Set<string>();
  for (const b of bands) {
    const k = normalizeText(b.label);
    if (k !== "" && labels.has(k)) out.push(t(lang, "bandDuplicateLabel", { label: b.label }));
    labels.add(k);
  }
  return out;
}

function pct(share: number): string {
  return `${roundAt(share * 100, 2)} %`;
}

/**
 * K8: next year's head is this year's deputy; the next deputy is the member after the deputy in the
 * agreed order (wrapping, skipping the new head). A deputy outside the list: the member after the head.
 */
export function suggestRotation(
  members: string[],
  head: string,
  deputy: string
): { head: string; deputy: string } {
  const names = members.map(normalizeText).filter((m) => m !== "");
  const h = normalizeText(head);
  const d = normalizeText(deputy);
  if (names.length === 0) return { head: d, deputy: "" };
  let from = names.indexOf(d);
  if (from < 0) from = names.indexOf(h);
  const newHead = d !== "" ? d : names[(from + 1 + names.length) % names.length];
  for (let step = 1; step <= names.length; step++) {
    const cand = names[(Math.max(from, -1) + step + names.length) % names.length];
    if (cand !== newHead) return { head: newHead, deputy: cand };
  }
  return { head: newHead, deputy: "" };
}

export interface VoteResult {
  name: string;
  votesFor: number;
  ballotsCast: number;
  /** votesFor / ballotsCast, 0..1 (0 when no ballot was cast). */
  share: number;
  /** null when no threshold is set (K7 default). */
  passes: boolean | null;
}

/**
 * K7: per candidate, votes for, ballots cast and the share; `passes` compares the share with the
 * threshold when the cluster set one. Ballots are lists of names (each name counted once per ballot);
 * names are compared after NFC/space normalisation (N3), so a ballot typed "Sở  Nội vụ" still counts.
 */
export function tallyVotes(
  candidates: string[],
  ballots: string[][],
  threshold: number | null = null
): VoteResult[] {
  const keys = candidates.map(normalizeText);
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const ballot of ballots) {
    const seen = new Set(ballot.map(normalizeText));
    for (const k of seen) if (counts.has(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return tallyCounts(
    candidates.map((name, i) => ({ name, votesFor: counts.get(keys[i]) ?? 0 })),
    ballots.length,
    threshold
  );
}

/** K7 when the tellers typed the counts: same result shape as `tallyVotes`. */
export function tallyCounts(
  counts: { name: string; votesFor: number }[],
  ballotsCast: number,
  threshold: number | null = null
): VoteResult[] {
  return counts.map(({ name, votesFor }) => {
    const share = ballotsCast > 0 ? votesFor / ballotsCast : 0;
    return {
      name,
      votesFor,
      ballotsCast,
      share,
      passes:
        threshold === null ? null : ballotsCast > 0 && roundAt(share, 6) >= roundAt(threshold, 6),
    };
  });
}

export interface RankEntry {
  name: string;
  total: number;
  /** Content section scores in sheet order (tie-break "section-1"). */
  sections: number[];
  bonus: number;
  deduction: number;
  eligible: boolean;
}

export interface RankOutcome {
  ranks: number[];
  labels: (string | null)[];
  awards: (string | null)[];
  /** Indexes of the units tied at rank 1 after the tie-break keys (K3 tie-at-top), empty if none. */
  tiedAtTop: number[];
  /** Indexes of ineligible units that an award slot passed over (K4 not-eligible). */
  passedOver: number[];
  /**
   * K9: indexes of the units tied across the last slot of an award ("chờ bình xét"): they hold the
   * slots they compete for until the tie-break keys or the vote (K7) settle it.
   */
  pending: number[];
}

function tieKey(e: RankEntry, key: TieBreakKey, precision: number): number {
  switch (key) {
    case "section-1":
      return roundAt(e.sections[0] ?? 0, precision);
    case "more-bonus":
      return roundAt(e.bonus, precision);
    case "fewer-deductions":
      return -roundAt(e.deduction, precision);
  }
}

/**
 * K1–K5 and K9 at once: competition ranks on the rounded total, then the tie-break keys in order (off
 * by default), labels Nhất/Nhì/Ba, and awards: flag slots first, then merit slots, each unit at most
 * one award, ineligible units keep their rank but are passed over. A group still tied across the last
 * slot of an award is "pending" (K9): it keeps the slots it competes for, none goes to the next rank,
 * and when the group is larger than every slot left, nothing after it is proposed either.
 */
export function rankUnits(
  entries: RankEntry[],
  opts: { precision: number; tieBreak?: TieBreakKey[]; awards?: AwardSetting; lang?: Lang }
): RankOutcome {
  const lang = opts.lang ?? "vi";
  const keys = opts.tieBreak ?? [];
  const vec = entries.map((e) => [
    roundAt(e.total, opts.precision),
    ...keys.map((k) => tieKey(e, k, opts.precision)),
  ]);
  const cmp = (a: number, b: number): number => {
    for (let j = 0; j < vec[a].length; j++)
      if (vec[a][j] !== vec[b][j]) return vec[b][j] - vec[a][j];
    return 0;
  };
  const order = entries.map((_, i) => i).sort(cmp);
  const ranks = new Array<number>(entries.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    ranks[i] = k > 0 && cmp(order[k - 1], i) === 0 ? ranks[order[k - 1]] : k + 1;
  }
  const labels = ranks.map((r) => rankLabel(r, lang));
  const tiedAtTop = order.filter((i) => ranks[i] === 1);
  const awards: (string | null)[] = entries.map(() => null);
  const passedOver: number[] = [];
  const pending: number[] = [];
  if (opts.awards) {
    // The slots in the order they are given: every flag, then every Bằng khen.
    const slots: string[] = [];
    for (const tier of [
      { label: opts.awards.flagLabel, n: opts.awards.flagSlots },
      { label: opts.awards.meritLabel, n: opts.awards.meritSlots },
    ])
      for (let s = 0; s < Math.max(0, Math.floor(tier.n)); s++)
        slots.push(profileLabel(tier.label, lang));
    let next = 0;
    let k = 0;
    while (next < slots.length && k < order.length) {
      const group: number[] = [];
      let j = k;
      while (j < order.length && ranks[order[j]] === ranks[order[k]]) group.push(order[j++]);
      const eligible = group.filter((i) => entries[i].eligible);
      for (const i of group) if (!entries[i].eligible) passedOver.push(i);
      const taken = slots.slice(next, next + eligible.length);
      // K9: the group fits in one kind of slot, or the meeting must decide who gets which.
      if (eligible.length <= slots.length - next && new Set(taken).size <= 1) {
        for (const i of eligible) awards[i] = taken[0];
      } else {
        pending.push(...eligible);
      }
      next += eligible.length;
      k = j;
    }
  }
  return {
    ranks,
    labels,
    awards,
    tiedAtTop: tiedAtTop.length > 1 ? tiedAtTop : [],
    passedOver,
    pending,
  };
}
