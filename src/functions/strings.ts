/**
 * Messages the custom functions show in a cell's error tooltip (#VALUE! / #N/A carry a message) and the
 * words they spill into cells. Vietnamese first; the English table must have exactly the same keys.
 */
import { defineStrings } from "../core/i18n";

export const functionStrings = defineStrings(
  "functions",
  {
    sizeMismatch:
      "Vùng tiêu chí có {criteria} hàng nhưng vùng điểm có {scores} hàng: hai vùng phải cùng số hàng.",
    noCriteria: "Vùng tiêu chí trống.",
    noScores: "Vùng điểm trống.",
    noMaxColumn:
      "Vùng tiêu chí không có điểm chuẩn ở cột thứ {column}: hãy chọn các cột STT, nội dung, điểm chuẩn [, hệ số].",
    unitsMismatch: "Có {units} tên đơn vị nhưng có {columns} cột điểm.",
    pairsOrder:
      "Hàng dưới tên đơn vị phải lần lượt là Tự chấm, Cụm chấm cho từng đơn vị, khớp với các cột điểm.",
    analyzeFailed: "Không đọc được bảng điểm: {reason}",
    notANumber: "Không phải là số: {value}",
    cellError: "Ô có lỗi {error}.",
    noTotals: "Không có tổng điểm nào để xếp hạng.",
    notInTotals: "Điểm {value} không có trong danh sách tổng điểm.",
    badPrecision: "Số chữ số thập phân phải là số nguyên từ 0 đến 10.",
    badBonusCap: "Mức trần điểm thưởng phải là số không âm.",
    badMaxTotal: "Tổng điểm tối đa phải là số lớn hơn 0.",
    badBands: "Bảng xếp loại cần 2 cột: tên loại và tỉ lệ tối thiểu (0 đến 1, hoặc %).",
    badSeparator: 'Dấu thập phân phải là "," hoặc ".".',
    notText: "Cần một đoạn chữ.",
    ambiguousNumber:
      '"{text}" có thể là {a} hoặc {b}: hãy nhập dạng số, hoặc dùng THIDUA.CHUYENSO với dấu thập phân "," hay ".".',
    ok: "OK",
  },
  {
    sizeMismatch:
      "The criteria range has {criteria} rows but the scores range has {scores}: both must have the same rows.",
    noCriteria: "The criteria range is empty.",
    noScores: "The scores range is empty.",
    noMaxColumn:
      "The criteria range has no max in its column {column}: select the code, label, max [, weight] columns.",
    unitsMismatch: "There are {units} unit names but {columns} score columns.",
    pairsOrder:
      "The row under the unit names must read Tự chấm (self), Cụm chấm (review) for each unit, matching the score columns.",
    analyzeFailed: "Cannot read the score table: {reason}",
    notANumber: "Not a number: {value}",
    cellError: "The cell holds the error {error}.",
    noTotals: "There is no total to rank.",
    notInTotals: "The total {value} is not in the list of totals.",
    badPrecision: "Decimals must be a whole number from 0 to 10.",
    badBonusCap: "The bonus cap must be a number, 0 or more.",
    badMaxTotal: "The maximum total must be a number above 0.",
    badBands: "The bands need 2 columns: the label and the minimum share (0 to 1, or %).",
    badSeparator: 'The decimal separator must be "," or ".".',
    notText: "Text is needed.",
    ambiguousNumber:
      '"{text}" could be {a} or {b}: type it as a number, or use THIDUA.NUMBER with the decimal separator "," or ".".',
    ok: "OK",
  }
);
