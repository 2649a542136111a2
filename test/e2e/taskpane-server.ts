/**
 * Shared by the task-pane e2e test and the bundle bench: build the harness page (once per mode),
 * serve it on 127.0.0.1, launch Chromium as MACHINE.md says, with office.js routed to nothing.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type BrowserContext, type Page } from "playwright-core";

const ROOT = path.join(__dirname, "..", "..");

export function buildHarness(mode: "development" | "production", out: string): void {
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
      "--config",
      path.join(__dirname, "taskpane.webpack.js"),
      "--mode",
      mode,
    ],
    { cwd: ROOT, env: { ...process.env, THIDUA_E2E_OUT: out }, encoding: "utf8" }
  );
  if (r.status !== 0) throw new Error(`harness build failed:\n${r.stdout}\n${r.stderr}`);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel =
      decodeURIComponent((req.url ?? "/").split("?")[0]).replace(/^\/+/, "") || "index.html";
    const file = path.join(dir, rel);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Chromium with a fresh profile (playwright wants the user-data-dir as launchPersistentContext's). */
export async function launch(): Promise<{ context: BrowserContext; userDataDir: string }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 450, height: 900 },
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
  return { context, userDataDir };
}

/** A page at `width` px with office.js answered by an empty script (MACHINE.md: its CDN fails here). */
export async function openPage(context: BrowserContext, url: string, width: number): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "" })
  );
  await page.goto(url);
  await page.waitForSelector("body[data-ready='1']", { timeout: 60_000 });
  return page;
}

/**
 * A suite's server over the bundle `bundle()` returns and its Chromium, started before the suite's
 * tests and stopped after them, profile folder included. `ready` receives both once they run.
 */
export function browserSuite(
  bundle: () => string,
  ready: (s: { server: { url: string }; context: BrowserContext }) => void
): void {
  let server: { url: string; close(): Promise<void> } | undefined;
  let context: BrowserContext | undefined;
  let userDataDir = "";
  beforeAll(async () => {
    server = await serve(bundle());
    ({ context, userDataDir } = await launch());
    ready({ server, context });
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });
}
