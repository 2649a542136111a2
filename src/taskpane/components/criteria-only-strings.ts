/** The criteria-only panel's words, loaded with the panel. */
import { defineStrings } from "../../core/i18n";

export const CRITERIA_ONLY_STRINGS = defineStrings(
  "pane-criteria-only",
  {
    title: "Bảng điểm chuẩn: chưa có điểm của đơn vị nào",
    found:
      'Trang "{sheet}" có {criteria} tiêu chí, tổng điểm chuẩn {max}. Chưa xếp hạng được; từ bảng này có thể lập phiếu tự chấm cho từng đơn vị và giao ước thi đua.',
    membersLabel: "Đơn vị thành viên, mỗi dòng một đơn vị, theo thứ tự của cụm/khối",
    membersPlaceholder: "Sở Tư pháp\nSở Nội vụ\nSở Tài chính",
    membersCount: "{n} đơn vị",
    membersNone: "Hãy nhập ít nhất một đơn vị để lập phiếu và giao ước.",
    duplicates: "Bỏ tên nhập trùng: {names}.",
    makeForms: "Tạo phiếu tự chấm ({n} trang)",
    makeCovenant: "Tạo giao ước thi đua",
    covenantWord: "Tải giao ước (Word)",
    wordDone: "Đã tải {file}.",
    working: "Đang tạo…",
    formsDone: "Đã tạo {n} phiếu tự chấm: {names}.",
    formsReplaced: "Các phiếu đã có được lập lại tại chỗ, Hoàn tác không xóa chúng: {names}.",
    covenantDone: 'Đã tạo trang "{sheet}".',
    undo: "Hoàn tác",
    undone: "Đã xóa {n} trang vừa tạo; bảng tính trở lại như trước.",
  },
  {
    title: "Criteria table: no unit has scores yet",
    found:
      'Sheet "{sheet}" has {criteria} criteria, {max} points in all. Nothing to rank yet; from this table the pane can make each unit\'s self-score form and the covenant.',
    membersLabel: "Member units, one per line, in the cluster's order",
    membersPlaceholder: "Department of Justice\nDepartment of Home Affairs\nDepartment of Finance",
    membersCount: "{n} units",
    membersNone: "Type at least one unit to make the forms and the covenant.",
    duplicates: "Names typed twice are kept once: {names}.",
    makeForms: "Make self-score forms ({n} sheets)",
    makeCovenant: "Make the covenant",
    covenantWord: "Download the covenant (Word)",
    wordDone: "{file} downloaded.",
    working: "Making…",
    formsDone: "{n} self-score forms made: {names}.",
    formsReplaced: "Forms made before were made again in place; Undo leaves them: {names}.",
    covenantDone: 'Sheet "{sheet}" made.',
    undo: "Undo",
    undone: "The {n} sheets just made were deleted; the workbook is as it was.",
  }
);

export type CriteriaOnlyKey = keyof (typeof CRITERIA_ONLY_STRINGS)["vi"];
