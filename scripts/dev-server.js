// `npm run dev-server`: builds in development mode, watches, and serves dist on https://localhost:3000
// (http when the Office developer certificates cannot be installed, as on Linux and in CI). Writes
// its PID so `npm stop` can end it. scripts/start.js is the same with a banner for people.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
// THIDUA_PID_FILE lets a test run its own server without touching a developer's.
const PID_FILE =
  process.env.THIDUA_PID_FILE ||
  path.join(root, "node_modules", ".cache", "thidua", "dev-server.pid");
const HOST = "localhost";

function port() {
  return Number(process.env.THIDUA_PORT || process.env.npm_package_config_dev_server_port || 3000);
}

/**
 * https options from office-addin-dev-certs, or null when they cannot be had. Where the CA cannot be
 * installed (no sudo, CI) the library rejects at once; THIDUA_HTTP=1 skips the attempt entirely.
 */
async function httpsOptions(log) {
  if (process.env.THIDUA_HTTP === "1") {
    log("THIDUA_HTTP=1: phục vụ qua http. / serving over http.");
    return null;
  }
  // The library narrates each step on the console; keep only our one-line outcome.
  const quiet = { log: console.log, info: console.info };
  console.log = console.info = () => {};
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    const reason = String((err && err.message) || err)
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .pop();
    log(
      `Không cài được chứng chỉ phát triển (${reason}): phục vụ qua http. / Dev certificates unavailable: serving over http.`
    );
    return null;
  } finally {
    Object.assign(console, quiet);
  }
}

function writePidFile() {
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, String(process.pid));
  const cleanup = () => {
    try {
      if (fs.readFileSync(PID_FILE, "utf8").trim() === String(process.pid)) fs.unlinkSync(PID_FILE);
    } catch {
      // already gone
    }
  };
  process.on("exit", cleanup);
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => process.exit(0));
  }
}

/**
 * webpack-dev-server reports a busy port by throwing from a socket callback, past any try/catch, with
 * a stack trace: check first and say what to do instead.
 */
function ensurePortFree(p) {
  const net = require("net");
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err) =>
      reject(
        err.code === "EADDRINUSE"
          ? new Error(
              `Cổng ${p} đang bận: có thể THIDUA đã chạy (dừng bằng \`npm stop\`). / Port ${p} is in use: stop the other server with \`npm stop\`.`
            )
          : err
      )
    );
    probe.listen(p, HOST, () => probe.close(resolve));
  });
}

/**
 * Starts the server; resolves once it listens (requests made before the first build ends wait for it).
 * `onCompiled` is called after every build with its duration and whether it failed: the first call is
 * when the page is really ready.
 */
async function serve({ log = (line) => console.warn(line), onCompiled = () => {} } = {}) {
  // Required here, not on top: `npm stop` loads this file only for PID_FILE.
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const config = makeConfig({}, { mode: "development" });
  // Kept between runs: a second `npm start` on two cores compiles in seconds instead of a minute.
  config.cache = {
    type: "filesystem",
    cacheDirectory: path.join(root, "node_modules", ".cache", "thidua", "webpack"),
    buildDependencies: { config: [path.join(root, "webpack.config.js"), __filename] },
  };
  await ensurePortFree(port());
  const https = await httpsOptions(log);
  const compiler = webpack(config);
  let started = Date.now();
  compiler.hooks.invalid.tap("thidua-start", () => (started = Date.now()));
  compiler.hooks.done.tap("thidua-start", (stats) =>
    onCompiled({ ms: Date.now() - started, failed: stats.hasErrors() })
  );
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      host: HOST,
      port: port(),
      server: https ? { type: "https", options: https } : { type: "http" },
    },
    compiler
  );
  await server.start();
  writePidFile();
  const url = `${https ? "https" : "http"}://${HOST}:${port()}/`;
  const hasPlayground = Object.prototype.hasOwnProperty.call(config.entry, "playground");
  return { server, url, https: Boolean(https), hasPlayground };
}

if (require.main === module) {
  serve().catch((err) => {
    console.error(err && err.message ? err.message : err);
    process.exit(1);
  });
}

module.exports = { serve, PID_FILE, HOST, port };
