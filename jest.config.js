const { execFileSync } = require("node:child_process");

/** LibreOffice checks run wherever LibreOffice is installed, and always in CI (.ci/run installs it). */
function hasLibreOffice() {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}
const runLibreOffice = Boolean(process.env.CI) || hasLibreOffice();
if (!runLibreOffice) {
  console.warn(
    "LibreOffice Calc is not installed: the file-compatibility tests in test/libreoffice are not run here (CI runs them).",
  );
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", ...(runLibreOffice ? [] : ["<rootDir>/test/libreoffice/"])],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true }, diagnostics: false },
    ],
  },
  // office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the real package
  // pulls ESM-only modules that jest cannot load on Node 20.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.ts" },
};
