/**
 * The covenant as a Word document (signed covenants live in Word), laid out per Nghị định 30/2020
 * Phụ lục I: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 14 pt body.
 * Built with `docx` (a maintained OOXML writer); packing to bytes is left to the adapters/CLI.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { ClusterProfile } from "../core/profile";
import type { CriterionNode } from "../core/report";
import { covenantModel, type CovenantModel, type CovenantOptions } from "./covenant";
import { DOC_FONT, upper } from "./document";
import { SHEET_STRINGS } from "./strings";

/** ND 30/2020 margins in millimetres (within the allowed 20–25 / 30–35 / 15–20 ranges). */
export const COVENANT_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
/** Millimetres to twips, rounded (docx's helper truncates: 210 mm would come out 1 twip short of A4). */
function convertMillimetersToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Body size in half-points (docx unit): 14 pt. */
const BODY = 28;
/** The issuer and national name: 12–13 pt in ND30; 12.5 keeps the national name on one line. */
const HEADER = 25;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const CELL_NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function run(text: string, o: RunOpts = {}): TextRun {
  return new TextRun({
    text,
    font: DOC_FONT,
    size: o.size ?? BODY,
    bold: o.bold,
    italics: o.italics,
  });
}

function centered(text: string, o: RunOpts = {}, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after },
    children: [run(text, o)],
  });
}

/** Body paragraphs: justified, first-line indent 1 cm, 6 pt after (common ND30 practice). */
function body(text: string, o: RunOpts = {}, indent = 567): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: indent },
    spacing: { after: 120, line: 300 },
    children: [run(text, o)],
  });
}

/** Text width of the page: A4 minus the ND30 left and right margins. */
const TEXT_MM = 210 - 30 - 15;

function cell(children: Paragraph[], widthPct: number): TableCell {
  return new TableCell({
    children,
    // Absolute widths: LibreOffice ignores percentages on cells and squeezes the motto onto two lines.
    width: { size: convertMillimetersToTwip((TEXT_MM * widthPct) / 100), type: WidthType.DXA },
    borders: CELL_NO_BORDERS,
    verticalAlign: VerticalAlign.TOP,
  });
}

function signatureTable(m: CovenantModel): Table {
  const rows: TableRow[] = [];
  const block = (i: number): Paragraph[] => {
    const sig = m.signatures[i];
    if (!sig) return [new Paragraph({ children: [] })];
    return [
      ...sig.titles.map((t) => centered(t, { bold: true })),
      // Room for the signature and seal (ND30: the signer's name sits under it).
      ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] })),
      centered(sig.name, { bold: true }),
      new Paragraph({ spacing: { after: 360 }, children: [] }),
    ];
  };
  for (let i = 0; i < m.signatures.length; i += 2)
    rows.push(
      new TableRow({ cantSplit: true, children: [cell(block(i), 50), cell(block(i + 1), 50)] })
    );
  return new Table({
    width: { size: convertMillimetersToTwip(TEXT_MM), type: WidthType.DXA },
    columnWidths: [convertMillimetersToTwip(TEXT_MM / 2), convertMillimetersToTwip(TEXT_MM / 2)],
    borders: NO_BORDERS,
    rows,
  });
}

/**
 * The model as a docx Document. The header is a borderless two-cell table (issuer | national name),
 * the usual way Word templates of ND30 keep the two blocks side by side.
 */
export function covenantDocument(
  m: CovenantModel,
  national: { name: string; motto: string }
): Document {
  const children: (Paragraph | Table)[] = [
    new Table({
      width: { size: convertMillimetersToTwip(TEXT_MM), type: WidthType.DXA },
      columnWidths: [
        convertMillimetersToTwip(TEXT_MM * 0.4),
        convertMillimetersToTwip(TEXT_MM * 0.6),
      ],
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          children: [
            cell(
              [
                ...m.issuer.map((line, i) =>
                  centered(upper(line), { bold: i === m.issuer.length - 1, size: HEADER })
                ),
                centered("________", { size: HEADER }),
              ],
              40
            ),
            cell(
              [
                centered(national.name, { bold: true, size: HEADER }),
                centered(national.motto, { bold: true, size: BODY }),
                centered("________________", { size: HEADER }),
              ],
              60
            ),
          ],
        }),
        new TableRow({
          children: [
            cell([new Paragraph({ children: [] })], 40),
            cell([centered(m.placeDate, { italics: true })], 60),
          ],
        }),
      ],
    }),
    new Paragraph({ children: [] }),
    centered(m.title, { bold: true }),
    centered(m.subtitle, { bold: true }, 240),
    ...m.legalBases.map((basis) => body(basis, { italics: true })),
    body(m.partiesIntro),
    ...m.parties.map((p, i) => body(`${i + 1}. ${p};`)),
    body(m.partiesAgree),
  ];
  for (const s of m.sections) {
    children.push(body(`${s.numeral}. ${s.heading}`, { bold: true }));
    for (const item of s.items) {
      children.push(body(`${item.number} ${item.text}`));
      for (const sub of item.subitems) children.push(body(sub, {}, 850));
    }
  }
  children.push(new Paragraph({ children: [] }));
  children.push(signatureTable(m));

  return new Document({
    creator: "THIDUA",
    title: m.title,
    styles: { default: { document: { run: { font: DOC_FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(COVENANT_MARGINS_MM.top),
              bottom: convertMillimetersToTwip(COVENANT_MARGINS_MM.bottom),
              left: convertMillimetersToTwip(COVENANT_MARGINS_MM.left),
              right: convertMillimetersToTwip(COVENANT_MARGINS_MM.right),
            },
          },
        },
        children,
      },
    ],
  });
}

/** The covenant for a cluster: `Packer.toBuffer(buildCovenantDocx(…))` in Node, `toBlob` in a browser. */
export function buildCovenantDocx(
  profile: ClusterProfile,
  criteria: CriterionNode[],
  opts: CovenantOptions
): Document {
  const m = covenantModel(profile, criteria, opts);
  return covenantDocument(m, {
    name: SHEET_STRINGS.t(opts.lang, "nationalName"),
    motto: SHEET_STRINGS.t(opts.lang, "nationalMotto"),
  });
}
