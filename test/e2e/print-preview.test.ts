/**
 * The print preview in real Chromium over the playground: Giao ước → "Xem trước bản in" opens the
 * preview page in the simulated Office's dialog (office-js-helpers' Dialog over displayDialogAsync),
 * which shows the ranking in rank order and the covenant's title on A4 pages; Đóng and the dialog's X
 * both close it and leave the pane usable, with nothing left in localStorage. The preview page's other
 * route, Excel on the web's (pages by messageChild after "ready"), is driven the way Office drives it.
 */
import * as fs from "fs";
import * as path from "path";
import type { BrowserContext, FrameLocator, Locator, Page } from "playwright-core";
import { devBundle } from "./dev-bundle";
import { sample } from "../paths";
import { browserSuite } from "./taskpane-server";

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, "..", "..");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const EXPECTED = JSON.parse(fs.readFileSync(sample("s1-layout-a", "expected.json"), "utf8")) as {
  units: { name: string; total: number; rank: number }[];
};

let server: { url: string };
let context: BrowserContext;

browserSuite(devBundle, (s) => ({ server, context } = s));

beforeAll(() => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

async function openOutputs(lang: "vi" | "en"): Promise<{ page: Page; pane: Locator }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "" })
  );
  await page.goto(`${server.url}playground.html?sample=s1-layout-a/input.xlsx&lang=${lang}`);
  const pane = page.locator("[data-testid=task-pane]");
  await pane.getByRole("tab", { name: lang === "vi" ? /^Giao ước/ : /^Covenant/ }).click({
    timeout: 60_000,
  });
  return { page, pane };
}

const dialog = (page: Page): Locator => page.locator("[data-testid=office-dialog]");
const frame = (page: Page): FrameLocator => page.frameLocator("[data-testid=office-dialog] iframe");

/** Keys the preview left in the page's localStorage. */
const leftovers = (page: Page): Promise<string[]> =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("thidua.preview.")));

test("print preview (vi): the dialog shows the ranking's first unit first and the covenant's title; Đóng closes it", async () => {
  const { page, pane } = await openOutputs("vi");
  await pane.getByRole("button", { name: "Xem trước bản in" }).click();
  await dialog(page).waitFor({ timeout: 60_000 });
  await pane.getByText(/đang mở trong cửa sổ riêng/).waitFor();

  const ranking = frame(page).locator("section.page").first();
  await ranking.locator("td", { hasText: EXPECTED.units[0].name }).first().waitFor();
  expect(await ranking.getAttribute("aria-label")).toBe("Bảng xếp hạng");
  // The units in the order the ranking prints them: rank 1 first, its total in Vietnamese decimals.
  const text = await ranking.innerText();
  const at = EXPECTED.units.map((u) => text.indexOf(u.name));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect(Math.min(...at)).toBe(at[0]);
  expect(text).toContain("90,25");
  const covenant = frame(page).locator("section.page").nth(1);
  expect(await covenant.getAttribute("aria-label")).toBe("Giao ước thi đua");
  expect(await covenant.innerText()).toMatch(/GIAO ƯỚC THI ĐUA NĂM/);
  // A4 at 96 dpi is 794 px wide (portrait) or 1123 px (landscape).
  const widths = await frame(page)
    .locator("section.page")
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
  for (const w of widths) expect([794, 1123]).toContain(w);
  expect(await leftovers(page)).toHaveLength(1);
  await page.screenshot({ path: path.join(ARTIFACTS, "print-preview-vi.png") });

  await frame(page).getByRole("button", { name: "Đóng" }).click();
  await dialog(page).waitFor({ state: "detached" });
  await pane.getByText(/đang mở trong cửa sổ riêng/).waitFor({ state: "detached" });
  expect(await leftovers(page)).toEqual([]);
  // The pane is usable again: the button opens a new preview.
  expect(await pane.getByRole("button", { name: "Xem trước bản in" }).isEnabled()).toBe(true);
  await page.close();
});

test("print preview (en): the dialog's X closes it without an error; it opens again and Esc closes it", async () => {
  const { page, pane } = await openOutputs("en");
  const button = pane.getByRole("button", { name: "Print preview" });
  await button.click();
  await dialog(page).waitFor({ timeout: 60_000 });
  await frame(page).getByRole("heading", { name: "Print preview" }).waitFor();
  await frame(page)
    .getByText(/EMULATION COVENANT/)
    .waitFor();
  await dialog(page).getByRole("button", { name: "Close" }).click();
  await dialog(page).waitFor({ state: "detached" });
  expect(await pane.getByRole("alert").count()).toBe(0);
  expect(await leftovers(page)).toEqual([]);
  await button.click();
  await frame(page).getByText(EXPECTED.units[0].name).first().waitFor({ timeout: 60_000 });
  // Esc closes it as it closes Excel's own dialogs.
  await frame(page).getByRole("button", { name: "Close" }).press("Escape");
  await dialog(page).waitFor({ state: "detached" });
  await page.close();
});

test("print preview page, Excel on the web's route: says 'ready', draws the pages messageChild sends, Đóng answers through the helpers", async () => {
  const { page } = await openOutputs("vi");
  const payload = {
    version: 1,
    lang: "vi",
    decimal: ",",
    pages: [
      {
        title: "Bảng xếp hạng",
        spec: {
          name: "Xếp hạng",
          kind: "ranking",
          cells: [
            { row: 0, col: 0, value: "Sở Nội vụ" },
            { row: 0, col: 1, value: 8.5, style: { numberFormat: "0.00" } },
          ],
        },
      },
    ],
  };
  // Office's side of the dialog, as Excel on the web gives it to the page: messageParent, and the
  // parent's messages once the page has registered for them.
  await page.evaluate((json) => {
    const w = window as unknown as { sent: string[] };
    w.sent = [];
    let toPage: ((a: { message: string }) => void) | null = null;
    const frame = document.createElement("iframe");
    frame.id = "web-dialog";
    frame.style.cssText = "position:fixed;inset:0;width:100vw;height:100vh;z-index:99999";
    (frame as unknown as { thiduaOffice: unknown }).thiduaOffice = {
      context: {
        host: "Excel",
        platform: "OfficeOnline",
        ui: {
          messageParent(m: string) {
            w.sent.push(m);
            if (m === "ready") setTimeout(() => toPage?.({ message: json }), 0);
          },
          addHandlerAsync(
            _t: string,
            h: (a: { message: string }) => void,
            cb?: (r: { status: string }) => void
          ) {
            toPage = h;
            cb?.({ status: "succeeded" });
          },
        },
      },
      onReady: () => Promise.resolve({}),
    };
    frame.src = "/preview.html?key=x&lang=vi&via=child";
    document.body.appendChild(frame);
  }, JSON.stringify(payload));
  const inner = page.frameLocator("#web-dialog");
  await inner.getByText("Sở Nội vụ").waitFor({ timeout: 30_000 });
  expect(await inner.locator("td").allInnerTexts()).toEqual(["Sở Nội vụ", "8,50"]);
  await inner.getByRole("button", { name: "Đóng" }).click();
  await page.waitForFunction(() => (window as unknown as { sent: string[] }).sent.length >= 2);
  expect(await page.evaluate(() => (window as unknown as { sent: string[] }).sent)).toEqual([
    "ready",
    JSON.stringify({ parse: false, value: "closed" }),
  ]);
  await page.close();
});
