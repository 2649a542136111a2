/**
 * The print-preview dialog page (preview.html?key=…&lang=…), opened by the pane through Office's dialog
 * API: it reads the sheets the pane left in localStorage (payload.ts says why there), draws each on an
 * A4 page and, on Đóng, tells the pane through office-js-helpers' Dialog.close, which closes it.
 */
import { Dialog } from "@microsoft/office-js-helpers";
import type { Lang } from "../core/i18n";
import { DIALOG_OFFICE_PROPERTY, previewKey, readPayload, type PreviewPayload } from "./payload";
import { renderPage } from "./render";
import { PREVIEW_STRINGS } from "./strings";

interface PageOffice {
  context?: {
    partitionKey?: string;
    ui?: {
      messageParent(message: string): void;
      addHandlerAsync?(
        type: string,
        handler: (args: { message: string }) => void,
        callback?: (r: { status: string }) => void
      ): void;
    };
  };
  onReady?: () => Promise<unknown>;
}

/** The pages sent by the pane through messageChild (Office on the web: payload.ts says why). */
function fromParent(office: PageOffice | undefined): Promise<PreviewPayload | null> {
  const ui = office?.context?.ui;
  if (!ui?.addHandlerAsync) return Promise.resolve(null);
  const add = ui.addHandlerAsync.bind(ui);
  return new Promise((resolve) => {
    add(
      "dialogParentMessageReceived",
      (args) => resolve(readPayload({ getItem: () => args.message }, "")),
      // Ready only once the handler is in place, or the pages could arrive before it.
      () => ui.messageParent("ready")
    );
  });
}

/** How long a page opened outside Office waits for office.js before showing what it has. */
const OFFICE_WAIT_MS = 3000;

/**
 * office.js's Office, or the one the embedding page lends through the frame element: the playground's
 * simulated Excel opens dialogs as frames in its own page, where office.js has no host to talk to.
 */
async function officeForPage(): Promise<PageOffice | undefined> {
  const w = window as unknown as { Office?: PageOffice };
  let lent: PageOffice | undefined;
  try {
    lent = (window.frameElement as unknown as Record<string, PageOffice> | null)?.[
      DIALOG_OFFICE_PROPERTY
    ];
  } catch {
    lent = undefined; // a frame of another origin: not the playground
  }
  if (lent) {
    // The helpers' Dialog.close reads the global, as it would read office.js's.
    w.Office = lent;
    return lent;
  }
  const own = w.Office;
  if (!own || typeof own.onReady !== "function") return undefined;
  await Promise.race([
    own.onReady().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, OFFICE_WAIT_MS)),
  ]);
  return own;
}

/** Scales a page's sheet down to the paper's width when its print setup says "fit to one page wide". */
function fitToWidth(root: HTMLElement): void {
  for (const page of Array.from(root.querySelectorAll<HTMLElement>("section.page[data-fit='1']"))) {
    const table = page.querySelector("table");
    if (!table) continue;
    const style = getComputedStyle(page);
    const room = page.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const need = table.offsetWidth;
    if (need > room && room > 0) table.style.setProperty("zoom", String(room / need));
  }
}

function show(payload: PreviewPayload | null, lang: Lang): void {
  const t = (k: keyof typeof PREVIEW_STRINGS.vi): string => PREVIEW_STRINGS.t(lang, k);
  const main = document.getElementById("preview-pages");
  if (!main) return;
  if (!payload || payload.pages.length === 0) {
    main.innerHTML = "";
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = t("missing");
    main.appendChild(p);
    return;
  }
  main.innerHTML = payload.pages
    .map((page) => renderPage(page.spec, { title: page.title, decimal: payload.decimal }))
    .join("");
  fitToWidth(main);
}

function closeDialog(): void {
  try {
    // A string: the helpers' parser hands an object's fields back as undefined.
    Dialog.close("closed");
  } catch {
    window.close();
  }
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const lang: Lang = params.get("lang") === "en" ? "en" : "vi";
  const t = (k: keyof typeof PREVIEW_STRINGS.vi): string => PREVIEW_STRINGS.t(lang, k);
  document.documentElement.lang = lang;
  document.title = `THIDUA · ${t("title")}`;
  const set = (id: string, text: string): void => {
    const el = document.getElementById(id);
    if (el) el.textContent = text;
  };
  set("preview-title", t("title"));
  set("preview-hint", t("hint"));
  set("preview-print", t("print"));
  set("preview-close", t("close"));
  document.getElementById("preview-print")?.addEventListener("click", () => window.print());
  document.getElementById("preview-close")?.addEventListener("click", closeDialog);
  // A window over Excel closes with Esc, as Excel's own dialogs do.
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeDialog();
  });

  const office = await officeForPage();
  const id = params.get("key") ?? "";
  if (params.get("via") === "child") show(await fromParent(office), lang);
  else
    show(
      id ? readPayload(localStorage, previewKey(id, office?.context?.partitionKey)) : null,
      lang
    );
  document.getElementById("preview-close")?.focus();
}

void start();
