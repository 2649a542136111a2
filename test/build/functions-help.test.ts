/**
 * help.html, the page each THIDUA.* function's help link opens (issue 4), is generated at build time from
 * README.md's "Hàm / Functions" section by scripts/functions-help.js. These checks run without webpack:
 * the README and the functions' metadata must stay in step, or a help link would open at nothing.
 * (test/build/build.test.ts checks the page and the rewritten links in a real production build.)
 */
import * as fs from "fs";
import * as path from "path";

// CommonJS on purpose: webpack requires the same file.
const help = require("../../scripts/functions-help.js");

const GOLDEN = path.join(__dirname, "..", "functions", "golden");
const readJson = (name: string): any =>
  JSON.parse(fs.readFileSync(path.join(GOLDEN, name), "utf8"));
const ids = (m: any): string[] => m.functions.map((f: any) => f.id);

describe("help.html from README.md (issue 4)", () => {
  const readme: string = help.readReadme();
  const en = readJson("functions.json");
  const vi = readJson("functions-vi.json");

  test("every function's help link is the dev server's help.html at its own anchor, so the build can rewrite it", () => {
    for (const meta of [en, vi])
      for (const f of meta.functions)
        expect([f.id, f.helpUrl]).toEqual([
          f.id,
          `https://localhost:3000/help.html#${help.helpAnchor(f.id)}`,
        ]);
  });

  test("the README has a section at each anchor, titled with the function's name", () => {
    const html: string = help.buildHelpPage(readme, ids(en));
    for (const id of ids(en)) {
      const m = new RegExp(`<h3 id="${help.helpAnchor(id)}">([^<]*)</h3>`).exec(html);
      expect([id, m?.[1]]).toEqual([id, `THIDUA.${id}`]);
    }
  });

  test("the page is the functions section only: no quick start, no command line, no images", () => {
    const html: string = help.buildHelpPage(readme, ids(en));
    expect(html).toContain("THIDUA.TONGDIEM");
    expect(html).not.toContain("npm start");
    expect(html).not.toContain("thidua rank");
    expect(html).not.toMatch(/<img|docs\/images/);
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
  });

  test("a function without a README section fails the build, naming every one missing", () => {
    const cut = readme.replace(/### THIDUA\.(RANK|UNICODE)\n/g, "### $1 removed\n");
    expect(() => help.buildHelpPage(cut, ids(en))).toThrow(/RANK, UNICODE/);
  });

  test("a README without the functions section says so", () => {
    expect(() => help.buildHelpPage("# THIDUA\n\n## Other\n", ["TOTAL"])).toThrow(
      /Hàm \/ Functions/
    );
  });

  test("tables, lists, code and bold become HTML; cell text is escaped, never markup", () => {
    const md = [
      "## Hàm / Functions",
      "",
      "### THIDUA.TOTAL",
      "",
      "**`THIDUA.TONGDIEM(a, b)`** gives `<b>`.",
      "",
      "- `tieu_chi`: the criteria,",
      "  wrapped on two lines.",
      "- a [link](https://example.org/x) and a [repository link](docs/x.md)",
      "",
      "| Tên | English |",
      "|---|---|",
      '| `=HYPERLINK("x")` | <script>alert(1)</script> |',
      "",
      "## Next section",
      "not on the page",
    ].join("\n");
    const html: string = help.buildHelpPage(md, ["TOTAL"]);
    expect(html).toContain('<h3 id="thidua-total">THIDUA.TOTAL</h3>');
    expect(html).toContain(
      "<p><strong><code>THIDUA.TONGDIEM(a, b)</code></strong> gives <code>&lt;b&gt;</code>.</p>"
    );
    expect(html).toContain("<li><code>tieu_chi</code>: the criteria, wrapped on two lines.</li>");
    expect(html).toContain('<a href="https://example.org/x">link</a> and a repository link');
    expect(html).toContain("<thead><tr><th>Tên</th><th>English</th></tr></thead>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("not on the page");
  });
});
