/**
 * Office's dialog API (DialogApi 1.1 and messageChild of 1.2) for the simulator: `displayDialogAsync`
 * opens the page in a frame over the host page, with a title bar and a close button, as Excel on the
 * web does. The page inside gets an `Office` of its own (`messageParent`, `onReady`) through its frame
 * element, since office.js is not there to give it one. Error codes and event shapes are Office's, so
 * code written against Office (and @microsoft/office-js-helpers' Dialog) runs unchanged.
 */

export const DIALOG_EVENT_TYPE = {
  DialogMessageReceived: "dialogMessageReceived",
  DialogEventReceived: "dialogEventReceived",
  DialogParentMessageReceived: "dialogParentMessageReceived",
} as const;

export const ASYNC_RESULT_STATUS = { Succeeded: "succeeded", Failed: "failed" } as const;

/** The codes Office reports (learn.microsoft.com, "Errors and events in the Office dialog box"). */
export const DIALOG_ERRORS = {
  /** DialogEventReceived: the page could not be loaded. */
  pageNotFound: 12002,
  /** DialogEventReceived: the user closed the dialog with its X. */
  closedByUser: 12006,
  /** displayDialogAsync: another domain than the host page's. */
  untrustedDomain: 12004,
  /** displayDialogAsync: an http:// URL. */
  httpsRequired: 12005,
  /** displayDialogAsync: a dialog is already open from this page. */
  alreadyOpen: 12007,
  /** displayDialogAsync: nowhere to show it (no document: Node). */
  noWindow: 12011,
} as const;

export interface SimDialogOptions {
  /** Percent of the screen, as Office takes it. */
  width?: number;
  height?: number;
  displayInIframe?: boolean;
  promptBeforeOpen?: boolean;
}

export interface SimAsyncResult<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: { code: number; message: string };
}

export type DialogEventArgs =
  | { type: "dialogMessageReceived"; message: string; origin: string }
  | { type: "dialogEventReceived"; error: number };

export interface SimDialog {
  addEventHandler(type: string, handler: (args: DialogEventArgs) => void): void;
  close(): void;
  messageChild(message: string): void;
}

export interface SimDialogUi {
  displayDialogAsync(
    url: string,
    options?: SimDialogOptions | ((r: SimAsyncResult<SimDialog | undefined>) => void),
    callback?: (r: SimAsyncResult<SimDialog | undefined>) => void
  ): void;
}

/** What the page inside the dialog sees as `Office`. */
export interface DialogPageOffice {
  context: {
    host: string;
    platform: string;
    displayLanguage: string;
    requirements: { isSetSupported(name: string, version?: string): boolean };
    ui: {
      messageParent(message: string): void;
      addHandlerAsync(
        type: string,
        handler: (args: { message: string }) => void,
        callback?: (r: { status: "succeeded" | "failed" }) => void
      ): void;
    };
  };
  EventType: typeof DIALOG_EVENT_TYPE;
  AsyncResultStatus: typeof ASYNC_RESULT_STATUS;
  onReady(): Promise<{ host: string; platform: string }>;
}

/** The frame element's property through which the page inside finds its `Office`. */
export const DIALOG_OFFICE_PROPERTY = "thiduaOffice";

const CLOSE_LABEL: Record<"vi" | "en", string> = { vi: "Đóng", en: "Close" };

export interface DialogUiHost {
  /** Where to draw the dialog; undefined in Node. */
  document?: () => Document | undefined;
  displayLanguage: () => string;
  host: string;
  platform: string;
  /** Every open dialog, so a test can look at it. */
  onOpen?: (frame: HTMLIFrameElement) => void;
}

function failed(code: number, message: string): SimAsyncResult<undefined> {
  return { status: "failed", value: undefined, error: { code, message } };
}

export function createDialogUi(host: DialogUiHost): SimDialogUi {
  let open: { overlay: HTMLElement } | null = null;

  return {
    displayDialogAsync(url, optionsOrCallback, maybeCallback) {
      const options = typeof optionsOrCallback === "object" ? optionsOrCallback : {};
      const callback = typeof optionsOrCallback === "function" ? optionsOrCallback : maybeCallback;
      // Office answers asynchronously, after the caller has returned.
      const answer = (r: SimAsyncResult<SimDialog | undefined>): void => {
        setTimeout(() => callback?.(r), 0);
      };
      const doc = host.document ? host.document() : globalThis.document;
      if (!doc || !doc.defaultView) {
        answer(failed(DIALOG_ERRORS.noWindow, "No window to open the dialog in."));
        return;
      }
      let target: URL;
      try {
        target = new URL(url, doc.defaultView.location.href);
      } catch {
        answer(failed(DIALOG_ERRORS.pageNotFound, `Not a URL: ${url}`));
        return;
      }
      if (target.protocol !== "https:") {
        answer(failed(DIALOG_ERRORS.httpsRequired, "The dialog's URL must use HTTPS."));
        return;
      }
      if (target.host !== doc.defaultView.location.host) {
        answer(
          failed(DIALOG_ERRORS.untrustedDomain, "The dialog's URL is not in the add-in's domain.")
        );
        return;
      }
      if (open) {
        answer(failed(DIALOG_ERRORS.alreadyOpen, "A dialog box is already opened."));
        return;
      }

      const handlers: Record<string, ((args: DialogEventArgs) => void)[]> = {};
      const childHandlers: ((args: { message: string }) => void)[] = [];
      const emit = (args: DialogEventArgs): void => {
        for (const h of handlers[args.type] ?? []) h(args);
      };
      const lang = host.displayLanguage().toLowerCase().startsWith("vi") ? "vi" : "en";
      const { overlay, frame, closeButton } = drawDialog(doc, options, CLOSE_LABEL[lang]);
      const remove = (): void => {
        if (!open || open.overlay !== overlay) return;
        open = null;
        overlay.remove();
      };
      const pageOffice: DialogPageOffice = {
        context: {
          host: host.host,
          platform: host.platform,
          displayLanguage: host.displayLanguage(),
          requirements: { isSetSupported: () => true },
          ui: {
            messageParent(message) {
              if (open?.overlay !== overlay) return;
              const origin = doc.defaultView?.location.origin ?? "";
              setTimeout(
                () => emit({ type: "dialogMessageReceived", message: String(message), origin }),
                0
              );
            },
            addHandlerAsync(type, handler, callback) {
              const known = type === DIALOG_EVENT_TYPE.DialogParentMessageReceived;
              if (known) childHandlers.push(handler);
              if (callback)
                setTimeout(() => callback({ status: known ? "succeeded" : "failed" }), 0);
            },
          },
        },
        EventType: DIALOG_EVENT_TYPE,
        AsyncResultStatus: ASYNC_RESULT_STATUS,
        onReady: () => Promise.resolve({ host: host.host, platform: host.platform }),
      };
      (frame as unknown as Record<string, unknown>)[DIALOG_OFFICE_PROPERTY] = pageOffice;
      closeButton.addEventListener("click", () => {
        remove();
        emit({ type: "dialogEventReceived", error: DIALOG_ERRORS.closedByUser });
      });
      // Office requires https; the playground is served over plain http (no trusted developer
      // certificate here), so the https address of the page's own host opens on the page's own origin.
      frame.src = `${doc.defaultView.location.origin}${target.pathname}${target.search}${target.hash}`;
      open = { overlay };
      doc.body.appendChild(overlay);
      host.onOpen?.(frame);
      closeButton.focus();

      const dialog: SimDialog = {
        addEventHandler(type, handler) {
          (handlers[type] ??= []).push(handler);
        },
        close: remove,
        messageChild(message) {
          for (const h of childHandlers) setTimeout(() => h({ message }), 0);
        },
      };
      answer({ status: "succeeded", value: dialog });
    },
  };
}

function drawDialog(
  doc: Document,
  options: SimDialogOptions,
  closeLabel: string
): { overlay: HTMLElement; frame: HTMLIFrameElement; closeButton: HTMLButtonElement } {
  const pct = (v: number | undefined, fallback: number): number =>
    Math.max(10, Math.min(96, Number.isFinite(v) ? Number(v) : fallback));
  const overlay = doc.createElement("div");
  overlay.setAttribute("data-testid", "office-dialog");
  overlay.setAttribute("role", "dialog");
  overlay.setAttribute("aria-modal", "true");
  overlay.setAttribute("aria-label", "THIDUA");
  Object.assign(overlay.style, {
    position: "fixed",
    inset: "0",
    zIndex: "10000",
    background: "rgba(0,0,0,0.4)",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
  });
  const box = doc.createElement("div");
  Object.assign(box.style, {
    width: `${pct(options.width, 80)}vw`,
    height: `${pct(options.height, 80)}vh`,
    display: "flex",
    flexDirection: "column",
    background: "#fff",
    boxShadow: "0 8px 32px rgba(0,0,0,0.35)",
    borderRadius: "4px",
    overflow: "hidden",
  });
  const bar = doc.createElement("div");
  Object.assign(bar.style, {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    padding: "4px 8px",
    borderBottom: "1px solid #e0e0e0",
    font: "600 13px 'Segoe UI', sans-serif",
  });
  const title = doc.createElement("span");
  title.textContent = "THIDUA";
  const closeButton = doc.createElement("button");
  closeButton.type = "button";
  closeButton.textContent = "✕";
  closeButton.setAttribute("aria-label", closeLabel);
  closeButton.title = closeLabel;
  Object.assign(closeButton.style, {
    border: "none",
    background: "transparent",
    fontSize: "16px",
    cursor: "pointer",
    padding: "2px 8px",
  });
  bar.append(title, closeButton);
  const frame = doc.createElement("iframe");
  frame.title = "THIDUA";
  Object.assign(frame.style, { flex: "1", border: "none", width: "100%" });
  box.append(bar, frame);
  overlay.appendChild(box);
  return { overlay, frame, closeButton };
}
