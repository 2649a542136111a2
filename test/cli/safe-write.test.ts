/**
 * Writes that cannot destroy (issue 19): an output that is an input by any road is refused, a full
 * disk leaves the older file whole, template never replaces a returned form, the extension decides the
 * format, and a bad profile is named by its field. Every refusal is one line and exit 2.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  formatOf,
  printable,
  refuseInputAsOutput,
  SafeWriteError,
  writeFileSafely,
  type WriteFs,
} from "../../src/cli/safe-write";
import { runCli } from "./run";

const BASE = path.join(__dirname, "..", "xlsx", "hostile", "cases", "base.xlsx");
let dir: string;
let input: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-safe-"));
  input = path.join(dir, "bang-diem.xlsx");
  fs.copyFileSync(BASE, input);
});

/** Control characters other than tab and line feed, by code. */
function controls(s: string): number[] {
  return [...s]
    .map((ch) => ch.charCodeAt(0))
    .filter((c) => (c < 32 && c !== 9 && c !== 10) || (c >= 127 && c < 160));
}

function oneLine(r: { code: number; err: string }): string {
  expect(r.code).toBe(2);
  expect(r.err.endsWith("\n")).toBe(true);
  expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  return r.err.trimEnd();
}

describe("the output is never an input", () => {
  it("covenant --criteria bang-diem.xlsx --out bang-diem.xlsx is refused and the score workbook kept", async () => {
    const before = fs.readFileSync(input);
    const r = await runCli(["covenant", "--criteria", input, "--out", input]);
    expect(oneLine(r)).toMatch(/chính là tệp đầu vào .*bang-diem\.xlsx: hãy chọn tên khác/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  }, 120_000);

  it("rank --out through a symlink or a hard link to the input is refused", async () => {
    const link = path.join(dir, "lien-ket.xlsx");
    const hard = path.join(dir, "cung-tep.xlsx");
    fs.symlinkSync(input, link);
    fs.linkSync(input, hard);
    const before = fs.readFileSync(input);
    for (const out of [link, hard]) {
      const r = await runCli(["rank", input, "--out", out]);
      expect(oneLine(r)).toMatch(/chính là tệp đầu vào/);
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  }, 120_000);

  it("--out equal to --profile is refused, the profile kept", async () => {
    const profile = path.join(dir, "cum.xlsx");
    fs.writeFileSync(profile, JSON.stringify({ year: 2026 }));
    const r = await runCli(["rank", input, "--profile", profile, "--out", profile]);
    expect(oneLine(r)).toMatch(/chính là tệp đầu vào/);
    expect(fs.readFileSync(profile, "utf8")).toBe(JSON.stringify({ year: 2026 }));
  }, 120_000);

  it("on Windows and macOS a name differing in case or in Unicode form (NFD) is the same file", () => {
    const nfc = path.join(dir, "Bảng điểm.xlsx");
    fs.writeFileSync(nfc, "x");
    const upper = path.join(dir, "BẢNG ĐIỂM.XLSX");
    const nfd = nfc.normalize("NFD");
    for (const platform of ["darwin", "win32"] as const) {
      expect(() => refuseInputAsOutput(upper, [nfc], platform)).toThrow(SafeWriteError);
      expect(() => refuseInputAsOutput(nfd, [nfc], platform)).toThrow(SafeWriteError);
    }
    // On Linux the names are different files.
    expect(() => refuseInputAsOutput(upper, [nfc], "linux")).not.toThrow();
  });
});

describe("the extension decides the format", () => {
  it("rank --out x.csv is refused before anything is read or written", async () => {
    const out = path.join(dir, "x.csv");
    const r = await runCli(["rank", input, "--out", out, "--lang", "en"]);
    expect(oneLine(r)).toBe(
      `thidua: The output ${out} must end in .xlsx: rename it, for example x.xlsx.`
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it("covenant takes .docx or .xlsx only", () => {
    expect(formatOf("giao-uoc.DOCX", ["docx", "xlsx"])).toBe("docx");
    expect(() => formatOf("giao-uoc.pdf", ["docx", "xlsx"])).toThrow(/\.docx, \.xlsx/);
  });
});

describe("a full disk leaves the older file whole", () => {
  it("ENOSPC while writing: the old result stays byte for byte, no temporary file is left, the reason is translated", () => {
    const target = path.join(dir, "xep-hang.xlsx");
    fs.writeFileSync(target, "kết quả cũ");
    const full: WriteFs = {
      openSync: fs.openSync,
      writeSync: () => {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), {
          code: "ENOSPC",
        });
      },
      fsyncSync: fs.fsyncSync,
      closeSync: fs.closeSync,
      renameSync: fs.renameSync,
      unlinkSync: fs.unlinkSync,
    };
    let err: unknown;
    try {
      writeFileSafely(target, new Uint8Array(1000), "xlsx", full);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SafeWriteError);
    expect((err as SafeWriteError).message).toBe(
      `Không ghi được tệp ${target}: ổ đĩa đã đầy (hãy giải phóng dung lượng hoặc ghi sang ổ khác); tệp cũ (nếu có) vẫn còn nguyên.`
    );
    expect((err as SafeWriteError).messageIn("en")).toMatch(/the disk is full/);
    expect(fs.readFileSync(target, "utf8")).toBe("kết quả cũ");
    expect(fs.readdirSync(dir).sort()).toEqual(["bang-diem.xlsx", "xep-hang.xlsx"]);
  });

  it("a write that succeeds replaces the file at once (rename), leaving nothing beside it", () => {
    const target = path.join(dir, "xep-hang.xlsx");
    fs.writeFileSync(target, "cũ");
    writeFileSafely(target, new TextEncoder().encode("mới"), "xlsx");
    expect(fs.readFileSync(target, "utf8")).toBe("mới");
    expect(fs.readdirSync(dir).sort()).toEqual(["bang-diem.xlsx", "xep-hang.xlsx"]);
  });

  it("--out naming a folder is refused in one line", async () => {
    const r = await runCli(["rank", input, "--out", dir + path.sep + "sub.xlsx" + path.sep]);
    expect(r.code).toBe(2);
    fs.mkdirSync(path.join(dir, "ket-qua.xlsx"));
    const again = await runCli(["rank", input, "--out", path.join(dir, "ket-qua.xlsx")]);
    expect(oneLine(again)).toMatch(/là một thư mục: hãy ghi ra một tệp/);
  }, 120_000);
});

describe("template never replaces a form that came back", () => {
  it("a second run writes new names and says so; the filled forms stay byte for byte", async () => {
    const out = path.join(dir, "phieu");
    const first = await runCli(["template", input, "--out", out]);
    expect(first.code).toBe(0);
    const names = fs.readdirSync(out).sort();
    expect(names).toEqual(["Sở Nội vụ.xlsx", "Sở Tài chính.xlsx", "Sở Tư pháp.xlsx"]);
    // A unit sends its form back filled, saved under the same name.
    fs.writeFileSync(path.join(out, "Sở Tư pháp.xlsx"), "đã điền");
    const second = await runCli(["template", input, "--out", out]);
    expect(second.code).toBe(0);
    expect(second.out).toContain(
      `Đã có tệp ${path.join(out, "Sở Tư pháp.xlsx")}: bản mới được ghi thành ${path.join(out, "Sở Tư pháp (2).xlsx")}.`
    );
    expect(fs.readFileSync(path.join(out, "Sở Tư pháp.xlsx"), "utf8")).toBe("đã điền");
    expect(fs.readdirSync(out)).toHaveLength(6);
  }, 180_000);
});

describe("a profile is checked against its schema, the field named", () => {
  const cases: [unknown, RegExp][] = [
    [{ members: "Sở Nội vụ" }, /trường "members" phải là một danh sách chuỗi chữ/],
    [{ precision: "hai" }, /trường "precision" phải là một số nguyên từ 0 đến 6/],
    [
      {
        bands: [
          { label: "Tốt", minShare: 0.8 },
          { label: "Khá", minShare: 80 },
        ],
      },
      /"bands\[1\]\.minShare" phải là một số từ 0 đến 1/,
    ],
    [{ member: ["Sở Nội vụ"] }, /trường "member" không có trong hồ sơ cụm \(gõ nhầm tên\?\)/],
    [["Sở Nội vụ"], /hồ sơ phải là một đối tượng JSON/],
  ];
  for (const [json, message] of cases)
    it(`${JSON.stringify(json)}: exit 2, one line naming the field`, async () => {
      const profile = path.join(dir, "cum.json");
      fs.writeFileSync(profile, JSON.stringify(json));
      const r = await runCli(["rank", input, "--profile", profile]);
      const line = oneLine(r);
      expect(line).toMatch(message);
      expect(line).toMatch(/hãy sửa tệp rồi chạy lại/);
      expect(line).not.toMatch(/at |TypeError|\.map is not/);
    }, 60_000);

  it("invalid JSON, a folder and a missing file are said in the user's words", async () => {
    const bad = path.join(dir, "hong.json");
    fs.writeFileSync(bad, "{ members: [");
    expect(oneLine(await runCli(["rank", input, "--profile", bad]))).toMatch(
      /tệp không phải JSON hợp lệ/
    );
    expect(oneLine(await runCli(["rank", input, "--profile", dir]))).toMatch(
      /đây là một thư mục, không phải tệp/
    );
    expect(
      oneLine(
        await runCli(["rank", input, "--profile", path.join(dir, "khong.json"), "--lang", "en"])
      )
    ).toMatch(/no such file or folder/);
  }, 60_000);
});

describe("what reaches the terminal", () => {
  it("control characters (an escape sequence in a unit's name) are shown as spaces; lines stay lines", () => {
    expect(printable("Sở \u001b[31mTư pháp\u0007\n")).toBe("Sở  [31mTư pháp \n");
  });

  it("a file name or a command with a terminal escape sequence is printed as plain text", async () => {
    // XML cannot carry ESC (the reader refuses such a sheet as damaged); names and arguments can.
    const file = path.join(dir, "bảng\u001b[2Jđiểm\u0007.xlsx");
    fs.copyFileSync(input, file);
    for (const args of [
      ["rank", file],
      ["validate", file],
      ["rank", file, "--out", file + ".csv"],
    ]) {
      const r = await runCli(args);
      expect(controls(r.out + r.err)).toEqual([]);
    }
    expect((await runCli(["rank", file])).out).toContain("bảng [2Jđiểm .xlsx");
    const bad = await runCli(["\u001b]0;owned\u0007rank"]);
    expect(bad.code).toBe(2);
    expect(controls(bad.err)).toEqual([]);
  }, 120_000);

  it("an input that is a folder: one translated line, exit 2", async () => {
    expect(oneLine(await runCli(["rank", dir]))).toMatch(/đây là một thư mục, không phải tệp/);
  });
});
