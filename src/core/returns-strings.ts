/** Sentences of the email loop (returns, pre-send check): what the head reads and acts on. */
import { defineStrings } from "./i18n";

export const RETURNS_STRINGS = defineStrings(
  "returns",
  {
    "problem.unit-missing":
      "Chưa nhận được phiếu tự chấm của {unit}: hãy nhắc đơn vị gửi lại, hoặc nhập điểm sau.",
    "problem.other-year":
      "Tệp {file} là phiếu năm {found}, không phải năm {expected}: tệp này không được tổng hợp. Hãy đề nghị {unit} gửi đúng phiếu năm {expected}.",
    "problem.other-cluster":
      'Tệp {file} ghi "{found}", không phải {expected}: tệp này không được tổng hợp.',
    "problem.criteria-label":
      'Tệp {file} ({unit}): tiêu chí {code} ghi "{found}" khác bảng điểm của cụm "{expected}". Điểm vẫn được lấy theo thứ tự dòng; hãy kiểm tra lại.',
    "problem.criteria-max":
      'Tệp {file} ({unit}): điểm tối đa của tiêu chí "{criterion}" là {found}, bảng điểm của cụm là {expected}. Điểm được lấy nhưng cần kiểm tra.',
    "problem.criteria-missing":
      'Tệp {file} ({unit}) không có tiêu chí "{criterion}" của bảng điểm cụm: ô điểm này để trống.',
    "problem.criteria-extra":
      'Tệp {file} ({unit}) có thêm tiêu chí "{criterion}" không có trong bảng điểm cụm: điểm này không được tổng hợp.',
    "problem.duplicate-return":
      "{unit} gửi hơn một phiếu ({files}): giữ phiếu {kept}; các điểm khác nhau được liệt kê để chọn.",
    "problem.unknown-unit":
      'Tệp {file}: "{unit}" không có trong danh sách đơn vị thành viên của cụm. Vẫn tổng hợp; hãy kiểm tra tên đơn vị.',
    "problem.unit-name-from-file":
      'Tệp {file} không ghi "Đơn vị: …" ở đầu phiếu: tên đơn vị được lấy từ tên tệp ({unit}).',
    "problem.no-self-score-sheet": "Tệp {file} không có phiếu tự chấm đọc được: {reason}",
    "problem.unreadable": "Không mở được tệp {file}: {reason}",
    notAForm: "tệp có bảng điểm tổng hợp nhiều đơn vị, không phải phiếu tự chấm của một đơn vị",
    "problem.value-unknown":
      "Tệp {file} ({unit}): ô {cell} là công thức chưa có kết quả lưu sẵn; hãy mở tệp trong Excel, lưu lại rồi nhập lại.",
    "problem.accepted-anyway":
      "Tệp {file} ({unit}) được Cụm trưởng vẫn nhận dù {reason}: điểm được tổng hợp và xếp hạng.",
    "problem.accept-unused":
      'Không có phiếu bị từ chối nào là "{name}" để vẫn nhận: hãy kiểm tra lại tên tệp hoặc tên đơn vị.',
    "problem.no-member-list":
      "Chưa nhập danh sách đơn vị thành viên ở thẻ Cấu hình: mọi đơn vị gửi phiếu đều được tổng hợp, và không biết đơn vị nào chưa gửi.",
    "reason.other-year": "phiếu năm {found}, không phải năm {expected}",
    "reason.other-cluster": 'phiếu ghi "{found}", không phải {expected}',
    "receipt.heading": "TÌNH TRẠNG PHIẾU TỰ CHẤM",
    "receipt.missing": "Chưa gửi phiếu: chưa được xếp hạng",
    "receipt.refused": "Phiếu không được tổng hợp, chưa được xếp hạng",
    "receipt.accepted": "Cụm trưởng vẫn nhận",
    "issue.form-missing":
      "{unit} chưa gửi phiếu tự chấm: đơn vị chưa được xếp hạng và kết quả là tạm tính. Hãy nhắc đơn vị gửi phiếu.",
    "issue.form-refused":
      'Phiếu của {unit} không được tổng hợp ({reason}): đơn vị chưa được xếp hạng và kết quả là tạm tính. Hãy đề nghị gửi lại đúng phiếu, hoặc "Vẫn nhận" nếu phiếu đúng.',
    "conflict.self": "Điểm tự chấm khác nhau",
    "conflict.review": "Điểm cụm chấm trong tệp khác điểm đã nhập",
    summarySource: "Bảng tổng hợp",
    "presend.thidua-formula":
      'Ô {cell} dùng hàm {name}: người nhận không cài THIDUA sẽ thấy #NAME?. Hãy "Chốt kết quả" hoặc gửi bản sao.',
    "presend.external-link":
      "Ô {cell} lấy số liệu từ tệp khác ({book}): người nhận không có tệp đó sẽ thấy số cũ hoặc lỗi.",
    "presend.error-cell": "Ô {cell} đang báo lỗi {error}: hãy sửa trước khi gửi.",
    "presend.hidden-sheet":
      'Trang tính "{sheet}" đang bị ẩn: người nhận vẫn mở được, hãy xem có cần gửi kèm không.',
    "presend.ok": "Không thấy vấn đề nào: có thể gửi.",
  },
  {
    "problem.unit-missing":
      "No self-score form received from {unit}: remind the unit to send it, or enter the scores later.",
    "problem.other-year":
      "File {file} is the form for {found}, not {expected}: it was not consolidated. Ask {unit} to send the {expected} form.",
    "problem.other-cluster": 'File {file} says "{found}", not {expected}: it was not consolidated.',
    "problem.criteria-label":
      'File {file} ({unit}): criterion {code} reads "{found}" where the cluster\'s table has "{expected}". Scores are taken by row order; please check.',
    "problem.criteria-max":
      'File {file} ({unit}): the max of "{criterion}" is {found}, the cluster\'s table has {expected}. The score is taken but needs checking.',
    "problem.criteria-missing":
      'File {file} ({unit}) lacks the cluster\'s criterion "{criterion}": that score is left blank.',
    "problem.criteria-extra":
      'File {file} ({unit}) has an extra criterion "{criterion}" not in the cluster\'s table: it is not consolidated.',
    "problem.duplicate-return":
      "{unit} sent more than one form ({files}): {kept} is kept; differing scores are listed for you to choose.",
    "problem.unknown-unit":
      "File {file}: \"{unit}\" is not in the cluster's member list. Consolidated anyway; please check the unit's name.",
    "problem.unit-name-from-file":
      'File {file} has no "Đơn vị: …" line at the top: the unit\'s name is taken from the file name ({unit}).',
    "problem.no-self-score-sheet": "File {file} has no readable self-score form: {reason}",
    "problem.unreadable": "Cannot open file {file}: {reason}",
    notAForm: "it holds a table of several units, not one unit's self-score form",
    "problem.value-unknown":
      "File {file} ({unit}): cell {cell} is a formula without a saved result; open the file in Excel, save it and import it again.",
    "problem.accepted-anyway":
      "File {file} ({unit}) was accepted anyway by the head although it is {reason}: its scores are consolidated and ranked.",
    "problem.accept-unused":
      'No refused form is called "{name}" to accept anyway: check the file or unit name.',
    "problem.no-member-list":
      "No member list is set on the Settings tab: every unit that sent a form is consolidated, and nobody can tell who has not sent one.",
    "reason.other-year": "the form for {found}, not {expected}",
    "reason.other-cluster": 'a form saying "{found}", not {expected}',
    "receipt.heading": "SELF-SCORE FORMS RECEIVED",
    "receipt.missing": "No form sent: not ranked yet",
    "receipt.refused": "Form not consolidated, not ranked yet",
    "receipt.accepted": "Accepted anyway by the head",
    "issue.form-missing":
      "{unit} has sent no self-score form: it is not ranked yet and the ranking is provisional. Remind the unit to send it.",
    "issue.form-refused":
      'The form of {unit} was not consolidated ({reason}): it is not ranked yet and the ranking is provisional. Ask for the right form, or use "Accept anyway" if this one is right.',
    "conflict.self": "Self scores differ",
    "conflict.review": "The file's reviewed score differs from the one already entered",
    summarySource: "Summary sheet",
    "presend.thidua-formula":
      'Cell {cell} uses {name}: a recipient without THIDUA will see #NAME?. Use "Freeze results" or send a clean copy.',
    "presend.external-link":
      "Cell {cell} takes data from another file ({book}): a recipient without it will see stale values or errors.",
    "presend.error-cell": "Cell {cell} shows the error {error}: fix it before sending.",
    "presend.hidden-sheet":
      'Sheet "{sheet}" is hidden: the recipient can still open it; check whether it should be sent.',
    "presend.ok": "No problem found: ready to send.",
  }
);

export type ReturnsKey = keyof typeof RETURNS_STRINGS.vi;
