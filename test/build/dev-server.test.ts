/**
 * `npm run dev-server` / `npm start` and `npm stop`: the server comes up on localhost, falls back to
 * http where certificates cannot be installed (this machine), serves the shared-runtime page and the
 * manifest, and `npm stop` ends exactly the process it started (by its PID file).
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe("development server", () => {
  let child: ChildProcess | undefined;
  let output = "";
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-dev-"));
  const env = {
    ...process.env,
    THIDUA_PID_FILE: path.join(tmp, "dev-server.pid"),
    HOME: tmp,
    // Linux cannot install the CA (the fallback under test); elsewhere, do not make the OS prompt for it.
    ...(process.platform === "linux" ? {} : { THIDUA_HTTP: "1" }),
  };

  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("starts with a banner, serves taskpane.html over http here, and npm stop ends it", async () => {
    const port = await freePort();
    child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.js")], {
      cwd: ROOT,
      env: { ...env, THIDUA_PORT: String(port) },
    });
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) =>
      child?.on("exit", (code) => resolve(code))
    );

    const page = await waitFor(`http://localhost:${port}/taskpane.html`, 90_000);
    expect(await page.text()).toContain("appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const manifest = await waitFor(`http://localhost:${port}/manifest.xml`, 10_000);
    expect(await manifest.text()).toContain("https://localhost:3000/taskpane.html");

    // Wait for the banner, printed once the server is up.
    const until = Date.now() + 10_000;
    while (!output.includes("npm stop") && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain(`http://localhost:${port}/`);
    // Issue 18: "compiling…" at once, the address only once the first build is done.
    const compiling = output.indexOf("compiling…");
    const compiledAt = output.search(/compiled in \d+,\d s/);
    const readyAt = output.indexOf("is ready");
    expect(compiling).toBeGreaterThanOrEqual(0);
    expect(compiledAt).toBeGreaterThan(compiling);
    expect(readyAt).toBeGreaterThan(compiledAt);
    expect(output).toMatch(/npm run sideload/);
    expect(output).toMatch(/Upload My Add-in → manifest\.xml/);
    // The one-line fallback warning.
    expect(output.split("\n").filter((l) => l.includes("serving over http"))).toHaveLength(1);
    expect(fs.readFileSync(env.THIDUA_PID_FILE, "utf8").trim()).toBe(String(child.pid));

    const stop = spawnSync(process.execPath, [path.join(ROOT, "scripts", "stop.js")], {
      env,
      encoding: "utf8",
    });
    expect(stop.status).toBe(0);
    expect(stop.stdout).toMatch(/Stopped the development server/);
    await exited;
    expect(fs.existsSync(env.THIDUA_PID_FILE)).toBe(false);
  }, 120_000);

  it("npm stop says so when no server is running", () => {
    const stop = spawnSync(process.execPath, [path.join(ROOT, "scripts", "stop.js")], {
      env,
      encoding: "utf8",
    });
    expect(stop.status).toBe(0);
    expect(stop.stdout).toMatch(/No development server is running/);
  });
});
