/**
 * Ribbon commands. The manifest's "Xếp hạng nhanh" button runs the action named `oneClickRanking`,
 * resolved in the shared runtime (the same page as the task pane), so it is registered here with
 * Office.actions.associate rather than through a separate commands.html.
 */

import { oneClickRanking } from "./oneclick";

/** The name the manifest's ExecuteFunction button refers to (<FunctionName>). */
export const ONE_CLICK_RANKING = "oneClickRanking";

export type RibbonAction = () => Promise<void>;

/** The part of office.js the commands use (a stub in tests). */
export interface OfficeCommandsLike {
  onReady(): Promise<unknown>;
  actions: { associate(name: string, action: (event: { completed(): void }) => void): void };
  addin?: { showAsTaskpane(): Promise<void> };
}

/**
 * The fallback when no ranking action is given: open the pane, where the ranking is one more click
 * away. A button that silently does nothing would look broken.
 */
export function openTaskpaneAction(office: OfficeCommandsLike): RibbonAction {
  return async () => {
    if (office.addin) await office.addin.showAsTaskpane();
  };
}

/**
 * Wraps an action so Excel always hears `completed()`: a command that never completes keeps the ribbon
 * button busy until Excel times it out. Failures are logged, not thrown into office.js.
 */
export function asCommand(action: RibbonAction): (event: { completed(): void }) => void {
  return (event) => {
    action()
      .catch((err: unknown) => console.error(`${ONE_CLICK_RANKING} failed`, err))
      .finally(() => event.completed());
  };
}

export async function registerCommands(
  office: OfficeCommandsLike,
  actions: Partial<Record<typeof ONE_CLICK_RANKING, RibbonAction>> = {}
): Promise<void> {
  await office.onReady();
  office.actions.associate(
    ONE_CLICK_RANKING,
    asCommand(actions.oneClickRanking ?? openTaskpaneAction(office))
  );
}

// Only inside office.js: in a plain browser (or a test) there is nothing to register with.
if (typeof Office !== "undefined" && Office.actions) {
  registerCommands(Office as unknown as OfficeCommandsLike, { oneClickRanking }).catch(
    (err: unknown) => console.error("THIDUA: ribbon commands not registered", err)
  );
}
