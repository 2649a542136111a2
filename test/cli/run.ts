/** `thidua …` in-process, as a terminal would see it: what it printed on each stream and its exit code. */
import { main } from "../../src/cli/main";

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
  });
  return { code, out, err };
}
