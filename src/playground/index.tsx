/**
 * The playground page (development builds only): `?sample=s4-bad-inputs/input.xlsx&lang=en`;
 * `&dev=1` adds the developer's round-trip counter.
 * office.js is not loaded: the task pane gets the simulator as its Excel.
 */
import "./office-shim";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { THIDUA_ENGINE_FUNCTIONS } from "../functions/hyperformula";
import { provideEngineFunctions } from "../simulator/engine-functions";
import { Playground } from "./Playground";

// The page plays the add-in's functions runtime for the simulated Excel.
provideEngineFunctions(() => THIDUA_ENGINE_FUNCTIONS);

function start(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const params = new URLSearchParams(location.search);
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <Playground
        initialLang={params.get("lang") === "en" ? "en" : "vi"}
        initialSample={params.get("sample") ?? undefined}
        dev={params.get("dev") === "1"}
      />
    </FluentProvider>
  );
}

start();
