// The simulated Excel gets THIDUA.* as Excel gets them from the add-in's functions runtime: provided
// by the host, here for every test file. Lazy: a suite that makes no workbook loads no engine code.
import { provideEngineFunctions } from "../src/simulator/engine-functions";

provideEngineFunctions(
  () =>
    (require("../src/functions/hyperformula") as typeof import("../src/functions/hyperformula"))
      .THIDUA_ENGINE_FUNCTIONS
);
