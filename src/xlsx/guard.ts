/**
 * The package checks made before ExcelJS sees a file: a workbook is a zip of XML parts, and each part
 * is inflated here under a byte budget, so a 1 MB file that inflates to gigabytes, millions of shared
 * strings, a stray value in XFD1048576 or a "select all → merge" are refused (or made harmless) in a
 * sentence instead of exhausting memory. Runs in Node and in the browser: Uint8Array in, no fs.
 */
import JSZip from "jszip";
import { columnIndex, columnLetter } from "../core/grid";

/** What a file may cost before it is refused. Every figure is far above a real score workbook. */
export interface ReadLimits {
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** Inflated bytes of one part we read. */
  maxEntryBytes: number;
  /** Inflated bytes of all the parts we read together. */
  maxTotalBytes: number;
  /** Inflated / compressed size of a part above `ratioFloorBytes` (XML seldom passes 100). */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Entries of the shared strings table. */
  maxSharedStrings: number;
  /** Cells of a sheet's used box (rows × columns from A1 to its farthest value). */
  maxCells: number;
  /** Cells loaded into the recompute of formulas that were saved without a result. */
  maxRecomputeCells: number;
  /** Cells referenced by those formulas together (a SUMPRODUCT over A:Z costs 27 million). */
  maxRecomputeRefs: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 8 * 1024 * 1024,
  maxSharedStrings: 1_000_000,
  maxCells: 2_000_000,
  maxRecomputeCells: 1_000_000,
  maxRecomputeRefs: 5_000_000,
};

/** Why a package is refused; `detail` is short and language-neutral (sizes, counts, a part name). */
export class PackageProblem extends Error {
  constructor(
    readonly kind:
      | "tooLarge"
      | "tooManyStrings"
      | "edgeCell"
      | "unsafeXml"
      | "corrupt"
      | "docx"
      | "ods"
      | "odt"
      | "notXlsx",
    readonly detail: { sheet?: string; cell?: string; part?: string; size?: string } = {}
  ) {
    super(kind);
    this.name = "PackageProblem";
  }
}

/** A visible or hidden worksheet as the package declares it. */
export interface SheetPart {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  part: string;
  /** 0-based index of the last row and column holding a value; -1 when the sheet is empty. */
  lastRow: number;
  lastCol: number;
  cells: number;
}

export interface GuardedPackage {
  /** The bytes to give ExcelJS: the original ones, or a rebuilt package when something was dropped. */
  bytes: Uint8Array;
  sheets: SheetPart[];
  /** Sheet names ExcelJS refuses (over 31 characters, "History", a duplicate), renamed for loading. */
  renamed: Map<string, string>;
  /** Merges dropped because they reach past the sheet's values. */
  droppedMerges: number;
}

function mb(n: number): string {
  return n < 1024 * 1024 ? `${Math.ceil(n / 1024)} kB` : `${Math.round(n / (1024 * 1024))} MB`;
}

/** Entries declared by the end-of-central-directory record (duplicates included), or -1. */
function declaredEntryCount(bytes: Uint8Array): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 6)
      return bytes[i + 10] | (bytes[i + 11] << 8);
  return -1;
}

interface SizedEntry {
  _data?: { compressedSize?: number; uncompressedSize?: number };
}

interface InternalStream {
  on(event: "data", cb: (chunk: Uint8Array) => void): InternalStream;
  on(event: "end", cb: () => void): InternalStream;
  on(event: "error", cb: (e: unknown) => void): InternalStream;
  pause(): void;
  resume(): void;
}

/**
 * The part's bytes, inflated chunk by chunk and stopped as soon as it passes `budget`: the sizes in
 * a zip's headers are whatever the file says, so they are checked again against what actually comes out.
 */
export function inflateBounded(
  entry: JSZip.JSZipObject,
  budget: number,
  part: string
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let stopped = false;
    const stream = (
      entry as unknown as { internalStream(t: "uint8array"): InternalStream }
    ).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (stopped) return;
        size += chunk.length;
        if (size > budget) {
          stopped = true;
          stream.pause();
          reject(new PackageProblem("tooLarge", { part, size: `> ${mb(budget)}` }));
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (e) => {
        if (!stopped) reject(e instanceof PackageProblem ? e : new PackageProblem("corrupt"));
        stopped = true;
      })
      .on("end", () => {
        if (stopped) return;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      });
    stream.resume();
  });
}

/**
 * The parts ExcelJS models. Everything else (images, embedded objects, printer settings, custom XML,
 * VBA, pivot caches) is never read by us, yet ExcelJS inflates every entry it is given: such parts are
 * left out of what it sees.
 */
const READ_PARTS = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(app|core)\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/theme\/[a-zA-Z0-9]+\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/,
  /^xl\/drawings\/_rels\/[a-zA-Z0-9]+\.xml\.rels$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/,
  /^xl\/comments\d+\.xml$/,
  /^xl\/tables\/table\d+\.xml$/,
];

/** XML text as written in a package part: entities back to characters, "&amp;" last. */
export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : null;
}

const CELL_REF = /^([A-Z]{1,3})(\d+)$/;

interface Box {
  lastRow: number;
  lastCol: number;
  cells: number;
  /** The value cell that stretches the box most: the one to name when the box is refused. */
  far: { r: number; c: number } | null;
}

/** The box of the cells holding a value, from the sheet's XML (styled empty cells do not count). */
export function scanSheetBox(xml: string): Box {
  const box: Box = { lastRow: -1, lastCol: -1, cells: 0, far: null };
  const tag = /<(row|c)\b([^>]*)>/g;
  let row = -1;
  let col = -1;
  let farArea = 0;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    const attrs = m[2];
    if (m[1] === "row") {
      const r = attr(attrs, "r");
      row = r ? Number(r) - 1 : row + 1;
      col = -1;
      continue;
    }
    const ref = attr(attrs, "r");
    const parsed = ref ? CELL_REF.exec(ref) : null;
    if (parsed) {
      col = columnIndex(parsed[1]);
      row = Number(parsed[2]) - 1;
    } else col++;
    if (attrs.endsWith("/")) continue;
    const end = xml.indexOf("</c>", tag.lastIndex);
    if (end < 0) break;
    const inner = xml.slice(tag.lastIndex, end);
    tag.lastIndex = end + 4;
    if (!/<(?:\w+:)?(?:v|f|is)\b/.test(inner)) continue;
    box.cells++;
    if (row > box.lastRow) box.lastRow = row;
    if (col > box.lastCol) box.lastCol = col;
    const area = (row + 1) * (col + 1);
    if (area > farArea) {
      farArea = area;
      box.far = { r: row, c: col };
    }
  }
  return box;
}

/** `xml` without the merges that reach past the box, and how many were dropped. */
function cropMerges(xml: string, box: Box, maxCells: number): { xml: string; dropped: number } {
  let dropped = 0;
  const out = xml.replace(/<mergeCell\b[^>]*?\/>/g, (tag) => {
    const ref = attr(tag, "ref") ?? "";
    const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref);
    const top = m ? Number(m[2]) - 1 : 0;
    const left = m ? columnIndex(m[1]) : 0;
    const bottom = m ? Number(m[4] ?? m[2]) - 1 : Infinity;
    const right = m ? columnIndex(m[3] ?? m[1]) : Infinity;
    const area = (bottom - top + 1) * (right - left + 1);
    // ExcelJS makes every cell of a merge while loading: past the values, or past the cap even
    // inside a hidden sheet's huge box, a merge would cost more than the whole sheet.
    if (bottom <= box.lastRow && right <= box.lastCol && area <= maxCells) return tag;
    dropped++;
    return "";
  });
  if (dropped === 0) return { xml, dropped };
  // An empty <mergeCells> is not valid OOXML.
  return { xml: out.replace(/<mergeCells\b[^>]*>\s*<\/mergeCells>/, ""), dropped };
}

/** Names ExcelJS throws on or silently truncates (LibreOffice saves names longer than 31). */
function loadableName(name: string, taken: Set<string>): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[*?:/\\[\]]/.test(name) &&
    !/^'|'$/.test(name) &&
    name.toLowerCase() !== "history" &&
    !taken.has(name.toLowerCase())
  );
}

/** A zip that is not a workbook, named for what it is (a renamed Word or OpenDocument file). */
async function otherKind(zip: JSZip): Promise<"docx" | "ods" | "odt" | "notXlsx"> {
  if (zip.file("word/document.xml")) return "docx";
  const mime = zip.file("mimetype");
  const m = mime ? await inflateBounded(mime, 1024, "mimetype").catch(() => null) : null;
  const text = m ? new TextDecoder().decode(m) : "";
  if (text.includes("opendocument.spreadsheet")) return "ods";
  if (text.includes("opendocument.text")) return "odt";
  return "notXlsx";
}

/**
 * Checks and trims the package. Throws PackageProblem ("corrupt" for what is not a readable zip).
 * Only a visible sheet's box is refused past `maxCells`: hidden sheets are never shown as Grids, so a
 * stray cell there only stops the recompute. `keepAll` (the --out copy) keeps every part within the
 * same budgets instead of leaving out those a reading never needs.
 */
export async function guardPackage(
  bytes: Uint8Array,
  limits: ReadLimits,
  opts: { keepAll?: boolean } = {}
): Promise<GuardedPackage> {
  const declared = declaredEntryCount(bytes);
  if (declared > limits.maxEntries)
    throw new PackageProblem("tooLarge", { size: `${declared} entries` });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new PackageProblem("corrupt");
  }
  if (!zip.file("xl/workbook.xml")) throw new PackageProblem(await otherKind(zip));
  const names = Object.keys(zip.files);
  // Two entries with one name: which one Excel shows is not knowable, so neither is trusted.
  if (declared >= 0 && declared > names.length) throw new PackageProblem("corrupt");
  if (names.length > limits.maxEntries)
    throw new PackageProblem("tooLarge", { size: `${names.length} entries` });

  // A copy keeps every part (pictures included); a reading keeps only the parts ExcelJS models.
  const kept = names.filter(
    (n) => !zip.files[n].dir && (opts.keepAll === true || READ_PARTS.some((p) => p.test(n)))
  );
  let changed = kept.length !== names.filter((n) => !zip.files[n].dir).length;
  let total = 0;
  for (const n of kept) {
    const d = (zip.files[n] as unknown as SizedEntry)._data;
    const size = d?.uncompressedSize ?? 0;
    const packed = d?.compressedSize ?? 0;
    if (size > limits.maxEntryBytes)
      throw new PackageProblem("tooLarge", { part: n, size: mb(size) });
    if (size > limits.ratioFloorBytes && packed > 0 && size / packed > limits.maxRatio)
      throw new PackageProblem("tooLarge", { part: n, size: mb(size) });
    total += size;
  }
  if (total > limits.maxTotalBytes) throw new PackageProblem("tooLarge", { size: mb(total) });

  const parts = new Map<string, string>();
  const binary = new Map<string, Uint8Array>();
  let inflated = 0;
  const decoder = new TextDecoder("utf-8");
  for (const n of kept) {
    const data = await inflateBounded(
      zip.files[n],
      Math.min(limits.maxEntryBytes, limits.maxTotalBytes - inflated),
      n
    );
    inflated += data.length;
    if (!/\.(xml|rels|vml)$/i.test(n)) {
      binary.set(n, data);
      continue;
    }
    const text = decoder.decode(data);
    // No spreadsheet part has a DTD; one here is an entity-expansion or external-entity attack.
    if (/<!(?:DOCTYPE|ENTITY)/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text))
      throw new PackageProblem("unsafeXml", { part: n });
    parts.set(n, text);
  }

  const sst = parts.get("xl/sharedStrings.xml");
  if (sst !== undefined) {
    let count = 0;
    for (let i = sst.indexOf("<si"); i >= 0; i = sst.indexOf("<si", i + 3)) {
      const next = sst.charCodeAt(i + 3);
      // "<si>" or "<si " but not "<sig…".
      if (next === 62 || next === 32 || next === 47) count++;
      if (count > limits.maxSharedStrings)
        throw new PackageProblem("tooManyStrings", { size: `> ${limits.maxSharedStrings}` });
    }
  }

  const wbXml = parts.get("xl/workbook.xml");
  const relsXml = parts.get("xl/_rels/workbook.xml.rels");
  if (wbXml === undefined || relsXml === undefined) throw new PackageProblem("corrupt");
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target)
      targets.set(
        id,
        (target.startsWith("/") ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, "/")
      );
  }
  const sheets: SheetPart[] = [];
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  let newWbXml = wbXml;
  let droppedMerges = 0;
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name") ?? "";
    const rid = attr(m[0], "r:id");
    const part = rid ? targets.get(rid) : undefined;
    const stateAttr = attr(m[0], "state");
    const state = stateAttr === "hidden" || stateAttr === "veryHidden" ? stateAttr : "visible";
    if (!loadableName(name, taken)) {
      const alias = `_thidua_sheet_${sheets.length + 1}`;
      renamed.set(alias, name);
      newWbXml = newWbXml.replace(
        m[0],
        m[0].replace(/\sname="[^"]*"/, ` name="${escapeXml(alias)}"`)
      );
      taken.add(alias.toLowerCase());
    } else taken.add(name.toLowerCase());
    const xml = part ? parts.get(part) : undefined;
    if (part === undefined || xml === undefined) continue;
    const box = scanSheetBox(xml);
    const area = (box.lastRow + 1) * (box.lastCol + 1);
    if (state === "visible" && area > limits.maxCells && box.far)
      throw new PackageProblem("edgeCell", {
        sheet: name,
        cell: `${columnLetter(box.far.c)}${box.far.r + 1}`,
      });
    const cropped = cropMerges(xml, box, limits.maxCells);
    if (cropped.dropped > 0) {
      parts.set(part, cropped.xml);
      droppedMerges += cropped.dropped;
      changed = true;
    }
    sheets.push({
      name,
      state,
      part,
      lastRow: box.lastRow,
      lastCol: box.lastCol,
      cells: box.cells,
    });
  }
  if (renamed.size > 0) {
    parts.set("xl/workbook.xml", newWbXml);
    changed = true;
  }
  if (!changed) return { bytes, sheets, renamed, droppedMerges };
  const out = new JSZip();
  for (const [n, text] of parts) out.file(n, text);
  for (const [n, data] of binary) out.file(n, data);
  const rebuilt = await out.generateAsync({ type: "uint8array", compression: "STORE" });
  return { bytes: rebuilt, sheets, renamed, droppedMerges };
}
