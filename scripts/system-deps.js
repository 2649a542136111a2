// What `npm test` needs beyond npm: Chromium (the browser tests drive /usr/bin/chromium), LibreOffice
// and poppler (the print and recalculation tests) and the fonts those prints are measured with. A
// fresh Debian/Ubuntu machine has none of them, so this step installs what is missing with apt-get (as
// root, or through sudo when it needs no password) or stops with the one command to run.
// `node scripts/system-deps.js --check` only reports.
const { execFileSync } = require("child_process");
const fs = require("fs");

/** Each need: how to tell it is present, and the Debian packages that provide it. */
const NEEDS = [
  {
    what: "Chromium (/usr/bin/chromium)",
    present: (p) => p.file("/usr/bin/chromium"),
    packages: ["chromium"],
  },
  {
    what: "LibreOffice (soffice)",
    present: (p) => p.command("soffice"),
    packages: ["libreoffice-calc-nogui", "libreoffice-writer-nogui"],
  },
  {
    what: "poppler (pdftoppm, pdfinfo, pdftotext, pdffonts)",
    present: (p) => ["pdftoppm", "pdfinfo", "pdftotext", "pdffonts"].every((c) => p.command(c)),
    packages: ["poppler-utils"],
  },
  {
    what: "Liberation fonts 2 (Times-like glyphs for Vietnamese prints)",
    present: (p) => p.file("/usr/share/fonts/truetype/liberation2"),
    packages: ["fonts-liberation2"],
  },
  {
    what: "DejaVu fonts",
    present: (p) => p.file("/usr/share/fonts/truetype/dejavu"),
    packages: ["fonts-dejavu-core"],
  },
];

/** The real machine, behind the few questions the plan asks. */
const machine = {
  command(name) {
    const dirs = (process.env.PATH || "").split(":").filter(Boolean);
    return dirs.some((d) => {
      try {
        fs.accessSync(`${d}/${name}`, fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  },
  file: (p) => fs.existsSync(p),
  isRoot: () => typeof process.getuid === "function" && process.getuid() === 0,
  // `sudo -n` fails instead of asking for a password: a test run must not hang on a prompt.
  sudoWithoutPassword() {
    if (!machine.command("sudo")) return false;
    try {
      execFileSync("sudo", ["-n", "true"], { stdio: "ignore", timeout: 10000 });
      return true;
    } catch {
      return false;
    }
  },
};

/**
 * What to do on this machine: `missing` (descriptions), `packages` to install, `apt` (apt-get is
 * there), and either the `argv` prefix that runs apt-get non-interactively (directly as root,
 * through sudo otherwise) or null with `command`, the one line a person must run.
 */
function plan(probe = machine) {
  const missing = NEEDS.filter((n) => !n.present(probe));
  const packages = missing.flatMap((n) => n.packages);
  const command = `sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages.join(" ")}`;
  const apt = probe.command("apt-get");
  if (packages.length === 0) return { missing: [], packages, apt, argv: null, command: null };
  let argv = null;
  if (apt) {
    // sudo drops the environment: DEBIAN_FRONTEND goes on its command line.
    if (probe.isRoot()) argv = ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"];
    else if (probe.sudoWithoutPassword())
      argv = ["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get"];
  }
  return { missing: missing.map((n) => n.what), packages, apt, argv, command };
}

function install(p) {
  const run = (args) =>
    execFileSync(p.argv[0], [...p.argv.slice(1), ...args], {
      stdio: ["ignore", "inherit", "inherit"],
    });
  run(["update", "-qq"]);
  run(["install", "-y", "-qq", "--no-install-recommends", ...p.packages]);
}

function main(argv = process.argv.slice(2)) {
  const p = plan();
  if (p.packages.length === 0) {
    console.log("system packages for the tests: all present");
    return 0;
  }
  console.log(`system packages for the tests: missing ${p.missing.join(", ")}`);
  if (argv.includes("--check") || p.argv === null) {
    // Without apt-get (macOS, Windows, another Linux) the Debian command would mislead.
    console.error(
      p.apt
        ? `Run this once, then npm test again:\n  ${p.command}`
        : `Install these, then npm test again: ${p.missing.join(", ")} (the browser tests expect /usr/bin/chromium).`
    );
    return 1;
  }
  console.log(`installing with ${p.argv.join(" ")}: ${p.packages.join(" ")}`);
  try {
    install(p);
  } catch (e) {
    console.error(
      `apt-get failed (${e.message}). Run this once, then npm test again:\n  ${p.command}`
    );
    return 1;
  }
  const after = plan();
  if (after.packages.length > 0) {
    console.error(`still missing after apt-get: ${after.missing.join(", ")}`);
    return 1;
  }
  console.log("system packages for the tests: installed");
  return 0;
}

module.exports = { NEEDS, plan, main };

if (require.main === module) process.exit(main());
