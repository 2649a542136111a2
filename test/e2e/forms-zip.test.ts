/**
 * The self-score forms leave the pane as ONE download in Chromium (issue 18): a .zip named after the
 * cluster and year, holding one workbook per member of sample s1 under its Vietnamese name, where the
 * browser would otherwise ask to allow seven downloads.
 */
import type { BrowserContext } from "playwright-core";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { devBundle } from "./dev-bundle";
import { browserSuite } from "./taskpane-server";

jest.setTimeout(240_000);

let server: { url: string };
let context: BrowserContext;

browserSuite(devBundle, (s) => ({ server, context } = s));

test("s1's seven forms download as one zip of seven workbooks, each naming its unit", async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "" })
  );
  await page.goto(`${server.url}playground.html?sample=s1-layout-a/input.xlsx`);
  const pane = page.locator("[data-testid=task-pane]");
  await pane
    .getByRole("button", { name: "Đọc bảng điểm", exact: true })
    .waitFor({ timeout: 60_000 });
  await pane.getByRole("tab", { name: /^Gửi, nhận/ }).click();
  await pane.getByLabel("Năm thi đua ghi trên phiếu").fill("2026");
  await pane.getByLabel("Tên cụm (khối) thi đua ghi trên phiếu").fill("Cụm thi đua số 3");
  await pane.getByRole("checkbox", { name: /Tôi đã kiểm tra/ }).check();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 90_000 }),
    pane.getByRole("button", { name: "Tải phiếu tự chấm (.xlsx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("Phieu-tu-cham-Cum-thi-dua-so-3-2026.zip");
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "thidua-zip-")), "forms.zip");
  await download.saveAs(saved);
  await pane.getByText(/Đã tạo 7 phiếu trong một tệp nén/).waitFor();

  const zip = await JSZip.loadAsync(fs.readFileSync(saved));
  const names = Object.keys(zip.files);
  expect(names).toHaveLength(7);
  for (const name of names) {
    const unit = /^Phiếu tự chấm 2026 - (.+)\.xlsx$/.exec(name)?.[1];
    expect(unit).toBeDefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.file(name)!.async("uint8array")).slice().buffer as ArrayBuffer);
    // The form names its unit in its heading rows.
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ""))));
    expect(texts.some((t) => t.includes(unit!))).toBe(true);
  }
  fs.rmSync(path.dirname(saved), { recursive: true, force: true });
  await page.close();
});
