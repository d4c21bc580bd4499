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
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `sales-playbook: 内部错误，请报告 / internal error, please report it:\n${error && error.stack ? error.stack : error}\n`,
    );
    process.exitCode = 3;
  },
);
