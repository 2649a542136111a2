import { gridFromRows, type CellValue, type Grid } from "../../src/core/grid";

/** A layout-A sheet: STT | Nội dung | Điểm chuẩn | units…, the criteria rows given as [code, label, max, ...scores]. */
export function layoutA(units: string[], rows: CellValue[][], sheet = "Bảng điểm"): Grid {
  return gridFromRows(sheet, [
    ["CỤM THI ĐUA SỐ 1"],
    [],
    ["STT", "Nội dung tiêu chí", "Điểm chuẩn", ...units],
    ...rows,
  ]);
}
