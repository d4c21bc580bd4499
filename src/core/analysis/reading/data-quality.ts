import type { Bilingual } from "../../i18n/locale";
import { formatPercent } from "../../i18n/format";
import { mondayOf } from "../../cell/excel-date";
import { monthLabel, monthOf, type MonthKey } from "./period";
import type { ActivitySheet, DealSheet } from "./records";

export interface DataQuality {
  readonly dealLines: number;
  readonly rejectedLines: number;
  readonly months: readonly string[];
  /** Months between the first and the last with no deal at all. */
  readonly monthsWithoutDeals: readonly string[];
  /** Share of rep-weeks in the span that have an activity record; null without activity data. */
  readonly activityCompleteness: number | null;
  readonly weeksWithoutActivity: number | null;
  /** The latest month ends before its last day in the data (comparisons would be unfair). */
  readonly partialPeriod: boolean;
  /** Too little data for the diagnosis to be trusted; `notes` say why. */
  readonly thin: boolean;
  readonly notes: readonly Bilingual[];
}

export interface QualityOptions {
  readonly minMonths: number;
  readonly minOrders: number;
  readonly minActivityCompleteness: number;
}

export const DEFAULT_QUALITY_OPTIONS: QualityOptions = { minMonths: 3, minOrders: 30, minActivityCompleteness: 0.8 };

export function assessDataQuality(
  deals: DealSheet,
  activity: ActivitySheet | undefined,
  span: readonly MonthKey[],
  currentOrders: number,
  options = DEFAULT_QUALITY_OPTIONS,
): DataQuality {
  const monthSet = new Set<MonthKey>();
  let lastDate = 0;
  // Lines mostly come in date order: a month is added to the set when it changes, not once per line.
  let lastMonth = NaN;
  for (let i = 0; i < deals.lines.length; i++) {
    const l = deals.lines[i]!;
    if (l.month !== lastMonth) monthSet.add((lastMonth = l.month));
    if (l.date > lastDate) lastDate = l.date;
  }
  const months = [...monthSet].sort((a, b) => a - b);
  const gaps: MonthKey[] = [];
  for (let m = months[0]; months.length > 0 && m <= months[months.length - 1]; m++) if (!months.includes(m)) gaps.push(m);
  const rejected = deals.rejected.noDate.count + deals.rejected.noAmount.count + deals.rejected.noCustomer.count;
  const notes: Bilingual[] = [];
  let thin = false;
  if (months.length < options.minMonths) {
    thin = true;
    notes.push({
      "zh-CN": `只有${months.length}个月的成交数据，少于手册建议的${options.minMonths}个月：诊断仅供参考。`,
      en: `Only ${months.length} month(s) of deal data, fewer than the ${options.minMonths} the playbook asks for: read the diagnosis with care.`,
    });
  }
  if (currentOrders < options.minOrders) {
    thin = true;
    notes.push({
      "zh-CN": `本期只有${currentOrders}个订单（少于${options.minOrders}个）：比例类结论波动大。`,
      en: `Only ${currentOrders} orders this period (fewer than ${options.minOrders}): rates will swing.`,
    });
  }
  if (gaps.length > 0) {
    notes.push({
      "zh-CN": `${gaps.map(monthLabel).join("、")}没有任何成交记录：是没有成交，还是漏录？`,
      en: `No deals at all in ${gaps.map(monthLabel).join(", ")}: no sales, or missing records?`,
    });
  }
  const latest = months[months.length - 1];
  const partialPeriod = latest !== undefined && monthOf(lastDate + 3) === latest;
  let activityCompleteness: number | null = null;
  let weeksWithoutActivity: number | null = null;
  if (activity && activity.records.length > 0) {
    const spanSet = new Set(span);
    const inWindow = activity.records.filter((r) => spanSet.has(r.month));
    const reps = new Set(activity.records.map((r) => r.rep));
    const weeks = new Set<number>();
    if (span.length > 0) {
      let first = Infinity;
      let last = -Infinity;
      const spanMonths = new Set(span);
      const [from, to] = [Math.min(...span), Math.max(...span)];
      // Each line's and record's month was worked out from its date when it was read (`monthOf`).
      for (const dated of [deals.lines, inWindow])
        for (let i = 0; i < dated.length; i++) {
          const { date, month } = dated[i]!;
          if (month < from || month > to || !spanMonths.has(month)) continue;
          first = Math.min(first, date);
          last = Math.max(last, date);
        }
      for (let w = mondayOf(first); Number.isFinite(first) && w <= last; w += 7) weeks.add(w);
    }
    const recorded = new Set(inWindow.map((r) => `${r.rep}\u0000${mondayOf(r.date)}`));
    const expected = reps.size * weeks.size;
    activityCompleteness = expected > 0 ? Math.min(1, recorded.size / expected) : null;
    const activeWeeks = new Set(inWindow.map((r) => mondayOf(r.date)));
    weeksWithoutActivity = [...weeks].filter((w) => !activeWeeks.has(w)).length;
    if (activityCompleteness !== null && activityCompleteness < options.minActivityCompleteness) {
      notes.push({
        "zh-CN": `过程数据只填了${formatPercent(activityCompleteness)}的人周（${weeksWithoutActivity}周完全没有记录）：避免数据跟进“形式化”，过程指标结论可信度低。`,
        en: `Activity records cover ${formatPercent(activityCompleteness)} of rep-weeks (${weeksWithoutActivity} week(s) with none at all): process conclusions are weak.`,
      });
    }
  }
  return {
    dealLines: deals.lines.length,
    rejectedLines: rejected,
    months: months.map(monthLabel),
    monthsWithoutDeals: gaps.map(monthLabel),
    activityCompleteness,
    weeksWithoutActivity,
    partialPeriod,
    thin,
    notes,
  };
}
