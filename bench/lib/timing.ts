/** In-process timing: warm-up first, then the candidates run alternately, and each one's median is kept. */

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Milliseconds of one call. */
export function timeOnce(fn: () => unknown): number {
  return measureOnce(fn).ms;
}

/** Wall milliseconds of one call, and the CPU milliseconds the process spent meanwhile (all its threads). */
function measureOnce(fn: () => unknown): { ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = now();
  fn();
  const ms = now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

export interface Timed {
  /** Median wall time of the timed runs. */
  ms: number;
  /** Median CPU time of the same runs: close to what an idle machine's wall time would be when other work shares the cores. */
  cpuMs: number;
  coldMs: number;
  all: number[];
}

/**
 * Each candidate once as a warm-up (compiles, fills caches), then `runs` rounds in which every candidate
 * runs once, in turn: a slow spell on a shared machine hits all of them alike. Returns each median (ms)
 * and the warm-up (first, cold) time.
 */
export function alternate<K extends string>(candidates: Readonly<Record<K, () => unknown>>, runs: number): Record<K, Timed> {
  const keys = Object.keys(candidates) as K[];
  const out = {} as Record<K, Timed>;
  const cpu = {} as Record<K, number[]>;
  for (const k of keys) {
    global.gc?.();
    out[k] = { ms: 0, cpuMs: 0, coldMs: timeOnce(candidates[k]), all: [] };
    cpu[k] = [];
  }
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      global.gc?.();
      const m = measureOnce(candidates[k]);
      out[k].all.push(m.ms);
      cpu[k].push(m.cpuMs);
    }
  }
  for (const k of keys) {
    out[k].ms = median(out[k].all);
    out[k].cpuMs = median(cpu[k]);
  }
  return out;
}
