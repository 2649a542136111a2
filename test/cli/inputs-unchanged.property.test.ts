/**
 * Property (issue 19): whatever command line is typed (rank, validate, template, covenant; --out at an
 * input, a symlink or a hard link to it, the profile, a folder of returned forms, a wrong extension or
 * a new file), no input file changes by a single byte and no returned form is replaced.
 */
import * as crypto from "crypto";
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "./run";

const BASE = path.join(__dirname, "..", "xlsx", "hostile", "cases", "base.xlsx");

function digest(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

describe("no CLI command changes the bytes of an input (issue 19)", () => {
  it("property: inputs, linked inputs, the profile and returned forms are byte for byte the same after any command", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-prop-"));
    const input = path.join(dir, "bang-diem.xlsx");
    fs.copyFileSync(BASE, input);
    const profile = path.join(dir, "cum.json");
    fs.writeFileSync(profile, JSON.stringify({ year: 2026, clusterName: "Cụm I" }));
    const link = path.join(dir, "lien-ket.xlsx");
    fs.symlinkSync(input, link);
    const hard = path.join(dir, "cung-tep.xlsx");
    fs.linkSync(input, hard);
    const forms = path.join(dir, "phieu");
    fs.mkdirSync(forms);
    const returned = path.join(forms, "Sở Tư pháp.xlsx");
    fs.writeFileSync(returned, "phiếu đã điền");
    const watched = [input, profile, returned];
    const before = watched.map(digest);

    const targets = [
      input,
      link,
      hard,
      profile,
      forms,
      returned,
      path.join(dir, "moi.xlsx"),
      path.join(dir, "moi.docx"),
      path.join(dir, "moi.csv"),
      path.join(dir, "BANG-DIEM.XLSX"),
    ];
    const command = fc.record({
      cmd: fc.constantFrom("rank", "validate", "template", "covenant"),
      source: fc.constantFrom(input, link, hard),
      out: fc.constantFrom(...targets),
      withProfile: fc.boolean(),
      json: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(command, async (c) => {
        const args =
          c.cmd === "covenant"
            ? ["covenant", "--criteria", c.source, "--out", c.out]
            : [c.cmd, c.source, "--out", c.out];
        if (c.withProfile) args.push("--profile", profile);
        if (c.json && (c.cmd === "rank" || c.cmd === "validate")) args.push("--json");
        const r = await runCli(args);
        expect([0, 1, 2]).toContain(r.code);
        expect(watched.map(digest)).toEqual(before);
        expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      }),
      { numRuns: 25, seed: 19 }
    );
  }, 180_000);
});
