import { isBlank, type CellValue } from "../../cell/cell-value";
import { serialToIso } from "../../cell/excel-date";
import { formatAmount, formatNumber, formatPercent } from "../../i18n/format";
import { asWritten, formatBilingual, localize, type Bilingual, type Locale } from "../../i18n/locale";
import { parseCriterion, type Comparator } from "../../parse/criterion";
import { parseDeadline, periodContaining, periodKindNamed, type Period } from "../../parse/deadline";
import { isExampleName } from "../../templates/example-names";
import { detectMetric, findMetrics, type MetricKey } from "../../parse/metrics";
import { normalizeText } from "../../parse/parse-result";
import { findQuantities } from "../../parse/quantity";
import { readKeyResults } from "../../parse/key-results";
import type { SheetTable, TableRow } from "../../sheet/sheet-table";
import { monthOf, type MonthKey } from "../reading/period";
import { avgOrderValue, closeRateOf, type MetricsIndex } from "../metrics/period-metrics";
import { PERIOD_WORDS, PROGRESS_TEXT, STATUS_WORDS, UNMEASURED_TEXT, type UnmeasuredReason } from "./progress-text";

export type { UnmeasuredReason } from "./progress-text";

/**
 * Target progress: each rep's target and KRs on the target sheet measured from the deal data, with
 * pacing against the time gone in the period ("62% done with 45% of the month gone: on track").
 *
 * The period of a row: the kind its team target names (月度/季度/年度/周, "Q4"), else the kind its deadline
 * names (Q4, 季度末, 年底), else a month; the one containing the row's deadline, or, when the deadline is blank
 * or cannot be read as a date, the one containing today. Figures are counted by calendar month from the
 * deal index (`period-metrics`), up to today: lines dated after today are pipeline, never actuals.
 */

/** The metrics the deal data can measure. */
export const MEASURABLE_METRICS = ["revenue", "newCustomers", "repurchase", "avgOrderValue", "closeRate", "orders"] as const;
export type MeasurableMetric = (typeof MEASURABLE_METRICS)[number];

const isMeasurable = (m: MetricKey | undefined): m is MeasurableMetric =>
  m !== undefined && (MEASURABLE_METRICS as readonly string[]).includes(m);

/**
 * Cumulative metrics grow through the period and are paced against the time gone (repurchase too: more
 * existing customers buy again as the period goes on); levels (order value, close rate) are compared as
 * they stand.
 */
const LEVEL_METRICS: ReadonlySet<MetricKey> = new Set(["avgOrderValue", "closeRate"]);

export type PaceStatus = "done" | "onTrack" | "behind" | "missed" | "notStarted";

export interface ProgressSettings {
  /** Today as an Excel serial. */
  readonly today: number;
  /** A cumulative KR is on track while its share done is at least the share of time gone × (1 − this). */
  readonly paceTolerance: number;
}

export const DEFAULT_PROGRESS_SETTINGS: Omit<ProgressSettings, "today"> = { paceTolerance: 0.05 };

export function createProgressSettings(
  today: number,
  overrides: Partial<Omit<ProgressSettings, "today">> = {},
): ProgressSettings {
  return { ...DEFAULT_PROGRESS_SETTINGS, ...overrides, today };
}

export interface TargetPeriod {
  readonly kind: Period["kind"];
  /** Excel serials, both ends included. */
  readonly start: number;
  readonly end: number;
  /** ISO dates of start and end. */
  readonly from: string;
  readonly to: string;
  /** The share of the period's days gone, today included (0 before it starts, 1 after it ends). */
  readonly elapsed: number;
  /** "deadline": the period containing the row's deadline; "today": the deadline was blank or unreadable. */
  readonly anchor: "deadline" | "today";
}

/** One measured item: the row's own target (index 0) or its nth KR. */
export interface Measurement {
  readonly index: number;
  /** What the row or KR says, as written. */
  readonly text: string;
  readonly metric?: MetricKey;
  readonly target?: number;
  /** The target and actual are fractions (rates). */
  readonly percent: boolean;
  readonly atMost: boolean;
  /** Undefined when not measured (see `unmeasured`). */
  readonly actual?: number;
  /** actual / target. */
  readonly achievement?: number;
  readonly status?: PaceStatus;
  readonly unmeasured?: UnmeasuredReason;
  /** The figure and its pacing as a sentence, or why it is not measured. */
  readonly sentence: Bilingual;
}

export interface RowProgress {
  /** 0-based sheet row. */
  readonly sheetRow: number;
  readonly owner: string;
  readonly targetItem: string;
  readonly period: TargetPeriod;
  /** Why the row's owner could not be measured at all (then `target` and `keyResults` say the same). */
  readonly unmeasured?: "noOwner" | "ownerNotInData" | "noRepColumn";
  /** The row's own target: the target item and the rep target ("销售额", 35万). */
  readonly target: Measurement;
  readonly keyResults: readonly Measurement[];
}

export interface ProgressData {
  readonly index: MetricsIndex;
  /** False when the deal sheet has no rep column: nothing can be counted per rep. */
  readonly hasRep: boolean;
}

const text = (v: CellValue | undefined) => normalizeText(v ?? "");

/** The period a target row covers (see the module's comment). */
export function targetPeriodOf(cells: Readonly<Record<string, CellValue>>, today: number): TargetPeriod {
  const deadline = isBlank(cells.deadline ?? null) ? undefined : parseDeadline(cells.deadline, today);
  const deadlineText = text(cells.deadline).toLowerCase();
  const kind =
    periodKindNamed(cells.teamTarget) ??
    (/年底|年末|年终|end of (?:the )?year/.test(deadlineText) ? "year" : undefined) ??
    (/季度末|季末|end of (?:the )?quarter/.test(deadlineText) ? "quarter" : undefined) ??
    (/\bq[1-4]\b|第?[一二三四1-4]季度/.test(deadlineText) ? "quarter" : undefined) ??
    "month";
  const anchored = deadline?.ok === true;
  const period = periodContaining(kind, anchored ? deadline.value.serial : today);
  const days = period.end - period.start + 1;
  const elapsed = Math.min(1, Math.max(0, (today - period.start + 1) / days));
  return {
    kind,
    start: period.start,
    end: period.end,
    from: serialToIso(period.start) ?? "",
    to: serialToIso(period.end) ?? "",
    elapsed,
    anchor: anchored ? "deadline" : "today",
  };
}

function monthsBetween(from: MonthKey, to: MonthKey): MonthKey[] {
  const out: MonthKey[] = [];
  for (let m = from; m <= to; m++) out.push(m);
  return out;
}

interface Ask {
  readonly metric?: MetricKey;
  readonly value?: number;
  readonly percent: boolean;
  readonly comparator: Comparator;
  /** The text names more than one metric ("新客户销售额"): limited to some customers. */
  readonly qualified: boolean;
}

function showValue(value: number, metric: MetricKey | undefined, percent: boolean): Bilingual {
  if (percent) return asWritten(formatPercent(value));
  if (metric === "revenue" || metric === "avgOrderValue") return formatAmount(value);
  return asWritten(formatNumber(value));
}

/** The figure to date of one metric for one rep over the period's months up to today. */
function actualOf(
  data: ProgressData,
  rep: string,
  period: TargetPeriod,
  today: number,
  metric: MeasurableMetric,
  percent: boolean,
): { value: number } | { reason: UnmeasuredReason } {
  const first = monthOf(period.start);
  const last = Math.min(monthOf(period.end), monthOf(today));
  const months = monthsBetween(first, last);
  const m = data.index.metrics(months, rep);
  switch (metric) {
    case "revenue":
      return { value: m.revenue };
    case "orders":
      return { value: m.orders };
    case "newCustomers":
      return { value: m.newCustomers };
    case "avgOrderValue": {
      const v = avgOrderValue(m);
      return v === null ? { reason: "noOrders" } : { value: v };
    }
    case "closeRate": {
      const v = closeRateOf(m);
      return v === null ? { reason: "noCloseData" } : { value: v };
    }
    case "repurchase": {
      // The playbook's "复购客户数≥现有客户数60%": the rep's customers before the period who bought from the rep again in it.
      const before = data.index.months.filter((month) => month < first);
      const existing = data.index.customerKeys(before, rep);
      const during = data.index.customerKeys(months, rep);
      let returned = 0;
      for (const c of during) if (existing.has(c)) returned++;
      if (!percent) return { value: returned };
      return existing.size === 0 ? { reason: "noExistingCustomers" } : { value: returned / existing.size };
    }
  }
}

function statusOf(
  actual: number,
  target: number,
  atMost: boolean,
  level: boolean,
  period: TargetPeriod,
  today: number,
  tolerance: number,
): PaceStatus {
  if (today < period.start) return "notStarted";
  const ended = today > period.end;
  const met = atMost ? actual <= target : actual >= target;
  if (level || atMost) {
    if (ended || (atMost && !met && !level)) return met ? "done" : "missed";
    return met ? "onTrack" : "behind";
  }
  if (met) return "done";
  if (ended) return "missed";
  return actual / target >= period.elapsed * (1 - tolerance) ? "onTrack" : "behind";
}

function sentenceOf(
  status: PaceStatus,
  level: boolean,
  actual: number,
  ask: Required<Pick<Ask, "value">> & Ask,
  period: TargetPeriod,
): Bilingual {
  const periodWord = PERIOD_WORDS[period.kind];
  if (status === "notStarted") return formatBilingual(PROGRESS_TEXT.notStarted, { period: periodWord });
  const done = formatPercent(actual / ask.value);
  const atMost = ask.comparator === "<=" || ask.comparator === "<";
  if (level || atMost) {
    const word = status === "behind" ? STATUS_WORDS.below : STATUS_WORDS[status];
    const target = showValue(ask.value, ask.metric, ask.percent);
    const bound = formatBilingual(atMost ? PROGRESS_TEXT.atMost : PROGRESS_TEXT.atLeast, { target });
    return formatBilingual(PROGRESS_TEXT.level, {
      actual: showValue(actual, ask.metric, ask.percent),
      target: bound,
      status: word,
    });
  }
  if (status === "done") return formatBilingual(PROGRESS_TEXT.met, { done, status: STATUS_WORDS.done });
  if (status === "missed") return formatBilingual(PROGRESS_TEXT.over, { period: periodWord, done, status: STATUS_WORDS.missed });
  return formatBilingual(PROGRESS_TEXT.paced, {
    done,
    period: periodWord,
    elapsed: formatPercent(period.elapsed),
    status: STATUS_WORDS[status],
  });
}

function unmeasured(index: number, written: string, ask: Partial<Ask>, reason: UnmeasuredReason, owner = ""): Measurement {
  return {
    index,
    text: written,
    metric: ask.metric,
    target: ask.value,
    percent: ask.percent ?? false,
    atMost: ask.comparator === "<=" || ask.comparator === "<",
    unmeasured: reason,
    sentence: formatBilingual(UNMEASURED_TEXT[reason], { owner }),
  };
}

function measure(
  index: number,
  written: string,
  ask: Ask,
  data: ProgressData,
  rep: string,
  period: TargetPeriod,
  settings: ProgressSettings,
): Measurement {
  const atMost = ask.comparator === "<=" || ask.comparator === "<";
  if (ask.value === undefined || !(ask.value > 0)) return unmeasured(index, written, ask, ask.metric ? "noNumber" : "metric");
  if (!isMeasurable(ask.metric)) return unmeasured(index, written, ask, "metric");
  if (ask.qualified) return unmeasured(index, written, ask, "qualified");
  if (period.kind === "week") return unmeasured(index, written, ask, "weekly");
  if (ask.metric === "closeRate" && !ask.percent) return unmeasured(index, written, ask, "metric");
  const figure = actualOf(data, rep, period, settings.today, ask.metric, ask.percent);
  if ("reason" in figure) return unmeasured(index, written, ask, figure.reason);
  const level = LEVEL_METRICS.has(ask.metric);
  const status = statusOf(figure.value, ask.value, atMost, level, period, settings.today, settings.paceTolerance);
  return {
    index,
    text: written,
    metric: ask.metric,
    target: ask.value,
    percent: ask.percent,
    atMost,
    actual: figure.value,
    achievement: figure.value / ask.value,
    status,
    sentence: sentenceOf(status, level, figure.value, { ...ask, value: ask.value }, period),
  };
}

/** What the row's own target asks: its target item's metric and the rep target's number. */
function rowAsk(row: TableRow): Ask {
  const item = row.cells.targetItem;
  const metrics = new Set(findMetrics(item).map((m) => m.metric));
  const repTarget = row.cells.repTarget;
  const q = typeof repTarget === "number" ? { value: repTarget, percent: false } : findQuantities(repTarget)[0];
  const c = typeof repTarget === "string" ? parseCriterion(repTarget) : undefined;
  return {
    metric: detectMetric(item),
    value: q?.value,
    percent: q?.percent ?? false,
    comparator: c?.ok && c.value.explicit ? c.value.comparator : ">=",
    qualified: metrics.size > 1,
  };
}

/** Measures one target row (cost: this row's months in the index). */
export function measureTargetRow(row: TableRow, data: ProgressData, settings: ProgressSettings): RowProgress {
  const owner = text(row.cells.owner);
  const targetItem = text(row.cells.targetItem);
  const period = targetPeriodOf(row.cells, settings.today);
  const krs = readKeyResults(row.cells.keyResults);
  const asks: { index: number; written: string; ask: Ask }[] = [
    { index: 0, written: [targetItem, text(row.cells.repTarget)].filter(Boolean).join(" "), ask: rowAsk(row) },
    ...krs.map((kr) => ({
      index: kr.item.index,
      written: kr.item.text,
      ask: {
        metric: kr.metric,
        value: kr.criterion?.quantity.value,
        percent: kr.criterion?.quantity.percent ?? false,
        comparator: kr.criterion?.comparator ?? ">=",
        qualified: false,
      },
    })),
  ];
  const whole: RowProgress["unmeasured"] = !owner
    ? "noOwner"
    : !data.hasRep
      ? "noRepColumn"
      : !data.index.reps.includes(owner)
        ? "ownerNotInData"
        : undefined;
  const measured = asks.map(({ index, written, ask }) =>
    whole ? unmeasured(index, written, ask, whole, owner) : measure(index, written, ask, data, owner, period, settings),
  );
  return {
    sheetRow: row.sheetRow,
    owner,
    targetItem,
    period,
    ...(whole ? { unmeasured: whole } : {}),
    target: measured[0],
    keyResults: measured.slice(1),
  };
}

/** Every row of the target sheet with an owner or a target item, measured; the playbook's example rows ("*某") are not. */
export function measureTargetProgress(table: SheetTable, data: ProgressData, settings: ProgressSettings): RowProgress[] {
  return table.rows
    .filter((r) => !isBlank(r.cells.owner ?? null) || !isBlank(r.cells.targetItem ?? null))
    .filter((r) => !isExampleName(r.cells.owner))
    .map((r) => measureTargetRow(r, data, settings));
}

/** The line the target sheet's progress column holds: each measured item's sentence, numbered, and the date. */
export function progressCellText(row: RowProgress, today: number, locale: Locale): string {
  const items = [row.target, ...row.keyResults].map((m) =>
    localize(PROGRESS_TEXT.item, locale, {
      label: m.index === 0 ? PROGRESS_TEXT.target : formatBilingual(PROGRESS_TEXT.kr, { index: m.index }),
      sentence: m.sentence,
    }),
  );
  return `${items.join("\n")}${localize(PROGRESS_TEXT.asOf, locale, { date: serialToIso(today) ?? "" })}`;
}

/** True when a progress cell holds what `progressCellText` writes (the add-in's, not the user's). */
export function isProgressCellText(value: CellValue | undefined): boolean {
  return typeof value === "string" && /(?:（截至\d{4}-\d{2}-\d{2}）| \(as of \d{4}-\d{2}-\d{2}\))$/.test(value.trim());
}
