import type { SheetGrid } from "../validate/sheet-table";
import {
  analyseCustomers,
  DEFAULT_CONTRIBUTION_OPTIONS,
  type ContributionOptions,
  type CustomerContribution,
} from "./customer-contribution";
import { assessDataQuality, type DataQuality } from "./data-quality";
import type { ActivityField, DealField } from "./fields";
import { profileHighValue, type HighValueProfile } from "./high-value";
import { analyseHorizontal, type Horizontal } from "./horizontal";
import { analyseLongitudinal, type Longitudinal, type MetricName } from "./longitudinal";
import { monthLabel, type MonthKey } from "./period";
import { createMetricsIndex } from "./period-metrics";
import { rankProblems, type Problem } from "./problems";
import { readActivitySheet, readDealSheet, type DateOrder, type DealLine } from "./records";

export interface DiagnoseInput {
  readonly deals: SheetGrid;
  readonly activity?: SheetGrid;
  /** Field -> header text, overriding detection. */
  readonly map?: Partial<Record<DealField | ActivityField, string>>;
  /** Today (Excel serial): later lines are forecast, and the current period is the latest month up to today. */
  readonly today?: number;
  readonly dateOrder?: DateOrder;
  /** The month to diagnose; the latest month with deals by default. */
  readonly period?: MonthKey;
  readonly contribution?: ContributionOptions;
  /** Share of the highest-value orders counted as high-ticket. */
  readonly highTicketShare?: number;
}

export interface Diagnosis {
  readonly mapping: {
    readonly deals: Partial<Record<DealField, string>>;
    readonly activity: Partial<Record<ActivityField, string>>;
  };
  readonly missing: { readonly deals: readonly DealField[]; readonly activity: readonly ActivityField[] };
  readonly period: string | null;
  readonly dataQuality: DataQuality;
  readonly longitudinal: Longitudinal | null;
  readonly horizontal: Horizontal | null;
  readonly customers: CustomerContribution & { readonly highValue: HighValueProfile | null };
  /** Revenue and orders of each of the last 12 months up to the period (months without deals at 0). */
  readonly trend: readonly { readonly month: string; readonly revenue: number; readonly orders: number }[];
  readonly issues: readonly Problem[];
}

const METRICS: readonly MetricName[] = [
  "revenue",
  "orders",
  "customers",
  "newCustomers",
  "avgOrderValue",
  "closeRate",
  "calls",
  "visits",
  "followUps",
  "proposals",
];

/** Orders in the top `share` by value (the high-ticket ones) within the period, with their outcome. */
function highTicketOrders(
  lines: readonly DealLine[],
  share: number,
): { won: number; lost: number; avgOrderValue: number | null } | null {
  const orders = new Map<string, { value: number; status?: string }>();
  for (const l of lines) {
    const o = orders.get(l.orderId) ?? { value: 0, status: undefined };
    o.value += l.amount;
    if (l.status === "won" || o.status === undefined) o.status = l.status;
    orders.set(l.orderId, o);
  }
  const decided = [...orders.values()].filter((o) => o.status === "won" || o.status === "lost");
  if (decided.length === 0) return null;
  const sorted = [...decided].sort((a, b) => b.value - a.value);
  const top = sorted.slice(0, Math.max(1, Math.ceil(sorted.length * share)));
  const won = top.filter((o) => o.status === "won");
  return { won: won.length, lost: top.length - won.length, avgOrderValue: top.reduce((s, o) => s + o.value, 0) / top.length };
}

/** The whole step-2 diagnosis on a deal sheet (and an activity sheet when there is one). */
export function diagnose(input: DiagnoseInput): Diagnosis {
  const read = { map: input.map, today: input.today, dateOrder: input.dateOrder };
  const deals = readDealSheet(input.deals, read);
  const activity = input.activity ? readActivitySheet(input.activity, read) : undefined;
  const index = createMetricsIndex(deals.lines, activity?.records ?? []);
  const current = input.period ?? (index.months.length > 0 ? index.months[index.months.length - 1] : null);
  const span = current === null ? [] : [current - 2, current - 1, current];
  const weeks = span.length > 0 ? Math.round((span.length * 365.25) / 12 / 7) : 0;
  const now = current === null ? null : index.metrics([current]);
  const before = current !== null && index.months.includes(current - 1) ? index.metrics([current - 1]) : null;

  const customers = analyseCustomers(deals.lines, deals.hasStatus, input.contribution ?? DEFAULT_CONTRIBUTION_OPTIONS);
  const longitudinal = current === null ? null : analyseLongitudinal(index, current, METRICS);
  const horizontal = current === null ? null : analyseHorizontal(index, span, weeks);
  const churned = new Set(customers.churned);
  const churnedRevenue = deals.lines
    .filter((l) => current !== null && l.month === current - 1 && churned.has(l.customer) && l.status !== "lost")
    .reduce((s, l) => s + l.amount, 0);
  const currentLines = current === null ? [] : deals.lines.filter((l) => l.month === current);

  return {
    mapping: { deals: deals.mapping.headers, activity: activity?.mapping.headers ?? {} },
    missing: { deals: deals.mapping.missing, activity: activity?.mapping.missing ?? [] },
    period: current === null ? null : monthLabel(current),
    dataQuality: assessDataQuality(deals, activity, span, now?.orders ?? 0),
    longitudinal,
    horizontal,
    customers: { ...customers, highValue: profileHighValue(customers) },
    trend:
      current === null
        ? []
        : Array.from({ length: 12 }, (_v, i) => current - 11 + i)
            .filter((m) => m >= (index.months[0] ?? current))
            .map((m) => {
              const metrics = index.metrics([m]);
              return { month: monthLabel(m), revenue: metrics.revenue, orders: metrics.orders };
            }),
    issues:
      now === null
        ? []
        : rankProblems({
            now,
            before,
            highTicket: deals.hasStatus ? highTicketOrders(currentLines, input.highTicketShare ?? 0.25) : null,
            longitudinal,
            horizontal,
            customers,
            churnedRevenue,
            windowMonths: span.length,
          }),
  };
}
