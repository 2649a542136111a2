/**
 * The repository stands alone: no source, test, script or build file reaches a path outside it (a
 * workspace folder beside the clone, an absolute path of one machine). Cloned anywhere, `npm test`
 * and the playground find everything they need inside the clone.
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./paths";

/** The one allowed reach: an extra golden check over the workspace's samples, skipped when absent. */
const ALLOWED = [
  {
    file: "test/golden/golden.test.ts",
    line: /WORKSPACE_SAMPLES = path\.resolve\(ROOT, "\.\.", "shared"/,
  },
];

const SCANNED = ["src", "test", "scripts", ".ci", "webpack.config.js", "jest.config.js"];
const TEXT = /\.(ts|tsx|js|cjs|mjs|json|md|sh)$|^run$/;

function filesUnder(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [rel];
  return fs
    .readdirSync(abs, { withFileTypes: true })
    .filter((d) => d.name !== "node_modules")
    .flatMap((d) => {
      const child = path.posix.join(rel, d.name);
      return d.isDirectory() ? filesUnder(child) : TEXT.test(d.name) ? [child] : [];
    });
}

const outside = (p: string): boolean => {
  const r = path.relative(ROOT, p);
  return r === ".." || r.startsWith(".." + path.sep) || path.isAbsolute(r);
};
const literals = (args: string): string[] | null => {
  const parts = args.split(",").map((a) => a.trim());
  return parts.every((a) => /^["'][^"']*["']$/.test(a)) ? parts.map((a) => a.slice(1, -1)) : null;
};

/**
 * Each line of `text` (a file at `rel` in the repository) that names a place outside the repository:
 * a workspace path (`/work/`, `../shared`), a relative string climbing above the root, or a
 * path.join/resolve from the file's folder or the repository root that ends above the root.
 */
export function reachesOutside(rel: string, text: string): string[] {
  const dir = path.dirname(path.join(ROOT, rel));
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    const why: string[] = [];
    if (/\/work\//.test(line)) why.push("absolute workspace path");
    if (/\.\.\/shared\b/.test(line)) why.push("workspace folder beside the repository");
    for (const m of line.matchAll(/["'`]((?:\.\.\/)+[^"'`$]*)["'`]/g))
      if (outside(path.resolve(dir, m[1]))) why.push(`"${m[1]}" climbs above the repository`);
    for (const m of line.matchAll(
      /path\.(?:join|resolve)\(\s*(__dirname|ROOT|root)\s*,([^()]*)\)/g
    )) {
      const parts = literals(m[2]);
      if (!parts) continue;
      const base = m[1] === "__dirname" ? dir : ROOT;
      if (outside(path.resolve(base, ...parts)))
        why.push("path.join/resolve ends above the repository");
    }
    if (why.length > 0) found.push(`${rel}:${i + 1}: ${why.join("; ")}: ${line.trim()}`);
  });
  return found;
}

describe("the repository stands alone (no path outside it)", () => {
  it("finds no reach outside the repository in src, test, scripts, .ci and the build configs", () => {
    // This file's own examples of bad paths are data for the second test.
    const files = SCANNED.flatMap(filesUnder).filter((f) => f !== "test/paths.test.ts");
    expect(files.length).toBeGreaterThan(100);
    const offences = files.flatMap((rel) =>
      reachesOutside(rel, fs.readFileSync(path.join(ROOT, rel), "utf8"))
    );
    const allowed = offences.filter((o) =>
      ALLOWED.some((a) => o.startsWith(a.file + ":") && a.line.test(o))
    );
    expect(offences.filter((o) => !allowed.includes(o))).toEqual([]);
    // The optional workspace check stays one line in one file.
    expect(allowed).toHaveLength(1);
  });

  it("recognises each way a file can reach outside, and leaves paths inside the repository alone", () => {
    const bad = [
      // Built from parts, so this file holds no machine path of its own.
      `const S = "${["", "work", "shared", "samples"].join("/")}";`,
      'const S = path.resolve(__dirname, "../../../shared/samples");',
      'const S = path.join(__dirname, "..", "..", "..", "shared", "samples");',
      'const S = path.join(ROOT, "..", "shared", "samples");',
      'const S = path.join(root, "..", "elsewhere");',
      'const up = path.resolve(__dirname, "../../..");',
      "// see ../shared/DESIGN.md",
    ];
    for (const line of bad) expect(reachesOutside("test/cli/x.test.ts", line)).toHaveLength(1);
    const good = [
      'import { x } from "../../src/core";',
      'const ROOT = path.join(__dirname, "..", "..");',
      'const S = path.join(ROOT, "samples", "s1-layout-a");',
      'const S = path.resolve(__dirname, "../fixtures");',
      'const p = path.join(dir, "..", name);',
    ];
    for (const line of good) expect(reachesOutside("test/cli/x.test.ts", line)).toEqual([]);
  });
});
