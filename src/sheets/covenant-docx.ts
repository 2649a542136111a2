/**
 * The covenant as a Word document (signed covenants live in Word), laid out per Nghị định 30/2020
 * Phụ lục I through the shared conventions of docx-kit.ts. Built with `docx`; packing to bytes is
 * left to the adapters/CLI.
 */
import type { Document, Paragraph, Table } from "docx";
import type { ClusterProfile } from "../core/profile";
import type { CriterionNode } from "../core/report";
import { covenantModel, type CovenantModel, type CovenantOptions } from "./covenant";
import {
  body,
  DOC_MARGINS_MM,
  empty,
  gridTable,
  nationalHeaderTable,
  ndDocument,
  recipientsAndSigner,
  signatureGrid,
  titleBlock,
} from "./docx-kit";
import { SHEET_STRINGS } from "./strings";

export const COVENANT_MARGINS_MM = DOC_MARGINS_MM;

/** The model as a docx Document: header, title, bases, parties, contents, signatures, Nơi nhận. */
export function covenantDocument(
  m: CovenantModel,
  national: { name: string; motto: string },
  labels: { code: string; criterion: string; max: string; deductionIntro: string }
): Document {
  const children: (Paragraph | Table)[] = [
    nationalHeaderTable({
      issuer: m.issuer,
      nationalName: national.name,
      motto: national.motto,
      placeDate: m.placeDate,
    }),
    ...titleBlock(m.title, [m.subtitle]),
    ...m.legalBases.map((basis) => body(basis, { italics: true })),
    body(m.partiesIntro),
    ...m.parties.map((p, i) => body(`${i + 1}. ${p};`)),
    body(m.partiesAgree),
  ];
  for (const s of m.sections) {
    children.push(body(`${s.numeral}. ${s.heading}`, { bold: true }, 567, true));
    for (const item of s.items) {
      children.push(body(`${item.number} ${item.text}`));
      for (const sub of item.subitems) children.push(body(sub, {}, 850));
    }
    if (s.table)
      children.push(
        gridTable(
          [labels.code, labels.criterion, labels.max],
          s.table.map((r) => ({ cells: [r.code, r.label, r.max], bold: r.bold })),
          [10, 72, 18],
          ["center", "left", "center"]
        ),
        empty()
      );
    if (s.deductions) {
      children.push(body(labels.deductionIntro, { italics: true }, 567, true));
      for (const d of s.deductions) children.push(body(d, {}, 850));
    }
  }
  children.push(empty(true));
  children.push(signatureGrid(m.signatures));
  children.push(empty());
  children.push(recipientsAndSigner(m.recipientsHeading, m.recipients, null));
  return ndDocument(m.title, children);
}

/** The covenant for a cluster: `Packer.toBuffer(buildCovenantDocx(…))` in Node, `toBlob` in a browser. */
export function buildCovenantDocx(
  profile: ClusterProfile,
  criteria: CriterionNode[],
  opts: CovenantOptions
): Document {
  const m = covenantModel(profile, criteria, opts);
  const t = SHEET_STRINGS.t.bind(SHEET_STRINGS);
  return covenantDocument(
    m,
    { name: t(opts.lang, "nationalName"), motto: t(opts.lang, "nationalMotto") },
    {
      code: t(opts.lang, "colCode"),
      criterion: t(opts.lang, "colCriterion"),
      max: t(opts.lang, "colMax"),
      deductionIntro: t(opts.lang, "deductionIntro"),
    }
  );
}
