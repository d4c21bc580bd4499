import type { ProcessField } from "../reading/fields";
import type { MonthKey } from "../reading/period";
import { firstMonths } from "../metrics/period-metrics";
import type { ActivityRecord, DealLine } from "../reading/records";

/**
 * The lead activity: of the process counts recorded in both months, the one that explains new
 * customers. It is the count that goes with new customers most closely over the reps' months
 * (correlation of at least 0.3 between each rep's monthly count and the new customers that rep won
 * that month); when no count varies with them enough to tell, the one whose team total moved most like new customers this month.
 * Null when none is recorded in both months, or when the lead count and new customers moved in
 * opposite directions this month: then the activity explains no change of revenue (fewer calls while
 * new customers held is not a loss) and the attribution does not use it.
 */
export function leadActivity(
  lines: readonly DealLine[],
  activity: readonly ActivityRecord[],
  months: readonly MonthKey[],
  fields: readonly ProcessField[],
  /** Each customer's first month: from all lines when `lines` are only some days of each month (month to date). */
  first: ReadonlyMap<number, MonthKey> = firstMonths(lines),
): ProcessField | null {
  const now = months[months.length - 1];
  const before = now - 1;
  // (rep, month) pairs as integers, rep number × months + the month's place, not a string per line and record.
  const inMonths = new Map(months.map((m, i) => [m, i]));
  const repNumbers = new Map<string, number>();
  const pairOf = (rep: string, monthPlace: number) => {
    let n = repNumbers.get(rep);
    if (n === undefined) repNumbers.set(rep, (n = repNumbers.size));
    return n * months.length + monthPlace;
  };
  const monthOfPair = (pair: number) => months[pair % months.length];
  const fresh = new Map<number, Set<number>>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.status === "lost" || l.amount <= 0) continue;
    const place = inMonths.get(l.month);
    if (place === undefined || first.get(l.customerKey) !== l.month) continue;
    const key = pairOf(l.rep, place);
    let set = fresh.get(key);
    if (!set) fresh.set(key, (set = new Set()));
    set.add(l.customerKey);
  }
  const newIn = (month: MonthKey) => [...fresh].reduce((s, [k, v]) => s + (monthOfPair(k) === month ? v.size : 0), 0);
  const newRatio = Math.log((newIn(now) + 0.5) / (newIn(before) + 0.5));
  // Each record's pair, worked out once for all the fields (-1: not in the months).
  const recordPairs = new Int32Array(activity.length);
  for (let i = 0; i < activity.length; i++) {
    const r = activity[i]!;
    const place = inMonths.get(r.month);
    recordPairs[i] = place === undefined ? -1 : pairOf(r.rep, place);
  }
  let best: { field: ProcessField; fit: number; closeness: number; ratio: number } | null = null;
  for (const field of fields) {
    // Each pair's sum of the field, by pair number; the pairs in the order first seen (the sums below add up in it).
    const sums = new Float64Array(repNumbers.size * months.length);
    const known = new Uint8Array(sums.length);
    const seen: number[] = [];
    for (let i = 0; i < activity.length; i++) {
      const v = activity[i]!.counts[field];
      const key = recordPairs[i]!;
      if (v === undefined || key < 0) continue;
      if (!known[key]) seen.push(key);
      known[key] = 1;
      sums[key] += v;
    }
    const perRepMonth = seen.map((k) => [k, sums[k]!] as const);
    const total = (month: MonthKey) => perRepMonth.reduce((s, [k, v]) => s + (monthOfPair(k) === month ? v : 0), 0);
    const [b, n] = [total(before), total(now)];
    if (b <= 0 || n <= 0) continue;
    const pairs = perRepMonth.map(([k, v]) => [v, fresh.get(k)?.size ?? 0] as const);
    const r = correlation(pairs);
    const fit = r !== null && r >= 0.3 ? r : -Infinity;
    const ratio = Math.log(n / b);
    const closeness = -Math.abs(ratio - newRatio);
    if (!best || fit > best.fit || (fit === best.fit && closeness > best.closeness)) best = { field, fit, closeness, ratio };
  }
  if (!best) return null;
  // A tenth up or down is noise for new customers, not a move.
  const opposite = (best.ratio < -0.1 && newRatio > -0.1) || (best.ratio > 0.1 && newRatio < 0.1);
  return opposite ? null : best.field;
}

/** Pearson correlation; null when either side does not vary or there are fewer than 4 pairs. */
function correlation(pairs: readonly (readonly [number, number])[]): number | null {
  if (pairs.length < 4) return null;
  const mean = (k: 0 | 1) => pairs.reduce((s, p) => s + p[k], 0) / pairs.length;
  const [mx, my] = [mean(0), mean(1)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx < 1e-9 || syy < 1e-9) return null;
  return sxy / Math.sqrt(sxx * syy);
}
