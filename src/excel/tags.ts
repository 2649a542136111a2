/**
 * Our sheet tags as Excel holds them: hidden workbook names, read in the same round trip as the sheet
 * list. The contract itself (names, kinds, which sheets are outputs) is src/sheets/tags.ts, shared with
 * the .xlsx adapter.
 */
import { tagsOf, type SheetTag } from "../sheets/tags";

export {
  outputSheets as ourSheets,
  SCORE_KINDS,
  tagName,
  TAG_PREFIX,
  type SheetTag,
} from "../sheets/tags";

export function queueTags(context: Excel.RequestContext): () => SheetTag[] {
  const names = context.workbook.names;
  names.load("items/name, items/formula");
  return () => tagsOf(names.items.map((n) => ({ name: n.name, reference: n.formula })));
}
