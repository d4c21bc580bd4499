import { isBlank } from "../cell/cell-value";
import { mondayOf } from "../cell/excel-date";
import { parseDeadline } from "../parse/deadline";
import { findQuantities, parsePercent } from "../parse/quantity";
import { CHECK_DAY_KEYS, readActionStatus, type ActionStatus } from "../templates/action-plan.template";
import type { TableRow } from "../sheet/sheet-table";
import { basisIn, isRateMetric, readStrategyMetric, type MetricBasis, type StrategyMetric } from "./strategy-metric";

/** The first Excel serial of 1900-03-01 and the last of 9999-12-31. */
const SERIAL_RANGE = [61, 2_958_465] as const;

/** A date cell: a serial, or text such as "2026-12-04" or "12月4日"; undefined when blank or unreadable. */
export function readDateCell(value: unknown, today: number): number | undefined {
  if (typeof value === "number") return value >= SERIAL_RANGE[0] && value <= SERIAL_RANGE[1] ? Math.floor(value) : undefined;
  if (isBlank(value)) return undefined;
  const parsed = parseDeadline(value, today);
  return parsed.ok ? parsed.value.serial : undefined;
}

/** The `count` working days (Monday to Friday) from a start date, the start itself first when it is one. */
export function workingDaysFrom(start: number, count: number): number[] {
  const days: number[] = [];
  for (let day = Math.floor(start); days.length < count; day++) if (day - mondayOf(day) < 5) days.push(day);
  return days;
}

/** One strategy of the action plan as read from its row. */
export interface ActionItem {
  readonly row: TableRow;
  readonly problem: string;
  readonly strategy: string;
  readonly owner: string;
  readonly resources: string;
  readonly startDate?: number;
  readonly deadline?: number;
  readonly status?: ActionStatus;
  readonly metric?: StrategyMetric;
  /** The baseline cell as a number (a rate as a fraction); undefined when blank or unreadable. */
  readonly baseline?: number;
  /** What the metric counts: per rep per week when the strategy, the problem or the baseline says so. */
  readonly basis: MetricBasis;
}

const text = (value: unknown): string => (typeof value === "string" ? value.trim() : isBlank(value) ? "" : String(value));

function readBaseline(value: unknown, metric: StrategyMetric | undefined): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isBlank(value)) return undefined;
  if (metric && isRateMetric(metric)) {
    const rate = parsePercent(value);
    return rate.ok ? rate.value : undefined;
  }
  const n = Number(String(value).replace(/[,，\s]/g, ""));
  if (Number.isFinite(n)) return n;
  // A figure written with its words: "人均每周3.2次", "3.2 per rep per week", "6个".
  const quantities = findQuantities(value);
  return quantities.length === 1 && !quantities[0].percent ? quantities[0].value : undefined;
}

export function readActionItem(row: TableRow, today: number): ActionItem {
  const c = row.cells;
  const metric = readStrategyMetric(c.metric);
  return {
    row,
    problem: text(c.problem),
    strategy: text(c.strategy),
    owner: text(c.owner),
    resources: text(c.resources),
    startDate: readDateCell(c.startDate, today),
    deadline: readDateCell(c.deadline, today),
    status: readActionStatus(c.status),
    metric,
    baseline: readBaseline(c.baseline, metric),
    basis: basisIn(c.strategy, c.problem, c.baseline),
  };
}

/** The day-check cells of a row with their working days; none without a start date. */
export function checkDays(item: ActionItem): { key: string; day: number; filled: boolean }[] {
  if (item.startDate === undefined) return [];
  const days = workingDaysFrom(item.startDate, CHECK_DAY_KEYS.length);
  return CHECK_DAY_KEYS.map((key, i) => ({ key, day: days[i], filled: !isBlank(item.row.cells[key]) }));
}
