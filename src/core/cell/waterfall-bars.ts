/** How each column of a waterfall sits: a total from the axis, or a change up or down from the running total. */
export type WaterfallStep = "total" | "up" | "down";

/**
 * A waterfall (first and last values totals, the values between signed changes) as stacked columns over an invisible
 * base, for a chart that has no native waterfall: each column's `base` (the invisible part) and `bar` (the visible
 * part, never negative). A change floats between the running total before it and after it; a running total that
 * crosses zero cannot float as a stacked column and is drawn from the axis to where it ends.
 */
export function waterfallBars(values: readonly number[]): { base: number[]; bar: number[]; step: WaterfallStep[] } {
  const base: number[] = [];
  const bar: number[] = [];
  const step: WaterfallStep[] = [];
  let running = 0;
  values.forEach((v, i) => {
    if (i === 0 || i === values.length - 1) {
      running = v;
      base.push(0);
      bar.push(v);
      step.push("total");
      return;
    }
    const before = running;
    running += v;
    const low = Math.min(before, running);
    const crosses = low < 0;
    base.push(crosses ? 0 : low);
    bar.push(crosses ? Math.abs(running) : Math.abs(v));
    step.push(v < 0 ? "down" : "up");
  });
  return { base, bar, step };
}

/** The fill of each kind of waterfall column where a host colours them: totals blue, rises green, falls red. */
export const WATERFALL_FILL: Readonly<Record<WaterfallStep, string>> = {
  total: "#4472C4",
  up: "#70AD47",
  down: "#E15759",
};
