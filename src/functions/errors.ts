/**
 * Failures at the edge of the custom functions. Excel shows only #VALUE! and #N/A with a message, so
 * those are the two codes we use. Inside Excel we build a real CustomFunctions.Error; in Node (tests,
 * the HyperFormula bridge, the CLI) the global does not exist, so an object of the same shape stands in.
 */

export type FailureCode = "#VALUE!" | "#N/A";

/** The shape shared by CustomFunctions.Error and our stand-in: what the bridge converts to a CellError. */
export interface ErrorLike {
  code: string;
  message?: string;
}

export class FunctionFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string
  ) {
    super(message);
    this.name = "FunctionFailure";
  }
}

function hasCustomFunctions(): boolean {
  return typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function";
}

/** The error value a function returns (or puts inside a spilled array). */
export function excelError(code: FailureCode, message: string): ErrorLike {
  if (hasCustomFunctions()) {
    const ec =
      code === "#VALUE!"
        ? CustomFunctions.ErrorCode.invalidValue
        : CustomFunctions.ErrorCode.notAvailable;
    return new CustomFunctions.Error(ec, message);
  }
  return new FunctionFailure(code, message);
}

/** Thrown inside a function body, turned into its error value by `guard`. */
export function fail(code: FailureCode, message: string): never {
  throw new FunctionFailure(code, message);
}

/**
 * Run a function body; a FunctionFailure is rethrown as the error Excel shows (throwing a
 * CustomFunctions.Error is how a function that returns a matrix reports one error for the whole call).
 */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof FunctionFailure) throw excelError(e.code, e.message);
    if (isErrorLike(e)) throw e;
    // Anything else is our bug; the user still gets a cell error rather than a silent wrong number.
    throw excelError("#VALUE!", e instanceof Error ? e.message : String(e));
  }
}

/** True for a CustomFunctions.Error, our stand-in, or any error-shaped value Excel hands us. */
export function isErrorLike(v: unknown): v is ErrorLike {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as ErrorLike).code === "string" &&
    (v as ErrorLike).code.startsWith("#")
  );
}
