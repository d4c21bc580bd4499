/**
 * What every bench module hands the harness (scripts/bench.mjs): one JSON line on stdout, the last,
 * `{"figures":[...]}`; progress goes to stderr. The harness turns the figures into bench/results.md.
 */
export interface Figure {
  /** The row: 1 validation, 2 diagnosis compute, 3 reading files, 4 Office.js round trips, 5 bundles, 6 first render. */
  readonly row: number;
  readonly figure: string;
  readonly ours: string;
  /** "—" where there is no peer for the figure. */
  readonly peer: string;
  /** ours / peer (below 1: ours is faster or smaller); null without a peer. */
  readonly ratio: number | null;
  readonly goal: string;
  /** null: no goal for this figure, or it was not run. */
  readonly pass: boolean | null;
}

/** The sizes of every row, from the harness's `--size` preset and flags (`--sizes JSON`). */
export interface BenchSizes {
  readonly targets: number;
  readonly weekly: number;
  readonly revalidate: readonly number[];
  readonly deals: number;
  readonly activity: number;
  readonly officeRows: readonly number[];
  readonly runs: number;
}

export function readArgs(): { sizes: BenchSizes } {
  const args = process.argv.slice(2);
  const at = args.indexOf("--sizes");
  if (at < 0) throw new Error("run through scripts/bench.mjs (npm run bench): --sizes JSON is missing");
  return { sizes: JSON.parse(args[at + 1]) as BenchSizes };
}

export function report(figures: readonly Figure[]): void {
  process.stdout.write(`${JSON.stringify({ figures })}\n`);
}

export const progress = (line: string): void => void process.stderr.write(`${line}\n`);

export const fmtMs = (ms: number): string =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
/** A wall time with the CPU time beside it (see `Timed.cpuMs`). */
export const fmtWallCpu = (t: { ms: number; cpuMs: number }): string => `${fmtMs(t.ms)} (CPU ${fmtMs(t.cpuMs)})`;

export const fmtCount = (n: number): string => n.toLocaleString("en-US");
