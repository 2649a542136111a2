/**
 * The step `npm test` and .ci/run take first (scripts/system-deps.js): on a fresh Debian/Ubuntu
 * machine it installs Chromium, LibreOffice, poppler and the fonts with apt-get, or stops with the one
 * command to run. The machine is a fake here; the real one is asked only by the script itself.
 */
const { plan, NEEDS } = require("../../scripts/system-deps.js");

interface Fake {
  files?: string[];
  commands?: string[];
  root?: boolean;
  sudo?: boolean;
}

function fake({ files = [], commands = [], root = false, sudo = false }: Fake) {
  return {
    file: (p: string) => files.includes(p),
    command: (c: string) => commands.includes(c),
    isRoot: () => root,
    sudoWithoutPassword: () => sudo,
  };
}

const EVERYTHING: Fake = {
  files: [
    "/usr/bin/chromium",
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/dejavu",
  ],
  commands: ["apt-get", "soffice", "pdftoppm", "pdfinfo", "pdftotext", "pdffonts"],
};
const ALL_PACKAGES = [
  "chromium",
  "libreoffice-calc-nogui",
  "libreoffice-writer-nogui",
  "poppler-utils",
  "fonts-liberation2",
  "fonts-dejavu-core",
];

describe("system packages for the tests (scripts/system-deps.js)", () => {
  it("asks for nothing when Chromium, LibreOffice, poppler and both fonts are there", () => {
    expect(plan(fake(EVERYTHING))).toMatchObject({ missing: [], packages: [], argv: null });
  });

  it("on a fresh machine as root: installs every package with apt-get, non-interactively", () => {
    const p = plan(fake({ commands: ["apt-get"], root: true }));
    expect(p.packages).toEqual(ALL_PACKAGES);
    expect(p.missing).toHaveLength(NEEDS.length);
    expect(p.argv).toEqual(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
  });

  it("not root but sudo without a password: goes through sudo -n", () => {
    const p = plan(fake({ commands: ["apt-get", "sudo"], sudo: true }));
    expect(p.argv).toEqual(["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
  });

  it("without root or sudo: installs nothing and names the one command to run", () => {
    const p = plan(fake({ commands: ["apt-get"] }));
    expect(p.argv).toBeNull();
    expect(p.command).toBe(
      `sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${ALL_PACKAGES.join(" ")}`
    );
  });

  it("without apt-get (not Debian/Ubuntu): installs nothing and says apt is not there", () => {
    const p = plan(fake({ root: true }));
    expect(p).toMatchObject({ apt: false, argv: null, packages: ALL_PACKAGES });
  });

  it("only what is missing: a machine with everything but pdfinfo and the DejaVu fonts", () => {
    const p = plan(
      fake({
        ...EVERYTHING,
        files: EVERYTHING.files!.filter((f) => !f.endsWith("dejavu")),
        commands: EVERYTHING.commands!.filter((c) => c !== "pdfinfo"),
        root: true,
      })
    );
    expect(p.packages).toEqual(["poppler-utils", "fonts-dejavu-core"]);
  });

  it("this machine has what the tests need (npm test ran the step before jest)", () => {
    expect(plan().missing).toEqual([]);
  });
});
