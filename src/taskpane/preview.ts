/**
 * The pane's side of the print preview, loaded on demand (webpackChunkName "print-preview") so that
 * office-js-helpers stays out of the pane's bundle: builds the ranking and the covenant as the sheet
 * builders write them, leaves them for the dialog page under a one-time localStorage key, and opens
 * preview.html in a large Office dialog through office-js-helpers' Dialog.
 */
import { Dialog } from "@microsoft/office-js-helpers";
import { defineStrings, type Lang } from "../core/i18n";
import type { ClusterProfile } from "../core/profile";
import { withTitle } from "../core/title";
import { previewKey, PREVIEW_KEY_PREFIX, type PreviewPayload } from "../preview/payload";
import { buildCovenantSheet, buildRankingSheet } from "../sheets";
import { givenBy } from "../sheets/rank-workbook";
import { ServiceError, type PreviewHandle, type Reading } from "./service";

export const PRINT_PREVIEW_STRINGS = defineStrings(
  "taskpane.preview",
  {
    ranking: "Bảng xếp hạng",
    covenant: "Giao ước thi đua",
    noDialog:
      "Phiên bản Excel này chưa mở được cửa sổ xem trước (cần DialogApi 1.1). Hãy dùng “Tạo trang giao ước” hoặc “Tạo bảng xếp hạng” rồi xem bản in ngay trong Excel.",
    blocked:
      "Excel không mở được cửa sổ xem trước ({detail}). Hãy đóng cửa sổ THIDUA khác đang mở, cho phép cửa sổ bật lên với trang này rồi bấm lại.",
  },
  {
    ranking: "Ranking",
    covenant: "Emulation covenant",
    noDialog:
      "This version of Excel cannot open the preview window (DialogApi 1.1 is needed). Use “Create covenant sheet” or “Build ranking” and preview the print in Excel itself.",
    blocked:
      "Excel could not open the preview window ({detail}). Close any other THIDUA window, allow pop-ups for this page, and press the button again.",
  }
);

/** The part of office.js the preview uses: the dialog API, its requirement set, the storage key. */
export interface DialogOffice {
  context: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    partitionKey?: string;
    ui?: { displayDialogAsync: unknown };
  };
}

export interface OpenPreviewInput {
  office: DialogOffice | undefined;
  reading: Reading;
  profile: ClusterProfile;
  lang: Lang;
  date: Date;
  /** Where the pane is served from (location.href); preview.html sits beside taskpane.html. */
  pageUrl?: string;
  storage?: Storage;
}

/** Large enough for an A4 page at 100 %: the helpers' Dialog shrinks it to the screen. */
const DIALOG_WIDTH = 1100;
const DIALOG_HEIGHT = 1400;
/** Office's DialogEventReceived code when the user closes the dialog with its X. */
const CLOSED_BY_USER = 12006;

/** The preview's payload: the ranking (when there are units) and the covenant, as Excel would print them. */
export function previewPayload(
  reading: Reading,
  profile: ClusterProfile,
  lang: Lang,
  date: Date
): PreviewPayload {
  const t = (k: "ranking" | "covenant"): string => PRINT_PREVIEW_STRINGS.t(lang, k);
  // The same year and cluster the ranking sheet gets: the sheet's own title fills what is not set.
  const filled = reading.title ? withTitle(profile, reading.title, givenBy(profile)) : profile;
  const pages: PreviewPayload["pages"] = [];
  if (reading.report.units.length > 0)
    pages.push({
      title: t("ranking"),
      spec: buildRankingSheet(reading.report, filled, {
        mode: "values",
        date,
        sourceSheets: reading.report.sheets,
        lang,
      }),
    });
  pages.push({
    title: t("covenant"),
    spec: buildCovenantSheet(filled, reading.report.criteria, { date, lang }),
  });
  return { version: 1, lang, decimal: lang === "vi" ? "," : ".", pages };
}

/** The dialog's address: Office opens only https pages of the add-in's own domain. */
export function previewUrl(pageUrl: string, id: string, lang: Lang): string {
  const url = new URL("preview.html", pageUrl);
  // The pane is always served over https inside Office; the playground's http page asks for the
  // same address, which its simulated Office opens on its own origin.
  url.protocol = "https:";
  url.search = new URLSearchParams({ key: id, lang }).toString();
  return url.toString();
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Makes `office` the global the helpers read, until the returned function puts back what was there:
 * the Dialog's callbacks read Office.EventType and Office.AsyncResultStatus as long as it is open.
 */
function lendGlobalOffice(office: DialogOffice): () => void {
  const g = globalThis as unknown as { Office?: unknown };
  if (g.Office === office) return () => undefined;
  const had = "Office" in g;
  const before = g.Office;
  g.Office = office;
  return () => {
    if (g.Office !== office) return;
    if (had) g.Office = before;
    else delete g.Office;
  };
}

/**
 * Opens the preview. Resolves once Office has been asked to show it; `closed` settles when the user
 * closes it (rejecting with a ServiceError when Office could not open it at all).
 */
export function openPrintPreview(input: OpenPreviewInput): PreviewHandle {
  const { office, lang } = input;
  const t = PRINT_PREVIEW_STRINGS.t.bind(PRINT_PREVIEW_STRINGS);
  const supported = office?.context?.requirements?.isSetSupported("DialogApi", "1.1") ?? false;
  if (!office || !office.context.ui || !supported)
    throw new ServiceError("not-supported", t(lang, "noDialog"));
  const storage = input.storage ?? globalThis.localStorage;
  // A preview left behind by a pane that closed with its dialog open.
  for (let i = storage.length - 1; i >= 0; i--) {
    const k = storage.key(i);
    if (k && k.includes(PREVIEW_KEY_PREFIX)) storage.removeItem(k);
  }
  const id = randomId();
  const key = previewKey(id, office.context.partitionKey);
  storage.setItem(
    key,
    JSON.stringify(previewPayload(input.reading, input.profile, lang, input.date))
  );
  const url = previewUrl(input.pageUrl ?? globalThis.location.href, id, lang);
  // office-js-helpers reads office.js's global; the playground hands its Office to the pane instead.
  const giveBack = lendGlobalOffice(office);
  let result: Promise<string>;
  try {
    result = new Dialog<string>(url, DIALOG_WIDTH, DIALOG_HEIGHT).result;
  } catch (e) {
    giveBack();
    storage.removeItem(key);
    throw e;
  }
  const closed = result.then(
    () => undefined,
    (e: { innerError?: unknown; message?: string }) => {
      if (e?.innerError === CLOSED_BY_USER) return undefined;
      const code = (e?.innerError as { code?: number } | undefined)?.code ?? e?.innerError;
      throw new ServiceError(
        "not-supported",
        t(lang, "blocked", { detail: `${e?.message ?? ""} ${code ?? ""}`.trim() })
      );
    }
  );
  const done = (): void => {
    storage.removeItem(key);
    giveBack();
  };
  closed.then(done, done);
  return { closed };
}
