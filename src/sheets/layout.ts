/** Sizing helpers: LibreOffice and Excel do not grow merged rows to fit wrapped text, so we do. */

/** Lines a text needs in a cell `widthChars` wide (Excel character units) at `size` points. */
export function linesNeeded(text: string, widthChars: number, size = 12): number {
  // Excel's width unit is a Calibri-11 digit; Times New Roman lower case is ~15 % narrower than
  // that, capitals ~25 % wider. Underestimating clips text in print, so err on the wide side.
  const caps = text.length > 0 && text === text.toLocaleUpperCase("vi");
  const perLine = Math.max(1, Math.floor(((widthChars * 11) / size) * (caps ? 0.85 : 1.1)));
  let lines = 0;
  for (const para of text.split("\n")) {
    let line = 0;
    let count = 1;
    for (const word of para.split(/\s+/)) {
      const len = word.length;
      if (line === 0) line = len;
      else if (line + 1 + len <= perLine) line += 1 + len;
      else {
        count++;
        line = len;
      }
      while (line > perLine) {
        count++;
        line -= perLine;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/**
 * The width (Excel character units) at which the longest word of a bold header fits on one line, by
 * linesNeeded's own measure plus 10 % for bold: narrower, Excel breaks the word itself ("Deducti|ons").
 */
export function headerWordWidth(text: string, size = 11): number {
  const longest = text.split(/\s+/).reduce((m, w) => Math.max(m, w.length), 0);
  return Math.ceil(((longest * size) / (11 * 1.1)) * 1.1) + 1;
}

/** Row height in points for `lines` lines of `size`-point text. */
export function heightFor(lines: number, size = 12): number {
  return Math.ceil(lines * size * 1.3 + 3);
}

export function sumWidths(widths: number[], from: number, to: number): number {
  let s = 0;
  for (let c = from; c <= to; c++) s += widths[c] ?? 8.43;
  return s;
}

/** "0.00" for 2 decimals, "0" for none. */
export function decimalFormat(precision: number): string {
  return precision > 0 ? `0.${"0".repeat(precision)}` : "0";
}
