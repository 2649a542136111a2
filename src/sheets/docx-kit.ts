/**
 * The Word conventions every document of the meeting shares (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4,
 * margins 20/20/30/15 mm, Times New Roman, the issuer and the national name side by side with their
 * rules, the place/date line, page numbers centred at the top from page 2, a signature grid whose
 * blocks stay together, and "Nơi nhận" bottom left. Pure: packing to bytes is the adapters' job.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { DOC_FONT, upper } from "./document";

/** ND 30/2020 margins in millimetres (within the allowed 20–25 / 30–35 / 15–20 ranges). */
export const DOC_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** Millimetres to twips, rounded (docx's helper truncates: 210 mm would come out 1 twip short of A4). */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Body size in half-points (docx unit): 14 pt. */
export const BODY = 28;
/** The issuer and national name: 12–13 pt in ND30; 12.5 keeps the national name on one line. */
export const HEADER = 25;
/** Text width of the page: A4 minus the ND30 left and right margins. */
export const TEXT_MM = 210 - DOC_MARGINS_MM.left - DOC_MARGINS_MM.right;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
export const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const CELL_NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const CELL_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE };

export interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

export function run(text: string, o: RunOpts = {}): TextRun {
  return new TextRun({
    text,
    font: DOC_FONT,
    size: o.size ?? BODY,
    bold: o.bold,
    italics: o.italics,
    ...(o.underline ? { underline: {} } : {}),
  });
}

export function centered(text: string, o: RunOpts = {}, after = 0, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after },
    keepNext,
    keepLines: keepNext,
    children: [run(text, o)],
  });
}

/** Body paragraphs: justified, first-line indent 1 cm, 6 pt after (common ND30 practice). */
export function body(text: string, o: RunOpts = {}, indent = 567, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: indent },
    spacing: { after: 120, line: 300 },
    keepNext,
    children: [run(text, o)],
  });
}

export function empty(keepNext = false): Paragraph {
  return new Paragraph({ keepNext, children: [] });
}

function cell(children: Paragraph[], widthPct: number, lines = false, span = 1): TableCell {
  return new TableCell({
    children,
    // Absolute widths: LibreOffice ignores percentages on cells and squeezes the motto onto two lines.
    width: { size: mmToTwip((TEXT_MM * widthPct) / 100), type: WidthType.DXA },
    borders: lines ? CELL_LINES : CELL_NO_BORDERS,
    verticalAlign: VerticalAlign.TOP,
    ...(span > 1 ? { columnSpan: span } : {}),
  });
}

/**
 * The ND30 header: issuer top-left (the last line bold, a short rule under it), the national name and
 * the motto top-right, the motto underlined over its own length (the rule ND30 draws under it), then
 * the place/date line in italics; documents with a number put it under the issuer ("Số: …").
 */
export function nationalHeaderTable(opts: {
  issuer: string[];
  nationalName: string;
  motto: string;
  placeDate: string;
  number?: string;
}): Table {
  return new Table({
    width: { size: mmToTwip(TEXT_MM), type: WidthType.DXA },
    columnWidths: [mmToTwip(TEXT_MM * 0.4), mmToTwip(TEXT_MM * 0.6)],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              ...opts.issuer.map((line, i) =>
                centered(upper(line), { bold: i === opts.issuer.length - 1, size: HEADER })
              ),
              centered("________", { size: HEADER }),
            ],
            40
          ),
          cell(
            [
              centered(opts.nationalName, { bold: true, size: HEADER }),
              centered(opts.motto, { bold: true, underline: true, size: BODY }),
            ],
            60
          ),
        ],
      }),
      new TableRow({
        children: [
          cell([centered(opts.number ?? "", { size: 26 })], 40),
          cell([centered(opts.placeDate, { italics: true })], 60),
        ],
      }),
    ],
  });
}

/** The title in caps bold, the trích yếu under it, and the short rule ND30 draws below them. */
export function titleBlock(title: string, subtitle: string[]): Paragraph[] {
  return [
    empty(),
    centered(title, { bold: true }),
    ...subtitle.map((s) => centered(s, { bold: true })),
    centered("__________", {}, 240),
  ];
}

export interface SignatureBlock {
  /** "TM. SỞ TƯ PHÁP", "GIÁM ĐỐC"… in bold caps. */
  titles: string[];
  /** A line under the titles in italics ("(Cụm trưởng)"), optional. */
  note?: string;
  /** Full name, bold; "" leaves the space to write it by hand. */
  name: string;
}

/**
 * The signature grid, two blocks a row. Every paragraph keeps with the next and no row splits, so the
 * grid moves to a new page whole rather than leaving one block alone there; an odd last block is
 * centred under the others.
 */
export function signatureGrid(blocks: SignatureBlock[], perRow = 2): Table {
  const width = Math.max(...blocks.map((b) => b.titles.length), 1);
  const para = (b: SignatureBlock | undefined, keep: boolean): Paragraph[] => {
    if (!b) return [empty(keep)];
    const titles = [...b.titles];
    while (titles.length < width) titles.push("");
    return [
      ...titles.map((t) => centered(t, { bold: true, size: 26 }, 0, keep)),
      centered(b.note ?? "", { italics: true, size: 26 }, 0, keep),
      // Room for the signature and seal (ND30: the signer's name sits under it).
      ...[0, 1, 2].map(() => empty(keep)),
      centered(b.name, { bold: true }, 0, keep),
      new Paragraph({ spacing: { after: 240 }, keepNext: keep, children: [] }),
    ];
  };
  const rows: TableRow[] = [];
  for (let i = 0; i < blocks.length; i += perRow) {
    const keep = i + perRow < blocks.length;
    const slice = blocks.slice(i, i + perRow);
    const cells =
      slice.length < perRow && perRow === 2
        ? [cell(para(slice[0], keep), 100, false, 2)]
        : Array.from({ length: perRow }, (_, k) => cell(para(slice[k], keep), 100 / perRow));
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return new Table({
    width: { size: mmToTwip(TEXT_MM), type: WidthType.DXA },
    columnWidths: Array.from({ length: perRow }, () => mmToTwip(TEXT_MM / perRow)),
    borders: NO_BORDERS,
    rows,
  });
}

/**
 * "Nơi nhận:" (bold italic, 12 pt) and its lines (11 pt) bottom left, beside the signer's block:
 * ND30 puts the recipients of a signed document at the foot of its last page.
 */
export function recipientsAndSigner(
  heading: string,
  recipients: string[],
  signer: SignatureBlock | null
): Table {
  const left = [
    new Paragraph({
      keepNext: true,
      children: [run(heading, { bold: true, italics: true, size: 24 })],
    }),
    ...recipients.map((r) => new Paragraph({ keepNext: true, children: [run(r, { size: 22 })] })),
  ];
  const right = signer
    ? [
        ...signer.titles.map((t) => centered(t, { bold: true, size: 26 }, 0, true)),
        centered(signer.note ?? "", { italics: true, size: 26 }, 0, true),
        ...[0, 1, 2, 3].map(() => empty(true)),
        centered(signer.name, { bold: true }),
      ]
    : [empty()];
  return new Table({
    width: { size: mmToTwip(TEXT_MM), type: WidthType.DXA },
    columnWidths: [mmToTwip(TEXT_MM * 0.45), mmToTwip(TEXT_MM * 0.55)],
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, 45), cell(right, 55)] })],
  });
}

/** A bordered table with a bold header row; `widths` in percent of the text width. */
export function gridTable(
  header: string[],
  rows: { cells: string[]; bold?: boolean }[],
  widths: number[],
  align: ("left" | "center")[] = []
): Table {
  const para = (text: string, c: number, bold: boolean): Paragraph =>
    new Paragraph({
      alignment: align[c] === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [run(text, { bold, size: 26 })],
    });
  return new Table({
    width: { size: mmToTwip(TEXT_MM), type: WidthType.DXA },
    columnWidths: widths.map((w) => mmToTwip((TEXT_MM * w) / 100)),
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, c) =>
          cell(
            [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [run(h, { bold: true, size: 26 })],
              }),
            ],
            widths[c],
            true
          )
        ),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.cells.map((t, c) => cell([para(t, c, !!r.bold)], widths[c], true)),
          })
      ),
    ],
  });
}

/** One A4 section with ND30 margins and the page number centred at the top from page 2 on. */
export function ndDocument(title: string, children: (Paragraph | Table)[]): Document {
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        // A simple field with a cached number: LibreOffice leaves a complex PAGE field without one
        // blank, and both Word and LibreOffice recompute it on every page.
        children: [new SimpleField("PAGE", "2")],
      }),
    ],
  });
  return new Document({
    creator: "THIDUA",
    title,
    styles: { default: { document: { run: { font: DOC_FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mmToTwip(210), height: mmToTwip(297) },
            margin: {
              top: mmToTwip(DOC_MARGINS_MM.top),
              bottom: mmToTwip(DOC_MARGINS_MM.bottom),
              left: mmToTwip(DOC_MARGINS_MM.left),
              right: mmToTwip(DOC_MARGINS_MM.right),
              header: mmToTwip(10),
            },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children,
      },
    ],
  });
}
