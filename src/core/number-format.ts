/**
 * What Excel's `text` shows for a value under a number format, for the formats score sheets use
 * (General, 0, 0.00, #,##0.00, percentages, "@"). Hand-written: no installed library formats Excel
 * codes without a workbook engine around it, and the playground needs only these.
 */
export function formatValue(
  v: number | string | boolean | { error: string } | null,
  numberFormat: string,
  decimal: string,
  group: string
): string {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const fmt = numberFormat.split(";")[v < 0 ? 1 : 0] ?? numberFormat.split(";")[0];
  const neg = v < 0 && !numberFormat.includes(";");
  const abs = Math.abs(v);
  if (fmt === "General" || fmt === "@" || fmt === "") return general(v, decimal);
  const pct = /%/.test(fmt);
  const n = pct ? abs * 100 : abs;
  const m = /([#0,]*0)(?:\.(0+))?/.exec(fmt);
  if (!m) return general(v, decimal);
  const decimals = m[2] ? m[2].length : 0;
  let [int, frac] = n.toFixed(decimals).split(".");
  if (m[1].includes(",")) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = frac ? `${int}${decimal}${frac}` : int;
  const prefix = fmt.slice(0, m.index).replace(/["\\]/g, "");
  const suffix = fmt.slice(m.index + m[0].length).replace(/["\\]/g, "");
  return `${neg ? "-" : ""}${prefix}${body}${suffix}`;
}

function general(v: number, decimal: string): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const s =
    Math.abs(v) >= 1e11 || (Math.abs(v) < 1e-9 && v !== 0)
      ? v.toExponential(5)
      : String(Number(v.toPrecision(10)));
  return s.replace(".", decimal);
}
