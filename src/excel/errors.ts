/**
 * The one map from what Excel and the adapter throw to the catalogue's codes (src/sheets/errors.ts):
 * the pane's service, its error bar and the ribbon command all ask here, so a protected sheet is
 * "sheet-protected" whichever button met it.
 */
import { isErrorCode, type ErrorCode } from "../sheets/errors";
import { ExcelAdapterError, officeCode, type ExcelAdapterErrorCode } from "./host";

const ADAPTER: Record<ExcelAdapterErrorCode, ErrorCode> = {
  "sheet-not-found": "no-score-sheet",
  "no-score-sheet": "no-score-sheet",
  "sheet-protected": "sheet-protected",
  "bad-address": "no-selection",
  // Reads already go in blocks under the payload limit: what is still too large is not the user's to fix.
  "too-large": "unexpected",
  excel: "unexpected",
};

/** The catalogue code of any failure; "unexpected" when nothing the user can do is known. */
export function errorCodeOf(e: unknown): ErrorCode {
  if (e instanceof ExcelAdapterError) return ADAPTER[e.code] ?? "unexpected";
  // The pane's own failures already carry a catalogue code; Office's codes are never kebab-case.
  const own = (e as { code?: unknown } | null)?.code;
  if (isErrorCode(own)) return own;
  const office = officeCode(e);
  if (office === "AccessDenied") return "sheet-protected";
  if (office === "InvalidOperationInCellEditMode") return "busy";
  return "unexpected";
}
