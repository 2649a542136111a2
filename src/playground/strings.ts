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
    nameBox: "Ô đang chọn",
    sheetTabs: "Các trang tính",
    grid: "Bảng tính",
    taskPane: "Ngăn tác vụ THIDUA",
    emptySheet: "Trang tính trống",
    hiddenCols: "Cột đang ẩn: {which}",
    hiddenRows: "Dòng đang ẩn: {which}",
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
    nameBox: "Selected cell",
    sheetTabs: "Sheets",
    grid: "Spreadsheet",
    taskPane: "THIDUA task pane",
    emptySheet: "Empty sheet",
    hiddenCols: "Hidden columns: {which}",
    hiddenRows: "Hidden rows: {which}",
  }
);
