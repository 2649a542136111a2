/**
 * Office-shaped proxies over the WorkbookModel: the subset of the Excel JavaScript API that src/excel
 * uses, with the protocol Office enforces. Reads need `load` + `context.sync()` (else PropertyNotLoaded),
 * writes and method calls are queued and applied at `sync()` in order, `*OrNullObject` answers
 * `isNullObject` after a sync, failures reject the sync with an OfficeExtension-like error.
 * Every sync is counted with the bytes of its request (queued writes, calls and loads as JSON).
 * This file is the entry; each family of objects lives in its own file beside it.
 */
export { PAYLOAD_LIMIT_BYTES, RequestContextSim } from "./context";
export type { SimHost, SyncStats } from "./context";
export { ClientResult, ProxyBase } from "./proxy";
export type { ProxyContext } from "./proxy";
export {
  ApplicationSim,
  CultureInfoSim,
  NumberFormatInfoSim,
  WorkbookSim,
  WorksheetCollectionSim,
} from "./workbook";
export { FreezePanesSim, PageLayoutSim, RangeAreasSim, RangeSim, WorksheetSim } from "./sheet";
export { WorksheetProtectionSim } from "./worksheet-protection";
export type { RangeRef } from "./range-ref";
export {
  FormatProtectionSim,
  RangeBorderCollectionSim,
  RangeBorderSim,
  RangeFillSim,
  RangeFontSim,
  RangeFormatSim,
} from "./range-format";
export { DataValidationSim } from "./data-validation";
export {
  ConditionalFormatCollectionSim,
  ConditionalFormatSim,
  conditionalFills,
} from "./conditional-formats";
export type { ConditionalLook } from "./conditional-formats";
export { NamedItemCollectionSim, NamedItemSim } from "./names";
export {
  CustomXmlPartCollectionSim,
  CustomXmlPartScopedCollectionSim,
  CustomXmlPartSim,
} from "./xml-parts";
