/** Sentences of `thidua rank` / `thidua validate`. */
import { defineStrings } from "../core/i18n";

export const CLI_STRINGS = defineStrings(
  "cli",
  {
    usage:
      "Cách dùng:\n  thidua rank <tệp .xlsx|.docx>... [--sheet TÊN] [--json] [--out xep-hang.xlsx] [--lang vi|en] [--profile cum.json] [--accept TỆP|ĐƠN_VỊ] [--year NĂM] [--date YYYY-MM-DD] [--place NƠI]\n  thidua validate <tệp .xlsx|.docx>... [--sheet TÊN] [--json] [--lang vi|en] [--profile cum.json] [--accept TỆP|ĐƠN_VỊ]\n  thidua template <tệp điểm chuẩn hoặc bảng điểm> --out <thư mục> [--profile cum.json] [--year NĂM] [--date YYYY-MM-DD] [--place NƠI] [--lang vi|en]\n  thidua covenant [--criteria <tệp>] [--bases can-cu.txt] --profile cum.json --out giao-uoc.docx|.xlsx [--year NĂM] [--date YYYY-MM-DD] [--place NƠI] [--lang vi|en]\n  thidua minutes <tệp.xlsx>... [--profile cum.json] [--meeting hop.json] --out bien-ban.docx [--year NĂM] [--date YYYY-MM-DD] [--place NƠI] [--lang vi|en]\n  thidua votes <tệp.xlsx>... [--profile cum.json] [--meeting hop.json] [--ballots N] --out kiem-phieu.xlsx|.docx [--year NĂM] [--date YYYY-MM-DD] [--place NƠI] [--lang vi|en]\n  thidua proposal <tệp.xlsx>... [--profile cum.json] [--meeting hop.json] --out to-trinh.docx [--year NĂM] [--date YYYY-MM-DD] [--place NƠI] [--lang vi|en]\n",
    unknownCommand:
      'Lệnh không hợp lệ: "{cmd}". Dùng: thidua rank | validate | template | covenant | minutes | votes | proposal.',
    unknownOption: "Tùy chọn không hợp lệ: {option}.",
    needValue: "Tùy chọn {option} cần một giá trị.",
    needFile: "Hãy chỉ ra ít nhất một tệp .xlsx.",
    badLang: "Ngôn ngữ phải là vi hoặc en.",
    outSameAsInput:
      "Tệp --out không được trùng tệp đầu vào: tệp của người dùng không bao giờ bị ghi đè.",
    outFailed: "Không ghi được tệp {file}: {reason}",
    wrote: "Đã ghi {file}.",
    colRank: "Hạng",
    colUnit: "Đơn vị",
    colTotal: "Tổng điểm",
    colLabel: "Suy tôn",
    colClass: "Xếp loại",
    colMax: "Điểm tối đa",
    colShare: "Tỷ lệ",
    colAward: "Đề nghị khen thưởng",
    awardPending: "Chờ bình xét (đồng điểm ở suất khen cuối)",
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
      "Usage:\n  thidua rank <file .xlsx|.docx>... [--sheet NAME] [--json] [--out ranked.xlsx] [--lang vi|en] [--profile cluster.json] [--accept FILE|UNIT] [--year YEAR] [--date YYYY-MM-DD] [--place PLACE]\n  thidua validate <file .xlsx|.docx>... [--sheet NAME] [--json] [--lang vi|en] [--profile cluster.json] [--accept FILE|UNIT]\n  thidua template <criteria or score file> --out <dir> [--profile cluster.json] [--year YEAR] [--date YYYY-MM-DD] [--place PLACE] [--lang vi|en]\n  thidua covenant [--criteria <file>] [--bases bases.txt] --profile cluster.json --out covenant.docx|.xlsx [--year YEAR] [--date YYYY-MM-DD] [--place PLACE] [--lang vi|en]\n  thidua minutes <file.xlsx>... [--profile cluster.json] [--meeting meeting.json] --out minutes.docx [--year YEAR] [--date YYYY-MM-DD] [--place PLACE] [--lang vi|en]\n  thidua votes <file.xlsx>... [--profile cluster.json] [--meeting meeting.json] [--ballots N] --out votes.xlsx|.docx [--year YEAR] [--date YYYY-MM-DD] [--place PLACE] [--lang vi|en]\n  thidua proposal <file.xlsx>... [--profile cluster.json] [--meeting meeting.json] --out proposal.docx [--year YEAR] [--date YYYY-MM-DD] [--place PLACE] [--lang vi|en]\n",
    unknownCommand:
      'Unknown command: "{cmd}". Use: thidua rank | validate | template | covenant | minutes | votes | proposal.',
    unknownOption: "Unknown option: {option}.",
    needValue: "Option {option} needs a value.",
    needFile: "Name at least one .xlsx file.",
    badLang: "The language must be vi or en.",
    outSameAsInput:
      "The --out file must differ from the input: the user's file is never overwritten.",
    outFailed: "Cannot write {file}: {reason}",
    wrote: "Wrote {file}.",
    colRank: "Rank",
    colUnit: "Unit",
    colTotal: "Total",
    colLabel: "Title",
    colClass: "Classification",
    colMax: "Max",
    colShare: "Share",
    colAward: "Award proposed",
    awardPending: "Vote needed (tied at the last award slot)",
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
