#!/usr/bin/env node
// The `sales-playbook` command line. The TypeScript is compiled by `npm install` (prepare) into build/cli.
"use strict";
let cli;
try {
  cli = require("../build/cli/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write(
      "sales-playbook 尚未构建：请在项目文件夹运行 `npm install`（或 `npm run build:cli`）。\n" +
        "sales-playbook is not built yet: run `npm install` (or `npm run build:cli`) in the project folder.\n",
    );
    process.exit(2);
  }
  throw error;
}
const argv = process.argv.slice(2);

// Ours, not the user's: one sentence naming the log file with the details, exit code 3, no stack on the terminal.
let failed = false;
function fail(error) {
  if (failed) return;
  failed = true;
  process.exitCode = cli.reportUncaughtError(error, argv);
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error) => {
  if (error && error.code === "EPIPE") process.exit(process.exitCode || 0);
  else fail(error);
});

cli.main(argv).then((code) => {
  if (!failed) process.exitCode = code;
}, fail);
