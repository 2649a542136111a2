/**
 * RANK, RANK.EQ and RANK.AVG for HyperFormula 3.5, which lacks them (MACHINE.md). Score sheets in the
 * wild use them, so the simulator must compute what Excel computes: descending by default, non-numbers
 * in the reference ignored, #N/A when the number is not in the reference, ties share the best rank
 * (RANK.EQ) or the average of the ranks they span (RANK.AVG).
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
} from "hyperformula";

type Interp = any;

function numberOf(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  // HyperFormula wraps formatted numbers (currency, percent, dates) in objects carrying `val`.
  if (v && typeof v === "object" && typeof (v as { val?: unknown }).val === "number") {
    return (v as { val: number }).val;
  }
  return undefined;
}

function rankOf(target: number, ref: any, order: number, average: boolean): number | CellError {
  const values: unknown[] = ref.valuesFromTopLeftCorner();
  let before = 0;
  let equal = 0;
  for (const v of values) {
    if (v instanceof CellError) return v;
    const n = numberOf(v);
    if (n === undefined) continue;
    if (n === target) equal++;
    else if (order === 0 ? n > target : n < target) before++;
  }
  if (equal === 0) return new CellError(ErrorType.NA, "RANK: the number is not in the reference");
  return average ? before + (equal + 1) / 2 : before + 1;
}

const PARAMS = [
  { argumentType: FunctionArgumentType.NUMBER },
  { argumentType: FunctionArgumentType.RANGE },
  { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
];

export class RankPlugin extends FunctionPlugin {
  static implementedFunctions = {
    RANK: { method: "rankEq", parameters: PARAMS },
    "RANK.EQ": { method: "rankEq", parameters: PARAMS },
    "RANK.AVG": { method: "rankAvg", parameters: PARAMS },
  };

  rankEq(ast: Interp, state: Interp): Interp {
    return this.runFunction(
      ast.args,
      state,
      this.metadata(ast.procedureName),
      (n: number, ref: any, order: number) => rankOf(n, ref, order, false)
    );
  }

  rankAvg(ast: Interp, state: Interp): Interp {
    return this.runFunction(
      ast.args,
      state,
      this.metadata("RANK.AVG"),
      (n: number, ref: any, order: number) => rankOf(n, ref, order, true)
    );
  }
}

export const RANK_TRANSLATIONS = {
  enGB: { RANK: "RANK", "RANK.EQ": "RANK.EQ", "RANK.AVG": "RANK.AVG" },
};

let registered = false;

/** Idempotent: HyperFormula's registry is global and refuses a second registration. */
export function registerRankPlugin(): void {
  if (registered) return;
  if (!HyperFormula.getRegisteredFunctionNames("enGB").includes("RANK.EQ")) {
    HyperFormula.registerFunctionPlugin(RankPlugin, RANK_TRANSLATIONS);
  }
  registered = true;
}
