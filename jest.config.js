const { execFileSync } = require("node:child_process");
const os = require("node:os");
const path = require("node:path");

/**
 * LibreOffice's command, looked for once per run, here: on PATH as soffice or libreoffice (Debian:
 * /usr/bin/soffice). The suites find it in SALES_PLAYBOOK_SOFFICE (test/support/soffice.ts), "" when
 * there is none; the workers inherit it.
 */
function findSoffice() {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      try {
        execFileSync(path.join(dir, name), ["--version"], { stdio: "ignore", timeout: 30_000 });
        return path.join(dir, name);
      } catch {
        // not here
      }
    }
  }
  return "";
}
if (process.env.SALES_PLAYBOOK_SOFFICE === undefined) process.env.SALES_PLAYBOOK_SOFFICE = findSoffice();

/** LibreOffice checks run wherever LibreOffice is installed, and always in CI (.ci/run installs it). */
const runLibreOffice = Boolean(process.env.CI) || process.env.SALES_PLAYBOOK_SOFFICE !== "";
if (!runLibreOffice) {
  console.warn(
    "LibreOffice Calc is not installed: the file-compatibility tests in test/libreoffice are not run here (CI runs them).",
  );
}

/**
 * The build lane's suites: npm test (scripts/test.mjs) runs them once the command line and the production
 * bundles are built (SALES_PLAYBOOK_TESTS=build), beside every other suite, which it starts once the checks
 * pass (SALES_PLAYBOOK_TESTS=rest). The first five read dist/; the LibreOffice suites and the xlsx
 * preservation property (long, and needing no dist/) keep the lane's second worker busy beside the e2e walks.
 */
const BUILD_LANE = [
  "test/e2e/",
  "test/privacy/pane-network.test.ts",
  "test/wps-package/",
  // Every bundle parsed at its browsers' ECMAScript level, and the pane started as on older webviews.
  "test/bundles/",
  "test/manifest/",
  "test/preservation/xlsx.preservation.test.ts",
  "test/libreoffice/",
  // LibreOffice reading the charts and the workbench's saved file: beside the other LibreOffice suites, so the two
  // lanes end together.
  "test/hosts/xlsx/charts-viewers.test.ts",
  "test/workbench/",
];
const part = process.env.SALES_PLAYBOOK_TESTS;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch:
    part === "build"
      ? BUILD_LANE.map((p) => `<rootDir>/${p.endsWith("/") ? `${p}**/*.test.ts` : p}`)
      : ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: [
    "/node_modules/",
    ...(runLibreOffice ? [] : ["<rootDir>/test/libreoffice/"]),
    ...(part === "rest" ? BUILD_LANE.map((p) => `<rootDir>/${escape(p)}`) : []),
  ],
  testSequencer: "<rootDir>/test/support/slow-first-sequencer.js",
  // Two workers at least: jest's default on 2 cores is one (every suite in one process, one after the
  // other), which leaves a core idle while a suite waits for the command line, LibreOffice or Chromium.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  // A test's own bound is for a hang, not for speed (speed is the bench's): jest's 5 s default failed suites
  // that read files or start LibreOffice on a busy machine.
  testTimeout: 120_000,
  // The export fixtures (Python and LibreOffice) are made once, before the suites that read them start.
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true }, diagnostics: false },
    ],
    // The few ESM-only packages Univer's engine requires (test/hosts/univer), compiled to CommonJS.
    "^.+\\.js$": ["ts-jest", { tsconfig: { module: "commonjs", allowJs: true, isolatedModules: true }, diagnostics: false }],
  },
  transformIgnorePatterns: [
    "/node_modules/(?!(cjk-regex|regexp-util|unicode-regex|franc-min|trigram-utils|n-gram|collapse-white-space|nanoid|rbush|kdbush|quickselect)/)",
  ],
  // office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the real package
  // pulls ESM-only modules that jest cannot load on Node 20.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.ts",
    // lodash-es is ESM only; lodash is the same functions as CommonJS.
    "^lodash-es$": "lodash",
  },
};
