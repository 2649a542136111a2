/**
 * The custom-functions webpack plugin appends `CustomFunctions.associate(…)` to src/functions wherever
 * it is bundled, and the simulator imports src/functions (THIDUA.* in HyperFormula). Outside Office
 * that global does not exist: give it a no-op `associate` before anything else runs. No `Error`, so
 * src/functions keeps its own stand-in errors.
 */
const g = globalThis as unknown as { CustomFunctions?: unknown };
if (g.CustomFunctions === undefined) g.CustomFunctions = { associate: (): void => undefined };

export {};
