import { isoToSerial } from "../core/cell/excel-date";
import { CHOSEN_STATUS_CLASSES, type ChosenStatusClass, type StatusMap } from "../core/analysis/reading/deal-status";
import { ACTIVITY_FIELDS, DEAL_FIELDS, type ActivityField, type DealField } from "../core/analysis/reading/fields";
import { parseMonthRange, type MonthRange } from "../core/analysis/reading/period";
import type { DateOrder } from "../core/analysis/reading/records";
import { localize, type Locale } from "../core/i18n/locale";
import { WEEKLY_REVIEW_TEXT } from "../core/i18n/weekly-review-text";
import type { DataSourceRequest } from "../app/data-source";
import { CLI_TEXT } from "./cli-messages";

/** A mistake on the command line: one sentence on stderr, exit code 2. */
export class CliUsageError extends Error {}

/** The flags as `parseArgs` gives them (see main.ts). */
export interface CliFlags {
  readonly json: boolean;
  readonly example: boolean;
  readonly data: boolean;
  readonly sheet?: string;
  readonly activity?: string;
  readonly map: readonly string[];
  readonly status: readonly string[];
  readonly out?: string;
  readonly force: boolean;
  readonly period?: string;
  readonly month?: string;
  readonly "date-order"?: string;
  readonly week?: string;
}

/** The options every command may read, checked once before the command runs. */
export interface CliOptions {
  readonly json: boolean;
  /** init: --example and --data. */
  readonly example: boolean;
  readonly data: boolean;
  /** --sheet: the deal sheet; --activity: the activity sheet (found by their headers otherwise). */
  readonly sheet?: string;
  readonly activity?: string;
  readonly map: Partial<Record<DealField | ActivityField, string>>;
  readonly statuses?: StatusMap;
  /** --out: the new .xlsx a command writes its result into (never the input). */
  readonly out?: string;
  readonly force: boolean;
  readonly period?: MonthRange;
  readonly month?: MonthRange;
  readonly dateOrder?: DateOrder;
  /** --week as typed: only `weekly` reads it (parseWeek). */
  readonly week?: string;
}

const MAP_FIELDS: readonly (DealField | ActivityField)[] = [...new Set([...DEAL_FIELDS, ...ACTIVITY_FIELDS])];

function parseMap(values: readonly string[], locale: Locale): Partial<Record<DealField | ActivityField, string>> {
  const map: Partial<Record<DealField | ActivityField, string>> = {};
  for (const value of values) {
    const at = value.indexOf("=");
    const field = value.slice(0, at) as DealField | ActivityField;
    if (at <= 0 || !MAP_FIELDS.includes(field) || at === value.length - 1) {
      throw new CliUsageError(localize(CLI_TEXT.cliBadMap, locale, { fields: MAP_FIELDS.join(", "), value }));
    }
    map[field] = value.slice(at + 1);
  }
  return map;
}

/** --status "On Hold=booked": the class of one status value (the last "=" splits, so a value may hold one). */
function parseStatuses(values: readonly string[], locale: Locale): StatusMap | undefined {
  if (values.length === 0) return undefined;
  const statuses: Record<string, ChosenStatusClass> = {};
  for (const value of values) {
    const at = value.lastIndexOf("=");
    const text = value.slice(0, at).trim();
    const cls = value
      .slice(at + 1)
      .trim()
      .toLowerCase() as ChosenStatusClass;
    // An empty value ("=open") classifies the blank status cells.
    if (at < 0 || !CHOSEN_STATUS_CLASSES.includes(cls)) {
      throw new CliUsageError(localize(CLI_TEXT.cliBadStatus, locale, { classes: CHOSEN_STATUS_CLASSES.join(", "), value }));
    }
    statuses[text] = cls;
  }
  return statuses;
}

/** The shared options, checked in this order (the first mistake is the one said): --map, --status, --period, --date-order, --month. */
export function parseCliOptions(flags: CliFlags, locale: Locale): CliOptions {
  const map = parseMap(flags.map, locale);
  const statuses = parseStatuses(flags.status, locale);
  const period = flags.period === undefined ? undefined : parseMonthRange(flags.period);
  if (flags.period !== undefined && !period)
    throw new CliUsageError(localize(CLI_TEXT.cliBadPeriod, locale, { value: flags.period }));
  const dateOrder = flags["date-order"] as DateOrder | undefined;
  if (dateOrder !== undefined && !["ymd", "dmy", "mdy"].includes(dateOrder))
    throw new CliUsageError(localize(CLI_TEXT.cliBadDateOrder, locale, { value: dateOrder }));
  const month = flags.month === undefined ? undefined : parseMonthRange(flags.month);
  if (flags.month !== undefined && (!month || month.from !== undefined))
    throw new CliUsageError(localize(CLI_TEXT.cliBadMonth, locale, { value: flags.month }));
  return {
    json: flags.json,
    example: flags.example,
    data: flags.data,
    sheet: flags.sheet,
    activity: flags.activity,
    map,
    statuses,
    out: flags.out,
    force: flags.force,
    period,
    month,
    dateOrder,
    week: flags.week,
  };
}

/** --week: a day as YYYY-MM-DD (any day of the week reviewed). */
export function parseWeek(value: string, locale: Locale): number {
  const serial = isoToSerial(value);
  if (serial === undefined) throw new CliUsageError(localize(WEEKLY_REVIEW_TEXT.badWeek, locale, { value }));
  return serial;
}

/**
 * The data-source part of a use case's request, from the flags (--sheet, --activity, --map, --status,
 * --date-order, --period): the one place the commands build it. A use case reads the fields it knows.
 */
export function dataSource(options: CliOptions): DataSourceRequest & { readonly period?: MonthRange } {
  return {
    dealSheet: options.sheet,
    activitySheet: options.activity,
    map: options.map,
    statuses: options.statuses,
    dateOrder: options.dateOrder,
    period: options.period,
  };
}
