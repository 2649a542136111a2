/**
 * Writes that cannot destroy the user's files. An output is refused when it is one of the inputs by
 * any road (the same path, a symlink, a hard link, a name differing in case or in Unicode form on
 * Windows and macOS); it is written to a temporary file beside the target and renamed over it, so a
 * full disk or a crash leaves the older file whole; the extension decides the format.
 */
import * as fs from "fs";
import * as path from "path";
import { defineStrings, type Lang } from "../core/i18n";
import { osErrorReason } from "../xlsx/os-error";

export const SAFE_WRITE_STRINGS = defineStrings(
  "cli-safe-write",
  {
    sameAsInput:
      "Tệp ghi ra {out} chính là tệp đầu vào {input}: hãy chọn tên khác, tệp của người dùng không bao giờ bị ghi đè.",
    cannotWrite: "Không ghi được tệp {file}: {reason}; tệp cũ (nếu có) vẫn còn nguyên.",
    badExt: "Tệp ghi ra {out} phải có đuôi {exts}: hãy đổi tên, ví dụ {example}.",
    isFolder: "{out} là một thư mục: hãy ghi ra một tệp, ví dụ {example}.",
    renamed: "Đã có tệp {file}: bản mới được ghi thành {newFile}.",
  },
  {
    sameAsInput:
      "The output {out} is the input file {input}: choose another name; the user's files are never overwritten.",
    cannotWrite: "Cannot write {file}: {reason}; the older file, if any, is left whole.",
    badExt: "The output {out} must end in {exts}: rename it, for example {example}.",
    isFolder: "{out} is a folder: write to a file, for example {example}.",
    renamed: "{file} already exists: the new one was written as {newFile}.",
  }
);

/** A refusal or failure to write, as one sentence in both languages. */
export class SafeWriteError extends Error {
  readonly vi: string;
  readonly en: string;
  constructor(
    key: keyof typeof SAFE_WRITE_STRINGS.vi,
    params: Record<string, string>,
    reason?: { vi: string; en: string }
  ) {
    const vi = SAFE_WRITE_STRINGS.t("vi", key, { ...params, reason: reason?.vi ?? "" });
    super(vi);
    this.name = "SafeWriteError";
    this.vi = vi;
    this.en = SAFE_WRITE_STRINGS.t("en", key, { ...params, reason: reason?.en ?? "" });
  }
  messageIn(lang: Lang): string {
    return lang === "en" ? this.en : this.vi;
  }
}

/** Windows and macOS file systems do not tell "A.xlsx" from "a.xlsx" (nor, on macOS, NFC from NFD). */
function foldName(p: string, platform: NodeJS.Platform): string {
  const nfc = p.normalize("NFC");
  return platform === "win32" || platform === "darwin" ? nfc.toLowerCase() : nfc;
}

/** The real path of `p`, or of its nearest existing folder joined with the rest when it does not exist. */
function realish(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    const parent = path.dirname(abs);
    if (parent === abs) return abs;
    return path.join(realish(parent), path.basename(abs));
  }
}

/**
 * Throws SafeWriteError when `target` would write over one of `inputs` (workbooks, profile, forms).
 * `platform` is a parameter so the case rules of Windows and macOS are testable anywhere.
 */
export function refuseInputAsOutput(
  target: string,
  inputs: readonly string[],
  platform: NodeJS.Platform = process.platform
): void {
  const real = realish(target);
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(real);
  } catch {
    stat = null;
  }
  for (const input of inputs) {
    const inReal = realish(input);
    let same = foldName(inReal, platform) === foldName(real, platform);
    if (!same && stat) {
      try {
        const s = fs.statSync(inReal);
        same = s.dev === stat.dev && s.ino === stat.ino && s.ino !== 0;
      } catch {
        same = false;
      }
    }
    if (same) throw new SafeWriteError("sameAsInput", { out: target, input });
  }
}

/** The format `out`'s extension names among `allowed` ("xlsx", "docx"), or a refusal. */
export function formatOf<T extends string>(out: string, allowed: readonly T[]): T {
  const ext = path.extname(out).slice(1).toLowerCase();
  const hit = allowed.find((a) => a === ext);
  if (hit !== undefined) return hit;
  const base = path.basename(out, path.extname(out)) || "ket-qua";
  throw new SafeWriteError("badExt", {
    out,
    exts: allowed.map((a) => `.${a}`).join(", "),
    example: `${base}.${allowed[0]}`,
  });
}

export interface WriteFs {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: Uint8Array) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  unlinkSync: typeof fs.unlinkSync;
}

const realFs: WriteFs = {
  openSync: fs.openSync,
  writeSync: (fd, data) => fs.writeSync(fd, data),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  unlinkSync: fs.unlinkSync,
};

/**
 * Writes `bytes` to `target` through a temporary file in the same folder (a rename there is atomic):
 * until the rename the older file is untouched, and a failure removes the temporary file. Errors are
 * SafeWriteError with the system's reason in the user's words.
 */
export function writeFileSafely(
  target: string,
  bytes: Uint8Array,
  ext: string,
  io: WriteFs = realFs
): void {
  try {
    if (fs.statSync(target).isDirectory())
      throw new SafeWriteError("isFolder", {
        out: target,
        example: path.join(target, `ket-qua.${ext}`),
      });
  } catch (e) {
    if (e instanceof SafeWriteError) throw e;
  }
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`
  );
  let fd: number | null = null;
  try {
    fd = io.openSync(tmp, "wx");
    for (let at = 0; at < bytes.length;) at += io.writeSync(fd, bytes.subarray(at));
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = null;
    io.renameSync(tmp, target);
  } catch (e) {
    if (fd !== null)
      try {
        io.closeSync(fd);
      } catch {
        // The write already failed; that error is the one to report.
      }
    try {
      io.unlinkSync(tmp);
    } catch {
      // Nothing was created, or it is already gone.
    }
    throw new SafeWriteError(
      "cannotWrite",
      { file: target },
      { vi: osErrorReason(e, "vi"), en: osErrorReason(e, "en") }
    );
  }
}

/** `file`, or "name (2).ext", "name (3).ext"… when it exists: a form that came back is never replaced. */
export function freeName(file: string, taken: ReadonlySet<string> = new Set()): string {
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  const isFree = (f: string): boolean =>
    !fs.existsSync(f) && !taken.has(f.normalize("NFC").toLowerCase());
  if (isFree(file)) return file;
  for (let i = 2; ; i++) {
    const next = `${base} (${i})${ext}`;
    if (isFree(next)) return next;
  }
}

/** Text for the terminal: control characters (escape sequences in a unit's name) shown as spaces. */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, " ");
}
