/** Sentences of `thidua rank` / `thidua validate`. */
import { defineStrings } from "../core/i18n";

export const CLI_STRINGS = defineStrings(
  "cli",
  {
    usage:
      "Cách dùng:\n  thidua rank <tệp.xlsx>... [--sheet TÊN] [--json] [--out xep-hang.xlsx] [--lang vi|en] [--profile cum.json] [--accept TỆP|ĐƠN_VỊ]\n  thidua validate <tệp.xlsx>... [--sheet TÊN] [--json] [--lang vi|en]\n  thidua template <tệp.xlsx> --out <thư mục>\n  thidua covenant --profile cum.json --out giao-uoc.docx\n",
    unknownCommand:
      'Lệnh không hợp lệ: "{cmd}". Dùng: thidua rank | validate | template | covenant.',
    unknownOption: "Tùy chọn không hợp lệ: {option}.",
    needValue: "Tùy chọn {option} cần một giá trị.",
    needFile: "Hãy chỉ ra ít nhất một tệp .xlsx.",
    badLang: "Ngôn ngữ phải là vi hoặc en.",
    notRanked: "Không xếp hạng được: {reason}",
    outSameAsInput:
      "Tệp --out không được trùng tệp đầu vào: tệp của người dùng không bao giờ bị ghi đè.",
    outFailed: "Không ghi được tệp {file}: {reason}",
    wrote: "Đã ghi {file}.",
    colRank: "Hạng",
    colUnit: "Đơn vị",
    colTotal: "Tổng điểm",
    colLabel: "Danh hiệu",
    colClass: "Xếp loại",
    colAward: "Đề nghị khen thưởng",
    provisional: "TẠM TÍNH: bảng còn {errors} lỗi, {incomplete} đơn vị chưa chấm đủ.",
    final: "Kết quả: {n} đơn vị, không có lỗi.",
    issuesTitle: "Các vấn đề ({n}):",
    noIssues: "Không có vấn đề nào.",
    sevError: "LỖI",
    sevWarning: "CẢNH BÁO",
    sevInfo: "THÔNG TIN",
    read: "Đã đọc: {where} (bố cục {layout}, độ tin cậy {confidence}).",
    settingsTitle: "Cài đặt của cụm cần xem lại:",
    chooseSheet: "Muốn xếp hạng trang khác, chọn bằng --sheet: {sheets}.",
    legacyGroup:
      "{n} ô dùng mã {encodings} (như {cells}): đã đọc thành Unicode; có thể chuyển cả bảng sang Unicode.",
  },
  {
    usage:
      "Usage:\n  thidua rank <file.xlsx>... [--sheet NAME] [--json] [--out ranked.xlsx] [--lang vi|en] [--profile cluster.json] [--accept FILE|UNIT]\n  thidua validate <file.xlsx>... [--sheet NAME] [--json] [--lang vi|en]\n  thidua template <file.xlsx> --out <dir>\n  thidua covenant --profile cluster.json --out covenant.docx\n",
    unknownCommand: 'Unknown command: "{cmd}". Use: thidua rank | validate | template | covenant.',
    unknownOption: "Unknown option: {option}.",
    needValue: "Option {option} needs a value.",
    needFile: "Name at least one .xlsx file.",
    badLang: "The language must be vi or en.",
    notRanked: "Nothing ranked: {reason}",
    outSameAsInput:
      "The --out file must differ from the input: the user's file is never overwritten.",
    outFailed: "Cannot write {file}: {reason}",
    wrote: "Wrote {file}.",
    colRank: "Rank",
    colUnit: "Unit",
    colTotal: "Total",
    colLabel: "Title",
    colClass: "Classification",
    colAward: "Award proposed",
    provisional: "PROVISIONAL: the sheet has {errors} errors, {incomplete} units are incomplete.",
    final: "Result: {n} units, no errors.",
    issuesTitle: "Issues ({n}):",
    noIssues: "No issues.",
    sevError: "ERROR",
    sevWarning: "WARNING",
    sevInfo: "INFO",
    read: "Read: {where} (layout {layout}, confidence {confidence}).",
    settingsTitle: "The cluster's settings need a look:",
    chooseSheet: "To rank another sheet, choose it with --sheet: {sheets}.",
    legacyGroup:
      "{n} cells use {encodings} text (such as {cells}): read as Unicode; the sheet can be converted to Unicode.",
  }
);
