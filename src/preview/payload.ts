/**
 * What the pane hands to the preview dialog: the sheets to show, as the SheetSpecs the ranking and
 * covenant builders produce, under one localStorage key. localStorage, not messageChild or the URL:
 * office-js-helpers' Dialog keeps the Office dialog to itself (no messageChild, which would also need
 * DialogApi 1.2), and a ranking of forty units is too long for a URL Office accepts. The pane and the
 * dialog are pages of one origin, so they share the storage (Office on the web partitions it: both
 * sides prefix the key with Office.context.partitionKey).
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
