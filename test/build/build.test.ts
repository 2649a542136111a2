/**
 * The production build, run once the way `THIDUA_URL=… npm run build` runs it (into a temporary folder
 * so it never races a colleague's dist/): what a deployment copies to the web server must be complete,
 * point at the deployment URL, and carry no developer leftovers.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = path.join(__dirname, "..", "..");
const PROD_URL = "https://thiduaso.tinh.gov.vn/addin/";

let out = "";
let home = "";
let result: ReturnType<typeof spawnSync>;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-dist-"));
  home = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-home-"));
  result = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
    {
      cwd: ROOT,
      // A fresh HOME shows whether anything reached for ~/.office-addin-dev-certs.
      env: { ...process.env, THIDUA_URL: PROD_URL, HOME: home, USERPROFILE: home },
      encoding: "utf8",
      timeout: 240_000,
    }
  );
}, 250_000);

afterAll(() => {
  for (const dir of [out, home]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const read = (name: string): string => fs.readFileSync(path.join(out, name), "utf8");

describe("production build (npm run build)", () => {
  it("succeeds", () => {
    const log = `${result.stdout}${result.stderr}`;
    // The webpack errors themselves, so a failure here says which module broke the build.
    expect(log.split("\n").filter((l) => /ERROR in|Module not found|error TS/.test(l))).toEqual([]);
    expect(result.status).toBe(0);
  });

  it("emits the shared-runtime page, its bundles, the manifest and the icons", () => {
    const files = fs.readdirSync(out);
    expect(files).toEqual(
      expect.arrayContaining(["taskpane.html", "taskpane.js", "commands.js", "manifest.xml"])
    );
    for (const size of [16, 32, 64, 80, 128])
      expect(fs.existsSync(path.join(out, "assets", `icon-${size}.png`))).toBe(true);
  });

  it("loads office.js first, then functions, commands and the pane on the one taskpane.html", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(scripts.slice(1)).toEqual(["functions.js", "commands.js", "taskpane.js"]);
  });

  it("keeps the old-webview fallback as a plain-HTML message and an ES5 inline script IE11 can run", () => {
    const html = read("taskpane.html");
    expect(html).toMatch(/id="?old-webview/);
    expect(html).toContain("THIDUA cần Excel mới hơn");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("\n");
    expect(inline).toContain("__THIDUA_OLD_WEBVIEW__");
    // The minifier must not have turned it into ES2015+: IE11 would fail to parse it and show nothing.
    expect(inline).not.toMatch(/=>|\blet\b|\bconst\b|`|\?\.|\?\?/);
  });

  it("writes a manifest that points at THIDUA_URL and nowhere near localhost", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toContain(`${PROD_URL}taskpane.html`);
    expect(manifest).toContain(`${PROD_URL}functions-vi.json`);
  });

  it("ships no source maps, no samples and no playground", () => {
    const all = fs.readdirSync(out, { recursive: true }).map(String);
    expect(all.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(all.filter((f) => f.startsWith("samples") || f.startsWith("playground"))).toEqual([]);
  });

  it("builds React in production mode and keeps the pane small (under 250 KB gzip)", () => {
    const js = fs.readFileSync(path.join(out, "taskpane.js"));
    expect(js.toString("utf8")).not.toContain("react-dom.development");
    expect(zlib.gzipSync(js).length).toBeLessThan(250_000);
  });

  it("keeps office-js-helpers out of the pane's bundle, in a chunk of its own the preview loads (issue 18)", () => {
    // Two strings only the library holds: its Dialog's storage key and its https check.
    const helpers = (text: string): boolean =>
      text.includes("VGVtcG9yYXJ5S2V5Rm9yT0pIQXV0aA==") ||
      text.includes("URL has to be loaded over HTTPS");
    expect(helpers(read("taskpane.js"))).toBe(false);
    const chunks = fs.readdirSync(out).filter((f) => f.endsWith(".js") && f !== "taskpane.js");
    expect(chunks.filter((f) => helpers(read(f))).length).toBeGreaterThan(0);
    // The dialog page Office opens for the print preview.
    expect(read("preview.html")).toMatch(/<script[^>]*src="?preview\.js/);
  });

  it("does not touch developer certificates", () => {
    expect(fs.existsSync(path.join(home, ".office-addin-dev-certs"))).toBe(false);
  });

  it("emits functions.js, functions.json and functions-vi.json with the same ids", () => {
    expect(read("functions.js")).toContain("CustomFunctions.associate");
    const en = JSON.parse(read("functions.json"));
    const ids = (m: { functions: { id: string }[] }): string[] =>
      m.functions.map((f) => f.id).sort();
    expect(ids(en).length).toBeGreaterThan(0);
    expect(ids(JSON.parse(read("functions-vi.json")))).toEqual(ids(en));
  });

  it("points every function's help link at the deployment's help.html, English and Vietnamese (issue 4)", () => {
    for (const file of ["functions.json", "functions-vi.json"]) {
      const text = read(file);
      expect([file, /localhost/i.test(text)]).toEqual([file, false]);
      for (const f of JSON.parse(text).functions as { id: string; helpUrl: string }[])
        expect([file, f.helpUrl]).toEqual([
          file,
          `${PROD_URL}help.html#thidua-${f.id.toLowerCase()}`,
        ]);
    }
  });

  it("publishes help.html with a section at every help link's anchor (issue 4)", () => {
    const html = read("help.html");
    const anchors = (JSON.parse(read("functions.json")).functions as { helpUrl: string }[]).map(
      (f) => new URL(f.helpUrl).hash.slice(1)
    );
    expect(anchors.length).toBeGreaterThan(0);
    // The production build minifies the page, so an id may lose its quotes.
    for (const a of anchors)
      expect([a, new RegExp(`\\sid="?${a}"?[\\s>]`).test(html)]).toEqual([a, true]);
    expect(html).not.toMatch(/localhost/i);
  });
});

/** Serves the built files on 127.0.0.1 (a free port), as the add-in's web server would. */
function serveDir(dir: string): Promise<http.Server> {
  const types: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript",
  };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

describe("the built task pane in a real browser (Chromium)", () => {
  let browser: Browser;
  let server: http.Server;
  let base = "";

  beforeAll(async () => {
    server = await serveDir(out);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
      ],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(officeJs: string | null, init?: string): Promise<Page> {
    const page = await browser.newPage();
    if (init) await page.addInitScript(init);
    await page.route(OFFICE_JS, (route) =>
      officeJs === null
        ? route.abort()
        : route.fulfill({ contentType: "text/javascript", body: officeJs })
    );
    await page.goto(`${base}/taskpane.html`);
    return page;
  }

  it("says 'Đang chạy ngoài Excel' instead of hanging when office.js cannot load (CDN blocked)", async () => {
    const page = await open(null);
    await page.getByText("Đang chạy ngoài Excel").waitFor({ timeout: 15_000 });
    expect(await page.locator("#old-webview").isVisible()).toBe(false);
    await page.close();
  }, 60_000);

  it("gives up waiting for Office.onReady after about 2 s and still shows the pane", async () => {
    const page = await open(
      "window.Office = { onReady: function () { return new Promise(function () {}); } };"
    );
    const t0 = Date.now();
    await page.getByText("Đang chạy ngoài Excel").waitFor({ timeout: 6000 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1500);
    await page.close();
  }, 60_000);

  it("opens help.html at a function's section, as Excel's help link for THIDUA.RANK does (issue 4)", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/help.html#thidua-rank`);
    const heading = page.locator("#thidua-rank");
    expect(await heading.innerText()).toBe("THIDUA.RANK");
    expect(await heading.isVisible()).toBe(true);
    expect(await page.locator("table").count()).toBeGreaterThan(0);
    await page.close();
  }, 60_000);

  it("shows the plain-HTML Vietnamese/English message in a webview too old for React", async () => {
    // What IE11 lacks among the checks: the inline script must notice and take over.
    const page = await open(null, "delete Object.fromEntries;");
    await page.locator("#old-webview").waitFor({ state: "visible", timeout: 15_000 });
    expect(await page.locator("#old-webview").innerText()).toContain("THIDUA cần Excel mới hơn");
    expect(await page.locator("#container").isVisible()).toBe(false);
    await page.close();
  }, 60_000);
});
