/**
 * E2E (real Chromium, issue 15): "Chốt kết quả" lists every cell of the spilled RANKING table and the
 * TOTAL row as the user reads numbers ("87,75"), names the error cells it leaves alone, freezes after
 * the confirmation, "Hoàn tác lần chốt" puts every formula back (the whole workbook equal to before),
 * and "Tạo bản sao để gửi" downloads a copy without touching the workbook.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { bundlePage } from "./page-bundle";

const ROOT = path.resolve(__dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";

let dir: string;
let server: http.Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-e2e-freeze-"));
  const www = path.join(dir, "www");
  await bundlePage(path.join(ROOT, "test/email/e2e/freeze-page.tsx"), www);
  fs.writeFileSync(
    path.join(www, "index.html"),
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>THIDUA chốt</title></head><body><div id="root"></div><script src="page.js"></script></body></html>'
  );
  server = http.createServer((req, res) => {
    const file = path.join(
      www,
      decodeURIComponent((req.url ?? "/").split("?")[0]).replace(/^\/$/, "/index.html")
    );
    if (!file.startsWith(www) || !fs.existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader(
      "Content-Type",
      file.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8"
    );
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

const state = (page: Page): Promise<string> =>
  page.evaluate(() => (window as unknown as { __state: () => string }).__state());

const formulaAt = (page: Page, sheet: string, row: number, col: number) =>
  page.evaluate(
    ([s, r, c]) => {
      const sim = (window as unknown as { __sim: any }).__sim;
      return sim.model.formula(sim.model.sheetByName(s), r, c) ?? null;
    },
    [sheet, row, col] as [string, number, number]
  );

describe("Chốt kết quả, Hoàn tác and the clean copy in Chromium (issue 15)", () => {
  it("freezes the whole spills after listing them, undoes exactly, and the copy leaves the workbook as it was", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole("button", { name: "Chốt kết quả" }).waitFor();
    const before = await state(page);

    await page.getByRole("button", { name: "Chốt kết quả" }).click();
    const table = page.getByRole("table", { name: "Sẽ thay 48 ô bằng giá trị:" });
    await table.waitFor({ timeout: 30_000 });
    expect(await table.getByRole("row", { name: /'Bảng điểm'!B8\s*87,75/ }).count()).toBe(1);
    expect(await table.getByRole("row", { name: /'Bảng điểm'!G18\s*86,25/ }).count()).toBe(1);
    expect(await page.getByText("87.75").count()).toBe(0);
    expect(await page.getByText(/'Bảng điểm'!A21: #SPILL!/).count()).toBe(1);
    expect(await page.getByText(/'Bảng điểm'!A20: #VALUE!/).count()).toBe(1);

    await page.getByRole("button", { name: "Chốt 48 ô" }).click();
    await page.getByText(/^Đã chốt 48 ô \(3 công thức\)/).waitFor({ timeout: 30_000 });
    expect(await formulaAt(page, "Bảng điểm", 7, 0)).toBeNull();
    expect(await formulaAt(page, "Bảng điểm", 19, 0)).toBe('=THIDUA.NUMBER("không phải số")');

    await page.getByRole("button", { name: "Hoàn tác lần chốt" }).click();
    await page
      .getByText("Đã khôi phục 3 công thức THIDUA, cả các vùng tràn.")
      .waitFor({ timeout: 30_000 });
    expect(await state(page)).toBe(before);

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Tạo bản sao để gửi" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Kết quả thi đua - bản gửi.xlsx");
    const saved = path.join(dir, "copy.xlsx");
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(await state(page)).toBe(before);
    await context.close();
  }, 120_000);
});
