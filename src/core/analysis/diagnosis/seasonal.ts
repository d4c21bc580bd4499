import { formatBilingual } from "../../i18n/locale";
import { formatPercent } from "../../i18n/format";
import type { Bilingual } from "../../i18n/locale";
import { attributeByDriver, DRIVERS, type ChangeDrivers, type DriverName } from "../metrics/change-drivers";
import type { ProcessField } from "../reading/fields";
import { logMean } from "../metrics/lmdi";
import { METRIC_LABELS } from "./longitudinal";
import { monthStart, type MonthKey } from "../reading/period";
import { PROBLEM_TEXT } from "./problem-text";
import type { ActivityRecord, DealLine } from "../reading/records";

/** The same pair of months in earlier years, split the same way. */
export interface YearAgo {
  readonly drivers: ChangeDrivers;
  /** Revenue of the same two months two years earlier, when the data has them. */
  readonly twoYearsAgo: { readonly from: number; readonly to: number } | null;
}

export interface SeasonalShare {
  /** Per driver, the part of this month's fall that follows the season. */
  readonly byDriver: ReadonlyMap<DriverName, number>;
  readonly total: number;
  /** What the season is seen in: the same drivers a year ago, or the same dip in more than one earlier year. */
  readonly evidence: "drivers" | "years";
  readonly yearAgoChange: number;
}

/**
 * The months before and at `current` a year earlier, split like this month (on the same days when
 * this month is compared month to date), and the same pair two years earlier; null without them.
 */
export function yearAgoOf(
  lines: readonly DealLine[],
  activity: readonly ActivityRecord[],
  current: MonthKey,
  dataMonths: ReadonlySet<MonthKey>,
  activityField: ProcessField | null,
  days: number | null,
  /** Each customer's first month, from all lines (the year-ago months are cut to the same days). */
  first?: ReadonlyMap<number, MonthKey>,
): YearAgo | null {
  if (!dataMonths.has(current - 12) || !dataMonths.has(current - 13)) return null;
  const inDays = (r: { readonly date: number; readonly month: MonthKey }) => days === null || r.date - monthStart(r.month) < days;
  const before = lines.filter((l) => l.month <= current - 12 && inDays(l));
  const records = activity.filter((r) => (r.month === current - 12 || r.month === current - 13) && inDays(r));
  const revenue = (m: MonthKey) => before.reduce((a, l) => a + (l.month === m && l.status !== "lost" ? l.amount : 0), 0);
  const two = dataMonths.has(current - 24) && dataMonths.has(current - 25);
  return {
    drivers: attributeByDriver(before, records, current - 13, current - 12, activityField, first),
    twoYearsAgo: two ? { from: revenue(current - 25), to: revenue(current - 24) } : null,
  };
}

/** How far a driver (or revenue) must have fallen a year ago to count as the same dip. */
const DIP = -0.05;

const rel = (from: number, to: number) => (from > 0 ? to / from - 1 : 0);
const WORDS = PROBLEM_TEXT.seasonalDip;
const label = (d: DriverName): Bilingual => (d === "activity" ? WORDS.activity : METRIC_LABELS[d]);

function mainFall(d: ChangeDrivers): DriverName {
  return DRIVERS.reduce((best, name) => (d.team[name] < d.team[best] ? name : best), DRIVERS[0]);
}

/**
 * The part of this month's fall that is seasonal, only with evidence: the same drivers fell the same
 * months a year ago (the main driver of this fall among them), or revenue dipped the same months in
 * more than one earlier year. One year's dip through other drivers is context, not a season: `context`
 * then says so, for the item that names the driver that moved.
 */
export function seasonalShare(
  drivers: ChangeDrivers,
  yearAgo: YearAgo | null,
  explained: number,
): { share: SeasonalShare | null; context: Bilingual | null } {
  const none = { share: null, context: null };
  if (!yearAgo || drivers.change >= 0 || drivers.from <= 0 || drivers.to <= 0) return none;
  const y = yearAgo.drivers;
  const yearChange = rel(y.from, y.to);
  if (!(y.from > 0 && y.to > 0 && yearChange <= DIP)) return none;
  const [ly, ln] = [logMean(y.to, y.from), logMean(drivers.to, drivers.from)];
  const byDriver = new Map<DriverName, number>();
  for (const d of DRIVERS) {
    const dipped = y.team[d] / ly;
    if (drivers.team[d] < 0 && dipped <= DIP) byDriver.set(d, Math.min(-drivers.team[d], -ln * dipped));
  }
  const total = [...byDriver.values()].reduce((a, v) => a + v, 0);
  const main = mainFall(drivers);
  if (byDriver.has(main) && total >= 0.25 * explained)
    return {
      share: { byDriver, total: Math.min(total, explained), evidence: "drivers", yearAgoChange: yearChange },
      context: null,
    };
  const two = yearAgo.twoYearsAgo;
  const twoChange = two ? rel(two.from, two.to) : 0;
  if (two && two.from > 0 && twoChange <= DIP) {
    // The smaller of the two dips, spread over every driver that fell.
    const amount = Math.min(explained, -drivers.from * Math.max(yearChange, twoChange));
    if (amount >= 0.25 * explained) {
      const falls = DRIVERS.filter((d) => drivers.team[d] < 0);
      const gross = falls.reduce((a, d) => a - drivers.team[d], 0);
      const spread = new Map(falls.map((d) => [d, (amount * -drivers.team[d]) / gross] as const));
      return { share: { byDriver: spread, total: amount, evidence: "years", yearAgoChange: yearChange }, context: null };
    }
  }
  const theirs = mainFall(y);
  const fall = formatPercent(-yearChange);
  return {
    share: null,
    context:
      theirs === main
        ? formatBilingual(WORDS.oneYear, { driver: label(main), fall })
        : formatBilingual(WORDS.otherDriver, { fall, yearAgo: label(theirs), now: label(main) }),
  };
}
