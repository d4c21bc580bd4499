// Timing programs: each run is its own process, timed with its peak RSS (/usr/bin/time's maximum
// resident set size: the largest of the process and the children it waited for; without
// /usr/bin/time, this process's own view of its children). Used by the CLI rows of scripts/bench.mjs
// and by bench/cli-validate.bench.mjs.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resourceUsage } from "node:process";

const hasTime = existsSync("/usr/bin/time");

/** One run: wall time (ms), peak RSS (MB), exit status, stdout size and what the program said on stderr. */
export function runMeasured(command, args, options = {}) {
  const full = hasTime ? ["-f", "%M", command, ...args] : args;
  const before = hasTime ? 0 : resourceUsage().maxRSS;
  const start = process.hrtime.bigint();
  const result = spawnSync(hasTime ? "/usr/bin/time" : command, full, {
    encoding: "utf8",
    maxBuffer: 1 << 30,
    timeout: options.timeout ?? 900_000,
    cwd: options.cwd,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const lines = (result.stderr ?? "").trim().split("\n");
  const rssKb = hasTime ? Number(lines.pop()) : Math.max(0, resourceUsage().maxRSS - before);
  const said = lines.filter((line) => !line.startsWith("Command exited")).join(" ");
  return { ms, peakMB: rssKb / 1024, status: result.status, stdoutBytes: (result.stdout ?? "").length, said };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Each candidate (a [command, args] pair) once as a warm-up (unless `warmup` is 0), then `runs` rounds of
 * every candidate in turn. Returns per candidate the median time, the highest peak RSS, and the first failure.
 */
export function alternateRuns(candidates, { runs, warmup = 1, onRun } = {}) {
  const keys = Object.keys(candidates);
  const seen = Object.fromEntries(keys.map((k) => [k, []]));
  for (let round = -warmup; round < runs; round++) {
    for (const k of keys) {
      const [command, args, options] = candidates[k];
      const r = runMeasured(command, args, options);
      onRun?.(k, r, round < 0);
      if (round >= 0 || r.status !== 0) seen[k].push(r);
    }
  }
  return Object.fromEntries(
    keys.map((k) => {
      const all = seen[k];
      const failed = all.find((r) => r.status !== 0);
      return [
        k,
        {
          ms: median(all.map((r) => r.ms)),
          peakMB: Math.max(...all.map((r) => r.peakMB)),
          all,
          error: failed ? `exit ${failed.status}: ${failed.said.slice(0, 160)}` : undefined,
        },
      ];
    }),
  );
}
