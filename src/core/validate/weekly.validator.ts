import { isBlank } from "../cell/cell-value";
import { fromExcelSerial } from "../cell/excel-date";
import { asWritten, fillOnRead, joinBilingual, type Bilingual } from "../i18n/locale";
import { parseDeadline } from "../parse/deadline";
import { METRIC_NAMES, readMetricSegments, type MetricKey } from "../parse/metrics";
import { normalizeText } from "../parse/parse-result";
import { findQuantities } from "../parse/quantity";
import { WEEKDAY_KEYS } from "../templates/weekly-plan.template";
import { formatPercent } from "../i18n/format";
import { RuleContext } from "./rule-context";
import type { TableRow } from "../sheet/sheet-table";
import { WEEKDAY_NAMES, WEEKLY_TEXT as T } from "./weekly-text";

const DAILY_MARK = /每日|每天|日均|\/天|daily|per day|a day/i;
const WEEKLY_MARK = /每周|本周|周目标|weekly|per week|a week/i;

/** One rep's week on one metric, read from either layout. */
export interface WeekLine {
  readonly row: TableRow;
  readonly owner: string;
  readonly metric: string;
  /** Monday as an Excel serial, when the sheet has a week column. */
  readonly week?: number;
  readonly target?: number;
  /** Day values; undefined where the cell is empty or unreadable. */
  readonly days: readonly (number | undefined)[];
  /** Days whose cell holds something that is not a count (already reported). */
  readonly unreadable?: readonly boolean[];
}

/** The first Excel serial of 1900-03-01 and the last of 9999-12-31. */
const SERIAL_RANGE = [61, 2_958_465] as const;

function weekStart(value: unknown, today: number): number | undefined {
  if (typeof value === "number") return value >= SERIAL_RANGE[0] && value <= SERIAL_RANGE[1] ? Math.floor(value) : undefined;
  if (isBlank(value)) return undefined;
  const parsed = parseDeadline(value, today);
  return parsed.ok && fromExcelSerial(parsed.value.serial) ? parsed.value.serial : undefined;
}

/** The structured layout: one row per rep, metric and week, numeric day cells. Reports unreadable day cells. */
function readStructuredLine(ctx: RuleContext, row: TableRow): WeekLine {
  // Only for a row with an unreadable day: 50,000 rows need not each carry five falses.
  let unreadable: boolean[] | undefined;
  const days = WEEKDAY_KEYS.map((key, i) => {
    const v = row.cells[key];
    if (isBlank(v)) return undefined;
    if (typeof v === "number" && Number.isFinite(v) && v >= 0) return v;
    const q = typeof v === "string" ? findQuantities(v) : [];
    const usable = q.length === 1 && q[0].value >= 0 ? q[0].value : undefined;
    // Safe to write back with one click only when the cell holds nothing but the count and its unit
    // ("3个", "十二次"): "约5个", "5个电话2个拜访" or "50%" say more than a number and stay the user's.
    const text = normalizeText(v);
    const bare =
      usable !== undefined &&
      !q[0].percent &&
      (text.slice(0, q[0].start) + text.slice(q[0].end)).trim().replace(q[0].unit, "").trim() === "";
    ctx.report(
      row,
      key,
      "weekly.day.invalid",
      usable === undefined ? "error" : "warning",
      fillOnRead(T.dayInvalid, { day: WEEKDAY_NAMES[i], value: text }),
      usable === undefined ? undefined : asWritten(usable),
      bare ? { was: v, value: usable } : undefined,
    );
    if (usable === undefined) (unreadable ??= WEEKDAY_KEYS.map(() => false))[i] = true;
    return usable;
  });
  const target = typeof row.cells.target === "number" ? row.cells.target : findQuantities(row.cells.target)[0]?.value;
  return {
    row,
    owner: normalizeText(row.cells.owner),
    metric: normalizeText(row.cells.metric),
    week: weekStart(row.cells.week, ctx.settings.today),
    target,
    days,
    unreadable,
  };
}

/**
 * The playbook's free-text layout: "开发新客户3个 电话15个" as the target, "开发1个 电话12个" per day.
 * One line per metric named in the target. A target that matches the daily counts ("电话15个" with 12-15
 * calls a day) is read as a daily target and flagged as ambiguous, as the playbook notes.
 */
function readFreeTextLines(ctx: RuleContext, row: TableRow): WeekLine[] {
  const targetText = normalizeText(row.cells.target);
  const targets = readMetricSegments(targetText, findQuantities(targetText));
  const dayCounts = WEEKDAY_KEYS.map((key) => {
    const v = row.cells[key];
    return typeof v === "number" ? [] : readMetricSegments(v, findQuantities(v));
  });
  const lines: WeekLine[] = [];
  for (const { metric, value, text } of targets) {
    const days = dayCounts.map((segments) => segments.find((s) => s.metric === metric)?.value);
    const known = days.filter((d): d is number => d !== undefined).sort((a, b) => a - b);
    const median = known.length > 0 ? known[Math.floor(known.length / 2)] : 0;
    const looksDaily = known.length > 0 && median >= 0.5 * value;
    const markedDaily = DAILY_MARK.test(text);
    const marked = markedDaily || WEEKLY_MARK.test(text);
    if (looksDaily && !marked) {
      const message = fillOnRead(T.targetAmbiguous, { target: targetText, metric: metricLabel(metric), value });
      ctx.report(row, "target", "weekly.target.ambiguous", "info", message);
    }
    const daily = markedDaily || (looksDaily && !marked);
    lines.push({ row, owner: normalizeText(row.cells.owner), metric, target: daily ? value * 5 : value, days });
  }
  return lines;
}

/** A metric's name; in the structured layout the metric is the user's own text, shown as written. */
function metricLabel(metric: string): Bilingual {
  return METRIC_NAMES[metric as MetricKey] ?? asWritten(metric);
}

/** True when a row leaves the metric column empty and names its metrics in the target, as the playbook writes it. */
function namesMetricsInTarget(row: TableRow): boolean {
  const { target } = row.cells;
  return isBlank(row.cells.metric) && typeof target === "string" && readMetricSegments(target, findQuantities(target)).length > 0;
}

/**
 * Reads a row into week lines: one in the structured layout, one per metric in free text (the
 * playbook's layout, or a template row whose metric cell is empty and whose target says "电话15个").
 */
export function readWeekLines(ctx: RuleContext, row: TableRow): WeekLine[] {
  return ctx.has("metric") && !namesMetricsInTarget(row) ? [readStructuredLine(ctx, row)] : readFreeTextLines(ctx, row);
}

/**
 * True when the week's Friday is before today. Without a week date, a week counts as over once its
 * Friday is filled in: a week still under way is not judged on Monday's numbers.
 */
function weekIsOver(line: WeekLine, today: number): boolean {
  return line.week === undefined ? line.days[line.days.length - 1] !== undefined : line.week + 4 < today;
}

export function isMissed(line: WeekLine): boolean {
  const total = line.days.reduce<number>((sum, d) => sum + (d ?? 0), 0);
  return line.target !== undefined && line.target > 0 && total < line.target;
}

/**
 * Words that only promise effort ("多努力", "继续加油", "work harder"): what is left of a measure without them, its
 * filler ("下周", "要", "more") and its punctuation is what it will actually do. Nothing left: a vague measure.
 */
const EFFORT =
  /多努力|更加努力|继续努力|努力|加油|认真|用心|注意|加强|提高|提升|改进|改善|尽量|争取|下周|本周|以后|今后|一定|继续|要|会|再|更|多|work harder|try harder|do better|be better|more effort|keep trying|keep going|improve|harder|better|more|try|will|next week|\b(we|i|to|be|do|work)\b/gi;

/** A measure that says what will be done (a step, a count, a day), not only that more effort will be made. */
export function isConcreteMeasure(value: unknown): boolean {
  const text = String(value ?? "").trim();
  return text !== "" && text.replace(EFFORT, "").replace(/[\s\p{P}\p{S}]/gu, "") !== "";
}

/**
 * The days a set names ("周二、周三"), by the set as bits (Monday the lowest): at most 32 lists, each joined once,
 * not for each of the thousands of rows that leave days empty.
 */
const DAY_LISTS: Bilingual[] = [];

function dayList(days: number): Bilingual {
  return (DAY_LISTS[days] ??= joinBilingual(
    WEEKDAY_NAMES.filter((_name, i) => (days & (1 << i)) !== 0),
    T.listSeparator,
  ));
}

/** The rules of one row's week lines. Cost: this row only. */
export function validateWeekLines(ctx: RuleContext, lines: readonly WeekLine[]): void {
  const { today, completionTarget, coachingDays } = ctx.settings;
  for (const line of lines) {
    const { row } = line;
    // Plain loops over the five days: filter and flatMap cost a tenth of validating 50,000 weekly rows.
    let filled = 0;
    // The days past and empty, a bit each (Monday the lowest), and the first of them.
    let missing = 0;
    let first = -1;
    for (let i = 0; i < line.days.length; i++) {
      if (line.days[i] !== undefined) filled++;
      else if (line.week !== undefined && !line.unreadable?.[i] && line.week + i < today) {
        missing |= 1 << i;
        if (first < 0) first = i;
      }
    }
    // Days past and empty; a line without a week date has none (it is judged once its Friday is filled in).
    if (missing !== 0) {
      const several = (missing & (missing - 1)) !== 0;
      const message = fillOnRead(several ? T.daysMissing : T.dayMissing, { days: dayList(missing) });
      ctx.report(row, WEEKDAY_KEYS[first], "weekly.day.missing", "warning", message);
    }
    // Totals and rates mean nothing while a day cannot be read: that error comes first.
    if (filled === 0 || line.unreadable?.some(Boolean)) continue;
    if (line.target === undefined || line.target <= 0) {
      ctx.report(row, "target", "weekly.target.missing", "warning", T.targetMissing);
      continue;
    }
    const total = line.days.reduce<number>((sum, d) => sum + (d ?? 0), 0);
    const rate = total / line.target;
    const metric = metricLabel(line.metric);
    // A week under the threshold with its reason and a concrete measure written has been dealt with: no warning.
    const answered = !isBlank(row.cells.reason) && isConcreteMeasure(row.cells.measure);
    if (weekIsOver(line, today) && rate < completionTarget && !answered) {
      const message = fillOnRead(T.completionLow, {
        metric,
        rate: formatPercent(rate),
        threshold: formatPercent(completionTarget),
      });
      ctx.report(row, ctx.has("completion") ? "completion" : "target", "weekly.completion.low", "warning", message);
    }
    if (weekIsOver(line, today) && rate < 1 && isBlank(row.cells.reason)) {
      const message = fillOnRead(T.reasonMissing, { metric, done: total, target: line.target });
      ctx.report(row, "reason", "weekly.reason.missing", "warning", message);
    }
    const pace = line.target / 5;
    let streak = 0;
    for (let i = 0; i < line.days.length; i++) {
      const d = line.days[i];
      const past = line.week === undefined || line.week + i < today;
      streak = past && d !== undefined && d < pace ? streak + 1 : 0;
      if (streak === coachingDays) {
        const message = fillOnRead(T.coachingDays, { metric, days: coachingDays, pace });
        ctx.report(row, WEEKDAY_KEYS[i], "weekly.coaching", "warning", message);
        break;
      }
    }
  }
  const row = lines[0]?.row;
  if (row && !isBlank(row.cells.reason) && isBlank(row.cells.measure)) {
    ctx.report(row, "measure", "weekly.measure.missing", "warning", T.measureMissing);
  } else if (row && !isBlank(row.cells.measure) && !isConcreteMeasure(row.cells.measure)) {
    ctx.report(row, "measure", "weekly.measure.vague", "warning", T.measureVague);
  }
}

/** Rows of one rep and metric, in week order: consecutive missed weeks call for coaching. */
export function weeklyGroupKey(line: WeekLine): string {
  return `${line.owner}\u0000${line.metric}`;
}

export function validateWeeklyGroup(ctx: RuleContext, lines: readonly WeekLine[]): void {
  const weeks = lines.filter((l) => l.week !== undefined && weekIsOver(l, ctx.settings.today)).sort((a, b) => a.week! - b.week!);
  let streak = 0;
  for (let i = 0; i < weeks.length; i++) {
    const consecutive = i > 0 && weeks[i].week! - weeks[i - 1].week! === 7;
    streak = isMissed(weeks[i]) ? (consecutive ? streak + 1 : 1) : 0;
    if (streak === ctx.settings.coachingWeeks) {
      const line = weeks[i];
      const message = fillOnRead(T.coachingWeeks, { owner: line.owner, metric: metricLabel(line.metric), weeks: streak });
      ctx.report(line.row, "owner", "weekly.coaching", "warning", message);
    }
  }
}

/** Overall weekly-plan completion of a tracker sheet: total done / total planned over lines with a target and data. */
export function summarizeWeeklyCompletion(ctx: RuleContext): { readonly lines: number; readonly completion: number | null } {
  let done = 0;
  let planned = 0;
  let lines = 0;
  for (const row of ctx.table.rows) {
    for (const line of readWeekLines(ctx, row)) {
      if (line.target === undefined || line.target <= 0 || line.days.every((d) => d === undefined)) continue;
      lines++;
      planned += line.target;
      done += line.days.reduce<number>((s, d) => s + (d ?? 0), 0);
    }
  }
  return { lines, completion: planned > 0 ? done / planned : null };
}
