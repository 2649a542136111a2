/**
 * The playground in a real browser: Debian's chromium driven by playwright-core over a dev build
 * served on 127.0.0.1 (no Office, no network: office.js is routed to an empty answer). Checks that
 * the grid and the task pane render, that a THIDUA formula typed in a cell computes (N1: "8,5" → 8.5),
 * and saves screenshots to test-artifacts/ for a human look.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { devBundle } from "./dev-bundle";

const ROOT = path.join(__dirname, "..", "..");
// The development build shared with the other E2E tests (dev-bundle.ts).
let OUT = "";
const ARTIFACTS = path.join(ROOT, "test-artifacts");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".png": "image/png",
};

let server: http.Server;
let base = "";
let context: BrowserContext;
let userDataDir = "";
let page: Page;

beforeAll(async () => {
  OUT = devBundle();
  await startServerAndBrowser();
}, 240_000);

async function startServerAndBrowser(): Promise<void> {
  server = http.createServer((req, res) => {
    const rel =
      decodeURIComponent((req.url ?? "/").split("?")[0]).replace(/^\/+/, "") || "playground.html";
    const file = path.join(OUT, rel);
    if (!file.startsWith(OUT) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-playground-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
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
  page = await context.newPage();
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "" })
  );
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

test("the playground opens s1 (Vietnamese Excel), shows the grid with its cells and the real task pane", async () => {
  await page.goto(`${base}playground.html?sample=s1-layout-a/input.xlsx`);
  await page.waitForSelector("[data-testid=sheet-grid] td[data-cell=D24]", { timeout: 30_000 });
  // D24 is the sample's TỔNG CỘNG for the first unit, a formula recomputed by HyperFormula, shown
  // with the Vietnamese culture's decimal comma.
  expect(await page.textContent("td[data-cell=D24]")).toBe("87,75");
  expect(await page.textContent("td[data-cell=B4]")).toBe("Nội dung tiêu chí");
  const b4Weight = await page.$eval("td[data-cell=B4]", (el) => getComputedStyle(el).fontWeight);
  expect(Number(b4Weight)).toBeGreaterThanOrEqual(700);
  expect(await page.$eval("td[data-cell=A1]", (el) => (el as HTMLTableCellElement).colSpan)).toBe(
    11
  );
  await page.waitForSelector("[data-testid=task-pane] button", { timeout: 30_000 });
  const paneWidth = await page.$eval(
    "[data-testid=task-pane]",
    (el) => el.getBoundingClientRect().width
  );
  expect(paneWidth).toBeGreaterThanOrEqual(320);
  expect(paneWidth).toBeLessThanOrEqual(450);
  expect(await page.getByRole("tab", { name: "Bảng điểm" }).count()).toBe(1);
  await page.screenshot({ path: path.join(ARTIFACTS, "playground-s1-vi.png") });
}, 60_000);

test("issue 7: one English switch, the pane's, turns the pane, the playground's words and the grid's decimal mark to English", async () => {
  // The page before: Vietnamese throughout, and no second language control beside the pane's.
  expect(await page.getByRole("switch").count()).toBe(1);
  expect(await page.getByRole("button", { name: /^(English|Tiếng Việt)$/ }).count()).toBe(0);
  await page.getByRole("switch", { name: "English" }).click();
  await page.getByRole("button", { name: "Read score sheet" }).waitFor({ timeout: 10_000 });
  await page.getByRole("button", { name: "Save .xlsx" }).waitFor();
  await page.waitForFunction(
    () => document.querySelector("td[data-cell=D24]")?.textContent === "87.75"
  );
  expect(await page.getByRole("switch", { name: "English" }).isChecked()).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, "playground-s1-switched-en.png") });
  // And back: the same switch undoes both.
  await page.getByRole("switch", { name: "English" }).click();
  await page.getByRole("button", { name: "Lưu .xlsx" }).waitFor();
  await page.getByRole("button", { name: "Đọc bảng điểm" }).waitFor();
  expect(await page.textContent("td[data-cell=D24]")).toBe("87,75");
}, 30_000);

test('in English, typing =THIDUA.NUMBER("8,5") in a cell shows 8.5 (N1)', async () => {
  // The developer view (?dev=1) adds the round-trip counter the ranking test below reads.
  await page.goto(`${base}playground.html?sample=s1-layout-a/input.xlsx&lang=en&dev=1`);
  await page.waitForSelector("td[data-cell=M3]", { timeout: 30_000 });
  expect(await page.textContent("td[data-cell=D24]")).toBe("87.75");
  await page.click("td[data-cell=M3]");
  await page.keyboard.type('=THIDUA.NUMBER("8,5")');
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    () => document.querySelector("td[data-cell=M3]")?.textContent === "8.5",
    undefined,
    {
      timeout: 10_000,
    }
  );
  await page.click("td[data-cell=M3]");
  expect(await page.inputValue("[data-testid=formula-bar]")).toBe('=THIDUA.NUMBER("8,5")');
  await page.screenshot({ path: path.join(ARTIFACTS, "playground-formula-en.png") });
}, 30_000);

test("keys that reach the grid before the formula bar has the focus all go into the entry (none lost)", async () => {
  await page.click("td[data-cell=M5]");
  // Four keydowns in one task: the formula bar cannot take the focus in between, as on a busy machine.
  await page.$eval("[data-testid=sheet-grid]", (grid) => {
    for (const key of "=1+2")
      grid.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(
    () =>
      (document.querySelector("[data-testid=formula-bar]") as HTMLInputElement | null)?.value ===
      "=1+2",
    undefined,
    { timeout: 10_000 }
  );
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    () => document.querySelector("td[data-cell=M5]")?.textContent === "3",
    undefined,
    { timeout: 10_000 }
  );
}, 30_000);

test("the task pane reads and ranks through the simulator; the ranking sheet appears as a tab", async () => {
  await page.getByRole("button", { name: "Read score sheet" }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(ARTIFACTS, "playground-read-en.png") });
  await page.getByRole("tab", { name: "Rank" }).click();
  await page.getByRole("button", { name: "Build ranking" }).click();
  await page.getByRole("tab", { name: "Ranking" }).waitFor({ timeout: 15_000 });
  expect(await page.textContent("[data-testid=sync-count]")).toMatch(/Syncs: [1-9]/);
  await page.screenshot({ path: path.join(ARTIFACTS, "playground-ranked-en.png") });
}, 30_000);

test("save downloads the workbook as an .xlsx", async () => {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 15_000 }),
    page.getByRole("button", { name: "Save .xlsx" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const saved = await download.path();
  expect(
    fs
      .readFileSync(saved as string)
      .subarray(0, 2)
      .toString()
  ).toBe("PK");
}, 30_000);
