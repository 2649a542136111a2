/**
 * One numeric policy (STYLE.md 9): totals keep full precision inside and are rounded once, here, before
 * they are compared or shown (R10), so what the sheet shows is what ranks.
 */

/**
 * Round half away from zero at `precision` decimals (R10). Excel's ROUND does the same; `Math.round`
 * alone rounds -2.5 to -2 and 1.005 to 1 (binary 1.00499…), so the magnitude is rounded with a
 * relative nudge far below any precision in use, which absorbs the binary noise of typed decimals.
 */
export function roundAt(x: number, precision: number): number {
  if (!Number.isFinite(x)) return x;
  const p = Math.max(0, Math.min(10, Math.trunc(precision)));
  const f = 10 ** p;
  const y = Math.abs(x) * f;
  // A nudge of ~1e-14 relative lifts 100.49999999999999 (1.005 × 100) to the half it stands for, as
  // cutting to 15 significant digits would, without a string round trip per call.
  const r = Math.floor(y + 0.5 + Math.max(1, y) * 1e-14) / f;
  return x < 0 ? -r : r;
}

/** Equal at the sheet precision: 0.1 + 0.2 and 0.3 tie (R10). */
export function sameAt(a: number, b: number, precision: number): boolean {
  return roundAt(a, precision) === roundAt(b, precision);
}

/**
 * A tolerance for comparing sums of typed decimals (R1, R2): far below any precision an office uses,
 * far above the binary noise of adding a few hundred values.
 */
export const EPSILON = 1e-9;

/**
 * R2 at the sheet's precision: a typed subtotal or total agrees with the recomputed one when they show
 * the same, or differ by one unit of the last decimal shown (87,67 typed for 87,66 recomputed): offices
 * round each part before adding, which is not an error at that precision.
 */
export function typedAgrees(typed: number, computed: number, precision: number): boolean {
  const a = roundAt(typed, precision);
  const b = roundAt(computed, precision);
  return a === b || Math.abs(a - b) <= 10 ** -precision + EPSILON;
}

/** Show a number the Vietnamese way ("87,75") or the English way ("87.75"), without trailing zeros. */
export function formatScore(x: number, precision: number, lang: "vi" | "en"): string {
  const s = String(roundAt(x, precision));
  return lang === "vi" ? s.replace(".", ",") : s;
}
