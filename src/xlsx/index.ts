export { readWorkbookGrids, WorkbookReadError, READ_STRINGS } from "./read";
export type { WorkbookReadProblem } from "./read";
export { writeRankedCopy, writeWorkbook } from "./write";
