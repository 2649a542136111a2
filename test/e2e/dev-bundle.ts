/**
 * The development build (playground + task pane + functions), shared by the E2E tests that need it.
 * The build is most of their time (≈40 s here), so it is made once per change of the sources: the
 * second test of a run, or a rerun with nothing edited, finds it fresh and skips it.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
// Our own output folder: dist/ belongs to whoever builds it, and webpack cleans its output.
export const DEV_BUNDLE = path.join(ROOT, "node_modules", ".cache", "thidua-dev-bundle");

/** Newest modification time under `dir` (the sources the bundle is made of). */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function isFresh(): boolean {
  // Written last, after webpack succeeded: a half-written folder never looks fresh.
  const stamp = path.join(DEV_BUNDLE, ".built");
  return (
    fs.existsSync(stamp) &&
    fs.statSync(stamp).mtimeMs >
      Math.max(
        newest(path.join(ROOT, "src")),
        fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs
      )
  );
}

/** The product's webpack build (webpack.config.js) into `out`, in a child process; throws on failure. */
export function buildInto(mode: "development" | "production", out: string): void {
  const build = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
      "--mode",
      mode,
      "--output-path",
      out,
    ],
    { cwd: ROOT, encoding: "utf8" }
  );
  if (build.status !== 0)
    throw new Error(`${mode} build failed:\n${build.stdout}\n${build.stderr}`);
}

/** The folder holding a fresh development build; builds it when a source changed since. */
export function devBundle(): string {
  if (isFresh()) return DEV_BUNDLE;
  // Built aside and moved in whole, so two jest workers racing never serve a half-written bundle.
  const tmp = `${DEV_BUNDLE}.${process.pid}`;
  try {
    buildInto("development", tmp);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  fs.writeFileSync(path.join(tmp, ".built"), new Date().toISOString());
  fs.rmSync(DEV_BUNDLE, { recursive: true, force: true });
  fs.renameSync(tmp, DEV_BUNDLE);
  return DEV_BUNDLE;
}
