// `npm test`'s first half: the system packages the tests need (scripts/system-deps.js installs what
// is missing or names the command to run), then lint and typecheck side by side. Each is
// single-threaded and this machine has two cores, so running them together saves the shorter one's
// time (~20 s). Outputs are printed whole, one after the other, so they never interleave.
const { spawn } = require("child_process");

function run(name, script) {
  return new Promise((resolve) => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const child = spawn(npm, ["run", "--silent", script], {
      shell: process.platform === "win32",
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ name, code, out }));
  });
}

if (require("./system-deps").main() !== 0) process.exit(1);

Promise.all([run("lint", "lint"), run("typecheck", "typecheck")]).then((results) => {
  let failed = 0;
  for (const r of results) {
    process.stdout.write(r.out);
    console.log(`${r.name}: ${r.code === 0 ? "ok" : "FAILED"}`);
    if (r.code !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
});
