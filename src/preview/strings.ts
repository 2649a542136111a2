/** The preview dialog's words, Vietnamese first (STYLE.md 8). */
import { defineStrings } from "../core/i18n";

export const PREVIEW_STRINGS = defineStrings(
  "preview",
  {
    title: "Xem trước bản in",
    hint: "Khổ A4 như khi in từ Excel. Đóng cửa sổ này để quay lại ngăn THIDUA.",
    print: "In…",
    close: "Đóng",
    missing:
      "Không tìm thấy nội dung cần xem trước. Hãy đóng cửa sổ này rồi bấm lại “Xem trước bản in” trong ngăn THIDUA.",
  },
  {
    title: "Print preview",
    hint: "A4, as Excel prints it. Close this window to return to the THIDUA pane.",
    print: "Print…",
    close: "Close",
    missing:
      "There is nothing to preview. Close this window and press “Print preview” again in the THIDUA pane.",
  }
);
