#!/usr/bin/env node
// The `sales-playbook` command line. The TypeScript is compiled by `npm install` (prepare) into build/cli.
"use strict";
let cli;
try {
  cli = require("../build/cli/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("sales-playbook is not built yet: run `npm install` (or `npm run build:cli`) in the project folder.\n");
    process.exit(2);
  }
  throw error;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`sales-playbook: internal error, please report it: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 3;
  },
);
