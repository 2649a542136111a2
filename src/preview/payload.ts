/**
 * What the pane hands to the preview dialog: the sheets to show, as the SheetSpecs the ranking and
 * covenant builders produce. Two ways, by where Excel runs:
 * - localStorage under a one-time key, read by the dialog page: office-js-helpers' Dialog keeps the
 *   Office dialog to itself (no messageChild), and a ranking of forty units is too long for a URL.
 *   The pane and the dialog are pages of one origin and share the storage in Excel for Windows and
 *   Mac (and in the playground);
 * - messageChild, once the dialog says "ready" (preview.html?via=child): Office on the web partitions
 *   storage, so its dialog window cannot see the pane's localStorage.
 */
import type { Lang } from "../core/i18n";
import type { SheetSpec } from "../sheets/spec";

export interface PreviewPage {
  /** The heading above the page ("Bảng xếp hạng", "Giao ước thi đua"). */
  title: string;
  spec: SheetSpec;
}

export interface PreviewPayload {
  version: 1;
  lang: Lang;
  /** How numbers are written: "8,5" in a Vietnamese Excel, "8.5" in an English one. */
  decimal: "," | ".";
  pages: PreviewPage[];
}

export const PREVIEW_KEY_PREFIX = "thidua.preview.";

/** The storage key for one preview; `partitionKey` is Office's, when it partitions storage. */
export function previewKey(id: string, partitionKey?: string | null): string {
  return `${partitionKey ? `${partitionKey}` : ""}${PREVIEW_KEY_PREFIX}${id}`;
}

/** The payload under `key`, or null when it is missing or not ours. */
export function readPayload(storage: Pick<Storage, "getItem">, key: string): PreviewPayload | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const p = JSON.parse(raw) as PreviewPayload;
    return p && p.version === 1 && Array.isArray(p.pages) ? p : null;
  } catch {
    return null;
  }
}

/**
 * The frame element's property through which a page that embeds dialogs as frames (the playground's
 * simulated Excel, simulator/dialog.ts) lends its Office. Spelled here, not imported: the page Office
 * opens must not carry the simulator; test/preview/preview.test.ts holds the two spellings equal.
 */
export const DIALOG_OFFICE_PROPERTY = "thiduaOffice";
