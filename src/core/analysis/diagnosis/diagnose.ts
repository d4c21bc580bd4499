import { localize, type Bilingual } from "../../i18n/locale";
import type { SheetGrid } from "../../sheet/sheet-table";
import {
  analyseCustomers,
  DEFAULT_CONTRIBUTION_OPTIONS,
  type ContributionOptions,
  type CustomerContribution,
} from "../metrics/customer-contribution";
import { assessDataQuality, type DataQuality } from "../reading/data-quality";
import type { ActivityField, DealField } from "../reading/fields";
import { profileHighValue, type HighValueProfile } from "../metrics/high-value";
import { analyseHorizontal, type Horizontal } from "./horizontal";
import { analyseLongitudinal, type Longitudinal, type MetricName } from "./longitudinal";
import { monthLabel, monthStart, type MonthKey, type MonthRange } from "../reading/period";
import { baselineOf, highTicketThreshold, monthSignals } from "../metrics/baselines";
import { attributeByDriver, type ChangeDrivers } from "../metrics/change-drivers";
import { typeShifts } from "./customer-types";
import { leadActivity } from "./lead-activity";
import { yearAgoOf } from "./seasonal";
import { PROCESS_FIELDS, type ProcessField } from "../reading/fields";
import { readingNotes, type ReadingNote } from "../reading/reading-notes";
import { REPORT_TEXT } from "./report-text";
import { fromExcelSerial, mondayOf } from "../../cell/excel-date";
import { createMetricsIndex, firstMonths, type MetricsIndex } from "../metrics/period-metrics";
import { rankProblems, type Problem } from "./problems";
import { profileReps, type RepProfile } from "../metrics/rep-profile";
import {
  readActivitySheet,
  readDealSheet,
  type ActivityRecord,
  type ActivitySheet,
  type DateOrder,
  type DealLine,
  type DealSheet,
} from "../reading/records";
import type { StatusMap, StatusSummary } from "../reading/deal-status";

export interface DiagnoseInput {
  readonly deals: SheetGrid;
  readonly activity?: SheetGrid;
  /** Field -> header text, overriding detection. */
  readonly map?: Partial<Record<DealField | ActivityField, string>>;
  /**
   * Today (Excel serial): later lines are forecast, and the current period is the latest month up to today. It also
   * decides whether the diagnosed month is over (`comparedDays`); without it, a month whose data stops more than 3
   * days before its end is taken as not over.
   */
  readonly today?: number;
  readonly dateOrder?: DateOrder;
  /** Status text -> the class the user gave it, over what its words say. */
  readonly statuses?: StatusMap;
  /** The month to diagnose (the latest month with deals by default) and the span of its rep and customer sections (3 months). */
  readonly period?: MonthRange;
  readonly contribution?: ContributionOptions;
  /**
   * The deal and activity sheets and their month index, when the caller already read them from `deals` and
   * `activity` with the same map, today and date order: they are used as they are, not read a second time.
   */
  readonly read?: { readonly deals: DealSheet; readonly activity?: ActivitySheet; readonly index: MetricsIndex };
}

/** Open deals, not revenue: how many distinct deals and what they are worth. */
export interface PipelineSummary {
  readonly deals: number;
  readonly value: number;
  /** Of them, dated after today (forecast). */
  readonly future: number;
}

/** Which months each section covers. */
export interface SectionPeriods {
  /** This month against last (and a year ago); `days` when compared month to date (days 1..days of each month). */
  readonly longitudinal: { readonly current: string; readonly previous: string; readonly days: number | null } | null;
  readonly horizontal: { readonly from: string; readonly to: string } | null;
  readonly customers: { readonly from: string; readonly to: string } | null;
}

export interface Diagnosis {
  readonly mapping: {
    readonly deals: Partial<Record<DealField, string>>;
    readonly activity: Partial<Record<ActivityField, string>>;
  };
  readonly missing: { readonly deals: readonly DealField[]; readonly activity: readonly ActivityField[] };
  readonly period: string | null;
  readonly periods: SectionPeriods;
  readonly dataQuality: DataQuality;
  /** What was read and what was left out, each beside the section it affects. */
  readonly notes: readonly ReadingNote[];
  /** Each value of the status column with its lines and class (empty without a status column). */
  readonly statuses: readonly StatusSummary[];
  readonly longitudinal: Longitudinal | null;
  /** This month's revenue change by rep and driver (what the TOP 3 claim). */
  readonly drivers: ChangeDrivers | null;
  readonly horizontal: Horizontal | null;
  /** Per rep over the rep section's months: strong and weak product lines, customer-type preference (empty without products or types). */
  readonly members: readonly RepProfile[];
  readonly customers: CustomerContribution & { readonly highValue: HighValueProfile | null };
  readonly pipeline: PipelineSummary;
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

function summarisePipeline(lines: readonly DealLine[], today: number): PipelineSummary {
  const deals = new Set<number>();
  const future = new Set<number>();
  let value = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    deals.add(l.orderKey);
    if (l.date > today) future.add(l.orderKey);
    value += l.amount;
  }
  return { deals: deals.size, value, future: future.size };
}

/**
 * The day up to which months are compared, or null for whole months. Whether the month is over is
 * decided by today: when today falls inside the diagnosed month it is compared on days 1..today;
 * when today is after it, it is a whole month, however early its data stops. Without a today (a
 * caller with no clock), the data is the only witness: a month whose last deal is more than 3 days
 * before its end is taken as not over and compared up to that deal's day.
 */
export function comparedDays(lines: readonly DealLine[], current: MonthKey, today: number | undefined): number | null {
  const start = monthStart(current);
  const end = monthStart(current + 1) - 1;
  if (today !== undefined && Number.isFinite(today)) return today >= start && today < end ? today - start + 1 : null;
  const last = lastDealDay(lines, current);
  return last !== null && last < end - 3 ? last - start + 1 : null;
}

/** The whole step-2 diagnosis on a deal sheet (and an activity sheet when there is one). */
export function diagnose(input: DiagnoseInput): Diagnosis {
  const sheets = readSheets(input);
  const { deals, activity, records, index } = sheets;
  const current = input.period?.to ?? (index.months.length > 0 ? index.months[index.months.length - 1] : null);
  const first = input.period?.from ?? (current === null ? null : current - 2);
  const span = current === null || first === null ? [] : Array.from({ length: current - first + 1 }, (_v, i) => first + i);
  const spanSet = new Set(span);
  const days = current === null ? null : comparedDays(deals.lines, current, input.today);
  const month = current === null ? null : analyseMonth(sheets, current, span, days);
  const spanLines = deals.lines.filter((l) => spanSet.has(l.month));
  const customers = analyseCustomers(spanLines, deals.hasStatus, input.contribution ?? DEFAULT_CONTRIBUTION_OPTIONS);
  const now = current === null ? null : index.metrics([current]);
  const label = (m: MonthKey | null) => (m === null ? "" : monthLabel(m));

  return {
    mapping: { deals: deals.mapping.headers, activity: activity?.mapping.headers ?? {} },
    missing: { deals: deals.mapping.missing, activity: activity?.mapping.missing ?? [] },
    period: current === null ? null : monthLabel(current),
    periods: {
      longitudinal: current === null ? null : { current: label(current), previous: label(current - 1), days },
      horizontal: current === null ? null : { from: label(span[0]), to: label(current) },
      customers: current === null ? null : { from: label(span[0]), to: label(current) },
    },
    dataQuality: assessDataQuality(deals, activity, span, now?.orders ?? 0),
    notes: [...readingNotes(deals, records.length > 0), ...monthToDate(current, days, deals.lines)],
    statuses: deals.statuses,
    longitudinal: month?.longitudinal ?? null,
    drivers: month?.drivers ?? null,
    horizontal: month?.horizontal ?? null,
    members:
      span.length > 0 && deals.mapping.columns.rep !== undefined && spanLines.some((l) => l.product || l.customerType)
        ? profileReps(deals.lines, span)
        : [],
    customers: { ...customers, highValue: profileHighValue(customers) },
    pipeline: summarisePipeline(deals.pipeline, input.today ?? Infinity),
    trend: current === null ? [] : trendOf(index, current),
    issues: month?.issues ?? [],
  };
}

/** The deal and activity sheets, read (or as the caller read them), and their month index. */
interface Sheets {
  readonly deals: DealSheet;
  readonly activity: ActivitySheet | undefined;
  readonly records: readonly ActivityRecord[];
  readonly index: MetricsIndex;
}

function readSheets(input: DiagnoseInput): Sheets {
  const read = { map: input.map, today: input.today, dateOrder: input.dateOrder, statuses: input.statuses };
  const deals = input.read?.deals ?? readDealSheet(input.deals, read);
  const activity = input.read ? input.read.activity : input.activity ? readActivitySheet(input.activity, read) : undefined;
  const records = activity?.records ?? [];
  return { deals, activity, records, index: input.read?.index ?? createMetricsIndex(deals.lines, records) };
}

/** The lines and records compared (month to date: each month's first `days` days), their index, and each customer's first month. */
interface Compared {
  readonly lines: readonly DealLine[];
  readonly records: readonly ActivityRecord[];
  readonly index: MetricsIndex;
  readonly first: ReadonlyMap<number, MonthKey>;
}

function comparedOf({ deals, records, index }: Sheets, current: MonthKey, days: number | null): Compared {
  // Month to date: every month is compared on its first `days` days.
  const dayOf = (serial: number, month: MonthKey) => serial - monthStart(month) + 1;
  // Only the months compared are needed: the current one, the 3 before it, and the same two a year earlier.
  const compared = (month: MonthKey) => month >= current - 13 && month <= current;
  const lines = days === null ? deals.lines : deals.lines.filter((l) => compared(l.month) && dayOf(l.date, l.month) <= days);
  const recs = days === null ? records : records.filter((r) => compared(r.month) && dayOf(r.date, r.month) <= days);
  // Whether a customer is new is a fact of all its purchases, not of the days compared.
  const first = firstMonths(deals.lines);
  return { lines, records: recs, index: days === null ? index : createMetricsIndex(lines, recs, first), first };
}

/** The month against the one before: the driver split, the reps, the TOP 3 and the headline that names its first item. */
function analyseMonth(
  sheets: Sheets,
  current: MonthKey,
  span: readonly MonthKey[],
  days: number | null,
): { longitudinal: Longitudinal; drivers: ChangeDrivers | null; horizontal: Horizontal | null; issues: Problem[] } {
  const comp = comparedOf(sheets, current, days);
  const months = new Set(sheets.index.months);
  const hasPrevious = months.has(current - 1);
  const lastMonths = Array.from({ length: 14 }, (_v, i) => current - 13 + i);
  const activityField =
    hasPrevious && sheets.activity ? leadActivity(comp.lines, comp.records, lastMonths, PROCESS_FIELDS, comp.first) : null;
  const drivers = hasPrevious
    ? attributeByDriver(comp.lines, comp.records, current - 1, current, activityField, comp.first)
    : null;
  const monthly = new Map(
    comp.index.reps.map((rep) => [
      rep,
      {
        from: hasPrevious ? comp.index.metrics([current - 1], rep).revenue : null,
        to: comp.index.metrics([current], rep).revenue,
      },
    ]),
  );
  const weeks = weeksCovered(span, [sheets.deals.lines, sheets.records]);
  const horizontal = analyseHorizontal(sheets.index, span, weeks, monthly);
  const issues = drivers ? topProblems(sheets, comp, { current, days, drivers, activityField, horizontal }) : [];
  // The headline names the same cause as the TOP 3's first item.
  const longitudinal = analyseLongitudinal(comp.index, current, METRICS, drivers, issues[0]);
  return { longitudinal, drivers, horizontal, issues };
}

/** The TOP 3: this month's signals against their baseline, the year-ago months, the customer types and the usual spread. */
function topProblems(
  sheets: Sheets,
  comp: Compared,
  month: {
    readonly current: MonthKey;
    readonly days: number | null;
    readonly drivers: ChangeDrivers;
    readonly activityField: ProcessField | null;
    readonly horizontal: Horizontal | null;
  },
): Problem[] {
  const { current, days, drivers, activityField, horizontal } = month;
  const months = new Set(sheets.index.months);
  const signals = monthSignals(comp.lines, comp.records, [current - 3, current - 2, current - 1, current], {
    daysCovered: (m) => days ?? monthStart(m + 1) - monthStart(m),
    activityField,
    first: comp.first,
    highTicketFrom: sheets.deals.hasStatus
      ? highTicketThreshold(comp.lines.filter((l) => l.month >= current - 3 && l.month <= current))
      : null,
  });
  const baseline = baselineOf(signals, current, months, 1);
  return rankProblems({
    drivers,
    now: signals.get(current)!,
    baseline,
    yearAgo: yearAgoOf(sheets.deals.lines, sheets.records, current, months, activityField, days, comp.first),
    horizontal,
    types: typeShifts(comp.lines, current, baseline.months),
    history: Array.from({ length: 12 }, (_v, i) => current - 12 + i)
      .filter((m) => months.has(m))
      .map((m) => comp.index.metrics([m]).revenue),
  });
}

/** Revenue and orders of each of the last 12 months up to `current`, from the first month with data. */
function trendOf(index: MetricsIndex, current: MonthKey): Diagnosis["trend"] {
  return Array.from({ length: 12 }, (_v, i) => current - 11 + i)
    .filter((m) => m >= (index.months[0] ?? current))
    .map((m) => {
      const metrics = index.metrics([m]);
      return { month: monthLabel(m), revenue: metrics.revenue, orders: metrics.orders };
    });
}

/**
 * Weeks (Monday to Sunday) from the span's first day to its last record (deal or activity, never
 * after today): a week across a month boundary counts once, and weeks after the data ends do not.
 */
function weeksCovered(span: readonly MonthKey[], lists: readonly (readonly { readonly date: number }[])[]): number {
  if (span.length === 0) return 0;
  const start = monthStart(span[0]);
  const end = monthStart(span[span.length - 1] + 1) - 1;
  let last = -Infinity;
  for (const dates of lists)
    for (let j = 0; j < dates.length; j++) {
      const d = dates[j]!;
      if (d.date >= start && d.date <= end && d.date > last) last = d.date;
    }
  if (!Number.isFinite(last)) return 1;
  return Math.round((mondayOf(last) - mondayOf(start)) / 7) + 1;
}

/**
 * Says that a month not yet over is compared on the same days of every month, or that a month whose
 * data stops early is compared whole because today's date says it is over.
 */
function monthToDate(current: MonthKey | null, days: number | null, lines: readonly DealLine[]): ReadingNote[] {
  if (current === null) return [];
  if (days === null) {
    const end = monthStart(current + 1) - 1;
    const last = lastDealDay(lines, current);
    // A week's quiet at a month's end (holidays, a weekend) is common; more than that is worth a word.
    if (last === null || last >= end - 7) return [];
    const d = fromExcelSerial(last)!;
    return [{ section: "longitudinal", text: dated(REPORT_TEXT.monthOver, current, d, {}) }];
  }
  const last = fromExcelSerial(monthStart(current) + days - 1)!;
  return [{ section: "longitudinal", text: dated(REPORT_TEXT.monthToDate, current, last, { days }) }];
}

/** A note's text with the month and the day it names (zh-CN: "3月5日", en: "2026-03-05"). */
function dated(
  text: Bilingual,
  month: MonthKey,
  day: { readonly month: number; readonly day: number },
  params: Readonly<Record<string, string | number>>,
): Bilingual {
  const words = { ...params, month: monthLabel(month), monthNumber: day.month, day: day.day };
  return {
    "zh-CN": localize(text, "zh-CN", words),
    en: localize(text, "en", { ...words, day: String(day.day).padStart(2, "0") }),
  };
}

/** The day of the month's last deal, or null. */
function lastDealDay(lines: readonly DealLine[], month: MonthKey): number | null {
  let last = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.month === month && l.date > last) last = l.date;
  }
  return Number.isFinite(last) ? last : null;
}
