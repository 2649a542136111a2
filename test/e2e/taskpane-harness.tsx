/**
 * A page for the task-pane end-to-end test and bundle bench: the real App over the simulator holding
 * one of the samples (?sample=s4-bad-inputs&lang=en), without office.js. It exposes the
 * simulator as window.__thidua so the test can read the cells the pane wrote.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { simulatorFromXlsx, type Simulator } from "../../src/simulator";
import App from "../../src/taskpane/App";

declare global {
  interface Window {
    __thidua?: {
      sim: Simulator;
      sheetNames(): string[];
      activeSheet(): string;
      /** Shown values of a sheet's used range, row by row. */
      values(sheet: string): unknown[][];
      /** From render() to the first frame showing the pane. */
      firstRenderMs: number;
      /** From navigation start to that frame (script download and parse included). */
      navigationToPaneMs: number;
    };
  }
}

/** Resolves on the first frame in which the pane shows a button (it has rendered). */
function whenPaneVisible(container: HTMLElement): Promise<number> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (container.querySelector("button")) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const sample = params.get("sample") ?? "s4-bad-inputs";
  const file = params.get("file") ?? "input.xlsx";
  const displayLanguage = params.get("lang") === "en" ? "en-US" : "vi-VN";
  // The workbook loads while the pane renders, as in Excel: the pane reads nothing until asked.
  const simReady = fetch(`samples/${sample}/${file}`)
    .then((r) => r.arrayBuffer())
    .then((bytes) => simulatorFromXlsx(bytes, { displayLanguage }));
  const excel = {
    run: async (batch: never) => (await simReady).Excel.run(batch),
  };
  const office = { context: { displayLanguage } };
  const container = document.getElementById("container") as HTMLElement;
  const tRender = performance.now();
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host="excel" excel={excel as never} office={office} />
    </FluentProvider>
  );
  const visible = await whenPaneVisible(container);
  const sim = await simReady;
  window.__thidua = {
    sim,
    sheetNames: () => sim.model.sheets.map((s) => s.name),
    activeSheet: () => sim.model.activeSheet().name,
    values(name) {
      const sheet = sim.model.sheetByName(name);
      const rect = sheet?.usedRect(true);
      return sheet && rect ? sim.model.results(sheet, rect) : [];
    },
    firstRenderMs: visible - tRender,
    navigationToPaneMs: visible,
  };
  document.body.dataset.ready = "1";
}

void main();
