/**
 * Reading Grids from an .xlsx or .docx file in Node (the CLI): the bytes from disk, then the one
 * reader (reader.ts) the task pane uses too, or the Word tables (docx.ts). A file that cannot be read gives one sentence the user can act
 * on, Vietnamese first, never a stack trace.
 */
import { readFile } from "fs/promises";
import * as path from "path";
import type { Grid } from "../core/grid";
import type { SheetTag } from "../sheets/tags";
import { readDocxGrids } from "./docx";
import { osErrorReason } from "./os-error";
import { readWorkbookBytes, WorkbookReadError, type ReadOptions } from "./reader";

export { READ_STRINGS, WorkbookReadError, readWorkbookBytes } from "./reader";
export type { WorkbookReadProblem, ReadOptions, WorkbookRead } from "./reader";

/**
 * Every visible worksheet of the workbook as a Grid (hidden and chart sheets are skipped). `pathOrBuffer`
 * is a file path or the file's bytes; `file` names it in messages and in the Grids (default: the path's
 * base name).
 */
export async function readWorkbookGrids(
  pathOrBuffer: string | Uint8Array,
  file?: string,
  opts: ReadOptions = {}
): Promise<Grid[]> {
  return (await readWorkbookFile(pathOrBuffer, file, opts)).grids;
}

/** The same, with our sheet tags beside the Grids (none for a Word file). */
export async function readWorkbookFile(
  pathOrBuffer: string | Uint8Array,
  file?: string,
  opts: ReadOptions = {}
): Promise<{ grids: Grid[]; tags: SheetTag[] }> {
  const name =
    file ?? (typeof pathOrBuffer === "string" ? path.basename(pathOrBuffer) : "workbook.xlsx");
  let bytes: Uint8Array;
  if (typeof pathOrBuffer === "string") {
    try {
      bytes = await readFile(pathOrBuffer);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new WorkbookReadError("notFound", name);
      throw new WorkbookReadError("notReadable", name, {
        vi: osErrorReason(e, "vi"),
        en: osErrorReason(e, "en"),
      });
    }
  } else bytes = pathOrBuffer;
  try {
    const { grids, tags } = await readWorkbookBytes(bytes, name, opts);
    return { grids, tags };
  } catch (e) {
    // A Word file, whatever its extension says: its tables are read as sheets.
    if (e instanceof WorkbookReadError && e.problem === "docx")
      return { grids: await readDocxGrids(bytes, name, opts), tags: [] };
    throw e;
  }
}
