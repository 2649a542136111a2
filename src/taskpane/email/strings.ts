/** The email tab's sentences, Vietnamese first; the English table has the same keys (type-checked). */
import { defineStrings } from "../../core/i18n";

const vi = {
  title: "Gửi và nhận qua thư điện tử",
  working: "Đang xử lý…",
  dismiss: "Đóng thông báo",

  sendTitle: "1. Gửi phiếu tự chấm cho các đơn vị",
  sendHint:
    "Mỗi đơn vị thành viên nhận một phiếu riêng (tên đơn vị, cụm và năm ở đầu phiếu). Tải về rồi đính kèm vào thư gửi từng đơn vị.",
  sendButton: "Tải phiếu tự chấm (.xlsx)",
  sendDone: "Đã tạo {count} phiếu: {files}",
  sendZipDone:
    "Đã tạo {count} phiếu trong một tệp nén “{zip}” (trình duyệt đang tải về): {files}. Giải nén rồi đính kèm từng phiếu vào thư gửi đơn vị đó.",
  zipName: "Phieu-tu-cham-{cluster}-{year}.zip",
  downloadOne: "Tải riêng phiếu này",
  yearLabel: "Năm thi đua ghi trên phiếu",
  clusterLabel: "Tên cụm (khối) thi đua ghi trên phiếu",
  fromProfile: "Lấy từ cấu hình cụm.",
  fromTitle: "Lấy từ tiêu đề bảng điểm: hãy kiểm tra lại.",
  fromNone: "Chưa có trong cấu hình hay tiêu đề bảng điểm: hãy nhập.",
  confirmForms: "Tôi đã kiểm tra: phiếu ghi đúng năm và tên cụm này",
  confirmFirst:
    "Phiếu gửi về được đối chiếu với đúng năm và tên cụm này: hãy kiểm tra rồi đánh dấu xác nhận trước khi tải phiếu.",
  yearInvalid: "Năm phải là số có 4 chữ số, ví dụ 2025.",
  clusterMissing: "Hãy nhập tên cụm (không để dòng chấm).",
  openWorkbook: "Mở thành sổ mới",
  noCreateWorkbook: "Phiên bản Excel này không mở được sổ mới từ THIDUA; hãy dùng tệp đã tải về.",

  collectTitle: "2. Nhận phiếu các đơn vị gửi về",
  privacy: "Tệp được đọc ngay trên máy này, không tải lên bất kỳ đâu.",
  dropZone: "Kéo thả các tệp .xlsx nhận được vào đây",
  pickButton: "Chọn tệp…",
  pickLabel: "Chọn các tệp phiếu tự chấm",
  filesChosen: "{count} tệp: {files}",
  readingFile: "Đang đọc tệp {index}/{total}: {file}…",
  unitsTitle: "Tình trạng các đơn vị",
  colUnit: "Đơn vị",
  colStatus: "Tình trạng",
  colFiles: "Tệp",
  statusReceived: "Đã nhận",
  statusKept: "Giữ từ bảng tổng hợp",
  statusMissing: "Chưa gửi",
  statusRejected: "Phiếu không hợp lệ",
  notMember: "(không có trong danh sách cụm)",
  problemsTitle: "Cần xem lại ({count})",
  noProblems: "Không có vấn đề nào với các tệp nhận được.",
  conflictsTitle: "Điểm khác nhau: chọn giá trị giữ lại ({count})",
  conflictsHint:
    "Mặc định giữ giá trị đang có; điểm cụm chấm đã nhập không bao giờ bị ghi đè nếu bạn không chọn.",
  keepExisting: "Giữ {value} ({source})",
  takeIncoming: "Lấy {value} ({source})",
  blank: "trống",
  writeButton: "Ghi bảng tổng hợp vào sổ",
  writeDone: "Đã ghi trang “{sheet}” ({units} đơn vị). Các trang tính khác không bị thay đổi.",
  nothingToWrite: "Chưa có phiếu hợp lệ nào để tổng hợp.",
  blocked: "Không ghi bảng tổng hợp: {reason}",

  beforeTitle: "3. Trước khi gửi kết quả đi",
  checkButton: "Kiểm tra trước khi gửi",
  checkOk: "Không thấy vấn đề nào: có thể gửi.",
  findingsTitle: "Kết quả kiểm tra ({count})",
  freezeButton: "Chốt kết quả",
  freezeHint:
    "Thay các công thức THIDUA bằng giá trị hiện tại, để người nhận không cài THIDUA vẫn thấy đúng số. Xem danh sách ô trước khi chốt.",
  freezeNone: "Không có công thức THIDUA nào cần chốt.",
  freezePlanTitle: "Sẽ thay {count} ô bằng giá trị:",
  colCell: "Ô",
  colFormula: "Công thức",
  colValue: "Giá trị giữ lại",
  freezeConfirm: "Chốt {count} ô",
  cancel: "Hủy",
  freezeDone:
    "Đã chốt {count} ô ({formulas} công thức). Công thức được giữ ở trang ẩn “{sheet}”: bấm Hoàn tác để khôi phục.",
  freezeErrors:
    "{count} ô đang báo lỗi nên không được chốt, công thức của chúng giữ nguyên. Hãy sửa các ô này rồi chốt lại:",
  freezeGroups: "Công thức được thay (cả vùng tràn của mỗi công thức):",
  undoButton: "Hoàn tác lần chốt",
  undoDone: "Đã khôi phục {count} công thức THIDUA, cả các vùng tràn.",
  undoSkipped: "Giữ nguyên {count} vùng đã bị sửa sau khi chốt (vẫn lưu ở trang ẩn): {ranges}",
  undoNone: "Chưa có lần chốt nào để hoàn tác.",
  freezeSkipped: "Bỏ qua {count} ô đã bị sửa sau khi xem danh sách: {cells}",
  freezeSpilled: "Các bảng kết quả tràn ô cũng được chốt cả bảng: {ranges}",
  copyButton: "Tạo bản sao để gửi",
  copyDone:
    "Đã tạo “{file}”: {count} ô THIDUA được thay bằng giá trị, cấu hình cụm được giữ. Sổ đang mở không thay đổi.",
  copyNoValue:
    "{count} ô THIDUA chưa có kết quả hoặc đang báo lỗi nên để trống trong bản sao: {cells}. Hãy sửa các ô này rồi tạo lại bản sao.",
  copyRebuilt:
    "Excel không cho đọc nguyên tệp, nên bản sao được dựng lại từ nội dung ô: giữ giá trị, công thức, chữ đậm/nghiêng và ô gộp, nhưng không giữ độ rộng cột, màu, viền, định dạng số và biểu đồ.",
  copyName: "{name} - bản gửi.xlsx",

  error: "Không thực hiện được: {reason}",
  errorUnexpected: "Đã có lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, hãy lưu sổ và mở lại.",
};

const en: Record<keyof typeof vi, string> = {
  title: "Sending and receiving by email",
  working: "Working…",
  dismiss: "Dismiss",

  sendTitle: "1. Send the self-score forms to the units",
  sendHint:
    "Each member unit gets its own form (unit, cluster and year at the top). Download them and attach each to an email to its unit.",
  sendButton: "Download the self-score forms (.xlsx)",
  sendDone: "Made {count} forms: {files}",
  sendZipDone:
    "Made {count} forms in one zip file “{zip}” (the browser is downloading it): {files}. Unzip it, then attach each form to an email to its unit.",
  zipName: "Self-score-forms-{cluster}-{year}.zip",
  downloadOne: "Download this form alone",
  yearLabel: "Year printed on the forms",
  clusterLabel: "Cluster (bloc) name printed on the forms",
  fromProfile: "From the cluster's settings.",
  fromTitle: "From the score sheet's title: please check it.",
  fromNone: "Neither the settings nor the score sheet's title say: please enter it.",
  confirmForms: "I have checked: the forms carry this year and cluster name",
  confirmFirst:
    "Returned forms are checked against this year and cluster name: check them, then tick the confirmation before downloading the forms.",
  yearInvalid: "The year must be a 4-digit number, such as 2025.",
  clusterMissing: "Enter the cluster's name (not a dotted line).",
  openWorkbook: "Open as a new workbook",
  noCreateWorkbook:
    "This version of Excel cannot open a new workbook from THIDUA; use the downloaded files.",

  collectTitle: "2. Receive the forms the units send back",
  privacy: "Files are read right here on this computer and uploaded nowhere.",
  dropZone: "Drop the .xlsx files you received here",
  pickButton: "Choose files…",
  pickLabel: "Choose the self-score files",
  filesChosen: "{count} files: {files}",
  readingFile: "Reading file {index} of {total}: {file}…",
  unitsTitle: "Units",
  colUnit: "Unit",
  colStatus: "Status",
  colFiles: "Files",
  statusReceived: "Received",
  statusKept: "Kept from the summary",
  statusMissing: "Not sent yet",
  statusRejected: "Form not accepted",
  notMember: "(not in the cluster's list)",
  problemsTitle: "To review ({count})",
  noProblems: "No problem with the files received.",
  conflictsTitle: "Differing scores: choose which to keep ({count})",
  conflictsHint:
    "By default the value already there is kept; a reviewed score you entered is never overwritten unless you choose so.",
  keepExisting: "Keep {value} ({source})",
  takeIncoming: "Take {value} ({source})",
  blank: "blank",
  writeButton: "Write the summary into the workbook",
  writeDone: "Wrote the sheet “{sheet}” ({units} units). No other sheet was changed.",
  nothingToWrite: "No valid form to consolidate yet.",
  blocked: "The summary was not written: {reason}",

  beforeTitle: "3. Before sending the results",
  checkButton: "Check before sending",
  checkOk: "No problem found: ready to send.",
  findingsTitle: "Check results ({count})",
  freezeButton: "Freeze results",
  freezeHint:
    "Replaces THIDUA formulas with their current values, so a recipient without THIDUA sees the right numbers. You see the list of cells first.",
  freezeNone: "No THIDUA formula to freeze.",
  freezePlanTitle: "{count} cells will be replaced by their values:",
  colCell: "Cell",
  colFormula: "Formula",
  colValue: "Value kept",
  freezeConfirm: "Freeze {count} cells",
  cancel: "Cancel",
  freezeDone:
    "Froze {count} cells ({formulas} formulas). The formulas are kept on the hidden sheet “{sheet}”: click Undo to restore them.",
  freezeErrors:
    "{count} cells show an error and are not frozen; their formulas stay. Fix these cells, then freeze again:",
  freezeGroups: "Formulas replaced (each with its whole spill range):",
  undoButton: "Undo the freeze",
  undoDone: "Restored {count} THIDUA formulas, spill ranges included.",
  undoSkipped:
    "Left {count} ranges edited after the freeze as they are (still kept on the hidden sheet): {ranges}",
  undoNone: "There is no freeze to undo.",
  freezeSkipped: "Skipped {count} cells edited after the list was shown: {cells}",
  freezeSpilled: "Spilled result tables were frozen whole: {ranges}",
  copyButton: "Make a copy to send",
  copyDone:
    "Made “{file}”: {count} THIDUA cells replaced by values, cluster settings kept. The open workbook is unchanged.",
  copyNoValue:
    "{count} THIDUA cells had no result or showed an error and are empty in the copy: {cells}. Fix these cells, then make the copy again.",
  copyRebuilt:
    "Excel did not give the whole file, so the copy was rebuilt from the cells: values, formulas, bold/italic and merged cells are kept; column widths, colours, borders, number formats and charts are not.",
  copyName: "{name} - to send.xlsx",

  error: "Could not do it: {reason}",
  errorUnexpected:
    "Something unexpected went wrong. Try again; if it persists, save the workbook and reopen it.",
};

export const EMAIL_STRINGS = defineStrings("taskpane-email", vi, en);
export type EmailKey = keyof typeof vi;
