// Two projects: pure code in node, React components in jsdom. tsc checks types separately
// (`npm run typecheck`), so ts-jest only transpiles: a full type-check per file would triple the run.
const tsJest = [
  "ts-jest",
  { isolatedModules: true, diagnostics: false, tsconfig: "tsconfig.json" },
];
const common = {
  transform: { "^.+\\.tsx?$": tsJest },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/lib/"],
  // On a loaded two-core machine an xlsx read or a template build takes 5–15 s: jest's 5 s default
  // fails suites that pass on a quiet one. Suites that start webpack, Chromium or LibreOffice set
  // their own, longer timeouts.
  testTimeout: 30_000,
  // office-addin-mock → office-addin-manifest → an ESM-only package: load only the enum it needs.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/excel/stubs/office-addin-manifest.js",
  },
};
module.exports = {
  // Two workers on this 2-core machine, not jest's cores-1: the slow suites mostly wait on a child
  // process (webpack, Chromium, LibreOffice), so a second worker runs the unit tests meanwhile
  // (measured on a clean clone: 383 s with one worker, 236 s with two).
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      setupFiles: ["<rootDir>/test/setup-engine.ts"],
    },
    {
      ...common,
      displayName: "dom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      setupFiles: ["<rootDir>/test/setup-dom.ts", "<rootDir>/test/setup-engine.ts"],
    },
  ],
};
