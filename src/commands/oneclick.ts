/**
 * The ribbon's "Xếp hạng nhanh": the ranking sheet in one click with the pane closed. The ranking
 * sheet itself is the notification (it is activated, with its "Tạm tính" banner when provisional);
 * the outcome is also posted for the pane, and a failure opens the pane so its message is seen
 * instead of a button that silently did nothing.
 */
import { langFromLocale } from "../core/i18n";
import { createExcelAdapter, ExcelAdapterError, type ExcelHost, type OfficeHost } from "../excel";
import { errorCodeOf } from "../excel/errors";
import { postNotice } from "../excel/notice";

export interface OneClickEnv {
  excel: ExcelHost;
  office?: OfficeHost & { addin?: { showAsTaskpane(): Promise<void> } };
  now?: () => Date;
}

/** Builds the action registerCommands() associates with the ribbon button. */
export function createOneClickRanking(env: OneClickEnv): () => Promise<void> {
  return async () => {
    const adapter = createExcelAdapter(env.excel, { office: env.office });
    const lang = langFromLocale(adapter.displayLanguage);
    try {
      // Issue marks the pane left on the score sheet are temporary: gone before the ranking is written.
      const { createIssueMarks } = await import(/* webpackChunkName: "marks" */ "../excel/marks");
      await createIssueMarks(env.excel).clearIfAny();
      const res = await adapter.oneClickRanking({ lang, mode: "values", date: env.now?.() });
      postNotice({
        kind: "ranked",
        sheetName: res.sheetName,
        provisional: res.report.provisional,
        errorCount: res.report.errorCount,
      });
    } catch (e) {
      const detail = e instanceof ExcelAdapterError ? e.detail : undefined;
      postNotice({ kind: "failed", code: errorCodeOf(e), detail });
      if (env.office?.addin) await env.office.addin.showAsTaskpane();
    }
  };
}

/** The action over office.js's globals, for src/commands/commands.ts. */
export async function oneClickRanking(): Promise<void> {
  const g = globalThis as unknown as { Excel?: ExcelHost; Office?: OneClickEnv["office"] };
  if (!g.Excel) return;
  await createOneClickRanking({ excel: g.Excel, office: g.Office })();
}
