/**
 * The emulation covenant (giao ước thi đua, Nghị định 30/2020 Phụ lục I). One content model feeds the
 * print-ready sheet here and the Word document in covenant-docx.ts, so both say the same thing.
 */
import type { Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import type { CriterionNode } from "../core/report";
import { foldKey } from "../core/text";
import {
  clusterFullName,
  finishSpec,
  nationalHeader,
  placeDateLine,
  SpecBuilder,
  upper,
  yearText,
} from "./document";
import { heightFor, linesNeeded, sumWidths } from "./layout";
import type { SheetSpec, SpecStyle } from "./spec";
import { SHEET_STRINGS } from "./strings";

export interface CovenantOptions {
  date: Date;
  lang: Lang;
  /** Replaces the legal bases (else the profile's, else those in force in the covenant's year). */
  legalBases?: string[];
  /** Replaces the commitments and targets (else the profile's, else the defaults). */
  commitments?: string[];
}

export interface CovenantItem {
  /** "1.", "2." */
  number: string;
  text: string;
  /** "a) …", "b) …" */
  subitems: string[];
}

/** A row of the scoring table (thang điểm): the code, the criterion and its max as printed. */
export interface ScoringRow {
  code: string;
  label: string;
  max: string;
  /** Sections and parents print bold. */
  bold: boolean;
}

export interface CovenantSection {
  /** "I", "II" */
  numeral: string;
  heading: string;
  items: CovenantItem[];
  /** The scoring table of this section, when it is the one holding the criteria. */
  table?: ScoringRow[];
  /** What is deducted and when: rules, never points to earn. */
  deductions?: string[];
}

export interface CovenantSignature {
  /** "TM. SỞ TƯ PHÁP", then the signer's position ("GIÁM ĐỐC"). */
  titles: string[];
  /** "(Cụm trưởng)" for the head and deputy; "" for the others. */
  note: string;
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
  recipientsHeading: string;
  recipients: string[];
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

function shownNumber(max: number, lang: Lang): string {
  return Number(max.toFixed(4))
    .toString()
    .replace(".", lang === "vi" ? "," : ".");
}

/** "Điểm cộng (tối đa 5đ)" or "… 5 điểm" already states its points: they are not added twice. */
function statesPoints(label: string): boolean {
  return /\d\s*(điểm|đ(?![\p{L}])|points?\b)/iu.test(label);
}

/**
 * The legal bases in force in the covenant's year (DOMAIN.md §8): from 2024 the Law of 15/6/2022 and
 * Decree 98/2023; before, the Law of 2003 (amended 2005, 2013), Decree 91/2017 and Circular 12/2019.
 * A year nobody gave (0) takes today's bases. The last basis ends with ";" as ND30 writes them.
 */
export function legalBasesFor(year: number, cluster: string, lang: Lang): string[] {
  const t = SHEET_STRINGS.t.bind(SHEET_STRINGS);
  const laws =
    year > 0 && year < 2024
      ? [t(lang, "legalLaw2003"), t(lang, "legalDecree2017"), t(lang, "legalCircular2019")]
      : [t(lang, "legalLaw"), t(lang, "legalDecree")];
  return [...laws, t(lang, "legalRules", { cluster })];
}

/**
 * The signer's position from the unit's name when the profile does not give it: the head of a Sở is
 * its Giám đốc, of a UBND its Chủ tịch… A name no rule knows gets "THỦ TRƯỞNG ĐƠN VỊ".
 */
export function positionOf(unit: string, profile: ClusterProfile, lang: Lang): string {
  const given = profile.positions?.[unit];
  if (given && given.trim() !== "") return upper(given.trim());
  const f = foldKey(unit);
  const rules: [RegExp, string][] = [
    [/^(van phong)\b/, "positionChanhVanPhong"],
    [/^(thanh tra)\b/, "positionChanhThanhTra"],
    [
      /^(ubnd|uy ban nhan dan|hoi dong nhan dan|hdnd|hoi|lien doan|lien hiep|mat tran)\b/,
      "positionChuTich",
    ],
    [/^(ban)\b/, "positionTruongBan"],
    [/^(bao)\b/, "positionTongBienTap"],
    [/^(truong)\b/, "positionHieuTruong"],
    [/^(chi cuc)\b/, "positionChiCucTruong"],
    [/^(cuc)\b/, "positionCucTruong"],
    [/^(toa an)\b/, "positionChanhAn"],
    [/^(vien kiem sat)\b/, "positionVienTruong"],
    [/^(tinh doan|doan thanh nien)\b/, "positionBiThu"],
    [/^(bo chi huy)\b/, "positionChiHuyTruong"],
    [
      /^(so|cong an|dai|trung tam|kho bac|ngan hang|bao hiem|benh vien|cong ty)\b/,
      "positionGiamDoc",
    ],
  ];
  for (const [re, key] of rules)
    if (re.test(f)) return SHEET_STRINGS.t(lang, key as "positionGiamDoc");
  return SHEET_STRINGS.t(lang, "positionHead");
}

/** The scoring table's rows: content and bonus criteria with their max, in the sheet's order. */
function scoringRows(criteria: CriterionNode[], lang: Lang): ScoringRow[] {
  const out: ScoringRow[] = [];
  const walk = (nodes: CriterionNode[], level: number): void =>
    nodes.forEach((n, i) => {
      const code =
        n.code.trim() !== ""
          ? n.code.trim()
          : level === 0
            ? roman(i + 1)
            : level === 1
              ? String(i + 1)
              : letter(i);
      const capped = n.kind === "bonus" && level === 0;
      const max =
        n.max === null
          ? ""
          : capped
            ? SHEET_STRINGS.t(lang, "bonusCapCell", { max: shownNumber(n.max, lang) })
            : shownNumber(n.max, lang);
      out.push({ code, label: n.label, max, bold: level === 0 || n.children.length > 0 });
      walk(n.children, level + 1);
    });
  walk(
    criteria.filter((n) => n.kind !== "deduction"),
    0
  );
  return out;
}

/** Deductions as rules: "<what>: trừ tối đa 2 điểm", never a heading with points to earn. */
function deductionRules(criteria: CriterionNode[], lang: Lang): string[] {
  const leaves: CriterionNode[] = [];
  const walk = (n: CriterionNode): void => {
    if (n.children.length === 0) leaves.push(n);
    else n.children.forEach(walk);
  };
  for (const n of criteria) if (n.kind === "deduction") n.children.forEach(walk);
  return leaves.map((n, i) => {
    const rule =
      n.max === null || statesPoints(n.label)
        ? n.label
        : SHEET_STRINGS.t(lang, "deductionRule", {
            label: n.label.replace(/[\s.;:]+$/, ""),
            max: shownNumber(Math.abs(n.max), lang),
          });
    return `${letter(i)}) ${rule}`;
  });
}

export function covenantModel(
  profile: ClusterProfile,
  criteria: CriterionNode[],
  opts: CovenantOptions
): CovenantModel {
  const { lang } = opts;
  const t = SHEET_STRINGS.t.bind(SHEET_STRINGS);
  const cluster = clusterFullName(profile, lang);
  const year = yearText(profile, lang);
  const issuer = [profile.issuingBody, cluster].filter(
    (s, i, all) =>
      s.trim() !== "" && all.findIndex((x) => upper(x.trim()) === upper(s.trim())) === i
  );
  const numbered = (texts: string[]): CovenantItem[] =>
    texts.map((text, k) => ({ number: `${k + 1}.`, text, subitems: [] }));
  const commitments = opts.commitments ??
    profile.commitments ?? [
      t(lang, "target1", { year }),
      t(lang, "target2"),
      t(lang, "target3"),
      t(lang, "target4"),
    ];
  const registrations = profile.titleRegistrations ?? [
    t(lang, "register1", { flag: upperFirst(profile.awards.flagLabel) }),
    t(lang, "register2"),
  ];
  const sections: CovenantSection[] = [
    { numeral: "I", heading: t(lang, "targetsHeading"), items: numbered(commitments) },
    { numeral: "II", heading: t(lang, "registerHeading"), items: numbered(registrations) },
  ];
  if (criteria.length > 0) {
    const deductions = deductionRules(criteria, lang);
    sections.push({
      numeral: "III",
      heading: t(lang, "scoringHeading"),
      items: [],
      table: scoringRows(criteria, lang),
      ...(deductions.length > 0 ? { deductions } : {}),
    });
  }
  sections.push({
    numeral: roman(sections.length + 1),
    heading: t(lang, "commitHeading"),
    items: numbered([
      t(lang, "commit1"),
      t(lang, "commit2"),
      t(lang, "commit3"),
      t(lang, "commit4"),
    ]),
  });
  const khoi = profile.kind === "khoi";
  const signatures = profile.members.map((unit): CovenantSignature => ({
    titles: [t(lang, "onBehalf", { unit: upper(unit) }), positionOf(unit, profile, lang)],
    note:
      unit === profile.head
        ? t(lang, khoi ? "headNoteKhoi" : "headNoteCum")
        : unit === profile.deputy
          ? t(lang, khoi ? "deputyNoteKhoi" : "deputyNoteCum")
          : "",
    name: profile.signatories[unit] ?? "",
  }));
  return {
    issuer,
    placeDate: placeDateLine(profile.place, opts.date, lang),
    title: t(lang, "covenantTitle", { year }),
    subtitle: t(lang, "covenantSubtitle", { cluster }),
    legalBases: opts.legalBases ?? profile.legalBases ?? legalBasesFor(profile.year, cluster, lang),
    partiesIntro: t(lang, "partiesIntro", { cluster }),
    parties: profile.members.slice(),
    partiesAgree: t(lang, "partiesAgree", { year }),
    sections,
    signatures,
    recipientsHeading: t(lang, "recipientsHeading"),
    recipients: [
      t(lang, "recipientCouncil"),
      t(lang, "recipientMembers"),
      t(lang, "recipientFile"),
    ],
  };
}

function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}

/**
 * The covenant as a print-ready sheet (A4 portrait, ND30 margins), for clusters that sign in Excel.
 * The right half is wide enough for "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line at 12 pt.
 */
export function buildCovenantSheet(
  profile: ClusterProfile,
  criteria: CriterionNode[],
  opts: CovenantOptions
): SheetSpec {
  const m = covenantModel(profile, criteria, opts);
  const { lang } = opts;
  // Code | criterion (two columns) | max: the header halves and the signature grid share them.
  const widths = [8, 30, 22, 22];
  const full = sumWidths(widths, 0, 3);
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
    headerSize: 12,
  });
  m.issuer.forEach((line, i) =>
    b.height(i, heightFor(linesNeeded(upper(line), sumWidths(widths, 0, 1), 12), 12))
  );
  para(m.title, { bold: true, horizontal: "center", size: 14 }, 14);
  para(m.subtitle, { bold: true, horizontal: "center" });
  para("__________", { horizontal: "center" });
  for (const basis of m.legalBases) para(basis, { italic: true });
  row++;
  para(m.partiesIntro);
  m.parties.forEach((p, i) => para(`${i + 1}. ${p};`));
  para(m.partiesAgree);
  row++;
  const cellStyle: SpecStyle = { border: true, vertical: "middle", wrap: true, size: 12 };
  for (const s of m.sections) {
    para(`${s.numeral}. ${s.heading}`, { bold: true });
    for (const item of s.items) {
      para(`${item.number} ${item.text}`);
      for (const sub of item.subitems) para(`    ${sub}`);
    }
    if (s.table) {
      const head: SpecStyle = { ...cellStyle, bold: true, horizontal: "center", fill: "#DDE5F0" };
      b.value(row, 0, SHEET_STRINGS.t(lang, "colCode"), head);
      b.merged(row, 1, row, 2, SHEET_STRINGS.t(lang, "colCriterion"), head);
      b.value(row, 3, SHEET_STRINGS.t(lang, "colMax"), head);
      row++;
      for (const r of s.table) {
        b.value(row, 0, r.code, { ...cellStyle, bold: r.bold, horizontal: "center" });
        b.merged(row, 1, row, 2, r.label, { ...cellStyle, bold: r.bold });
        b.value(row, 3, r.max, { ...cellStyle, bold: r.bold, horizontal: "center" });
        b.height(row, heightFor(linesNeeded(r.label, widths[1] + widths[2], 12), 12));
        row++;
      }
    }
    if (s.deductions) {
      para(SHEET_STRINGS.t(lang, "deductionIntro"), { italic: true });
      for (const d of s.deductions) para(`    ${d}`);
    }
  }
  row++;
  const titleLines = Math.max(1, ...m.signatures.map((sig) => sig.titles.length));
  for (let i = 0; i < m.signatures.length; i += 2) {
    const pair = m.signatures.slice(i, i + 2);
    pair.forEach((sig, k) => {
      // An odd last block is centred under the others.
      const [left, right] = pair.length === 1 ? [1, 2] : [k * 2, k * 2 + 1];
      sig.titles.forEach((title, j) =>
        b.merged(row + j, left, row + j, right, title, {
          bold: true,
          horizontal: "center",
          wrap: true,
          size: 12,
        })
      );
      b.merged(row + titleLines, left, row + titleLines, right, sig.note, {
        italic: true,
        horizontal: "center",
        size: 12,
      });
      const nameRow = row + titleLines + 5;
      b.merged(nameRow, left, nameRow, right, sig.name, { bold: true, horizontal: "center" });
    });
    row += titleLines + 7;
  }
  para(m.recipientsHeading, { bold: true, italic: true, size: 12 }, 12);
  for (const r of m.recipients) para(r, { size: 11 }, 11);
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
