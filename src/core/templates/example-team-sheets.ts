import type { CellValue } from "../cell/cell-value";
import { fromExcelSerial, mondayOf } from "../cell/excel-date";
import { formatAmount } from "../i18n/format";
import type { Bilingual, Locale } from "../i18n/locale";
import {
  daysIn,
  EXAMPLE_STATUS,
  EXAMPLE_TYPES,
  exampleData,
  seeded,
  shiftMonth,
  type ExampleData,
  type ExampleRecord,
  type MonthOf,
} from "./example-team";
import type { DataTemplateKey, TemplateKey } from "./template.types";

/** The example team's rows for every sheet, by template and column key (values in one locale). */
export type ExampleTeamRows = Readonly<Record<TemplateKey | DataTemplateKey, readonly ExampleRecord[]>>;

export interface ExampleTeam {
  readonly data: ExampleData;
  readonly rows: ExampleTeamRows;
}

const b = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });
const iso = (m: MonthOf, day: number) => `${m.year}-${String(m.month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
const sameMonth = (serial: number, m: MonthOf) => {
  const d = fromExcelSerial(serial)!;
  return d.year === m.year && d.month === m.month;
};
const inMonths = (serial: number, months: readonly MonthOf[]) => months.some((m) => sameMonth(serial, m));

/** Rounded to 万 (10,000), at least one. */
const wan = (n: number) => Math.max(1, Math.round(n / 10_000)) * 10_000;

/**
 * One revenue target per rep for `month`, from the rep's average of the three months before it (the
 * months with data among them) and `growth`, so the targets carry the growth a manager would ask and
 * never the checks' "far above recent results". The team target is the sum of the reps' shares.
 */
function targetRows(data: ExampleData, locale: Locale, month: MonthOf, growth: number): ExampleRecord[] {
  const before = [1, 2, 3].map((k) => shiftMonth(month, -k));
  const won = data.deals.filter((d) => d.status === EXAMPLE_STATUS.won[locale] && inMonths(d.date as number, before));
  const newOnes = (rep: string) => {
    const first = new Map<string, number>();
    for (const d of data.deals) {
      if (d.status !== EXAMPLE_STATUS.won[locale]) continue;
      const c = d.customer as string;
      if (!first.has(c) || (d.date as number) < first.get(c)!) first.set(c, d.date as number);
    }
    return data.deals.filter(
      (d) => d.rep === rep && first.get(d.customer as string) === d.date && inMonths(d.date as number, before),
    ).length;
  };
  const shares = data.reps.map((rep) => {
    const revenue = won.filter((d) => d.rep === rep).reduce((s, d) => s + (d.amount as number), 0);
    const orders = won.filter((d) => d.rep === rep).length;
    // The order value KR: the rep's recent average, rounded down to the thousand.
    const ticket = Math.floor(revenue / Math.max(1, orders) / 1000) * 1000;
    return { rep, target: wan((revenue / 3) * growth), fresh: Math.max(1, Math.round(newOnes(rep) / 3)), ticket };
  });
  const team = shares.reduce((s, r) => s + r.target, 0);
  const teamText = b(`月度${formatAmount(team)["zh-CN"]}`, `Monthly ${formatAmount(team).en}`)[locale];
  const deadline = iso(month, daysIn(month));
  return shares.map((r) => ({
    teamTarget: teamText,
    targetItem: b("销售额", "Revenue")[locale],
    owner: r.rep,
    repTarget: formatAmount(r.target)[locale],
    deadline,
    keyResults: b(
      `1.新客户开发${r.fresh}个 2.客单价≥${formatAmount(r.ticket)["zh-CN"]}`,
      `1. Develop ${r.fresh} new customers 2. Average order value >= ${formatAmount(r.ticket).en}`,
    )[locale],
    criteria: b(
      `1.实际开发≥${r.fresh}个 2.平均客单价≥${formatAmount(r.ticket)["zh-CN"]}`,
      `1. Actual new customers >= ${r.fresh} 2. Average order value >= ${formatAmount(r.ticket).en}`,
    )[locale],
  }));
}

const WEEK_METRICS = [
  { name: b("电话", "Calls"), key: "calls" },
  { name: b("拜访", "Visits"), key: "visits" },
  { name: b("方案提交", "Proposals"), key: "proposals" },
] as const;

const MISS = {
  reason: b("周三外出培训，拜访改期", "Training on Wednesday, visits moved"),
  measure: b("下周一补约拜访，晨会确认", "Rebook the visits on Monday, checked at stand-up"),
};

/**
 * The weekly tracker of the two whole weeks before today's: each rep's calls, visits and proposals,
 * the targets their habits carry, one rep short of visits in one week with the reason and the measure.
 */
function weeklyRows(data: ExampleData, locale: Locale, today: number): ExampleRecord[] {
  const rand = seeded(7);
  const thisMonday = mondayOf(today);
  const rows: ExampleRecord[] = [];
  const usual = (rep: string, key: string) => {
    const weeks = data.activity.filter((a) => a.rep === rep && !inMonths(a.date as number, [data.months.at(-1)!]));
    return weeks.slice(-8).reduce((s, a) => s + (a[key] as number), 0) / Math.min(8, weeks.length);
  };
  for (const week of [thisMonday - 14, thisMonday - 7]) {
    data.reps.forEach((rep, r) => {
      for (const metric of WEEK_METRICS) {
        const target = Math.max(5, Math.round(usual(rep, metric.key) / 5) * 5);
        // The week's total at or a little above the target, spread over the days (none under the day's pace, a
        // multiple of 5 over 5 days); the one miss is a single short day (still above 85%).
        const pace = target / 5;
        const planned = Math.round(target * (1 + 0.12 * rand()));
        const days = Array.from({ length: 5 }, (_v, i) => Math.floor(planned / 5) + ((i + r) % 5 < planned % 5 ? 1 : 0));
        if (metric.key === "visits" && r === 3 && week === thisMonday - 7) {
          days.fill(Math.ceil(pace));
          days[2] = Math.max(0, Math.ceil(pace) - Math.floor(target * 0.1));
        }
        const row: Record<string, CellValue> = { week, owner: rep, metric: metric.name[locale], target };
        ["mon", "tue", "wed", "thu", "fri"].forEach((day, i) => (row[day] = days[i]));
        const total = days.reduce((s, d) => s + d, 0);
        if (total < target) {
          row.reason = MISS.reason[locale];
          row.measure = MISS.measure[locale];
        }
        rows.push(row);
      }
    });
  }
  return rows;
}

const PAINS = {
  key: {
    painPoints: b("系统稳定、服务响应快", "A stable system, fast service response"),
    strategy: b("专属客户经理+季度业务回顾", "A named account manager + a quarterly business review"),
  },
  small: {
    painPoints: b("价格敏感、上手要快", "Price-sensitive, must be quick to start"),
    strategy: b("标准版套餐+线上培训", "Standard bundle + online training"),
  },
};

/** The customer sheet by type over the last three months: figures counted from the deal lines, no 数据期间 stamp. */
function customerRows(data: ExampleData, locale: Locale): ExampleRecord[] {
  const months = data.months.slice(-3);
  return (["key", "small"] as const).map((kind) => {
    const type = EXAMPLE_TYPES[kind][locale];
    const lines = data.deals.filter((d) => d.customerType === type && inMonths(d.date as number, months));
    const won = lines.filter((d) => d.status === EXAMPLE_STATUS.won[locale]);
    return {
      customerType: type,
      customers: new Set(won.map((d) => d.customer)).size,
      orders: won.length,
      revenue: won.reduce((s, d) => s + (d.amount as number), 0),
      closeRate: Math.round((won.length / lines.length) * 1000) / 1000,
      painPoints: PAINS[kind].painPoints[locale],
      strategy: PAINS[kind].strategy[locale],
    };
  });
}

/**
 * The example team for `today` (Excel serial): its data and every sheet's rows. The target sheet holds
 * the month before today's (the month the data ends with and the monthly review looks back on) and
 * today's month; the monthly review and the action plan are left for the add-in to fill.
 */
export function exampleTeam(locale: Locale, today: number): ExampleTeam {
  const data = exampleData(locale, today);
  const date = fromExcelSerial(today)!;
  const thisMonth = { year: date.year, month: date.month };
  const last = shiftMonth(thisMonth, -1);
  return {
    data,
    rows: {
      targets: [...targetRows(data, locale, last, 1.05), ...targetRows(data, locale, thisMonth, 1.05)],
      customers: customerRows(data, locale),
      weekly: weeklyRows(data, locale, today),
      review: [],
      actions: [],
      deals: data.deals,
      activity: data.activity,
    },
  };
}
