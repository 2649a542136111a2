/** The playground's own words (the task pane brings its own). */
import { defineStrings } from "../core/i18n";

export const PLAYGROUND_STRINGS = defineStrings(
  "playground",
  {
    title: "THIDUA",
    subtitle: "Sân thử: bảng tính mô phỏng Excel và ngăn tác vụ thật",
    sample: "Bảng mẫu",
    openFile: "Mở tệp .xlsx…",
    save: "Lưu .xlsx",
    syncs: "Lượt đồng bộ: {n}",
    syncsHint:
      "Số lần ngăn tác vụ gọi context.sync() tới bảng tính (mỗi lần là một lượt đi về với Excel).",
    loading: "Đang mở bảng tính…",
    loadFailed: "Không mở được tệp: {message}",
    formulaBar: "Thanh công thức",
    nameBox: "Hộp tên: ô hoặc vùng đang chọn",
    sheetTabs: "Các trang tính",
    grid: "Bảng tính",
    taskPane: "Ngăn tác vụ THIDUA",
    emptySheet: "Trang tính trống",
    hiddenCols: "Cột đang ẩn: {which}",
    hiddenRows: "Dòng đang ẩn: {which}",
    undoHint: "Hoàn tác (Ctrl+Z)",
    redoHint: "Làm lại (Ctrl+Y)",
    badAddress:
      "“{address}” không phải địa chỉ ô hay vùng ô: hãy gõ dạng D5 hoặc D5:J23 rồi nhấn Enter.",
    unsavedTitle: "Lưu thay đổi?",
    unsavedBody:
      "“{name}” có thay đổi chưa lưu. Hãy lưu thành tệp .xlsx nếu muốn giữ lại trước khi mở bảng khác.",
    unsavedSave: "Lưu .xlsx rồi mở",
    unsavedDiscard: "Không lưu",
    cancel: "Huỷ",
    validationTitle: "Microsoft Excel",
    validationDefault:
      "Giá trị này không khớp với các hạn chế xác thực dữ liệu được xác định cho ô này.",
    retry: "Thử lại",
    keepEntry: "Vẫn nhập",
  },
  {
    title: "THIDUA",
    subtitle: "Playground: a simulated Excel workbook beside the real task pane",
    sample: "Sample",
    openFile: "Open .xlsx…",
    save: "Save .xlsx",
    syncs: "Syncs: {n}",
    syncsHint:
      "How many times the task pane called context.sync() on the workbook (each is one round trip to Excel).",
    loading: "Opening the workbook…",
    loadFailed: "Could not open the file: {message}",
    formulaBar: "Formula bar",
    nameBox: "Name box: the selected cell or range",
    sheetTabs: "Sheets",
    grid: "Spreadsheet",
    taskPane: "THIDUA task pane",
    emptySheet: "Empty sheet",
    hiddenCols: "Hidden columns: {which}",
    hiddenRows: "Hidden rows: {which}",
    undoHint: "Undo (Ctrl+Z)",
    redoHint: "Redo (Ctrl+Y)",
    badAddress:
      "“{address}” is not a cell or range address: type one like D5 or D5:J23 and press Enter.",
    unsavedTitle: "Save changes?",
    unsavedBody:
      "“{name}” has unsaved changes. Save it as an .xlsx file if you want to keep them before opening another workbook.",
    unsavedSave: "Save .xlsx and open",
    unsavedDiscard: "Don't save",
    cancel: "Cancel",
    validationTitle: "Microsoft Excel",
    validationDefault:
      "This value doesn't match the data validation restrictions defined for this cell.",
    retry: "Retry",
    keepEntry: "Keep the entry",
  }
);
