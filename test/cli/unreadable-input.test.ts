/**
 * A file that cannot be read is said as such by the commands that do not rank: `thidua template` and
 * the meeting's documents answer "không đọc được <file>: <why>" (exit 2, one line, in the chosen
 * language), not "không xếp hạng được", and write nothing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "./run";

jest.setTimeout(120_000);

let dir: string;
let file: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-unreadable-"));
  // Text saved under an .xlsx name: what a mail client's "save as" sometimes leaves.
  file = path.join(dir, "bang-diem.xlsx");
  fs.writeFileSync(file, "Đây không phải là bảng tính\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const written = (): string[] => fs.readdirSync(dir).filter((f) => f !== "bang-diem.xlsx");

test.each([
  ["template", ["template", "FILE", "--out", "OUT/forms.xlsx"]],
  ["minutes", ["minutes", "FILE", "--out", "OUT/bien-ban.docx"]],
])("%s: an unreadable input is 'không đọc được', exit 2, nothing written", async (_, args) => {
  const argv = args.map((a) => a.replace("FILE", file).replace("OUT", dir));
  const vi = await runCli(argv);
  expect(vi.code).toBe(2);
  const lines = vi.err.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^thidua \w+: không đọc được .*bang-diem\.xlsx: \S/);
  expect(lines[0]).not.toMatch(/xếp hạng/);

  const en = await runCli([...argv, "--lang", "en"]);
  expect(en.code).toBe(2);
  expect(en.err.trim()).toMatch(/^thidua \w+: cannot read .*bang-diem\.xlsx: \S/);
  expect(en.err).not.toMatch(/không/);
  expect(written()).toEqual([]);
});
