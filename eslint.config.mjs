import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import globals from "globals";

// The plugin's recommended block matches *.ts but not *.tsx; React files get the same rules below.
const officeRecommended = officeAddins.configs.recommended.find((c) => c.files && c.rules);

export default [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-artifacts/**", "bin/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node, ...globals.jest, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", OfficeRuntime: "readonly" },
    },
    rules: {
      "react/react-in-jsx-scope": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "no-undef": "off",
      "no-redeclare": "off",
    },
  },
  {
    // Without this, *.tsx missed prettier and the Office rules, and the base no-unused-vars misread
    // parameter names in type signatures as unused variables.
    files: ["**/*.tsx"],
    plugins: officeRecommended.plugins,
    rules: officeRecommended.rules,
  },
  {
    // Office passes ranges to custom functions as any[][]; the adapters are where `any` may live.
    files: ["src/functions/**", "src/simulator/**", "src/excel/**", "src/xlsx/**", "test/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["scripts/**/*.js", "test/**/*.js", "*.js", "*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off", "@typescript-eslint/no-var-requires": "off" },
  },
];
