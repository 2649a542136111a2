/**
 * The add-in's custom functions as the simulated Excel gets them. Excel itself knows no THIDUA.*: the
 * add-in's functions runtime registers them. So here too: whoever plays that runtime (the playground's
 * page, the tests' setup, a benchmark) provides them before a workbook is made, and the simulator
 * imports nothing of the add-in.
 */
import type { HyperFormula } from "hyperformula";

/** A spill's size: columns × rows. */
export interface SpillSize {
  width: number;
  height: number;
}

/**
 * What the functions measured of their spills in one engine, by anchor cell ("sheet:row:col"): every
 * anchor parsed, the size its last result had (`natural`) and the size to reserve when it is next
 * parsed (`fit`, set by the host, see spill-fit.ts).
 */
export interface ResultSizes {
  anchors: Set<string>;
  natural: Map<string, SpillSize>;
  fit: Map<string, SpillSize>;
}

export interface EngineFunctions {
  /** Registers the function plugins with HyperFormula; called for every workbook, so idempotent. */
  register(hf: typeof HyperFormula): void;
  /** The sizes of one engine, keyed by its dependency graph (what a plugin instance and the host share). */
  resultSizesOf(dependencyGraph: object): ResultSizes;
  /** Formulas whose spill Excel sizes by their result, not by their arguments. */
  sizedByResult: RegExp;
}

let provider: (() => EngineFunctions) | null = null;
let provided: EngineFunctions | null = null;

/** Lazy, so a test that makes no workbook loads no function code. */
export function provideEngineFunctions(p: () => EngineFunctions): void {
  provider = p;
  provided = null;
}

/** The functions provided, null when none were (formulas calling them show #NAME?, as in Excel). */
export function engineFunctions(): EngineFunctions | null {
  if (!provided && provider) provided = provider();
  return provided;
}
