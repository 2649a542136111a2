// `npm run bench`: runs every test/bench/*.bench.ts (or those named on the command line) one after
// the other, in its own process so one benchmark's garbage does not slow the next.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const dir = path.join(__dirname, "..", "test", "bench");
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
let failed = 0;
for (const f of files) {
  const r = spawnSync(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", path.join(dir, f)],
    { stdio: "inherit", env: { ...process.env, TS_NODE_PROJECT: "tsconfig.json" } }
  );
  if (r.status !== 0) {
    console.error(`bench ${f} failed (exit ${r.status})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
