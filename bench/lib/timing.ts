/** In-process timing: warm-up first, then the candidates run alternately, and each one's median is kept. */

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Milliseconds of one call. */
export function timeOnce(fn: () => unknown): number {
  const start = now();
  fn();
  return now() - start;
}

/**
 * Each candidate once as a warm-up (compiles, fills caches), then `runs` rounds in which every candidate
 * runs once, in turn: a slow spell on a shared machine hits all of them alike. Returns each median (ms)
 * and the warm-up (first, cold) time.
 */
export function alternate<K extends string>(
  candidates: Readonly<Record<K, () => unknown>>,
  runs: number,
): Record<K, { ms: number; coldMs: number; all: number[] }> {
  const keys = Object.keys(candidates) as K[];
  const out = {} as Record<K, { ms: number; coldMs: number; all: number[] }>;
  for (const k of keys) {
    global.gc?.();
    out[k] = { ms: 0, coldMs: timeOnce(candidates[k]), all: [] };
  }
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      global.gc?.();
      out[k].all.push(timeOnce(candidates[k]));
    }
  }
  for (const k of keys) out[k].ms = median(out[k].all);
  return out;
}
