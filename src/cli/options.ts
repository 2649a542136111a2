/**
 * The options of every `thidua` command, and the one parser for them: the table serves the parsers
 * and `--help` alike (a test holds the usage text to it, so an option never goes undocumented).
 */
export const COMMAND_OPTIONS = {
  rank: ["sheet", "json", "out", "lang", "profile", "accept", "year", "date", "place"],
  validate: ["sheet", "json", "lang", "profile", "accept"],
  template: ["out", "profile", "lang", "year", "date", "place"],
  covenant: ["out", "profile", "criteria", "lang", "year", "date", "place", "bases"],
  minutes: ["out", "profile", "meeting", "lang", "year", "date", "place"],
  votes: ["out", "profile", "meeting", "ballots", "lang", "year", "date", "place"],
  proposal: ["out", "profile", "meeting", "lang", "year", "date", "place"],
} as const satisfies Record<string, readonly string[]>;

export type CommandName = keyof typeof COMMAND_OPTIONS;

/** Options that take no value. */
const FLAGS: ReadonlySet<string> = new Set(["json"]);

export class OptionError extends Error {
  constructor(
    readonly problem: "unknown" | "needValue",
    readonly option: string
  ) {
    super(`${problem}: ${option}`);
  }
}

export interface ParsedOptions {
  positional: string[];
  /** Each valued option's values in the order given (`--accept a --accept b`). */
  values: Record<string, string[]>;
  flags: Set<string>;
}

/** `--name value`, `--name=value` and flags; anything not starting with "--" is positional. */
export function parseOptions(argv: readonly string[], command: CommandName): ParsedOptions {
  const known: readonly string[] = COMMAND_OPTIONS[command];
  const out: ParsedOptions = { positional: [], values: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (!known.includes(name)) throw new OptionError("unknown", a);
    if (FLAGS.has(name)) {
      out.flags.add(name);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "") throw new OptionError("needValue", `--${name}`);
    (out.values[name] ??= []).push(value);
  }
  return out;
}

/** The last value given for an option, as the parsers before read a repeated one. */
export function lastValues(values: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v[v.length - 1];
  return out;
}
