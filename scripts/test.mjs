#!/usr/bin/env node
// `npm test`, the full gate: the checks, the builds, then every jest suite.
//
// Two lanes run at the same time, so that on 2 cores neither sits idle: the command line's and the bundles'
// builds, then the suites that read them (jest.config.js BUILD_LANE: the e2e walks, the pane's network, the
// WPS package, the manifest, LibreOffice opening the command line's files, and the xlsx preservation
// property); and the checks (typecheck, lint, deps), then every other suite.
// Each step's output is printed whole when it ends, under its name and time; the two jest runs print as
// they go. A step that fails stops its lane; the other lane finishes (every failure is reported at once)
// and the run exits non-zero. With arguments (`npm test -- test/cli`), the steps run first and then one
// jest run with those arguments.
import { spawn } from "node:child_process";

/** Steps of a lane run one after the other (package.json scripts); the lanes run at the same time. */
const LANES = [
  { steps: ["build:cli", "build"], tests: "build" },
  { steps: ["typecheck", "lint", "deps"], tests: "rest" },
];

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

async function runSteps(scripts) {
  const results = [];
  for (const script of scripts) {
    const result = await step(script);
    results.push(result);
    if (!result.ok) break;
  }
  return results;
}

/** jest, its output shown as it runs; `part` picks the suites (jest.config.js), none: every suite. */
function jest(args, part) {
  const started = Date.now();
  const name = part ? `jest (${part === "build" ? "the build lane's suites" : "every other suite"})` : "jest";
  return new Promise((resolve) => {
    const env = part ? { ...process.env, SALES_PLAYBOOK_TESTS: part } : process.env;
    const child = npmRun("jest", args, { stdio: "inherit", env });
    child.on("error", (error) => {
      process.stderr.write(`npm test: ${name} could not start: ${error.message}\n`);
      resolve({ script: name, ok: false, seconds: "0.0" });
    });
    child.on("close", (code) => resolve({ script: name, ok: code === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  });
}

const args = process.argv.slice(2);
const results = (
  await Promise.all(
    LANES.map(async (lane) => {
      const done = await runSteps(lane.steps);
      if (args.length > 0 || !done.every((r) => r.ok)) return done;
      return [...done, await jest([], lane.tests)];
    }),
  )
).flat();
if (args.length > 0 && results.every((r) => r.ok)) results.push(await jest(args));

const failed = results.filter((r) => !r.ok).map((r) => r.script);
process.stdout.write(`\n${results.map((r) => `${r.script} ${r.seconds} s${r.ok ? "" : " FAILED"}`).join(", ")}\n`);
if (failed.length > 0) {
  process.stderr.write(`npm test: ${failed.join(", ")} failed.\n`);
  process.exit(1);
}
