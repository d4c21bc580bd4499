import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// The Office preset's own TypeScript block (its parser import resolves to nothing, so .ts would
// be parsed as plain JavaScript, and it leaves .tsx out): reuse its plugins and rules, give it a parser.
const officePreset = officeAddins.configs.react.find(
  (c) => c.plugins?.["office-addins"] && c.rules?.["office-addins/call-sync-after-load"],
);

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "bench/out/**", "build/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    plugins: officePreset.plugins,
    rules: {
      ...officePreset.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    // ExcelJS and Node code, not Office.js: the Office rules would read its cells as proxies.
    files: [
      "src/hosts/xlsx/**",
      "src/workbench/workbook-file.ts",
      "src/cli/**",
      "test/hosts/xlsx/**",
      "test/cli/**",
      "test/exports/**",
      "test/libreoffice/**",
      "bench/**",
    ],
    rules: Object.fromEntries(
      Object.keys(officePreset.rules)
        .filter((r) => r.startsWith("office-addins/"))
        .map((r) => [r, "off"]),
    ),
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        Buffer: "readonly",
      },
    },
  },
  {
    // The pane's start-up check runs where the bundle cannot (Internet Explorer 11, Edge Legacy): ES5, a script.
    files: ["src/taskpane/startup-check.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      globals: {
        window: "readonly",
        document: "readonly",
        navigator: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        Promise: "readonly",
        WeakRef: "readonly",
      },
    },
    // ES5 has no catch without a binding.
    rules: { "@typescript-eslint/no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
];
