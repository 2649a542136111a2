/**
 * The THIDUA.* functions inside HyperFormula: one function plugin that calls the very same
 * implementations Excel calls (functions.ts), so the simulator, the playground and our tests compute
 * what Excel will. HyperFormula accepts dotted function names ("RANK.EQ" is one of its own), so
 * "THIDUA.TOTAL(" parses as typed; the Vietnamese display names (THIDUA.TONGDIEM…) are registered as
 * aliases so a formula typed in a Vietnamese Excel computes too.
 *
 * Spills: HyperFormula must know a result's size when it PARSES the formula (sizeOfResultArrayMethod),
 * before any value exists. TOTAL, RANK and RANKING have sizes the argument ranges decide. VALIDATE's
 * row count depends on the issues found, so the bridge reserves (units + 1) × (rows + 1) rows, more than
 * a table raises in practice (one per score cell, per criterion row and per unit); HyperFormula leaves
 * the unused rows blank, as Excel leaves the cells under a shorter spill. The reserved area must be free
 * in the sheet, or HyperFormula reports #SPILL!. A host that re-enters the formula once its result is
 * known (the simulator does, see resultSizesOf) gets the size Excel spills instead: one cell for "OK".
 */
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
} from "hyperformula";
import { columnLetter } from "../core/grid";
import * as fns from "./functions";
import { isErrorLike } from "./errors";

type Interp = any;

/** HyperFormula's error types as the text Excel shows (what core's CellError carries). */
const ERROR_TEXT: Record<string, string> = {
  DIV_BY_ZERO: "#DIV/0!",
  NA: "#N/A",
  NAME: "#NAME?",
  NUM: "#NUM!",
  REF: "#REF!",
  VALUE: "#VALUE!",
  NULL: "#NULL!",
  CYCLE: "#CYCLE!",
  SPILL: "#SPILL!",
  ERROR: "#ERROR!",
  LIC: "#LIC!",
};

const ERROR_TYPE: Record<string, ErrorType> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#N/A": ErrorType.NA,
  "#NAME?": ErrorType.NAME,
  "#NUM!": ErrorType.NUM,
  "#REF!": ErrorType.REF,
  "#VALUE!": ErrorType.VALUE,
};

/** One HyperFormula value as Excel hands it to a custom function. */
function toExcelValue(v: any): any {
  if (v instanceof CellError)
    return { code: ERROR_TEXT[v.type] ?? `#${v.type}`, message: v.message };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  // Formatted numbers (percent, currency, dates) are objects carrying `val`.
  if (v && typeof v === "object" && typeof v.val === "number") return v.val;
  // EmptyValue (a symbol) and anything unknown: Excel passes "" for a blank cell in a range.
  return "";
}

/** A range argument (or a scalar where a range is allowed) as Excel's any[][]. */
function toMatrix(arg: any): any[][] {
  if (arg instanceof SimpleRangeValue) return arg.rawData().map((row) => row.map(toExcelValue));
  if (arg === undefined) return [];
  return [[toExcelValue(arg)]];
}

/** Excel's null for an omitted optional argument. */
function toOptional(arg: any): any {
  if (arg === undefined) return null;
  if (arg instanceof SimpleRangeValue) return toMatrix(arg);
  return toExcelValue(arg);
}

function toCellError(e: { code: string; message?: string }): CellError {
  return new CellError(ERROR_TYPE[e.code] ?? ErrorType.VALUE, e.message);
}

function fromExcelValue(v: any): any {
  if (isErrorLike(v)) return toCellError(v);
  if (v === null || v === undefined) return "";
  return v;
}

/**
 * A function's result as HyperFormula wants it; a thrown ErrorLike becomes a CellError. `maxRows` is
 * the size HyperFormula reserved at parse time: a shorter result leaves the rest blank (as in Excel);
 * a longer one would be cut silently, so its last reserved row says how many rows are missing.
 */
function call(body: () => any, maxRows = Infinity): any {
  let out: any;
  try {
    out = body();
  } catch (e) {
    if (isErrorLike(e)) return toCellError(e);
    return new CellError(ErrorType.VALUE, e instanceof Error ? e.message : String(e));
  }
  if (!Array.isArray(out)) return fromExcelValue(out);
  let rows: any[][] = out.map((row: any[]) => row.map(fromExcelValue));
  if (rows.length > maxRows) {
    const more = rows.length - maxRows + 1;
    rows = rows.slice(0, maxRows - 1);
    rows.push(["…", "", `+${more}`]);
  }
  return SimpleRangeValue.onlyValues(rows);
}

const RANGE = { argumentType: FunctionArgumentType.RANGE };
const OPTIONAL_ANY = { argumentType: FunctionArgumentType.ANY, optionalArg: true };
const OPTIONAL_SCALAR = { argumentType: FunctionArgumentType.SCALAR, optionalArg: true };

/** A spill's size: columns × rows. */
export interface SpillSize {
  width: number;
  height: number;
}

/**
 * VALIDATE's sizes in one engine, by anchor cell ("sheet:row:col"): every anchor parsed, the size its
 * last result had (`natural`) and the size to reserve when it is next parsed (`fit`, set by the host).
 */
export interface ResultSizes {
  anchors: Set<string>;
  natural: Map<string, SpillSize>;
  fit: Map<string, SpillSize>;
}

const RESULT_SIZES = new WeakMap<object, ResultSizes>();

/** The sizes of one engine, keyed by its dependency graph (what a plugin instance and the host share). */
export function resultSizesOf(dependencyGraph: object): ResultSizes {
  let s = RESULT_SIZES.get(dependencyGraph);
  if (!s) {
    s = { anchors: new Set(), natural: new Map(), fit: new Map() };
    RESULT_SIZES.set(dependencyGraph, s);
  }
  return s;
}

function anchorKey(a: { sheet: number; row: number; col: number }): string {
  return `${a.sheet}:${a.row}:${a.col}`;
}

/** The ids (English, as in functions.json) and the Vietnamese display names (functions-vi.json). */
export const THIDUA_NAMES: Record<string, string> = {
  TOTAL: "TONGDIEM",
  RANK: "XEPHANG",
  RANKING: "BANGXEPHANG",
  VALIDATE: "KIEMTRA",
  CLASSIFY: "XEPLOAI",
  NUMBER: "CHUYENSO",
  UNICODE: "CHUYENMA",
};

export class ThiduaPlugin extends FunctionPlugin {
  static implementedFunctions = {
    "THIDUA.TOTAL": {
      method: "thiduaTotal",
      sizeOfResultArrayMethod: "thiduaTotalSize",
      parameters: [RANGE, RANGE, OPTIONAL_SCALAR, OPTIONAL_SCALAR],
      vectorizationForbidden: true,
    },
    "THIDUA.RANK": {
      method: "thiduaRank",
      sizeOfResultArrayMethod: "thiduaRankSize",
      parameters: [RANGE, RANGE, OPTIONAL_SCALAR],
      vectorizationForbidden: true,
    },
    "THIDUA.RANKING": {
      method: "thiduaRanking",
      sizeOfResultArrayMethod: "thiduaRankingSize",
      parameters: [RANGE, RANGE, OPTIONAL_ANY, OPTIONAL_SCALAR, OPTIONAL_SCALAR],
      vectorizationForbidden: true,
    },
    "THIDUA.VALIDATE": {
      method: "thiduaValidate",
      sizeOfResultArrayMethod: "thiduaValidateSize",
      parameters: [RANGE, RANGE, OPTIONAL_ANY],
      vectorizationForbidden: true,
    },
    "THIDUA.CLASSIFY": {
      method: "thiduaClassify",
      parameters: [
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.SCALAR },
        OPTIONAL_ANY,
      ],
      vectorizationForbidden: true,
    },
    "THIDUA.NUMBER": {
      method: "thiduaNumber",
      parameters: [{ argumentType: FunctionArgumentType.SCALAR }, OPTIONAL_SCALAR],
    },
    "THIDUA.UNICODE": {
      method: "thiduaUnicode",
      parameters: [{ argumentType: FunctionArgumentType.SCALAR }, OPTIONAL_SCALAR],
    },
  };

  static aliases = Object.fromEntries(
    Object.entries(THIDUA_NAMES).map(([id, vi]) => [`THIDUA.${vi}`, `THIDUA.${id}`])
  );

  /**
   * The size of argument i. HyperFormula marks a plain range reference `isRef`, which it would read as
   * "scalar result"; our results are fresh arrays, so only the dimensions are kept.
   */
  private size(ast: Interp, state: Interp, i: number): ArraySize {
    const arg = ast.args[i];
    if (arg === undefined) return ArraySize.error();
    const s = this.arraySizeForAst(arg, state);
    return new ArraySize(s.width, s.height);
  }

  private run(ast: Interp, state: Interp, body: (...args: any[]) => any): Interp {
    // A Vietnamese alias (THIDUA.TONGDIEM) carries its own name; the metadata is the id's.
    const name: string = ast.procedureName;
    const id = (ThiduaPlugin.aliases as Record<string, string>)[name] ?? name;
    return this.runFunction(ast.args, state, this.metadata(id), body);
  }

  thiduaTotal(ast: Interp, state: Interp): Interp {
    return this.run(ast, state, (criteria: any, scores: any, precision: any, cap: any) =>
      call(() =>
        fns.total(toMatrix(criteria), toMatrix(scores), toOptional(precision), toOptional(cap))
      )
    );
  }

  thiduaTotalSize(ast: Interp, state: Interp): ArraySize {
    return new ArraySize(this.size(ast, state, 1).width, 1);
  }

  thiduaRank(ast: Interp, state: Interp): Interp {
    return this.run(ast, state, (total: any, totals: any, precision: any) =>
      call(() => fns.rank(toMatrix(total), toMatrix(totals), toOptional(precision)))
    );
  }

  thiduaRankSize(ast: Interp, state: Interp): ArraySize {
    return this.size(ast, state, 0);
  }

  thiduaRanking(ast: Interp, state: Interp): Interp {
    return this.run(
      ast,
      state,
      (criteria: any, scores: any, units: any, precision: any, cap: any) =>
        call(() =>
          fns.ranking(
            toMatrix(criteria),
            toMatrix(scores),
            toOptional(units),
            toOptional(precision),
            toOptional(cap)
          )
        )
    );
  }

  thiduaRankingSize(ast: Interp, state: Interp): ArraySize {
    const scores = this.size(ast, state, 1);
    return new ArraySize(5, Math.max(1, scores.width));
  }

  /** "'Sheet'!D4" for a cell of this engine, as Excel writes Invocation addresses. */
  private address(a: { sheet: number; row: number; col: number } | undefined): string | undefined {
    if (!a) return undefined;
    const name: string | undefined = (this.dependencyGraph as any).sheetMapping.getSheetName(
      a.sheet
    );
    if (name === undefined) return undefined;
    return `'${name.replace(/'/g, "''")}'!${columnLetter(a.col)}${a.row + 1}`;
  }

  thiduaValidate(ast: Interp, state: Interp): Interp {
    const size = this.thiduaValidateSize(ast, state);
    const sizes = resultSizesOf(this.dependencyGraph);
    const at = anchorKey(state.formulaAddress);
    // An error (bad arguments) is one cell, like the "OK".
    sizes.natural.set(at, { width: 1, height: 1 });
    return this.run(ast, state, (criteria: any, scores: any, units: any) => {
      // What Excel's @requiresAddress / @requiresParameterAddresses hand the function.
      const invocation = {
        address: this.address(state.formulaAddress),
        parameterAddresses: [criteria, scores].map((r: any) => this.address(r?.range?.start)),
      } as any;
      return call(() => {
        const out = fns.validate(
          toMatrix(criteria),
          toMatrix(scores),
          toOptional(units),
          invocation
        );
        sizes.natural.set(at, {
          width: Math.max(1, ...out.map((row) => row.length)),
          height: Math.max(1, out.length),
        });
        return out;
      }, size.height);
    });
  }

  thiduaValidateSize(ast: Interp, state: Interp): ArraySize {
    const sizes = resultSizesOf(this.dependencyGraph);
    const at = anchorKey(state.formulaAddress);
    sizes.anchors.add(at);
    const fit = sizes.fit.get(at);
    if (fit) return new ArraySize(fit.width, fit.height);
    const scores = this.size(ast, state, 1);
    return new ArraySize(3, (scores.width + 1) * (scores.height + 1));
  }

  thiduaClassify(ast: Interp, state: Interp): Interp {
    return this.run(ast, state, (total: any, maxTotal: any, bands: any) =>
      call(() => fns.classify(toExcelValue(total), toExcelValue(maxTotal), toOptional(bands)))
    );
  }

  thiduaNumber(ast: Interp, state: Interp): Interp {
    return this.run(ast, state, (text: any, sep: any) =>
      call(() => fns.number(toExcelValue(text), toOptional(sep)))
    );
  }

  thiduaUnicode(ast: Interp, state: Interp): Interp {
    return this.run(ast, state, (text: any, font: any) =>
      call(() => fns.unicode(toExcelValue(text), toOptional(font)))
    );
  }
}

/** HyperFormula needs a name per language it may run in; the ids are the same in every one. */
const ALL_NAMES: Record<string, string> = Object.fromEntries(
  [...Object.keys(ThiduaPlugin.implementedFunctions), ...Object.keys(ThiduaPlugin.aliases)].map(
    (n) => [n, n]
  )
);

/** The translations to pass with the plugin (HyperFormula's default language is enGB). */
export const THIDUA_TRANSLATIONS: Record<string, Record<string, string>> = { enGB: ALL_NAMES };

interface HyperFormulaStatics {
  registerFunctionPlugin(plugin: any, translations?: any): void;
  getRegisteredFunctionNames(code: string): string[];
}

/**
 * Register the plugin on a HyperFormula class (the simulator passes its own import, so two copies of
 * the package never disagree). Idempotent: HyperFormula's registry is global and throws on a second
 * registration of the same names.
 */
export function registerThiduaFunctions(HyperFormulaClass: HyperFormulaStatics): void {
  if (HyperFormulaClass.getRegisteredFunctionNames("enGB").includes("THIDUA.TOTAL")) return;
  HyperFormulaClass.registerFunctionPlugin(ThiduaPlugin, THIDUA_TRANSLATIONS);
}

/**
 * What a host of the engine (the simulator) is given: the plugin, the sizes its spills had and which
 * formulas Excel sizes by their result (VALIDATE: one cell for "OK", a row per issue otherwise).
 */
export const THIDUA_ENGINE_FUNCTIONS = {
  register: registerThiduaFunctions,
  resultSizesOf,
  sizedByResult: new RegExp(`\\bTHIDUA\\.(VALIDATE|${THIDUA_NAMES.VALIDATE})\\s*\\(`, "i"),
};
