#!/usr/bin/env node
// `npm test`, the full gate: the checks, the builds, then every jest suite.
//
// The checks (typecheck, lint, deps) and the command line's build run beside the bundles' build, which
// keeps one core busy most of the time, so on 2 cores they take little more than the build alone.
// Each step's output is printed whole when it ends, under its name and time; a step that fails stops its
// lane, the other lane finishes (every failure is reported at once), and the run exits non-zero without
// starting jest. Arguments go to jest: `npm test -- test/cli`.
import { spawn } from "node:child_process";

/** Steps of a lane run one after the other (package.json scripts); the lanes run at the same time. */
const LANES = [["build"], ["typecheck", "lint", "deps", "build:cli"]];

/** `npm run <script>`, through the npm that started this script when there is one. */
function npmRun(script, args, options) {
  const npm = process.env.npm_execpath;
  const command = npm ? process.execPath : process.platform === "win32" ? "npm.cmd" : "npm";
  return spawn(command, [...(npm ? [npm] : []), "run", "--silent", script, ...(args.length ? ["--", ...args] : [])], options);
}

/** Runs one script with its output kept, and prints it whole once the script ends. */
function step(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks = [];
    const child = npmRun(script, [], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => chunks.push(c));
    child.on("error", (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on("close", (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      process.stdout.write(`\n> ${script} (${seconds} s)${ok ? "" : ` FAILED: ${signal ?? `exit code ${code}`}`}\n`);
      process.stdout.write(Buffer.concat(chunks));
      resolve({ script, ok, seconds });
    });
  });
}

async function lane(scripts) {
  const results = [];
  for (const script of scripts) {
    const result = await step(script);
    results.push(result);
    if (!result.ok) break;
  }
  return results;
}

const results = (await Promise.all(LANES.map(lane))).flat();
const failed = results.filter((r) => !r.ok).map((r) => r.script);
process.stdout.write(`\n${results.map((r) => `${r.script} ${r.seconds} s${r.ok ? "" : " FAILED"}`).join(", ")}\n`);
if (failed.length > 0) {
  process.stderr.write(`npm test: ${failed.join(", ")} failed; jest was not run.\n`);
  process.exit(1);
}

const jest = npmRun("jest", process.argv.slice(2), { stdio: "inherit" });
jest.on("error", (error) => {
  process.stderr.write(`npm test: jest could not start: ${error.message}\n`);
  process.exit(1);
});
jest.on("close", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
