/**
 * The vote tally of the meeting (K7, bình xét, suy tôn): per candidate, votes for, ballots cast, the
 * share and, when the cluster set one, the threshold. The tellers type the counts at the meeting, so
 * the share and the result are portable formulas and the count cells stay open.
 */
import { columnLetter } from "../core/grid";
import type { Lang } from "../core/i18n";
import { profileLabel, type ClusterProfile } from "../core/profile";
import { clusterFullName, finishSpec, nationalHeader, periodText, SpecBuilder } from "./document";
import { heightFor, linesNeeded, sumWidths } from "./layout";
import type { SheetSpec, SpecStyle } from "./spec";
import { SHEET_STRINGS } from "./strings";

export interface VoteCandidate {
  name: string;
  /** null: not counted yet (the cell is left for the tellers). */
  votesFor: number | null;
}

export interface VoteTallyInput {
  candidates: VoteCandidate[];
  /** Ballots returned (cast): the shares are of this number (K7). */
  ballotsCast: number | null;
  ballotsIssued?: number | null;
  ballotsValid?: number | null;
  /** What the vote is for ("Cờ thi đua của UBND tỉnh"); default the profile's flag label. */
  award?: string;
}

export interface VoteTallyOptions {
  date: Date;
  lang: Lang;
}

const HEADER_FILL = "#DDE5F0";

export function buildVoteTally(
  profile: ClusterProfile,
  tally: VoteTallyInput,
  opts: VoteTallyOptions
): SheetSpec {
  const { lang } = opts;
  const t = SHEET_STRINGS.t.bind(SHEET_STRINGS);
  const widths = [6, 38, 12, 12, 10, 11, 14];
  const last = widths.length - 1;
  const b = new SpecBuilder(12);
  const center: SpecStyle = { horizontal: "center", vertical: "middle", wrap: true };
  const cluster = clusterFullName(profile, lang);
  let row = nationalHeader(b, {
    issuer: [profile.issuingBody, cluster].filter((s) => s.trim() !== ""),
    left: [0, 1],
    right: [2, last],
    place: profile.place,
    date: opts.date,
    lang,
  });
  b.height(0, heightFor(linesNeeded(cluster, 44, 12), 12));
  b.merged(row, 0, row, last, t(lang, "votesTitle"), { ...center, bold: true, size: 14 });
  row++;
  const award = tally.award ?? profileLabel(profile.awards.flagLabel, lang);
  b.merged(
    row,
    0,
    row,
    last,
    `${t(lang, "votesSubtitle", { award })} (${periodText(profile, lang)})`,
    {
      ...center,
      italic: true,
    }
  );
  row += 2;

  // The tellers' counts: issued, returned (cast), valid, and invalid as returned − valid. Every
  // row's share divides by the ballots cast.
  const countRow = (label: string, value: number | null | undefined, formula?: string): void => {
    b.merged(row, 0, row, 1, label, { bold: true, horizontal: "right" });
    const style: SpecStyle = {
      border: true,
      bold: true,
      horizontal: "center",
      unlocked: formula === undefined,
      numberFormat: "0",
    };
    if (formula !== undefined) b.formula(row, 2, formula, style);
    else b.value(row, 2, value ?? null, style);
    row++;
  };
  countRow(t(lang, "ballotsIssuedLabel"), tally.ballotsIssued);
  const ballotsRow = row;
  countRow(t(lang, "colBallots"), tally.ballotsCast);
  const validRow = row;
  countRow(t(lang, "ballotsValidLabel"), tally.ballotsValid);
  countRow(
    t(lang, "ballotsInvalidLabel"),
    null,
    `=IF(OR(C${ballotsRow + 1}="",C${validRow + 1}=""),"",C${ballotsRow + 1}-C${validRow + 1})`
  );
  const ballotsRef = `$${columnLetter(2)}$${ballotsRow + 1}`;
  row++;

  const headerRow = row;
  const head: SpecStyle = { ...center, border: true, bold: true, fill: HEADER_FILL };
  [
    t(lang, "colStt"),
    t(lang, "colCandidate"),
    t(lang, "colVotesFor"),
    t(lang, "colBallots"),
    t(lang, "colShare"),
    t(lang, "colThreshold"),
    t(lang, "colResult"),
  ].forEach((h, c) => b.value(headerRow, c, h, head));
  b.height(headerRow, heightFor(2, 12));
  row++;

  const threshold = profile.voteThreshold;
  tally.candidates.forEach((cand, i) => {
    const r = row + i;
    const x = r + 1;
    const base: SpecStyle = { border: true, vertical: "middle" };
    const num: SpecStyle = { ...base, horizontal: "center" };
    b.value(r, 0, i + 1, num);
    b.value(r, 1, cand.name, { ...base, wrap: true });
    b.value(r, 2, cand.votesFor, { ...num, unlocked: true, numberFormat: "0" });
    b.formula(r, 3, `=${ballotsRef}`, { ...num, numberFormat: "0" });
    // K7: a candidate not counted yet has no share and no result, never "0,00 %, Không đạt".
    const counted = `AND(ISNUMBER(C${x}),ISNUMBER(D${x}),D${x}>0)`;
    b.formula(r, 4, `=IF(${counted},C${x}/D${x},"")`, { ...num, numberFormat: "0.00%" });
    if (threshold === null) {
      b.value(r, 5, t(lang, "noThreshold"), { ...num, italic: true, size: 10 });
      b.value(r, 6, null, num);
    } else {
      b.value(r, 5, threshold, { ...num, numberFormat: "0%" });
      b.formula(
        r,
        6,
        `=IF(${counted},IF(C${x}/D${x}>=F${x},"${t(lang, "resultPass")}","${t(lang, "resultFail")}"),"")`,
        { ...num, bold: true }
      );
    }
    b.height(r, Math.max(20, heightFor(linesNeeded(cand.name, widths[1], 12), 12)));
  });
  row += tally.candidates.length + 2;

  b.merged(row, 0, row, 2, t(lang, "votesClerk"), { ...center, bold: true });
  b.merged(row, 3, row, last, t(lang, "votesHead"), { ...center, bold: true });
  b.merged(row + 1, 0, row + 1, 2, t(lang, "signHint"), { ...center, italic: true });
  b.merged(row + 1, 3, row + 1, last, t(lang, "signHint"), { ...center, italic: true });

  return finishSpec(b, {
    name: t(lang, "votesSheetName"),
    kind: "votes",
    columnWidths: widths,
    freeze: { rows: headerRow + 1, columns: 0 },
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      margins: { top: 20, bottom: 20, left: 25, right: 15 },
      repeatRows: { first: headerRow, last: headerRow },
    },
  });
}

/**
 * The printable ballot (phiếu bầu): the candidates with an "Đồng ý" and a "Không đồng ý" box each,
 * and how to mark it. Printed once per voter; nothing on it names the voter.
 */
export function buildBallotSheet(
  profile: ClusterProfile,
  candidates: string[],
  opts: VoteTallyOptions
): SheetSpec {
  const { lang } = opts;
  const t = SHEET_STRINGS.t.bind(SHEET_STRINGS);
  const widths = [7, 48, 14, 14];
  const last = widths.length - 1;
  const b = new SpecBuilder(13);
  const center: SpecStyle = { horizontal: "center", vertical: "middle", wrap: true };
  const cluster = clusterFullName(profile, lang);
  let row = 0;
  b.merged(row, 0, row, last, t(lang, "ballotTitle"), { ...center, bold: true, size: 16 });
  b.height(row, 24);
  row++;
  const about = t(lang, "ballotAbout", { period: periodText(profile, lang), cluster });
  b.merged(row, 0, row, last, about, { ...center, bold: true });
  b.height(row, heightFor(linesNeeded(about, sumWidths(widths, 0, last), 13), 13));
  row++;
  b.merged(row, 0, row, last, "__________", center);
  row += 2;
  const head: SpecStyle = { ...center, border: true, bold: true, fill: HEADER_FILL };
  [
    t(lang, "colStt"),
    t(lang, "colCandidate"),
    t(lang, "ballotAgree"),
    t(lang, "ballotDisagree"),
  ].forEach((h, c) => b.value(row, c, h, head));
  b.height(row, heightFor(2, 13));
  row++;
  candidates.forEach((name, i) => {
    const base: SpecStyle = { border: true, vertical: "middle" };
    b.value(row, 0, i + 1, { ...base, horizontal: "center" });
    b.value(row, 1, name, { ...base, wrap: true });
    b.value(row, 2, null, base);
    b.value(row, 3, null, base);
    b.height(row, Math.max(26, heightFor(linesNeeded(name, widths[1], 13), 13)));
    row++;
  });
  row++;
  const help = t(lang, "ballotHelp");
  b.merged(row, 0, row, last, help, { italic: true, wrap: true, vertical: "top", size: 12 });
  b.height(row, heightFor(linesNeeded(help, sumWidths(widths, 0, last), 12), 12));
  return finishSpec(b, {
    name: t(lang, "ballotSheetName"),
    kind: "votes",
    columnWidths: widths,
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      margins: { top: 20, bottom: 20, left: 30, right: 15 },
    },
  });
}
