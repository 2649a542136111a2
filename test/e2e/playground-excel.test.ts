/**
 * The playground feels like Excel (issue 18), in Chromium over the development build: a block dragged
 * with the mouse is what "Dùng vùng đang chọn" takes (a one-cell selection is refused, the dragged
 * block corrects the reading); Ctrl+Z after a safe fix from the pane puts every cell back as it was;
 * the unsaved-changes prompt guards switching samples; ";" separates arguments in Vietnamese; a form
 * the pane made enforces its data validation with its own message.
 */
import type { BrowserContext, Locator, Page } from "playwright-core";
import { devBundle } from "./dev-bundle";
import { browserSuite } from "./taskpane-server";

jest.setTimeout(240_000);

let server: { url: string };
let context: BrowserContext;

browserSuite(devBundle, (s) => ({ server, context } = s));

async function openSample(sample: string): Promise<{ page: Page; pane: Locator }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "" })
  );
  await page.goto(`${server.url}playground.html?sample=${sample}`);
  const pane = page.locator("[data-testid=task-pane]");
  await pane
    .getByRole("button", { name: "Đọc bảng điểm", exact: true })
    .waitFor({ timeout: 60_000 });
  return { page, pane };
}

/** Every cell the grid draws, address → shown text and alignment (text "18,5" is left, 18.5 right). */
async function gridCells(page: Page): Promise<Record<string, string>> {
  return page.$$eval("[data-testid=sheet-grid] td[data-cell]", (tds) =>
    Object.fromEntries(
      tds.map((td) => [
        td.getAttribute("data-cell") ?? "",
        `${td.textContent ?? ""}|${getComputedStyle(td).textAlign}`,
      ])
    )
  );
}

/** Waits until the cell shows the number 18.5 (right-aligned, the decimal comma). */
async function shownAsNumber(page: Page, address: string): Promise<void> {
  await page.waitForFunction((a) => {
    const td = document.querySelector(`td[data-cell=${a}]`);
    return td?.textContent === "18,5" && getComputedStyle(td).textAlign === "right";
  }, address);
}

test("a block dragged in the grid is what 'Dùng vùng đang chọn' takes: the self scores are corrected", async () => {
  const { page, pane } = await openSample("s1-layout-a/input.xlsx");
  // The round-trip counter is for developers (?dev=1) only.
  expect(await page.locator("[data-testid=sync-count]").count()).toBe(0);
  await pane.getByRole("button", { name: "Đọc bảng điểm", exact: true }).click();
  await pane.getByText(/Đã đọc 7 đơn vị/).waitFor();

  // s1's units are in D:J, their criteria in rows 5 to 23: the self scores are the block D5:J23.
  const part = (name: string): Locator => pane.getByRole("listitem").filter({ hasText: name });
  await part("Tên đơn vị").getByText("D4:J4").waitFor();
  await part("Cột nội dung tiêu chí").getByText("B5:B23").waitFor();
  const self = part("Điểm tự chấm");
  const [block, first, last] = ["D5:J23", "D5", "J23"];

  // One cell is not seven units' columns: refused.
  await page.click(`td[data-cell=${first}]`);
  expect(await page.inputValue("[data-testid=name-box]")).toBe(first);
  const use = pane.getByRole("button", { name: "Dùng vùng đang chọn làm Điểm tự chấm" });
  await use.click();
  await pane.getByText(/Hãy chọn 7 cột/).waitFor();
  expect(await self.getByText("Đã sửa").count()).toBe(0);

  // Dragged from the first to the last cell: the name box names the block, the pane takes it.
  await page.hover(`td[data-cell=${first}]`);
  await page.mouse.down();
  await page.hover(`td[data-cell=${last}]`);
  await page.mouse.up();
  expect(await page.inputValue("[data-testid=name-box]")).toBe(block);
  const tinted = await page.$$eval(
    "[data-testid=sheet-grid] td[aria-selected=true]",
    (t) => t.length
  );
  expect(tinted).toBeGreaterThanOrEqual(7 * 2);
  await use.click();
  await self.getByText("Đã sửa").waitFor({ timeout: 30_000 });
  await pane.getByText(/Đã đọc 7 đơn vị/).waitFor();

  // Typed in the name box, a block is selected the same way.
  await page.fill("[data-testid=name-box]", "b5:c6");
  await page.press("[data-testid=name-box]", "Enter");
  expect(await page.inputValue("[data-testid=name-box]")).toBe("B5:C6");
  expect(await page.getAttribute("td[data-cell=C6]", "aria-selected")).toBe("true");
  await page.close();
});

test("Ctrl+Z after a safe fix from the pane restores the cell exactly; Ctrl+Y does it again; switching samples asks first", async () => {
  const { page, pane } = await openSample("s4-bad-inputs/input.xlsx");
  await pane.getByRole("button", { name: "Đọc bảng điểm", exact: true }).click();
  await pane.getByText(/Đã đọc 5 đơn vị/).waitFor();
  await page.click("td[data-cell=E6]");
  const typedBefore = await page.inputValue("[data-testid=formula-bar]");
  const shownBefore = await gridCells(page);
  // The bad input: the text "18,5", shown left as text is.
  expect(shownBefore.E6).toBe("18,5|left");

  await pane.getByRole("tab", { name: /^Kiểm tra/ }).click();
  await pane.getByRole("button", { name: "Sửa ô E6 (Bảng điểm lỗi) thành 18,5" }).click();
  await pane.getByText("Đã sửa 1 ô. Đã kiểm tra lại.").waitFor();
  await shownAsNumber(page, "E6");

  // One Ctrl+Z in the grid: the whole sheet is as it was before the fix.
  await page.click("td[data-cell=A1]");
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => {
    const td = document.querySelector("td[data-cell=E6]");
    return td !== null && getComputedStyle(td).textAlign === "left";
  });
  expect(await gridCells(page)).toEqual(shownBefore);
  await page.click("td[data-cell=E6]");
  expect(await page.inputValue("[data-testid=formula-bar]")).toBe(typedBefore);

  // Ctrl+Y with the formula bar focused and nothing typed: the fix again.
  await page.click("[data-testid=formula-bar]");
  await page.keyboard.press("Control+y");
  await shownAsNumber(page, "E6");

  // Ctrl+Z while typing in the formula bar takes back the typing only.
  await page.keyboard.press("End");
  await page.keyboard.type("9");
  expect(await page.inputValue("[data-testid=formula-bar]")).toBe("18,59");
  await page.keyboard.press("Control+z");
  expect(await page.inputValue("[data-testid=formula-bar]")).toBe("18,5");
  expect((await gridCells(page)).E6).toBe("18,5|right");
  await page.keyboard.press("Escape");

  // ";" between arguments, as a Vietnamese Excel takes them.
  // Z50 lies beyond the drawn grid: the name box takes the user there, the keys then go to the cell.
  await page.fill("[data-testid=name-box]", "Z50");
  await page.press("[data-testid=name-box]", "Enter");
  await page.keyboard.type("=SUM(1;2)");
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    () => document.querySelector("td[data-cell=Z50]")?.textContent === "3"
  );

  // Unsaved changes: another sample is opened only after the user says so.
  await page.getByRole("combobox", { name: "Bảng mẫu" }).click();
  await page.getByRole("option", { name: /s1-layout-a/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("Lưu thay đổi?").waitFor();
  await dialog.getByRole("button", { name: "Huỷ" }).click();
  expect((await gridCells(page)).E6).toBe("18,5|right");
  await page.getByRole("combobox", { name: "Bảng mẫu" }).click();
  await page.getByRole("option", { name: /s1-layout-a/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Không lưu" }).click();
  await page.waitForFunction(
    () => document.querySelector("td[data-cell=D24]")?.textContent === "87,75",
    undefined,
    { timeout: 30_000 }
  );
  await page.close();
});

test("a self-score form made by the pane refuses 30 where the criterion is worth 25, with the form's own message", async () => {
  const { page, pane } = await openSample("s1-layout-a/input.xlsx");
  await pane.getByRole("tab", { name: /^Giao ước/ }).click();
  await pane.getByRole("button", { name: "Tạo phiếu tự chấm" }).click();
  const done = await pane.getByText(/Đã tạo 7 phiếu: /).textContent({ timeout: 60_000 });
  const first = (/Đã tạo 7 phiếu: ([^,]+)/.exec(done ?? "") as RegExpExecArray)[1].trim();
  await page.getByRole("tab", { name: first, exact: true }).last().click();
  const label = page
    .locator("[data-testid=sheet-grid] td[data-cell]")
    .filter({ hasText: "Hoàn thành chương trình, kế hoạch công tác năm" })
    .first();
  const row = /\d+$/.exec((await label.getAttribute("data-cell")) ?? "")?.[0];
  expect(row).toBeDefined();
  // The form's columns: STT, criterion, max, self score (D).
  expect(await page.textContent(`td[data-cell=C${row}]`)).toBe("25");
  await page.click(`td[data-cell=D${row}]`);
  await page.keyboard.type("30");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog");
  await dialog.getByText("Điểm phải là số từ 0 đến điểm tối đa của tiêu chí.").waitFor();
  await dialog.getByRole("button", { name: "Thử lại" }).click();
  // Retry: the entry is still there to correct, the cell still empty.
  expect(await page.inputValue("[data-testid=formula-bar]")).toBe("30");
  expect(await page.textContent(`td[data-cell=D${row}]`)).toBe("");
  await page.fill("[data-testid=formula-bar]", "24,5");
  await page.press("[data-testid=formula-bar]", "Enter");
  await page.waitForFunction(
    (a) => document.querySelector(`td[data-cell=${a}]`)?.textContent === "24,50",
    `D${row}`
  );
  await page.close();
});
