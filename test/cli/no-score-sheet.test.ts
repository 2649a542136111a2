/**
 * One error catalogue: a workbook without a score sheet fails in the CLI (exit 2, one line) with the
 * title the pane's error bar shows for it, and the same reason.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { simulatorFromXlsx } from "../../src/simulator";
import { errorMessage } from "../../src/sheets/errors";
import { createExcelService } from "../../src/taskpane/excel-service";
import { ServiceError } from "../../src/taskpane/service";
import { runCli } from "./run";

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-noscore-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("no-score-sheet: thidua rank and the pane's Read say 'Không nhận ra bảng điểm' with the same reason", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ghi chú");
  ws.addRow(["Danh sách việc cần làm trước cuộc họp"]);
  ws.addRow(["Gửi giấy mời"]);
  ws.addRow(["Chuẩn bị phòng họp"]);
  const file = path.join(dir, "ghi-chu.xlsx");
  await wb.xlsx.writeFile(file);

  const res = await runCli(["rank", file]);
  expect(res.code).toBe(2);
  expect(res.out).toBe("");
  const lines = res.err.trim().split("\n");
  expect(lines).toHaveLength(1);

  const sim = await simulatorFromXlsx(fs.readFileSync(file));
  const svc = createExcelService({ excel: sim.Excel as any, office: sim.Office });
  const failure = await svc.read(undefined, "vi").then(
    () => null,
    (e: unknown) => e
  );
  expect(failure).toBeInstanceOf(ServiceError);
  const { title } = errorMessage("no-score-sheet", "vi");
  expect(title).toBe("Không nhận ra bảng điểm");
  expect(lines[0]).toBe(`thidua: ${title}: ${(failure as ServiceError).detail}`);
});
