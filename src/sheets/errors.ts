/**
 * The one catalogue of failures a user can act on: a code, a title and what to do next, in Vietnamese
 * and English. The pane's error bar, the ribbon's notice and the CLI all say a failure with these
 * sentences, so the same failure reads the same wherever it happens.
 */
import { defineStrings, type Lang } from "../core/i18n";

export const ERROR_CODES = [
  "no-workbook",
  "no-score-sheet",
  "no-selection",
  "no-reading",
  "sheet-protected",
  "busy",
  "not-supported",
  "unexpected",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

type Key = `${ErrorCode}.title` | `${ErrorCode}.next`;

export const ERROR_STRINGS = defineStrings<Key>(
  "errors",
  {
    "no-workbook.title": "Chưa kết nối được với sổ tính",
    "no-workbook.next": "Hãy mở THIDUA từ thẻ Trang đầu trong Excel rồi thử lại.",
    "no-score-sheet.title": "Không nhận ra bảng điểm",
    "no-score-sheet.next":
      "Hãy mở trang có bảng điểm (có cột Nội dung, Điểm chuẩn và điểm các đơn vị) rồi bấm lại, hoặc chọn vùng bảng và dùng “Sửa cách đọc”.",
    "no-selection.title": "Chưa chọn vùng ô",
    "no-selection.next": "Hãy chọn vùng ô trong trang tính rồi bấm lại.",
    "no-reading.title": "Chưa đọc bảng điểm",
    "no-reading.next": "Hãy bấm “Đọc bảng điểm” trước.",
    "sheet-protected.title": "Trang tính đang được bảo vệ",
    "sheet-protected.next": "Hãy bỏ bảo vệ trang tính (thẻ Xem lại) rồi thử lại.",
    "busy.title": "Excel đang bận",
    "busy.next": "Hãy thoát khỏi chế độ sửa ô (nhấn Enter hoặc Esc) rồi thử lại.",
    "not-supported.title": "Phiên bản Excel này chưa hỗ trợ",
    "not-supported.next": "Hãy dùng Microsoft 365, Excel 2021 trở lên hoặc Excel trên web.",
    "unexpected.title": "Đã xảy ra lỗi không mong muốn",
    "unexpected.next":
      "Không có ô nào bị thay đổi ngoài những gì đã báo. Hãy thử lại; nếu vẫn lỗi, lưu tệp, đóng và mở lại Excel.",
  },
  {
    "no-workbook.title": "Not connected to a workbook",
    "no-workbook.next": "Open THIDUA from the Home tab in Excel and try again.",
    "no-score-sheet.title": "No score sheet recognised",
    "no-score-sheet.next":
      "Open the sheet with the score table (criteria, max points and the units' scores) and press again, or select the table and use “Correct the reading”.",
    "no-selection.title": "Nothing selected",
    "no-selection.next": "Select cells in the sheet and press again.",
    "no-reading.title": "The score sheet has not been read",
    "no-reading.next": "Press “Read score sheet” first.",
    "sheet-protected.title": "The sheet is protected",
    "sheet-protected.next": "Unprotect the sheet (Review tab) and try again.",
    "busy.title": "Excel is busy",
    "busy.next": "Leave cell editing (press Enter or Esc) and try again.",
    "not-supported.title": "This Excel version is not supported",
    "not-supported.next": "Use Microsoft 365, Excel 2021 or later, or Excel on the web.",
    "unexpected.title": "Something unexpected went wrong",
    "unexpected.next":
      "No cell was changed beyond what was reported. Try again; if it persists, save the file, close and reopen Excel.",
  }
);

export interface ErrorMessage {
  title: string;
  /** The detail (a sheet name, the engine's reason) and then what to do next. */
  body: string;
}

/** A failure as the user reads it; `detail` is already in their language. */
export function errorMessage(code: ErrorCode, lang: Lang, detail?: string): ErrorMessage {
  // The engine's sentences end with a period; the advice that follows adds its own.
  const d = detail?.replace(/[.\s]+$/, "");
  const next = ERROR_STRINGS.t(lang, `${code}.next`);
  return { title: ERROR_STRINGS.t(lang, `${code}.title`), body: d ? `${d}. ${next}` : next };
}

/**
 * A failure in one line, for the command line: the title, what it concerns and the detail
 * ("Không nhận ra bảng điểm (bang-diem.xlsx): …"). The advice is the pane's, so it is left out.
 */
export function errorLine(code: ErrorCode, lang: Lang, detail?: string, file?: string): string {
  const title = ERROR_STRINGS.t(lang, `${code}.title`);
  const head = file ? `${title} (${file})` : title;
  return detail ? `${head}: ${detail}` : head;
}

export function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === "string" && (ERROR_CODES as readonly string[]).includes(x);
}
