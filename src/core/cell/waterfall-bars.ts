/** What a waterfall's column shows: a total (from the axis), or a change that rose or fell from the running total. */
export type WaterfallRole = "total" | "rise" | "fall";

/** One column of a waterfall: where it starts and ends on the value axis, and what it shows. */
export interface WaterfallBar {
  readonly from: number;
  readonly to: number;
  readonly role: WaterfallRole;
}

/**
 * The columns of a waterfall over one list of values: the first and last are totals (drawn from the axis), each value
 * between a signed change floating from the running total. A missing number counts as no change.
 */
export function waterfallBars(values: readonly (number | undefined)[]): WaterfallBar[] {
  let running = 0;
  return values.map((value, i) => {
    const v = value ?? 0;
    if (i === 0 || i === values.length - 1) {
      running = v;
      return { from: 0, to: v, role: "total" };
    }
    const from = running;
    running += v;
    return { from, to: running, role: v < 0 ? "fall" : "rise" };
  });
}

/**
 * The three stacked series that draw the columns where a chart has no native waterfall: an invisible base up to the
 * column's near end, then the column's part above the axis and its part below (stacked columns pile positive and
 * negative values apart, so a column crossing the axis is drawn exactly). Each visible point takes its column's fill.
 */
export function waterfallStacks(bars: readonly WaterfallBar[]): { base: number[]; above: number[]; below: number[] } {
  const stacks = bars.map((bar) => {
    const low = Math.min(bar.from, bar.to);
    const high = Math.max(bar.from, bar.to);
    if (low >= 0) return [low, high - low, 0]; // above the axis: the base lifts it
    if (high <= 0) return [high, 0, low - high]; // below: the base lowers it
    return [0, high, low]; // across: no base, a part on each side
  });
  return { base: stacks.map((s) => s[0]), above: stacks.map((s) => s[1]), below: stacks.map((s) => s[2]) };
}

/**
 * The fill of each kind of column, on every host that colours them: totals dark blue, rises blue, falls orange.
 * Neither red nor green: in a Chinese sheet red is a rise, in an English one a fall.
 */
export const WATERFALL_FILL: Readonly<Record<WaterfallRole, string>> = {
  total: "#264478",
  rise: "#5B9BD5",
  fall: "#ED7D31",
};
