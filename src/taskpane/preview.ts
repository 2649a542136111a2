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

/** The part of office.js the preview uses: the dialog API, its requirement sets, the storage partition. */
export interface DialogOffice {
  context: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    partitionKey?: string;
    ui?: { displayDialogAsync: unknown };
  };
}

/** The dialog as Office's own API hands it over (the route without the helpers). */
interface OfficeDialog {
  addEventHandler(
    type: string,
    handler: (args: { message?: string; error?: number }) => void
  ): void;
  messageChild(message: string): void;
  close(): void;
}

type DisplayDialog = (
  url: string,
  options: { width: number; height: number },
  callback: (r: {
    status: string;
    value: OfficeDialog;
    error?: { code: number; message: string };
  }) => void
) => void;

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

/** The keys of the previews this pane has open. */
const openKeys = new Set<string>();

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

/**
 * The dialog's address: Office opens only https pages of the add-in's own domain. `child`: the pages
 * come by messageChild once the dialog says it is ready, not from localStorage.
 */
export function previewUrl(pageUrl: string, id: string, lang: Lang, child = false): string {
  const url = new URL("preview.html", pageUrl);
  // The pane is always served over https inside Office; the playground's http page asks for the
  // same address, which its simulated Office opens on its own origin.
  url.protocol = "https:";
  url.search = new URLSearchParams({
    key: id,
    lang,
    ...(child ? { via: "child" } : {}),
  }).toString();
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

/** The failure Office reported, in the user's words with Office's own reason and code. */
function refused(lang: Lang, message: string | undefined, code: unknown): ServiceError {
  const detail = `${message ?? ""} ${code ?? ""}`.trim();
  return new ServiceError("not-supported", PRINT_PREVIEW_STRINGS.t(lang, "blocked", { detail }));
}

/**
 * Office on the web partitions storage (it is the only host that gives a partitionKey): the dialog, a
 * window of its own, does not see the pane's localStorage. There the pages go by Office's own
 * displayDialogAsync and messageChild (DialogApi 1.2), which office-js-helpers' Dialog cannot do: it
 * keeps the dialog object to itself and closes the dialog at its first message.
 */
function byMessageChild(
  office: DialogOffice,
  url: string,
  payload: string,
  lang: Lang
): Promise<void> {
  const display = (office.context.ui as { displayDialogAsync: DisplayDialog }).displayDialogAsync;
  return new Promise<void>((resolve, reject) => {
    display(url, { width: 90, height: 90 }, (r) => {
      if (r.status === "failed" || !r.value) {
        reject(refused(lang, r.error?.message, r.error?.code));
        return;
      }
      const dialog = r.value;
      dialog.addEventHandler("dialogMessageReceived", (args) => {
        if (args.message === "ready") {
          dialog.messageChild(payload);
          return;
        }
        dialog.close();
        resolve();
      });
      dialog.addEventHandler("dialogEventReceived", (args) => {
        if (args.error === CLOSED_BY_USER) resolve();
        else reject(refused(lang, undefined, args.error));
      });
    });
  });
}

/** Elsewhere (Excel for Windows and Mac, the playground) the pages wait in localStorage. */
function byHelpers(office: DialogOffice, url: string, lang: Lang): Promise<void> {
  // office-js-helpers reads office.js's global; the playground hands its Office to the pane instead.
  const giveBack = lendGlobalOffice(office);
  let result: Promise<string>;
  try {
    result = new Dialog<string>(url, DIALOG_WIDTH, DIALOG_HEIGHT).result;
  } catch (e) {
    giveBack();
    return Promise.reject(refused(lang, (e as Error)?.message, undefined));
  }
  const closed = result.then(
    () => undefined,
    (e: { innerError?: unknown; message?: string }) => {
      if (e?.innerError === CLOSED_BY_USER) return undefined;
      const code = (e?.innerError as { code?: number } | undefined)?.code ?? e?.innerError;
      throw refused(lang, e?.message, code);
    }
  );
  closed.then(giveBack, giveBack);
  return closed;
}

/**
 * Opens the preview. Returns once Office has been asked to show it; `closed` settles when the user
 * closes it (rejecting with a ServiceError when Office could not open it at all).
 */
export function openPrintPreview(input: OpenPreviewInput): PreviewHandle {
  const { office, lang } = input;
  const req = office?.context?.requirements;
  if (!office || !office.context.ui || !req?.isSetSupported("DialogApi", "1.1"))
    throw new ServiceError("not-supported", PRINT_PREVIEW_STRINGS.t(lang, "noDialog"));
  const payload = JSON.stringify(previewPayload(input.reading, input.profile, lang, input.date));
  const id = randomId();
  const pageUrl = input.pageUrl ?? globalThis.location.href;
  if (office.context.partitionKey && req.isSetSupported("DialogApi", "1.2"))
    return { closed: byMessageChild(office, previewUrl(pageUrl, id, lang, true), payload, lang) };

  const storage = input.storage ?? globalThis.localStorage;
  // A preview left behind by a pane that closed with its dialog open (not one still open here).
  for (let i = storage.length - 1; i >= 0; i--) {
    const k = storage.key(i);
    if (k && k.includes(PREVIEW_KEY_PREFIX) && !openKeys.has(k)) storage.removeItem(k);
  }
  const key = previewKey(id, office.context.partitionKey);
  storage.setItem(key, payload);
  openKeys.add(key);
  const closed = byHelpers(office, previewUrl(pageUrl, id, lang), lang);
  const forget = (): void => {
    openKeys.delete(key);
    storage.removeItem(key);
  };
  closed.then(forget, forget);
  return { closed };
}
