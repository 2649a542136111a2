/**
 * Issue 7 end to end, in Chromium: the real pane over the simulator holding the s4 sample (bad
 * inputs). Read → check → fix one issue → rank → covenant, then the ranking sheet's cells are compared
 * with the sample's expected.json; the same in English. Screenshots at 320 px and 450 px go to
 * test-artifacts/ for a human look.
 */
import * as fs from "fs";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { buildHarness, launch, openPage, serve } from "./taskpane-server";

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, "..", "..");
const OUT = path.join(ROOT, "node_modules", ".cache", "thidua-e2e", "e2e");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const EXPECTED = JSON.parse(
  fs.readFileSync(
    path.join(ROOT, "..", "shared", "samples", "s4-bad-inputs", "expected.json"),
    "utf8"
  )
) as { units: { name: string; total: number; rank: number }[] };

let server: { url: string; close(): Promise<void> };
let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  buildHarness("development", OUT);
  server = await serve(OUT);
  ({ context, userDataDir } = await launch());
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

interface Words {
  read: string;
  readDone: RegExp;
  tabCheck: RegExp;
  fixE6: string;
  fixed: string;
  tabRank: RegExp;
  rank: string;
  provisional: string;
  tabOutputs: RegExp;
  covenantSheet: string;
  covenantDone: RegExp;
  colUnit: string;
  colTotal: string;
  colRank: string;
}

const VI: Words = {
  read: "Đọc bảng điểm",
  readDone: /Đã đọc 5 đơn vị/,
  tabCheck: /^Kiểm tra/,
  fixE6: "Sửa ô E6 (Bảng điểm lỗi) thành 18,5",
  fixed: "Đã sửa 1 ô. Đã kiểm tra lại.",
  tabRank: /^Xếp hạng/,
  rank: "Tạo bảng xếp hạng",
  provisional: "Tạm tính",
  tabOutputs: /^Giao ước/,
  covenantSheet: "Tạo trang giao ước",
  covenantDone: /Đã tạo trang “.+”\./,
  colUnit: "Đơn vị",
  colTotal: "Tổng điểm",
  colRank: "Xếp hạng",
};

const EN: Words = {
  read: "Read score sheet",
  readDone: /Read 5 units/,
  tabCheck: /^Check/,
  fixE6: "Fix cell E6 (Bảng điểm lỗi) to 18.5",
  fixed: "Cells fixed: 1. Checked again.",
  tabRank: /^Rank/,
  rank: "Build ranking",
  provisional: "Provisional",
  tabOutputs: /^Covenant/,
  covenantSheet: "Create covenant sheet",
  covenantDone: /Sheet “.+” created\./,
  colUnit: "Unit",
  colTotal: "Total",
  colRank: "Rank",
};

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The ranking table of the written sheet: [unit, total, rank] rows under the header row. */
async function rankingRows(
  page: Page,
  sheet: string,
  w: Words
): Promise<[string, number, number][]> {
  const values = (await page.evaluate((s) => window.__thidua!.values(s), sheet)) as unknown[][];
  const h = values.findIndex((row) => row.includes(w.colUnit) && row.includes(w.colTotal));
  expect(h).toBeGreaterThanOrEqual(0);
  const cu = values[h].indexOf(w.colUnit);
  const ct = values[h].indexOf(w.colTotal);
  const cr = values[h].indexOf(w.colRank);
  const out: [string, number, number][] = [];
  for (let r = h + 1; r < values.length; r++) {
    const name = values[r][cu];
    // Rows with a rank are units; the "Điểm tối đa" row above them has none.
    if (
      typeof name !== "string" ||
      typeof values[r][ct] !== "number" ||
      typeof values[r][cr] !== "number"
    )
      continue;
    out.push([name, values[r][ct] as number, values[r][cr] as number]);
  }
  return out;
}

async function flow(lang: "vi" | "en", w: Words): Promise<void> {
  const page = await openPage(context, `${server.url}?sample=s4-bad-inputs&lang=${lang}`, 320);
  await page.getByRole("button", { name: w.read, exact: true }).waitFor();
  await shot(page, `taskpane-${lang}-320-start`);

  await page.getByRole("button", { name: w.read, exact: true }).click();
  await page.getByText(w.readDone).waitFor();
  await shot(page, `taskpane-${lang}-320-read`);
  await page.setViewportSize({ width: 450, height: 900 });
  await shot(page, `taskpane-${lang}-450-read`);
  await page.setViewportSize({ width: 320, height: 900 });

  await page.getByRole("tab", { name: w.tabCheck }).click();
  const fix = page.getByRole("button", { name: w.fixE6 });
  await fix.waitFor();
  await shot(page, `taskpane-${lang}-320-check`);
  await page.setViewportSize({ width: 450, height: 900 });
  await shot(page, `taskpane-${lang}-450-check`);
  await page.setViewportSize({ width: 320, height: 900 });
  await fix.click();
  await page.getByText(w.fixed).waitFor();
  // The fix wrote the number into E6 and nothing else of the score sheet changed.
  const e6 = await page.evaluate(() => {
    const t = window.__thidua!;
    const sheet = t.sim.model.sheetByName("Bảng điểm lỗi")!;
    return t.sim.model.result(sheet, 5, 4);
  });
  expect(e6).toBe(18.5);
  // Clicking an issue selects its cell in the sheet.
  await page
    .getByRole("button", { name: /F7 \(Bảng điểm lỗi\)/ })
    .first()
    .click();
  await page.waitForFunction(() => window.__thidua!.sim.model.selection !== null);

  await page.getByRole("tab", { name: w.tabRank }).click();
  await page.getByRole("button", { name: w.rank, exact: true }).click();
  await page.getByText(w.provisional, { exact: true }).waitFor();
  await shot(page, `taskpane-${lang}-320-rank`);
  await page.setViewportSize({ width: 450, height: 900 });
  await shot(page, `taskpane-${lang}-450-rank`);
  await page.setViewportSize({ width: 320, height: 900 });
  const sheets = (await page.evaluate(() => window.__thidua!.sheetNames())) as string[];
  const rankingSheet = sheets.find((s) => s !== "Bảng điểm lỗi") as string;
  expect(rankingSheet).toBeTruthy();
  const rows = await rankingRows(page, rankingSheet, w);
  expect(rows).toEqual(EXPECTED.units.map((u) => [u.name, u.total, u.rank]));

  await page.getByRole("tab", { name: w.tabOutputs }).click();
  await page.getByRole("button", { name: w.covenantSheet }).click();
  await page.getByText(w.covenantDone).waitFor();
  const after = (await page.evaluate(() => window.__thidua!.sheetNames())) as string[];
  expect(after.length).toBe(sheets.length + 1);
  await shot(page, `taskpane-${lang}-320-covenant`);

  await page.getByRole("tab", { name: lang === "vi" ? /^Cấu hình/ : /^Settings/ }).click();
  await page
    .getByRole("button", { name: lang === "vi" ? "Lưu cấu hình" : "Save settings" })
    .waitFor();
  await shot(page, `taskpane-${lang}-320-profile`);
  await page.setViewportSize({ width: 450, height: 900 });
  await shot(page, `taskpane-${lang}-450-profile`);
  await page.close();
}

test("issue 7 in Vietnamese: read → check → fix E6 → rank (s4 expected ranks) → covenant", async () => {
  await flow("vi", VI);
});

test("issue 7 in English: the same flow with the English pane and an English ranking sheet", async () => {
  await flow("en", EN);
});
