import path from "node:path";
import { prepareExportFixtures, writeExcelJsFixtures } from "./export-fixtures";

/**
 * The suites that read the export fixtures. Each one still makes them itself when they are missing
 * (a suite not listed here works as well): the list only decides when they are made up front.
 */
const FIXTURE_SUITES = [
  "test/exports/cli-input.test.ts",
  "test/exports/exports.test.ts",
  "test/exports/market-exports.test.ts",
  "test/hosts/xlsx/read-exports.test.ts",
];

/**
 * jest's globalSetup: makes the export fixtures (Python writes them, LibreOffice converts some,
 * ExcelJS writes its own) once, in the main process, before any worker starts, when the run may
 * include a suite that reads them (every run without a path, or with a path that matches one).
 * `npm run test:unit` names no such suite, and makes none.
 */
export default async function globalSetup(globalConfig: {
  readonly rootDir: string;
  readonly testPathPatterns?: { readonly patterns: readonly string[] };
}): Promise<void> {
  // The suites that read the build (npm test runs them apart: jest.config.js) read no fixture.
  if (process.env.SALES_PLAYBOOK_TESTS === "build") return;
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  const suites = FIXTURE_SUITES.map((suite) => path.join(globalConfig.rootDir, suite));
  if (patterns.length > 0 && !suites.some((suite) => patterns.some((p) => new RegExp(p, "i").test(suite)))) return;
  const fixtures = prepareExportFixtures();
  if (!fixtures.unavailable) await writeExcelJsFixtures(fixtures);
}
