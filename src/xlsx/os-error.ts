/**
 * What the operating system said, in the user's words: EACCES or ENOSPC mean nothing to an officer.
 * No Node API here (only the codes), so the pane's strings check covers it too.
 */
import { defineStrings, type Lang } from "../core/i18n";

export const OS_ERROR_STRINGS = defineStrings(
  "os-errors",
  {
    ENOENT: "không có tệp hoặc thư mục này",
    EACCES: "không có quyền truy cập (hãy đóng tệp đang mở trong Excel hoặc chọn thư mục khác)",
    EPERM: "không có quyền truy cập (hãy đóng tệp đang mở trong Excel hoặc chọn thư mục khác)",
    EISDIR: "đây là một thư mục, không phải tệp",
    ENOTDIR: "một phần của đường dẫn không phải thư mục",
    ENOSPC: "ổ đĩa đã đầy (hãy giải phóng dung lượng hoặc ghi sang ổ khác)",
    EDQUOT: "đã hết hạn mức dung lượng (hãy giải phóng dung lượng hoặc ghi sang ổ khác)",
    EROFS: "ổ đĩa chỉ cho đọc (hãy ghi sang thư mục khác)",
    EBUSY: "tệp đang được chương trình khác dùng (hãy đóng Excel rồi thử lại)",
    EMFILE: "quá nhiều tệp đang mở (hãy thử lại)",
    ENAMETOOLONG: "tên tệp quá dài (hãy chọn tên ngắn hơn)",
    ELOOP: "đường dẫn có liên kết vòng",
    EEXIST: "tệp đã có",
    other: "lỗi hệ thống {code}",
  },
  {
    ENOENT: "no such file or folder",
    EACCES: "permission denied (close the file if Excel has it open, or choose another folder)",
    EPERM: "permission denied (close the file if Excel has it open, or choose another folder)",
    EISDIR: "this is a folder, not a file",
    ENOTDIR: "part of the path is not a folder",
    ENOSPC: "the disk is full (free some space or write to another drive)",
    EDQUOT: "the disk quota is used up (free some space or write to another drive)",
    EROFS: "the drive is read-only (write to another folder)",
    EBUSY: "another program is using the file (close Excel and retry)",
    EMFILE: "too many open files (retry)",
    ENAMETOOLONG: "the file name is too long (choose a shorter one)",
    ELOOP: "the path has a loop of links",
    EEXIST: "the file already exists",
    other: "system error {code}",
  }
);

type Known = keyof typeof OS_ERROR_STRINGS.vi;
const KNOWN = new Set<string>(Object.keys(OS_ERROR_STRINGS.vi));

/** The reason of an error thrown by fs, in `lang`; anything else by its message's first line. */
export function osErrorReason(e: unknown, lang: Lang): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string") {
    if (code !== "other" && KNOWN.has(code)) return OS_ERROR_STRINGS.t(lang, code as Known);
    return OS_ERROR_STRINGS.t(lang, "other", { code });
  }
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0];
}
