/**
 * E2E (real Chromium): the head picks the returned .xlsx files in the email tab; they are parsed in
 * the browser with ExcelJS (no request leaves the page's own server), problems are listed, and the
 * summary is written into the workbook (the simulator) beside the user's sheet.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { clusterProfile, fillForm, templateFor } from "../email/helpers";
import { bundlePage } from "./page-bundle";

const ROOT = path.resolve(__dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";

let dir: string;
let server: http.Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-e2e-email-"));
  const www = path.join(dir, "www");
  await bundlePage(path.join(ROOT, "test/email/e2e/page.tsx"), www);
  fs.writeFileSync(
    path.join(www, "index.html"),
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>THIDUA email</title></head><body><div id="root"></div><script src="page.js"></script></body></html>'
  );
  const mail = path.join(dir, "mail");
  fs.mkdirSync(mail);
  const scores = [23, 18.75, 14, 18, 13.5, 1, 2, 0];
  fs.writeFileSync(
    path.join(mail, "Sở Tư pháp.xlsx"),
    await fillForm(await templateFor("Sở Tư pháp"), scores)
  );
  fs.writeFileSync(
    path.join(mail, "Sở Ngoại vụ.xlsx"),
    await fillForm(await templateFor("Sở Ngoại vụ"), [22, "18,5", 16, 17, 12, 0.5, 2, 1])
  );
  fs.writeFileSync(
    path.join(mail, "Thanh tra 2024.xlsx"),
    await fillForm(await templateFor("Thanh tra tỉnh", clusterProfile({ year: 2024 })), scores)
  );
  fs.writeFileSync(
    path.join(mail, "Ban Dân tộc 2023.xlsx"),
    await fillForm(await templateFor("Ban Dân tộc", clusterProfile({ year: 2023 })), scores)
  );
  fs.writeFileSync(
    path.join(mail, "Ban Dân tộc.xlsx"),
    await fillForm(await templateFor("Ban Dân tộc"), scores)
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
  const addr = server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}/`;
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

describe("email import in Chromium (issue 8)", () => {
  it("file picker: forms parsed in the page, problems shown, summary written, nothing sent anywhere", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const outside: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(base);
    await page.getByText("Tệp được đọc ngay trên máy này, không tải lên bất kỳ đâu.").waitFor();
    const mail = path.join(dir, "mail");
    await page
      .getByLabel("Chọn các tệp phiếu tự chấm")
      .setInputFiles(
        ["Sở Tư pháp.xlsx", "Sở Ngoại vụ.xlsx", "Thanh tra 2024.xlsx"].map((f) =>
          path.join(mail, f)
        )
      );
    await page.getByText("Chưa gửi").first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole("row", { name: /^Sở Nội vụ.*Chưa gửi/ }).count()).toBe(1);
    expect(await page.getByRole("row", { name: /^Thanh tra tỉnh.*Không nhận/ }).count()).toBe(1);
    expect(
      await page
        .getByText(/Tệp Thanh tra 2024\.xlsx là phiếu năm 2024, không phải năm 2025/)
        .count()
    ).toBe(1);

    await page.getByRole("button", { name: "Ghi bảng tổng hợp vào sổ" }).click();
    await page
      .getByText(/Đã ghi trang “Tổng hợp tự chấm” \(2 đơn vị\)/)
      .waitFor({ timeout: 30_000 });
    const sheets = await page.evaluate(() =>
      (
        window as unknown as { __sim: { model: { sheets: { name: string }[] } } }
      ).__sim.model.sheets.map((s) => s.name)
    );
    expect(sheets).toEqual(["Ghi chú", "Tổng hợp tự chấm"]);
    expect(outside).toEqual([]);
    await context.close();
  }, 90_000);

  it("issue 15: one refused form taken with Vẫn nhận, one left refused, one member missing; the summary says so and no other cell changes", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await page.getByText("Tệp được đọc ngay trên máy này, không tải lên bất kỳ đâu.").waitFor();
    type Sim = {
      model: {
        sheets: { name: string; forEachCell(f: (r: number, c: number, x: any) => void): void }[];
      };
    };
    const cells = (): Promise<Record<string, string>> =>
      page.evaluate(() => {
        const sim = (window as unknown as { __sim: Sim }).__sim;
        const out: Record<string, string> = {};
        for (const sh of sim.model.sheets)
          sh.forEachCell((r, c, x) => {
            out[`${sh.name}!${r},${c}`] = JSON.stringify([x.value ?? null, x.formula ?? null]);
          });
        return out;
      });
    const before = await cells();
    const mail = path.join(dir, "mail");
    await page
      .getByLabel("Chọn các tệp phiếu tự chấm")
      .setInputFiles(
        ["Sở Tư pháp.xlsx", "Thanh tra 2024.xlsx", "Ban Dân tộc 2023.xlsx"].map((f) =>
          path.join(mail, f)
        )
      );
    await page
      .getByRole("row", { name: /^Thanh tra tỉnh.*Không nhận/ })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByRole("row", { name: /^Ban Dân tộc.*Không nhận/ }).count()).toBe(1);
    expect(await page.getByRole("row", { name: /^Sở Nội vụ.*Chưa gửi/ }).count()).toBe(1);

    await page
      .getByRole("button", { name: "Vẫn nhận phiếu Thanh tra 2024.xlsx của Thanh tra tỉnh" })
      .click();
    await page.getByRole("row", { name: /^Thanh tra tỉnh.*Vẫn nhận/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("row", { name: /^Ban Dân tộc.*Không nhận/ }).count()).toBe(1);

    await page.getByRole("button", { name: "Ghi bảng tổng hợp vào sổ" }).click();
    await page
      .getByText(/Đã ghi trang “Tổng hợp tự chấm” \(2 đơn vị\)/)
      .waitFor({ timeout: 30_000 });
    const after = await cells();
    // Nothing lost: every cell that was there is there unchanged; the summary is a new sheet.
    for (const [k, v] of Object.entries(before)) expect([k, after[k]]).toEqual([k, v]);
    const summary = Object.entries(after)
      .filter(([k]) => k.startsWith("Tổng hợp tự chấm!"))
      .map(([, v]) => String(JSON.parse(v)[0] ?? ""))
      .join("\n");
    expect(summary).toContain("Thanh tra tỉnh");
    expect(summary).toMatch(/vẫn nhận/i);
    expect(summary).toContain("Sở Nội vụ");
    expect(summary).toContain("Ban Dân tộc");
    await context.close();
  }, 120_000);

  it("drag-and-drop: a dropped form joins the summary", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    const bytes = Array.from(fs.readFileSync(path.join(dir, "mail", "Ban Dân tộc.xlsx")));
    const zone = page.getByRole("region", { name: "Kéo thả các tệp .xlsx nhận được vào đây" });
    await zone.waitFor();
    const transfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], "Ban Dân tộc.xlsx"));
      return dt;
    }, bytes);
    await zone.dispatchEvent("drop", { dataTransfer: transfer });
    await page.getByRole("row", { name: /^Ban Dân tộc.*Đã nhận/ }).waitFor({ timeout: 30_000 });
    await context.close();
  }, 90_000);
});
