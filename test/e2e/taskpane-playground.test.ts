/**
 * Issue 7 on the playground (the foundation's dev build: a simulated Excel grid beside the real pane):
 * read → check → fix one issue → rank → covenant on the s4 sample, asserting the ranking sheet through
 * the rendered grid as the user sees it, in Vietnamese and in English. Screenshots of the pane column
 * at 380 px (the playground's pane width) go to test-artifacts/.
 */
import * as fs from "fs";
import * as path from "path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { devBundle } from "./dev-bundle";
import { sample } from "../paths";
import { browserSuite } from "./taskpane-server";

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, "..", "..");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const EXPECTED = JSON.parse(fs.readFileSync(sample("s4-bad-inputs", "expected.json"), "utf8")) as {
  units: { name: string; total: number; rank: number }[];
};

let server: { url: string };
let context: BrowserContext;

browserSuite(devBundle, (s) => ({ server, context } = s));

beforeAll(() => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

/** The grid's visible cells as address → shown text. */
async function gridCells(page: Page): Promise<Map<string, string>> {
  const pairs = await page.$$eval("[data-testid=sheet-grid] td[data-cell]", (tds) =>
    tds.map(
      (td) =>
        [td.getAttribute("data-cell") ?? "", (td.textContent ?? "").trim()] as [string, string]
    )
  );
  return new Map(pairs);
}

/** The ranking table as the grid shows it: [unit, total, rank] under the header row. */
function rankingRows(
  cells: Map<string, string>,
  colUnit: string,
  colTotal: string,
  colRank: string
): string[][] {
  const find = (text: string): string | undefined => [...cells].find(([, v]) => v === text)?.[0];
  const split = (a: string): [string, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
    return [m[1], Number(m[2])];
  };
  const [cu, hr] = split(find(colUnit) ?? "A0");
  const [ct] = split(find(colTotal) ?? "A0");
  const [cr] = split(find(colRank) ?? "A0");
  const rows: string[][] = [];
  for (let r = hr + 1; r < hr + 40; r++) {
    const rank = cells.get(`${cr}${r}`) ?? "";
    if (!/^\d+$/.test(rank)) continue;
    rows.push([cells.get(`${cu}${r}`) ?? "", cells.get(`${ct}${r}`) ?? "", rank]);
  }
  return rows;
}

async function flow(lang: "vi" | "en"): Promise<void> {
  const vi = lang === "vi";
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "" })
  );
  await page.goto(`${server.url}playground.html?sample=s4-bad-inputs/input.xlsx&lang=${lang}`);
  const pane: Locator = page.locator("[data-testid=task-pane]");
  const readName = vi ? "Đọc bảng điểm" : "Read score sheet";
  await pane.getByRole("button", { name: readName, exact: true }).waitFor({ timeout: 60_000 });

  await pane.getByRole("button", { name: readName, exact: true }).click();
  await pane.getByText(vi ? /Đã đọc 5 đơn vị/ : /Read 5 units/).waitFor();

  await pane.getByRole("tab", { name: vi ? /^Kiểm tra/ : /^Check/ }).click();
  const fix = pane.getByRole("button", {
    name: vi ? "Sửa ô E6 (Bảng điểm lỗi) thành 18,5" : "Fix cell E6 (Bảng điểm lỗi) to 18.5",
  });
  await fix.click();
  await pane
    .getByText(vi ? "Đã sửa 1 ô. Đã kiểm tra lại." : "Cells fixed: 1. Checked again.")
    .waitFor();
  // The grid shows the fixed cell as a number now (right-aligned, the workbook's decimal mark).
  await page.waitForFunction(() =>
    /^18[.,]5$/.test(document.querySelector("td[data-cell=E6]")?.textContent ?? "")
  );
  await pane
    .locator("xpath=..")
    .screenshot({ path: path.join(ARTIFACTS, `taskpane-playground-${lang}-check.png`) });

  await pane.getByRole("tab", { name: vi ? /^Xếp hạng/ : /^Rank/ }).click();
  await pane
    .getByRole("button", { name: vi ? "Tạo bảng xếp hạng" : "Build ranking", exact: true })
    .click();
  await pane.getByText(vi ? "Tạm tính" : "Provisional", { exact: true }).waitFor();
  const sheetTab = page.getByRole("tab", { name: vi ? "Xếp hạng" : "Ranking", exact: true }).last();
  await sheetTab.click();
  await page.waitForFunction(
    (w) =>
      [...document.querySelectorAll("[data-testid=sheet-grid] td")].some(
        (td) => td.textContent === w
      ),
    vi ? "Tổng điểm" : "Total"
  );
  const cells = await gridCells(page);
  const rows = rankingRows(
    cells,
    vi ? "Đơn vị" : "Unit",
    vi ? "Tổng điểm" : "Total",
    vi ? "Xếp hạng" : "Rank"
  );
  const num = (s: string): number => Number(s.replace(",", "."));
  expect(rows.map((r) => [r[0], num(r[1]), Number(r[2])])).toEqual(
    EXPECTED.units.map((u) => [u.name, u.total, u.rank])
  );
  await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-playground-${lang}-ranking.png`) });

  await pane.getByRole("tab", { name: vi ? /^Giao ước/ : /^Covenant/ }).click();
  await pane
    .getByRole("button", { name: vi ? "Tạo trang giao ước" : "Create covenant sheet" })
    .click();
  await pane.getByText(vi ? /Đã tạo trang “.+”\./ : /Sheet “.+” created\./).waitFor();
  await page
    .getByRole("tab", { name: vi ? "Giao ước" : "Covenant", exact: true })
    .last()
    .waitFor();
  await page.close();
}

test("issue 7 on the playground in Vietnamese: read → check → fix E6 → rank → covenant", async () => {
  await flow("vi");
});

test("issue 7 on the playground in English", async () => {
  await flow("en");
});
