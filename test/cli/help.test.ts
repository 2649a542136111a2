/**
 * `thidua --help` documents every option each command accepts (issue 18: the help omitted --criteria),
 * in both languages: the usage text is held to the parsers' own table (src/cli/options.ts).
 */
import { COMMAND_OPTIONS, parseOptions, OptionError } from "../../src/cli/options";
import { runCli } from "./run";

describe("thidua --help", () => {
  it.each(["vi", "en"])("(%s) names every command and every option it accepts", async (lang) => {
    const r = await runCli(["--help", "--lang", lang]);
    expect(r.code).toBe(0);
    for (const [command, options] of Object.entries(COMMAND_OPTIONS)) {
      const line = r.out.split("\n").find((l) => l.trim().startsWith(`thidua ${command} `));
      expect({ command, line: line !== undefined }).toEqual({ command, line: true });
      const missing = options.filter((o) => !line!.includes(`--${o}`));
      expect({ command, missing }).toEqual({ command, missing: [] });
    }
  });

  it("and the parsers accept exactly those options", () => {
    expect(parseOptions(["a.xlsx", "--criteria", "c.xlsx"], "covenant").values.criteria).toEqual([
      "c.xlsx",
    ]);
    expect(() => parseOptions(["a.xlsx", "--criteria", "c.xlsx"], "rank")).toThrow(OptionError);
    const many = parseOptions(["a.xlsx", "--accept", "x", "--accept=y", "--json"], "rank");
    expect(many.values.accept).toEqual(["x", "y"]);
    expect(many.flags.has("json")).toBe(true);
    expect(() => parseOptions(["--out"], "template")).toThrow(OptionError);
  });
});
