/**
 * Issues marked on the sheet, in Chromium over the development build (issue 18): from the Check step,
 * "Đánh dấu trên bảng tính" colours each issue's cell in the playground's grid by severity (red error,
 * yellow warning, blue information) while every cell keeps its text; "Bỏ đánh dấu" takes the colours
 * away and the grid is drawn exactly as before, the sample's own fills included.
 */
import type { BrowserContext, Page } from "playwright-core";
import { devBundle } from "./dev-bundle";
import { browserSuite } from "./taskpane-server";

jest.setTimeout(240_000);

let server: { url: string };
let context: BrowserContext;

browserSuite(devBundle, (s) => ({ server, context } = s));

/** Every cell the grid draws: its text and its background colour. */
async function gridLook(page: Page): Promise<Record<string, string>> {
  return page.$$eval("[data-testid=sheet-grid] td[data-cell]", (tds) =>
    Object.fromEntries(
      tds.map((td) => [
        td.getAttribute("data-cell") ?? "",
        `${td.textContent ?? ""}|${getComputedStyle(td).backgroundColor}`,
      ])
    )
  );
}

const RED = "rgb(255, 199, 206)";
const YELLOW = "rgb(255, 235, 156)";
const BLUE = "rgb(221, 235, 247)";

async function background(page: Page, cell: string, colour: string): Promise<void> {
  await page.waitForFunction(
    ([a, c]) => {
      const td = document.querySelector(`td[data-cell=${a}]`);
      return td !== null && getComputedStyle(td).backgroundColor === c;
    },
    [cell, colour],
    { timeout: 30_000 }
  );
}

test("marks issues in the grid by severity, the texts unchanged; Bỏ đánh dấu leaves the grid as it was", async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "" })
  );
  await page.goto(`${server.url}playground.html?sample=s4-bad-inputs/input.xlsx`);
  const pane = page.locator("[data-testid=task-pane]");
  const read = pane.getByRole("button", { name: "Đọc bảng điểm", exact: true });
  await read.waitFor({ timeout: 60_000 });
  await read.click();
  await pane.getByText(/Đã đọc 5 đơn vị/).waitFor({ timeout: 60_000 });
  const before = await gridLook(page);

  await pane.getByRole("tab", { name: /^Kiểm tra/ }).click();
  await pane.getByRole("button", { name: "Đánh dấu trên bảng tính" }).click();
  await pane.getByText(/Đã tô 9 ô có vấn đề/).waitFor({ timeout: 30_000 });
  // score-above-max F7 and not-a-number G10: errors; text-number E6 and score-missing H15: warnings;
  // deduction-sign D22: information.
  await background(page, "F7", RED);
  await background(page, "G10", RED);
  await background(page, "E6", YELLOW);
  await background(page, "H15", YELLOW);
  await background(page, "D22", BLUE);
  const marked = await gridLook(page);
  const text = (look: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(look).map(([k, v]) => [k, v.split("|")[0]]));
  expect(text(marked)).toEqual(text(before));
  // A cell without an issue keeps its own look.
  expect(marked.C7).toBe(before.C7);
  // Marking is not an edit: nothing to undo, no unsaved changes.
  expect(await page.getByRole("button", { name: "Hoàn tác (Ctrl+Z)" }).isDisabled()).toBe(true);

  await pane.getByRole("button", { name: "Bỏ đánh dấu" }).click();
  await pane.getByText("Đã bỏ đánh dấu; bảng tính như trước khi tô.").waitFor();
  await page.waitForFunction(() => {
    const td = document.querySelector("td[data-cell=F7]");
    return td !== null && getComputedStyle(td).backgroundColor !== "rgb(255, 199, 206)";
  });
  expect(await gridLook(page)).toEqual(before);
  await page.close();
});
