/**
 * Where the pane is when it cannot work: which Office application and platform, as office-js-helpers'
 * Utilities reads them (office.js's context, or the host info Office left in the session when office.js
 * itself did not load this time). Loaded on demand (webpackChunkName "host-info") by the bootstrap's
 * "outside Excel" and "Excel too old" notices only, so a working pane never downloads the library.
 */
import { HostType, PlatformType, Utilities } from "@microsoft/office-js-helpers";
import { defineStrings, type Lang } from "../core/i18n";

export const HOST_STRINGS = defineStrings(
  "taskpane.host",
  {
    platformPC: "Excel cho Windows",
    platformMac: "Excel cho Mac",
    platformWeb: "Excel trên web",
    platformIOS: "Excel trên iPad",
    oldExcelOn: "Bạn đang dùng {platform}.",
    updatePC:
      "Hãy cập nhật Office (Tệp → Tài khoản → Tùy chọn cập nhật → Cập nhật ngay) rồi mở lại THIDUA.",
    updateMac: "Hãy cập nhật Office (Trợ giúp → Kiểm tra cập nhật trong Excel) rồi mở lại THIDUA.",
    updateWeb:
      "Excel trên web luôn là bản mới nhất: hãy tải lại trang; nếu vẫn thấy thông báo này, mở tệp bằng Excel cho Windows hoặc Mac.",
    updateIOS: "Hãy mở tệp bằng Excel trên máy tính (Windows, Mac) hoặc Excel trên web.",
    browserInExcel:
      "Trang đang mở trong {platform} nhưng chưa kết nối được với Excel (office.js chưa tải được). Hãy kiểm tra mạng tới appsforoffice.microsoft.com, rồi đóng và mở lại ngăn THIDUA.",
    browserOtherApp:
      "THIDUA chỉ chạy trong Excel, còn trang này đang mở trong {app}. Hãy mở bảng điểm bằng Excel rồi mở THIDUA từ thẻ Trang đầu.",
  },
  {
    platformPC: "Excel for Windows",
    platformMac: "Excel for Mac",
    platformWeb: "Excel on the web",
    platformIOS: "Excel on iPad",
    oldExcelOn: "You are using {platform}.",
    updatePC: "Update Office (File → Account → Update Options → Update Now) and open THIDUA again.",
    updateMac: "Update Office (Help → Check for Updates in Excel) and open THIDUA again.",
    updateWeb:
      "Excel on the web is always the latest: reload the page; if this message stays, open the file in Excel for Windows or Mac.",
    updateIOS: "Open the file in Excel on a computer (Windows, Mac) or in Excel on the web.",
    browserInExcel:
      "The page is open in {platform} but could not connect to Excel (office.js did not load). Check the network to appsforoffice.microsoft.com, then close and reopen the THIDUA pane.",
    browserOtherApp:
      "THIDUA runs only in Excel, and this page is open in {app}. Open the score sheet in Excel, then THIDUA from the Home tab.",
  }
);

type HostKey = keyof typeof HOST_STRINGS.vi;

export interface WhereInfo {
  /** office-js-helpers' HostType ("EXCEL", "WORD", "WEB" for a plain browser) or null. */
  host: string | null;
  /** office-js-helpers' PlatformType ("PC", "MAC", "OFFICE_ONLINE", "IOS") or null. */
  platform: string | null;
}

/** What Utilities says now; nothing when it cannot tell (no window, storage refused). */
export function whereAmI(): WhereInfo {
  try {
    return { host: Utilities.host || null, platform: Utilities.platform || null };
  } catch {
    return { host: null, platform: null };
  }
}

const PLATFORM_KEY: Record<string, HostKey> = {
  [PlatformType.PC]: "platformPC",
  [PlatformType.MAC]: "platformMac",
  [PlatformType.OFFICE_ONLINE]: "platformWeb",
  [PlatformType.IOS]: "platformIOS",
};

const UPDATE_KEY: Record<string, HostKey> = {
  [PlatformType.PC]: "updatePC",
  [PlatformType.MAC]: "updateMac",
  [PlatformType.OFFICE_ONLINE]: "updateWeb",
  [PlatformType.IOS]: "updateIOS",
};

const APP_NAME: Record<string, string> = {
  [HostType.WORD]: "Word",
  [HostType.POWERPOINT]: "PowerPoint",
  [HostType.OUTLOOK]: "Outlook",
  [HostType.ONENOTE]: "OneNote",
  [HostType.PROJECT]: "Project",
  [HostType.ACCESS]: "Access",
};

/**
 * The sentence the bootstrap's notice adds for where the user is, or null when it would add nothing
 * (a plain browser: the notice already says so).
 */
export function whereSentence(
  kind: "browser" | "old-excel",
  info: WhereInfo,
  lang: Lang
): string | null {
  const t = HOST_STRINGS.t.bind(HOST_STRINGS);
  const platformKey = info.platform ? PLATFORM_KEY[info.platform] : undefined;
  if (kind === "old-excel") {
    if (!platformKey || !info.platform) return null;
    return `${t(lang, "oldExcelOn", { platform: t(lang, platformKey) })} ${t(lang, UPDATE_KEY[info.platform])}`;
  }
  if (info.host === HostType.EXCEL)
    return t(lang, "browserInExcel", { platform: platformKey ? t(lang, platformKey) : "Excel" });
  const app = info.host ? APP_NAME[info.host] : undefined;
  return app ? t(lang, "browserOtherApp", { app }) : null;
}
