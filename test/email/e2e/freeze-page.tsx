/**
 * The page the freeze E2E test loads in Chromium: the email tab over the simulator holding live
 * THIDUA results (a spilled RANKING table, a TOTAL row, two error cells), wired as the pane wires it
 * over Office, the open file handed over the way Office's getFileAsync does.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { EmailPanel } from "../../../src/taskpane/email/EmailPanel";
import { createExcelEmailService } from "../../../src/taskpane/email/excel-email-service";
import { THIDUA_ENGINE_FUNCTIONS } from "../../../src/functions/hyperformula";
import { provideEngineFunctions } from "../../../src/simulator/engine-functions";
import { frozenWorkbook, workbookState } from "../freeze-fixture";

// The page plays the add-in's functions runtime, as the playground does: the live THIDUA results the
// freeze lists are computed by the add-in's own functions.
provideEngineFunctions(() => THIDUA_ENGINE_FUNCTIONS);

const sim = frozenWorkbook();
const w = window as unknown as {
  __sim: typeof sim;
  __state: () => string;
};
w.__sim = sim;
w.__state = () => JSON.stringify(workbookState(sim));

createRoot(document.getElementById("root") as HTMLElement).render(
  <FluentProvider theme={webLightTheme}>
    <EmailPanel service={createExcelEmailService(sim.Excel, sim.Office)} lang="vi" />
  </FluentProvider>
);
