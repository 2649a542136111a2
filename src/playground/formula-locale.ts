/**
 * Formulas as a Vietnamese Excel takes them: where the decimal mark is the comma, arguments are
 * separated by ";" (=SUM(1;2), =ROUND(A1;1), =SUM(1,5;2) is 3.5). The engine reads en-US syntax.
 */

/** A typed formula in en-US syntax; unchanged unless it uses ";" outside text and sheet names. */
export function toEnglishFormula(formula: string, decimalSeparator: "," | "."): string {
  if (decimalSeparator !== "," || !formula.startsWith("=")) return formula;
  const parts: { text: string; quoted: boolean }[] = [];
  let cur = "";
  let quote: string | null = null;
  for (const ch of formula) {
    if (quote) {
      cur += ch;
      if (ch === quote) {
        parts.push({ text: cur, quoted: true });
        cur = "";
        quote = null;
      }
    } else if (ch === '"' || ch === "'") {
      if (cur) parts.push({ text: cur, quoted: false });
      cur = ch;
      quote = ch;
    } else cur += ch;
  }
  if (cur) parts.push({ text: cur, quoted: quote !== null });
  if (!parts.some((p) => !p.quoted && p.text.includes(";"))) return formula;
  // Doubled quotes inside text ("a""b") split into two quoted parts and join back unchanged.
  return parts
    .map((p) => (p.quoted ? p.text : p.text.replace(/(\d),(\d)/g, "$1.$2").replace(/;/g, ",")))
    .join("");
}
