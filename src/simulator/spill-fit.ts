/**
 * Spills sized by their result, as Excel sizes them. HyperFormula fixes a spill's size when it parses
 * the formula, before any value exists, so THIDUA.VALIDATE reserves room for the longest list of issues
 * a table could raise: a lone "OK" with a note typed beside it showed #SPILL! where Excel shows OK.
 * After each recalculation the formulas whose result no longer matches the room reserved are entered
 * again with the size their result has; one whose room is taken (#SPILL!) is first entered as one cell,
 * so it is computed again: its result may have shrunk to "OK" since.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { engineFunctions, type SpillSize } from "./engine-functions";

/** A cell of the engine: HyperFormula's sheet id, 0-based row and column. */
interface At {
  sheet: number;
  row: number;
  col: number;
}

const ONE: SpillSize = { width: 1, height: 1 };

function parseKey(key: string): At {
  const [sheet, row, col] = key.split(":").map(Number);
  return { sheet, row, col };
}

function formulaAt(hf: HyperFormula, at: At): string | undefined {
  try {
    return hf.getCellFormula(at);
  } catch {
    // The sheet is gone.
    return undefined;
  }
}

function isBlocked(hf: HyperFormula, at: At): boolean {
  const v = hf.getCellValue(at);
  return v instanceof DetailedCellError && v.value === "#SPILL!";
}

/** The room HyperFormula reserved for the formula at `at` (one cell for a blocked spill). */
function reserved(hf: HyperFormula, at: At): SpillSize {
  const v = hf.arrayMapping.getArrayByCorner(at);
  return v ? { width: v.width, height: v.height } : ONE;
}

const same = (a: SpillSize, b: SpillSize): boolean => a.width === b.width && a.height === b.height;

/**
 * Re-enters the THIDUA.VALIDATE formulas whose reserved room differs from their result until every one
 * spills its result or is blocked by a cell in the way. A few rounds at most: each formula is probed
 * once, then entered at its result's size.
 */
export function fitResultSpills(hf: HyperFormula): void {
  const functions = engineFunctions();
  if (!functions) return;
  const sizes = functions.resultSizesOf(hf.dependencyGraph);
  if (sizes.anchors.size === 0) return;
  const probed = new Set<string>();
  for (let round = 0; round < 4; round++) {
    const again: { at: At; formula: string }[] = [];
    for (const key of [...sizes.anchors]) {
      const at = parseKey(key);
      const formula = formulaAt(hf, at);
      if (formula === undefined || !functions.sizedByResult.test(formula)) {
        sizes.anchors.delete(key);
        sizes.natural.delete(key);
        sizes.fit.delete(key);
        continue;
      }
      if (isBlocked(hf, at)) {
        if (probed.has(key)) continue;
        probed.add(key);
        sizes.fit.set(key, ONE);
        again.push({ at, formula });
        continue;
      }
      const natural = sizes.natural.get(key) ?? ONE;
      if (same(natural, reserved(hf, at))) continue;
      sizes.fit.set(key, natural);
      again.push({ at, formula });
    }
    if (again.length === 0) return;
    hf.suspendEvaluation();
    try {
      for (const { at, formula } of again) hf.setCellContents(at, formula);
    } finally {
      hf.resumeEvaluation();
    }
  }
}
