/** What the product writes, as SheetSpecs (and the covenant as a docx Document). */
export type { SheetSpec } from "./spec";
export { buildRankingSheet, type RankingSheetOptions } from "./ranking";
export {
  buildCovenantSheet,
  covenantModel,
  type CovenantModel,
  type CovenantOptions,
} from "./covenant";
export { buildSelfScoreTemplate, unitSheetName, type TemplateOptions } from "./template";
export {
  buildBallotSheet,
  buildVoteTally,
  type VoteTallyInput,
  type VoteCandidate,
  type VoteTallyOptions,
} from "./votes";
export { ndDateParts, placeDateLine } from "./document";
export { SHEET_STRINGS } from "./strings";
