/**
 * Task-pane bootstrap: waits for Office, then renders <App /> inside FluentProvider. Outside Excel
 * (a plain browser, office.js blocked by a proxy) Office.onReady never resolves, so after a short wait
 * the App renders anyway with host "browser" and a notice, instead of a pane that spins forever.
 */
import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import App from "./App";
import { defineStrings, type Lang } from "../core/i18n";

export type Host = "excel" | "browser";

/** What the bootstrap hands to <App />. */
export interface BootstrapProps {
  host: Host;
}

/** The part of office.js the bootstrap uses (a stub in tests). */
export interface OfficeLike {
  onReady(): Promise<{ host: Office.HostType | null; platform: Office.PlatformType | null }>;
}

export interface BootstrapOptions {
  container: HTMLElement;
  /** office.js's Office global; undefined when the script did not load. */
  office?: OfficeLike;
  /** How long to wait for Office.onReady before assuming a plain browser. */
  timeoutMs?: number;
  lang?: Lang;
}

export const OFFICE_READY_TIMEOUT_MS = 2000;

export const bootstrapStrings = defineStrings(
  "taskpane.bootstrap",
  {
    browserTitle: "Đang chạy ngoài Excel",
    browserBody:
      "Trang này đang mở trong trình duyệt thông thường nên không đọc hay ghi được bảng tính. Hãy mở THIDUA từ thẻ Trang đầu trong Excel.",
  },
  {
    browserTitle: "Running outside Excel",
    browserBody:
      "This page is open in a plain browser, so it cannot read or write a workbook. Open THIDUA from the Home tab in Excel.",
  }
);

/** Resolves "excel" once Office is ready inside Excel, "browser" otherwise; never rejects, never hangs. */
export function waitForOffice(
  office: OfficeLike | undefined,
  timeoutMs = OFFICE_READY_TIMEOUT_MS
): Promise<Host> {
  if (!office || typeof office.onReady !== "function") return Promise.resolve("browser");
  return new Promise<Host>((resolve) => {
    const timer = setTimeout(() => resolve("browser"), timeoutMs);
    const done = (host: Host): void => {
      clearTimeout(timer);
      resolve(host);
    };
    try {
      office.onReady().then(
        // office.js loaded in a plain browser resolves with host null.
        (info) => done(info && info.host ? "excel" : "browser"),
        () => done("browser")
      );
    } catch {
      done("browser");
    }
  });
}

export function Shell({ host, lang = "vi" }: BootstrapProps & { lang?: Lang }): React.JSX.Element {
  const t = (key: "browserTitle" | "browserBody"): string => bootstrapStrings.t(lang, key);
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      {host === "browser" && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t("browserTitle")}</MessageBarTitle>
            {t("browserBody")}
          </MessageBarBody>
        </MessageBar>
      )}
      <App host={host} />
    </FluentProvider>
  );
}

export async function bootstrap(options: BootstrapOptions): Promise<{ host: Host; root: Root }> {
  const host = await waitForOffice(options.office, options.timeoutMs);
  const root = createRoot(options.container);
  root.render(<Shell host={host} lang={options.lang} />);
  return { host, root };
}

function autoStart(): void {
  if (typeof document === "undefined") return;
  const container = document.getElementById("container");
  // taskpane.html's ES5 check has already shown its message in a webview too old for React.
  const oldWebview = (window as unknown as { __THIDUA_OLD_WEBVIEW__?: boolean })
    .__THIDUA_OLD_WEBVIEW__;
  if (!container || oldWebview) return;
  const office = typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
  void bootstrap({ container, office });
}

autoStart();
