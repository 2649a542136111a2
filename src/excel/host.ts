/**
 * What src/excel needs of the `Excel` namespace: `run`. Office's own `Excel` satisfies it, and so does
 * the simulator's (tests, playground), so the adapter never touches a global.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The part of `Office` the adapter reads (absent outside Office). */
export interface OfficeHost {
  context: { displayLanguage: string };
}

export type ExcelAdapterErrorCode =
  "sheet-not-found" | "sheet-protected" | "bad-address" | "no-score-sheet" | "too-large" | "excel";

/**
 * A failure the user can act on, with what (sheet name, address) in `detail`. The task pane turns the
 * code into a sentence in the user's language; `cause` keeps Office's own error for the log.
 */
export class ExcelAdapterError extends Error {
  constructor(
    readonly code: ExcelAdapterErrorCode,
    readonly detail?: string,
    readonly cause?: unknown,
    /** For "no-score-sheet": the engine's reasons, already in the user's language. */
    readonly reasons: string[] = []
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "ExcelAdapterError";
  }
}

/** Office errors carry `code` ("ItemNotFound", "InvalidOperation"…). */
export function officeCode(e: unknown): string | undefined {
  return e && typeof e === "object" && typeof (e as { code?: unknown }).code === "string"
    ? (e as { code: string }).code
    : undefined;
}

/** Maps Office's failures to ours, keeping anything else as is. */
export function translateOfficeError(e: unknown, detail?: string): unknown {
  if (e instanceof ExcelAdapterError) return e;
  const code = officeCode(e);
  if (code === "ItemNotFound") return new ExcelAdapterError("sheet-not-found", detail, e);
  // A sheet protected with a password we do not know: Office answers AccessDenied or InvalidOperation.
  if (
    (code === "InvalidOperation" || code === "AccessDenied") &&
    /protect|password/i.test(String((e as Error).message))
  )
    return new ExcelAdapterError("sheet-protected", detail, e);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded")
    return new ExcelAdapterError("too-large", detail, e);
  return e;
}
