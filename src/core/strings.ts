/** The engine's user-visible sentences: issues (DOMAIN §6), rank labels, mapping summaries. */
import { defineStrings } from "./i18n";

export const CORE_STRINGS = defineStrings(
  "core",
  {
    rankFirst: "Nhất",
    rankSecond: "Nhì",
    rankThird: "Ba",
    bandsEmpty: "Chưa có mức xếp loại nào.",
    bandNoLabel: "Mức xếp loại từ {share} chưa có tên.",
    bandOutOfRange: 'Mức "{label}" có ngưỡng {share}, phải nằm trong khoảng 0–100 %.',
    bandOverlap: 'Hai mức "{a}" và "{b}" cùng ngưỡng {share}: chồng lấn nhau.',
    bandGap:
      "Không có mức nào cho tổng điểm dưới {share} của điểm tối đa: hãy thêm một mức từ 0 %.",
    bandDuplicateLabel: 'Tên mức "{label}" bị lặp.',
    "issue.score-above-max":
      'Điểm {value} vượt điểm chuẩn {max} của tiêu chí "{criterion}" ({unit}).',
    "issue.score-negative": 'Điểm âm {value} ở tiêu chí nội dung "{criterion}" ({unit}).',
    "issue.score-missing":
      'Chưa có điểm tiêu chí "{criterion}" ({unit}): đơn vị chưa chấm đủ, xếp hạng là tạm tính.',
    "issue.not-a-number":
      'Ô có chữ "{text}" thay cho điểm ({unit}, "{criterion}"): được tính là 0.',
    "issue.text-number":
      'Điểm "{text}" được nhập dạng chữ ({unit}, "{criterion}"): đọc là {value}; có thể sửa thành số.',
    "issue.ambiguous-number":
      'Không rõ "{text}" là số nào ({unit}, "{criterion}"): có thể là {candidates}. Được tính là 0.',
    "issue.cell-error": 'Ô báo lỗi {error} ({unit}, "{criterion}"): được tính là 0.',
    "issue.cell-error-max": 'Điểm chuẩn của tiêu chí "{criterion}" là lỗi {error}.',
    "issue.formula-no-result":
      'Ô có công thức chưa có kết quả ({unit}, "{criterion}"): tạm tính là 0. Hãy mở tệp bằng Excel, tính lại (F9) rồi lưu.',
    "issue.max-sum-mismatch":
      'Điểm chuẩn của "{criterion}" là {max} nhưng tổng điểm chuẩn các tiêu chí con là {sum}.',
    "issue.max-sum-mismatch-subtotal":
      'Dòng cộng của "{criterion}" ghi điểm chuẩn {max} nhưng điểm chuẩn các tiêu chí cộng lại là {sum}.',
    "issue.subtotal-mismatch":
      'Ô ghi {typed} nhưng tổng các tiêu chí con là {sum} ({unit}, "{criterion}"): dùng {sum}.',
    "issue.total-mismatch":
      "Tổng điểm ghi trong bảng là {typed} nhưng tính theo quy tắc là {sum} ({unit}).",
    "issue.section-subtotal-mismatch":
      'Ô cộng của "{criterion}" ghi {typed} nhưng các tiêu chí cộng lại là {sum} ({unit}): dùng {sum}.',
    "issue.bonus-capped": "Điểm thưởng {bonus} vượt mức tối đa {cap} ({unit}): bỏ {dropped} điểm.",
    "issue.deduction-sign":
      'Điểm trừ nhập số âm {value} ({unit}, "{criterion}"): vẫn trừ {magnitude} điểm.',
    "issue.review-missing":
      "Bảng có cột cụm chấm nhưng đơn vị {unit} mới có điểm tự chấm: tạm dùng điểm tự chấm.",
    "issue.duplicate-unit": 'Đơn vị "{unit}" xuất hiện hai lần ({where}).',
    "issue.legacy-encoding":
      'Chữ mã {encoding} ("{text}"): đã đọc thành "{unicode}"; có thể chuyển sang Unicode.',
    "issue.tie-at-top":
      "Các đơn vị {units} cùng đứng đầu với {total} điểm: cần bình xét, bỏ phiếu hoặc tiêu chí phụ.",
    "issue.not-eligible":
      "Đơn vị {unit} không đủ điều kiện khen thưởng ({reasons}): giữ thứ hạng, nhường suất cho đơn vị kế tiếp.",
    "issue.alternatives-conflict":
      'Tiêu chí "{criterion}" chỉ chấm một mức nhưng có nhiều mức được chấm ({levels}; {unit}): tạm tính mức cao nhất {value}, hãy để lại một mức.',
    notScoreSheet: "Không phải bảng chấm điểm: {what}.",
    noteSkippedSheet:
      'Trang "{sheet}"{inFile} cũng là bảng điểm nhưng không được xếp hạng: đã xếp hạng trang "{instead}".',
    noteSkippedForm:
      'Trang "{sheet}"{inFile} (phiếu tự chấm của một đơn vị) không được xếp hạng: đã xếp hạng bảng tổng hợp "{instead}".',
    noteInFile: " (tệp {file})",
    noHeader: "không tìm thấy dòng tiêu đề (STT, Nội dung/Tiêu chí, Điểm chuẩn, tên đơn vị)",
    noMax: "không tìm thấy cột điểm chuẩn",
    noUnits: "không tìm thấy cột/dòng điểm của đơn vị nào",
    noCriteria: "không tìm thấy tiêu chí nào có điểm chuẩn",
    emptySheet: "trang tính trống",
    noSheets: "không có trang tính nào để đọc",
    sheetNotFound: 'không có trang tính "{sheet}"',
    layoutA: "A: tiêu chí theo dòng, đơn vị theo cột",
    layoutB: "B: đơn vị theo dòng, tiêu chí theo cột",
    layoutC: "C: mỗi đơn vị hai cột Tự chấm | Cụm chấm",
    layoutD: "D: phiếu chấm của một đơn vị",
    reasonHeader: "Dòng tiêu đề ở dòng {row}: {words}",
    reasonMaxCol: "Điểm chuẩn ở cột {col}",
    reasonMaxInHeader: 'Điểm chuẩn ghi trong tiêu đề cột ("{text}")',
    reasonMaxRow: "Điểm chuẩn ở dòng {row}",
    reasonMaxInLabel: 'Điểm chuẩn ghi trong nội dung từng tiêu chí ("(10 điểm)")',
    reasonUnits: "{n} đơn vị: {names}",
    reasonPairs: "Mỗi đơn vị có cột Tự chấm và Cụm chấm",
    reasonUnitName: 'Tên đơn vị lấy từ "{text}"',
    reasonCodes: "Mã tiêu chí ở cột {col}",
    reasonWeights: "Hệ số ở cột {col}",
    reasonTotalRow: "Dòng tổng cộng: dòng {row}",
    reasonTotalCol: "Cột tổng điểm: cột {col}",
    reasonBonus: "Điểm thưởng: {where}",
    reasonDeduction: "Điểm trừ: {where}",
    reasonSubtotalRows: "Dòng cộng từng mục (đối chiếu, không tính là tiêu chí): dòng {rows}",
    reasonSubtotalCols: "Cột cộng từng mục (đối chiếu, không tính là tiêu chí): cột {cols}",
    reasonHiddenUnitCols:
      "Cột {cols} đang ẩn ({names}): không xếp hạng; bỏ ẩn cột nếu đó là đơn vị cần xếp hạng.",
    reasonHiddenUnitRows:
      "Dòng {rows} đang ẩn ({names}): không xếp hạng; bỏ ẩn dòng nếu đó là đơn vị cần xếp hạng.",
    reasonHiddenCriteriaRows:
      "Dòng {rows} đang ẩn nhưng vẫn được tính là tiêu chí (như hàm SUM của Excel).",
    reasonHiddenCriteriaCols:
      "Cột {cols} đang ẩn nhưng vẫn được tính là tiêu chí (như hàm SUM của Excel).",
    reasonTreeFormulas: "Cây tiêu chí theo công thức cộng của chính bảng ({n} dòng cha)",
    reasonTreeNoCodes:
      "Đọc cây theo mã tiêu chí lệch với các ô tổng ghi trong bảng: đã đọc theo chữ đậm và thụt lề, khớp hơn",
    reasonTreeNoBold:
      "Đọc cây theo chữ đậm lệch với các ô tổng ghi trong bảng: đã bỏ qua chữ đậm, khớp hơn",
    reasonTreeNoIndent:
      "Đọc cây theo thụt lề lệch với các ô tổng ghi trong bảng: đã bỏ qua thụt lề, khớp hơn",
    reasonTypedDisagree:
      "{n} ô tổng ghi trong bảng lệch với cách đọc này ở mọi đơn vị: hãy kiểm tra cây tiêu chí trước khi dùng kết quả.",
    reasonMaxInCells:
      'Điểm chuẩn ghi trong từng ô điểm ("9,49/9,5"): mỗi đơn vị có điểm chuẩn riêng, xếp hạng theo tỷ lệ điểm (R11)',
    reasonResults:
      "Bảng tổng hợp kết quả: mỗi đơn vị có điểm chuẩn riêng ở cột {max}, điểm đạt được ở cột {points}; xếp hạng theo tỷ lệ điểm đạt được trên điểm chuẩn (R11)",
    reasonShareCol: "Chỉ số (%) ghi trong bảng ở cột {col}: được đối chiếu",
    reasonNoteCap:
      'Điểm tối đa của "{criterion}" lấy từ ghi chú ở ô {cell} ("{text}"): {max} điểm; nếu không đúng, hãy ghi điểm chuẩn vào cột điểm chuẩn.',
    reasonNotApplicable:
      "Có tiêu chí không áp dụng cho một số đơn vị: mỗi đơn vị có điểm chuẩn riêng, xếp hạng theo tỷ lệ điểm (R11)",
    layoutE: "E: bảng tổng hợp kết quả, mỗi đơn vị một điểm chuẩn",
    "issue.share-mismatch":
      "Chỉ số ghi trong bảng là {typed} nhưng {points}/{max} là {share} ({unit}).",
    noteOnSheet: 'Trang "{sheet}": {text}',
    unitFallback: "Đơn vị {n}",
    provisional: "Tạm tính",
  },
  {
    rankFirst: "First",
    rankSecond: "Second",
    rankThird: "Third",
    bandsEmpty: "No classification band is set.",
    bandNoLabel: "The band from {share} has no label.",
    bandOutOfRange: 'Band "{label}" starts at {share}; it must lie within 0–100 %.',
    bandOverlap: 'Bands "{a}" and "{b}" both start at {share}: they overlap.',
    bandGap: "No band covers totals below {share} of the max: add a band from 0 %.",
    bandDuplicateLabel: 'Band label "{label}" is used twice.',
    "issue.score-above-max": 'Score {value} is above the max {max} of "{criterion}" ({unit}).',
    "issue.score-negative": 'Negative score {value} on content criterion "{criterion}" ({unit}).',
    "issue.score-missing":
      'No score for "{criterion}" ({unit}): the unit is incomplete, its rank is provisional.',
    "issue.not-a-number":
      'The cell holds "{text}" instead of a score ({unit}, "{criterion}"): counted as 0.',
    "issue.text-number":
      'Score "{text}" is stored as text ({unit}, "{criterion}"): read as {value}; can be fixed.',
    "issue.ambiguous-number":
      '"{text}" is ambiguous ({unit}, "{criterion}"): it could be {candidates}. Counted as 0.',
    "issue.cell-error": 'The cell shows the error {error} ({unit}, "{criterion}"): counted as 0.',
    "issue.cell-error-max": 'The max of "{criterion}" is the error {error}.',
    "issue.formula-no-result":
      'The cell\'s formula has no result ({unit}, "{criterion}"): counted as 0 for now. Open the file in Excel, recalculate (F9) and save it.',
    "issue.max-sum-mismatch":
      'The max of "{criterion}" is {max} but its children\'s maxima add up to {sum}.',
    "issue.max-sum-mismatch-subtotal":
      'The subtotal line of "{criterion}" shows a max of {max} but its criteria\'s maxima add up to {sum}.',
    "issue.subtotal-mismatch":
      'The cell shows {typed} but the children add up to {sum} ({unit}, "{criterion}"): {sum} is used.',
    "issue.total-mismatch":
      "The total typed in the sheet is {typed} but the rules give {sum} ({unit}).",
    "issue.section-subtotal-mismatch":
      'The subtotal cell of "{criterion}" shows {typed} but its criteria add up to {sum} ({unit}): {sum} is used.',
    "issue.bonus-capped":
      "Bonus {bonus} is above the cap {cap} ({unit}): {dropped} points dropped.",
    "issue.deduction-sign":
      'Deduction typed as a negative number {value} ({unit}, "{criterion}"): {magnitude} is deducted.',
    "issue.review-missing":
      "The sheet has review columns but {unit} has only self scores: the self scores are used for now.",
    "issue.duplicate-unit": 'Unit "{unit}" appears twice ({where}).',
    "issue.legacy-encoding":
      '{encoding} text ("{text}"): read as "{unicode}"; can be converted to Unicode.',
    "issue.tie-at-top":
      "Units {units} tie for first place with {total} points: decide by vote or a tie-break key.",
    "issue.not-eligible":
      "{unit} is not eligible for an award ({reasons}): it keeps its rank, the next unit takes the slot.",
    "issue.alternatives-conflict":
      'Only one level of "{criterion}" may be scored but several are ({levels}; {unit}): the highest, {value}, counts for now; keep one level.',
    notScoreSheet: "Not a score sheet: {what}.",
    noteSkippedSheet:
      'Sheet "{sheet}"{inFile} is a score sheet too but was not ranked: sheet "{instead}" was ranked.',
    noteSkippedForm:
      'Sheet "{sheet}"{inFile} (one unit\'s self-score form) was not ranked: the summary "{instead}" was ranked.',
    noteInFile: " (file {file})",
    noHeader: "no header row found (STT, Nội dung/Tiêu chí, Điểm chuẩn, unit names)",
    noMax: "no max column (Điểm chuẩn) found",
    noUnits: "no unit score column or row found",
    noCriteria: "no criterion with a max found",
    emptySheet: "the sheet is empty",
    noSheets: "there is no sheet to read",
    sheetNotFound: 'there is no sheet "{sheet}"',
    layoutA: "A: criteria in rows, units in columns",
    layoutB: "B: units in rows, criteria in columns",
    layoutC: "C: two columns per unit, Self | Review",
    layoutD: "D: one unit's self-score form",
    reasonHeader: "Header on row {row}: {words}",
    reasonMaxCol: "Max in column {col}",
    reasonMaxInHeader: 'Max written in the column headers ("{text}")',
    reasonMaxRow: "Max on row {row}",
    reasonMaxInLabel: 'Max written in each criterion\'s label ("(10 điểm)")',
    reasonUnits: "{n} units: {names}",
    reasonPairs: "Each unit has a Self and a Review column",
    reasonUnitName: 'Unit name taken from "{text}"',
    reasonCodes: "Criterion codes in column {col}",
    reasonWeights: "Weights in column {col}",
    reasonTotalRow: "Total row: row {row}",
    reasonTotalCol: "Total column: column {col}",
    reasonBonus: "Bonus: {where}",
    reasonDeduction: "Deductions: {where}",
    reasonSubtotalRows: "Section subtotal rows (checked, not counted as criteria): rows {rows}",
    reasonSubtotalCols:
      "Section subtotal columns (checked, not counted as criteria): columns {cols}",
    reasonHiddenUnitCols:
      "Hidden column(s) {cols} ({names}): not ranked; unhide to rank them as units.",
    reasonHiddenUnitRows:
      "Hidden row(s) {rows} ({names}): not ranked; unhide to rank them as units.",
    reasonHiddenCriteriaRows:
      "Hidden row(s) {rows}: still counted as criteria (as Excel's SUM counts them).",
    reasonHiddenCriteriaCols:
      "Hidden column(s) {cols}: still counted as criteria (as Excel's SUM counts them).",
    reasonTreeFormulas: "Criteria tree from the sheet's own sum formulas ({n} parent rows)",
    reasonTreeNoCodes:
      "Reading the tree by its codes disagreed with the sheet's typed subtotals: read by bold and indentation instead, which agrees better",
    reasonTreeNoBold:
      "Reading the tree by bold disagreed with the sheet's typed subtotals: bold ignored, which agrees better",
    reasonTreeNoIndent:
      "Reading the tree by indentation disagreed with the sheet's typed subtotals: indentation ignored, which agrees better",
    reasonTypedDisagree:
      "{n} typed subtotal or total cells disagree with this reading on every unit: check the criteria tree before using the result.",
    reasonMaxInCells:
      'Max written in each score cell ("9,49/9,5"): each unit has its own max and is ranked by share (R11)',
    reasonResults:
      "Results table: each unit has its own max in column {max} and its points in column {points}; ranked by share of the max (R11)",
    reasonShareCol: "Typed share (%) in column {col}: checked",
    reasonNoteCap:
      'Max of "{criterion}" taken from the note in cell {cell} ("{text}"): {max} points; if that is wrong, type the max in the max column.',
    reasonNotApplicable:
      "Some criteria do not apply to some units: each unit has its own max and is ranked by share (R11)",
    layoutE: "E: results table, each unit with its own max",
    "issue.share-mismatch": "The typed share is {typed} but {points}/{max} is {share} ({unit}).",
    noteOnSheet: 'Sheet "{sheet}": {text}',
    unitFallback: "Unit {n}",
    provisional: "Provisional",
  }
);
