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
import App, { type BootstrapProps, type Host } from "./App";
import { EXCEL_API_MIN } from "../excel/requirements";
import { defineStrings, type Lang } from "../core/i18n";

export { EXCEL_API_MIN };
export type { BootstrapProps, Host };

/** The part of office.js the bootstrap uses (a stub in tests). */
export interface OfficeLike {
  onReady(): Promise<{ host: Office.HostType | null; platform: Office.PlatformType | null }>;
  /** office.js's Office.context; its requirements answer whether an API set is there. */
  context?: {
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
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
    oldExcelTitle: "Phiên bản Excel này chưa chạy được THIDUA",
    oldExcelBody:
      "THIDUA cần Microsoft 365, Excel 2021 trở lên, Excel trên web hoặc Excel cho Mac 16.50 trở lên (ExcelApi {min}). Bảng điểm của bạn không bị thay đổi. Trên máy này, lệnh thidua vẫn xếp hạng được tệp .xlsx: thidua rank bang-diem.xlsx.",
  },
  {
    browserTitle: "Running outside Excel",
    browserBody:
      "This page is open in a plain browser, so it cannot read or write a workbook. Open THIDUA from the Home tab in Excel.",
    oldExcelTitle: "This version of Excel cannot run THIDUA",
    oldExcelBody:
      "THIDUA needs Microsoft 365, Excel 2021 or later, Excel on the web or Excel for Mac 16.50 or later (ExcelApi {min}). Your score sheet has not been changed. On this computer the thidua command still ranks .xlsx files: thidua rank scores.xlsx.",
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
        (info) => done(info && info.host ? (apiTooOld(office) ? "old-excel" : "excel") : "browser"),
        () => done("browser")
      );
    } catch {
      done("browser");
    }
  });
}

/** True only when Office says the API set is missing: a host that cannot answer is given the benefit. */
function apiTooOld(office: OfficeLike): boolean {
  try {
    const req = office.context?.requirements;
    return req ? !req.isSetSupported("ExcelApi", EXCEL_API_MIN) : false;
  } catch {
    return false;
  }
}

export function Shell({
  host,
  lang = "vi",
  where = null,
}: BootstrapProps & {
  lang?: Lang;
  /** Which Excel or app the user is in and what to do there (host-info.ts), when it can be told. */
  where?: string | null;
}): React.JSX.Element {
  const t = (key: "browserTitle" | "browserBody"): string => bootstrapStrings.t(lang, key);
  if (host === "old-excel")
    return (
      <FluentProvider theme={webLightTheme} lang={lang}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{bootstrapStrings.t(lang, "oldExcelTitle")}</MessageBarTitle>
            {bootstrapStrings.t(lang, "oldExcelBody", { min: EXCEL_API_MIN })}
            {where && ` ${where}`}
          </MessageBarBody>
        </MessageBar>
      </FluentProvider>
    );
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      {host === "browser" && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t("browserTitle")}</MessageBarTitle>
            {t("browserBody")}
            {where && ` ${where}`}
          </MessageBarBody>
        </MessageBar>
      )}
      <App host={host} />
    </FluentProvider>
  );
}

export async function bootstrap(options: BootstrapOptions): Promise<{ host: Host; root: Root }> {
  const host = await waitForOffice(options.office, options.timeoutMs);
  const where = host === "excel" ? null : await describeWhere(host, options.lang ?? "vi");
  const root = createRoot(options.container);
  root.render(<Shell host={host} lang={options.lang} where={where} />);
  return { host, root };
}

/**
 * office-js-helpers' Utilities names the user's Excel and platform; it loads only on these two rare
 * paths (about 55 KB), never with a pane that works. Without it the notice still says what to do.
 */
async function describeWhere(host: "browser" | "old-excel", lang: Lang): Promise<string | null> {
  try {
    const info = await import(/* webpackChunkName: "host-info" */ "./host-info");
    return info.whereSentence(host, info.whereAmI(), lang);
  } catch {
    return null;
  }
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
