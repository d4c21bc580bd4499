import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../cli/cli-harness";

/** The real command line (bin/sales-playbook.cjs), for what needs a process: a kill, an uncaught failure. */

export const BIN = path.resolve(__dirname, "../../bin/sales-playbook.cjs");

export interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real command line in `cwd`, optionally with a preload; `killWhen` is polled and the
 * process gets SIGKILL as soon as it holds.
 */
export function runBinary(
  args: readonly string[],
  options: { cwd: string; preload?: string; env?: Record<string, string>; killWhen?: () => boolean },
): Promise<ProcessResult> {
  const node = [...(options.preload ? ["-r", options.preload] : []), BIN, ...args];
  const child = spawn(process.execPath, node, { cwd: options.cwd, env: { ...process.env, ...options.env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  const watch = options.killWhen
    ? setInterval(() => {
        if (options.killWhen?.()) child.kill("SIGKILL");
      }, 10)
    : undefined;
  return new Promise((resolve) =>
    child.on("close", (code, signal) => {
      clearInterval(watch);
      resolve({ code, signal, stdout, stderr });
    }),
  );
}

/**
 * A preload that prints the command's own peak memory as it exits: VmHWM, which starts afresh at exec
 * (getrusage's maxRSS would carry the parent's). Written into `folder`; its path is returned.
 */
export function peakMemoryProbe(folder: string): string {
  const probe = path.join(folder, "max-rss.cjs");
  writeFileSync(
    probe,
    `process.on("exit", () => {
    const kb = Number(/VmHWM:\\s*(\\d+)/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]);
    process.stderr.write("\\nmaxRSS=" + kb + "\\n");
  });`,
  );
  return probe;
}

/** What the probe's command said: stderr without the probe's line, as lines, and the peak in MB. */
export function measuredOutput(stderr: string): { stderr: string; said: string[]; peakMb: number } {
  const own = stderr.replace(/\n?maxRSS=\d+\n/, "");
  return {
    stderr: own,
    said: own.split("\n").filter((line) => line !== ""),
    peakMb: Number(/maxRSS=(\d+)/.exec(stderr)?.[1]) / 1024,
  };
}

export interface MeasuredRun {
  readonly code: number | null;
  readonly stdout: string;
  /** What the command said on stderr, without the probe's line; and that, a line a sentence. */
  readonly stderr: string;
  readonly said: string[];
  readonly peakMb: number;
}

/** The built command (bin/sales-playbook.cjs) with the peak-memory probe, in `cwd`; killed after `killAfterMs`. */
export async function runMeasured(
  args: readonly string[],
  options: { cwd: string; probe: string; killAfterMs: number },
): Promise<MeasuredRun> {
  if (!existsSync(path.resolve(__dirname, "../../build/cli/cli/main.js")))
    throw new Error("build/cli is missing: run `npm run build:cli` first");
  const started = Date.now();
  const result = await runBinary(args, {
    cwd: options.cwd,
    preload: options.probe,
    killWhen: () => Date.now() - started > options.killAfterMs,
  });
  return { code: result.code, stdout: result.stdout, ...measuredOutput(result.stderr) };
}

/** Our temporary files in a folder (hidden, `.name.xlsx.<pid>.<hex>.tmp`). */
export function tempFiles(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith(".tmp")) : [];
}

export interface RunResult {
  readonly code: number | "killed";
  readonly stdout: string;
  readonly stderr: string;
}

/** The command fails inside (its output breaks): the log it names holds the stack, in the folder TMPDIR names. */
export async function runWithInternalError(args: readonly string[], box: string, logs: string): Promise<RunResult> {
  const result = await runBinary(args, { cwd: box, preload: path.join(__dirname, "broken-stdout.cjs"), env: { TMPDIR: logs } });
  const log = /(\S+sales-playbook-error-\S+\.log)/.exec(result.stderr)?.[1] ?? "";
  expect(path.dirname(log)).toBe(logs);
  expect(readFileSync(log, "utf8")).toMatch(/TypeError: Cannot read properties of undefined \(reading 'write'\)\n\s+at /);
  return { ...result, code: result.code ?? "killed" };
}

/**
 * The command replaces old.xlsx (--force), its temporary file written slowly, and gets SIGKILL once
 * 64 KB of it are on disk: old.xlsx is as it was, the leftover has our temporary name, and the next
 * save in that folder (after.xlsx) removes it.
 */
export async function runKilledMidWrite(args: readonly string[], box: string): Promise<RunResult> {
  const old = readFileSync(path.join(box, "old.xlsx"));
  const halfWritten = () =>
    tempFiles(box).some((n) => (statSync(path.join(box, n), { throwIfNoEntry: false })?.size ?? 0) > 64 * 1024);
  const result = await runBinary(args, { cwd: box, preload: path.join(__dirname, "slow-disk.cjs"), killWhen: halfWritten });
  expect(result.signal).toBe("SIGKILL");
  expect(tempFiles(box)).toEqual([expect.stringMatching(/^\.old\.xlsx\.\d+\.[0-9a-f]{12}\.tmp$/)]);
  expect(readFileSync(path.join(box, "old.xlsx")).equals(old)).toBe(true);
  expect((await runCli(["init", path.join(box, "after.xlsx")])).code).toBe(0);
  return { code: "killed", stdout: "", stderr: "" };
}
