/**
 * The simulator: an in-memory Excel for tests and the playground. `createSimulator()` returns an
 * `Excel`-like namespace (`run`, `RequestContext`) and an `Office`-like object over one WorkbookModel,
 * plus the sync statistics the round-trip tests assert on. Runs in Node and in the browser.
 */
import { PAYLOAD_LIMIT_BYTES, RequestContextSim, SimHost, SyncStats } from "./api";
import { WorkbookModel } from "./model";
import { loadXlsx, saveXlsx } from "./xlsx";
import { ASYNC_RESULT_STATUS, createDialogUi, DIALOG_EVENT_TYPE, type SimDialogUi } from "./dialog";

export { SimError } from "./errors";
export { WorkbookModel, SheetModel, charsToPoints, pointsToChars } from "./model";
export type {
  CellModel,
  CellStyle,
  CellResult,
  ConditionalFormatModel,
  FontModel,
  Scalar,
} from "./model";
export { PAYLOAD_LIMIT_BYTES, RequestContextSim } from "./api";
export type { SyncStats } from "./api";
export { registerRankPlugin } from "./rank-plugin";
export { parseRect, qualifiedA1, rectA1, splitSheet, formatSheetName } from "./address";
export type { Rect } from "./address";
export { formatValue } from "../core/number-format";
export { conditionalFills, type ConditionalLook } from "./conditional-formats";
export { loadXlsx, saveXlsx } from "./xlsx";
export { DIALOG_ERRORS, DIALOG_OFFICE_PROPERTY } from "./dialog";
export type { DialogPageOffice, SimDialog, SimDialogUi } from "./dialog";

export interface SimOffice {
  context: {
    displayLanguage: string;
    contentLanguage: string;
    host: string;
    platform: string;
    requirements: { isSetSupported(name: string, version?: string): boolean };
    /** Office's dialog API (src/simulator/dialog.ts). */
    ui: SimDialogUi;
    document: {
      /** Office's way to the open file: the workbook as .xlsx, in slices. */
      getFileAsync(
        fileType: string,
        options: { sliceSize?: number },
        callback: (result: { status: string; value: SimFile }) => void
      ): void;
    };
  };
  FileType: { Compressed: string };
  onReady(): Promise<{ host: string; platform: string }>;
  HostType: { Excel: string };
  PlatformType: { OfficeOnline: string; PC: string; Mac: string };
  EventType: typeof DIALOG_EVENT_TYPE;
  AsyncResultStatus: typeof ASYNC_RESULT_STATUS;
}

export interface SimFile {
  size: number;
  sliceCount: number;
  getSliceAsync(
    index: number,
    callback: (result: { status: string; value: { data: number[]; index: number } }) => void
  ): void;
  closeAsync(callback?: () => void): void;
}

export interface SimExcel {
  run<T>(batch: (context: any) => Promise<T>): Promise<T>;
  run<T>(object: unknown, batch: (context: any) => Promise<T>): Promise<T>;
  RequestContext: new () => RequestContextSim;
}

export interface Simulator {
  model: WorkbookModel;
  /** Pass as the `Excel` namespace to src/excel (typed there against @types/office-js). */
  Excel: SimExcel;
  Office: SimOffice;
  stats: SyncStats;
  /** Excel on the web refuses larger requests; tests lower it to exercise chunking. */
  payloadLimitBytes: number;
  resetStats(): void;
  /** The workbook as an .xlsx file, its custom XML parts (the cluster profile) included. */
  toXlsx(): Promise<Uint8Array>;
}

export interface SimulatorOptions {
  /** Sheets to create when the workbook is empty (Excel opens a new book with "Sheet1"). */
  sheets?: string[];
  displayLanguage?: string;
  decimalSeparator?: "," | ".";
  model?: WorkbookModel;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const model = options.model ?? new WorkbookModel();
  if (model.sheets.length === 0) for (const s of options.sheets ?? ["Sheet1"]) model.addSheet(s);
  if (options.decimalSeparator) {
    model.decimalSeparator = options.decimalSeparator;
    model.thousandsSeparator = options.decimalSeparator === "," ? "." : ",";
  }
  const stats: SyncStats = { syncs: 0, requestBytes: [], responseBytes: [] };
  const sim: Simulator = {
    model,
    stats,
    payloadLimitBytes: PAYLOAD_LIMIT_BYTES,
    resetStats() {
      stats.syncs = 0;
      stats.requestBytes.length = 0;
      stats.responseBytes.length = 0;
    },
    toXlsx: () => saveXlsx(model),
    Excel: undefined as unknown as SimExcel,
    Office: {
      context: {
        displayLanguage: options.displayLanguage ?? "vi-VN",
        contentLanguage: options.displayLanguage ?? "vi-VN",
        host: "Excel",
        platform: "OfficeOnline",
        requirements: { isSetSupported: () => true },
        ui: createDialogUi({
          displayLanguage: () => sim.Office.context.displayLanguage,
          host: "Excel",
          platform: "OfficeOnline",
        }),
        document: {
          getFileAsync(_type, options, callback) {
            void saveXlsx(model).then((bytes) => {
              const size = Math.max(1, options.sliceSize ?? 4 * 1024 * 1024);
              const file: SimFile = {
                size: bytes.length,
                sliceCount: Math.max(1, Math.ceil(bytes.length / size)),
                getSliceAsync(index, cb) {
                  const data = Array.from(bytes.subarray(index * size, (index + 1) * size));
                  cb({ status: "succeeded", value: { data, index } });
                },
                closeAsync(cb) {
                  cb?.();
                },
              };
              callback({ status: "succeeded", value: file });
            });
          },
        },
      },
      FileType: { Compressed: "compressed" },
      onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
      EventType: DIALOG_EVENT_TYPE,
      AsyncResultStatus: ASYNC_RESULT_STATUS,
    },
  };
  const host: SimHost = {
    model,
    stats,
    get payloadLimitBytes() {
      return sim.payloadLimitBytes;
    },
  };
  class RequestContext extends RequestContextSim {
    constructor() {
      super(host);
    }
  }
  async function run<T>(a: unknown, b?: (context: any) => Promise<T>): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as (context: any) => Promise<T>;
    const ctx = new RequestContext();
    const result = await batch(ctx);
    // Excel.run sends what the batch left queued, as Office does on return.
    if (ctx.hasPending) await ctx.sync();
    return result;
  }
  sim.Excel = { run: run as SimExcel["run"], RequestContext };
  return sim;
}

/** A simulator holding the workbook of an .xlsx file (values, formulas, fonts, merges, widths, custom XML parts). */
export async function simulatorFromXlsx(
  data: ArrayBuffer | Uint8Array,
  options: Omit<SimulatorOptions, "model" | "sheets"> = {}
): Promise<Simulator> {
  const model = await loadXlsx(data);
  return createSimulator({ ...options, model });
}
