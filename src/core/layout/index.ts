export { detectLayout, detectInView, maxInHeader, unitNameFromTitle } from "./detect";
export type { DetectOptions } from "./detect";
export * from "./types";
export { SheetView } from "./view";
export { headerRole, kindOfLabel, isTotalLabel } from "./vocab";
export { describeMapping } from "./describe";
