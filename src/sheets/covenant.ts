/**
 * The emulation covenant (giao ước thi đua, Nghị định 30/2020 Phụ lục I). One content model feeds the
 * print-ready sheet here and the Word document in covenant-docx.ts, so both say the same thing.
 */
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { CriterionNode } from "../core/report";
import {
  clusterFullName,
  finishSpec,
  nationalHeader,
  placeDateLine,
  SpecBuilder,
  upper,
} from "./document";
import { heightFor, linesNeeded } from "./layout";
import type { SheetSpec, SpecStyle } from "./spec";
import { SHEET_STRINGS } from "./strings";

export interface CovenantOptions {
  date: Date;
  lang: Lang;
  /** Replaces the default legal bases (Law 06/2022/QH15, Decree 98/2023/NĐ-CP, the cluster's rules). */
  legalBases?: string[];
  /** Replaces the default implementation commitments. */
  commitments?: string[];
}

export interface CovenantItem {
  /** "1.", "2." */
  number: string;
  text: string;
  /** "a) …", "b) …" */
  subitems: string[];
}

export interface CovenantSection {
  /** "I", "II" */
  numeral: string;
  heading: string;
  items: CovenantItem[];
}

export interface CovenantSignature {
  /** "TM. SỞ TƯ PHÁP", then "CỤM TRƯỞNG" for the head. */
  titles: string[];
  /** Full name, bold; "" leaves the space to write it by hand. */
  name: string;
}

export interface CovenantModel {
  issuer: string[];
  placeDate: string;
  title: string;
  subtitle: string;
  legalBases: string[];
  partiesIntro: string;
  parties: string[];
  partiesAgree: string;
  sections: CovenantSection[];
  signatures: CovenantSignature[];
}

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

export function roman(n: number): string {
  let out = "";
  let x = n;
  for (const [v, s] of ROMAN)
    while (x >= v) {
      out += s;
      x -= v;
    }
  return out;
}

function letter(i: number): string {
  // Vietnamese documents letter items a, b, c, d, đ, e…: "đ" follows "d" (ND 30/2020 Phụ lục I).
  const letters = "abcdđeghiklmnopqrstuvxy";
  return letters[i % letters.length];
}

function withMax(label: string, max: number | null, lang: Lang): string {
  if (max === null || !Number.isFinite(max)) return label;
  // "Điểm cộng (tối đa 5 điểm)" already says it.
  if (/\d\s*(điểm|đ\b|points?)/iu.test(label)) return label;
  const shown = Number(max.toFixed(4))
    .toString()
    .replace(".", lang === "vi" ? "," : ".");
  return `${label} ${SHEET_STRINGS.t(lang, "maxPoints", { max: shown })}`;
}

/** Flattens anything below the second level into the lettered sub-items. */
function subitemsOf(node: CriterionNode, lang: Lang): string[] {
  const flat: CriterionNode[] = [];
  const walk = (n: CriterionNode): void => {
    for (const c of n.children) {
      flat.push(c);
      walk(c);
    }
  };
  walk(node);
  return flat.map((c, i) => `${letter(i)}) ${withMax(c.label, c.max, lang)}`);
}

export function covenantModel(
  profile: ClusterProfile,
  criteria: CriterionNode[],
  opts: CovenantOptions
): CovenantModel {
  const { lang } = opts;
  const t = SHEET_STRINGS.t.bind(SHEET_STRINGS);
  const cluster = clusterFullName(profile, lang);
  const issuer = [profile.issuingBody, cluster].filter(
    (s, i, all) =>
      s.trim() !== "" && all.findIndex((x) => upper(x.trim()) === upper(s.trim())) === i
  );
  const sections: CovenantSection[] = criteria.map((node, i) => ({
    numeral: roman(i + 1),
    heading: upper(withMax(node.label, node.max, lang)),
    items: node.children.map((c, k) => ({
      number: `${k + 1}.`,
      text: withMax(c.label, c.max, lang),
      subitems: subitemsOf(c, lang),
    })),
  }));
  const commitments = opts.commitments ?? [
    t(lang, "commit1"),
    t(lang, "commit2"),
    t(lang, "commit3"),
    t(lang, "commit4"),
  ];
  sections.push({
    numeral: roman(sections.length + 1),
    heading: t(lang, "commitHeading"),
    items: commitments.map((text, k) => ({ number: `${k + 1}.`, text, subitems: [] })),
  });
  const khoi = profile.kind === "khoi";
  const signatures = profile.members.map((unit): CovenantSignature => {
    const titles = [t(lang, "onBehalf", { unit: upper(unit) })];
    if (unit === profile.head) titles.push(t(lang, khoi ? "headTitleKhoi" : "headTitleCum"));
    else if (unit === profile.deputy)
      titles.push(t(lang, khoi ? "deputyTitleKhoi" : "deputyTitleCum"));
    return { titles, name: profile.signatories[unit] ?? "" };
  });
  return {
    issuer,
    placeDate: placeDateLine(profile.place, opts.date, lang),
    title: t(lang, "covenantTitle", { year: profile.year }),
    subtitle: t(lang, "covenantSubtitle", { cluster }),
    legalBases: opts.legalBases ?? [
      t(lang, "legalLaw"),
      t(lang, "legalDecree"),
      t(lang, "legalRules", { cluster }),
    ],
    partiesIntro: t(lang, "partiesIntro", { cluster }),
    parties: profile.members.slice(),
    partiesAgree: t(lang, "partiesAgree", { year: profile.year }),
    sections,
    signatures,
  };
}

/** The covenant as a print-ready sheet (A4 portrait, ND30 margins), for clusters that sign in Excel. */
export function buildCovenantSheet(
  profile: ClusterProfile,
  criteria: CriterionNode[],
  opts: CovenantOptions
): SheetSpec {
  const m = covenantModel(profile, criteria, opts);
  const { lang } = opts;
  // Four equal columns: the header halves and the signature grid (two blocks a row) share them.
  const widths = [20, 20, 20, 20];
  const full = 80;
  const b = new SpecBuilder(13);
  const para = (text: string, style: SpecStyle = {}, size = 13): void => {
    b.merged(row, 0, row, 3, text, { wrap: true, vertical: "top", horizontal: "left", ...style });
    b.height(row, heightFor(linesNeeded(text, full, size), size));
    row++;
  };
  let row = nationalHeader(b, {
    issuer: m.issuer,
    left: [0, 1],
    right: [2, 3],
    place: profile.place,
    date: opts.date,
    lang,
  });
  m.issuer.forEach((line, i) => b.height(i, heightFor(linesNeeded(upper(line), 40, 13), 13)));
  para(m.title, { bold: true, horizontal: "center", size: 14 }, 14);
  para(m.subtitle, { bold: true, horizontal: "center" });
  row++;
  for (const basis of m.legalBases) para(basis, { italic: true });
  row++;
  para(m.partiesIntro);
  m.parties.forEach((p, i) => para(`${i + 1}. ${p}`));
  para(m.partiesAgree);
  row++;
  for (const s of m.sections) {
    para(`${s.numeral}. ${s.heading}`, { bold: true });
    for (const item of s.items) {
      para(`${item.number} ${item.text}`);
      for (const sub of item.subitems) para(`    ${sub}`);
    }
  }
  row++;
  for (let i = 0; i < m.signatures.length; i += 2) {
    const pair = m.signatures.slice(i, i + 2);
    pair.forEach((sig, k) => {
      const left = k * 2;
      sig.titles.forEach((title, j) =>
        b.merged(row + j, left, row + j, left + 1, title, {
          bold: true,
          horizontal: "center",
          wrap: true,
        })
      );
      const nameRow = row + 5;
      b.merged(nameRow, left, nameRow, left + 1, sig.name, { bold: true, horizontal: "center" });
    });
    for (let j = 0; j < 2; j++) {
      const lines = Math.max(...pair.map((s) => linesNeeded(s.titles[j] ?? "", 40, 13)));
      b.height(row + j, heightFor(lines, 13));
    }
    row += 7;
  }
  return finishSpec(b, {
    name: SHEET_STRINGS.t(lang, "covenantSheetName"),
    kind: "covenant",
    columnWidths: widths,
    print: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      margins: { top: 20, bottom: 20, left: 30, right: 15 },
    },
  });
}
