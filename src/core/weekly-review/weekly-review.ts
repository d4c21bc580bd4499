import { isBlank } from "../cell/cell-value";
import { mondayOf } from "../cell/excel-date";
import type { Bilingual } from "../i18n/locale";
import { detectMetric, METRIC_NAMES, type MetricKey } from "../parse/metrics";
import { normalizeText } from "../parse/parse-result";
import { WEEKDAY_KEYS } from "../templates/weekly-plan.template";
import { RuleContext } from "../validate/rule-context";
import { readSheetTable, type SheetGrid, type SheetTable } from "../sheet/sheet-table";
import type { ValidationSettings } from "../validate/validation-settings";
import { isMissed, readWeekLines, type WeekLine } from "../validate/weekly.validator";
import { blockWeek } from "./block-title";
import { groupReasons, type ReasonGroup, type RepReason } from "./reason-groups";

/** A cell of the tracker (0-based), where a completion under the threshold is highlighted. */
export interface TrackerCell {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

/** One rep's week on one metric: the rows of that rep and metric in the week added up. */
export interface MetricCompletion {
  readonly owner: string;
  /** A metric of the driver tree where the words name one ("电话", "Calls" -> calls), else the text as written. */
  readonly metric: string;
  readonly label: Bilingual;
  readonly target: number | null;
  readonly done: number;
  /** done / target; null when there is no target or not one day is filled in. */
  readonly rate: number | null;
  readonly below: boolean;
  /** The same rep and metric the week before (null when it has no rate then). */
  readonly previousRate: number | null;
}

/** One metric across the team: reps' targets and counts added up within the metric, never across metrics. */
export interface TeamMetric {
  readonly metric: string;
  readonly label: Bilingual;
  readonly target: number;
  readonly done: number;
  readonly rate: number | null;
  readonly previousRate: number | null;
  readonly reps: number;
  readonly repsBelow: number;
}

export interface RepReview {
  readonly owner: string;
  readonly metrics: readonly MetricCompletion[];
}

export interface CoachingFlag {
  readonly owner: string;
  readonly metric: string;
  readonly label: Bilingual;
  /** Consecutive weeks missed up to this one (0 when the flag is for days). */
  readonly weeks: number;
  /** Consecutive days this week below the daily pace (0 when the flag is for weeks). */
  readonly days: number;
}

/** Last week's completion under the threshold, looked at again this week. */
export interface FollowUp {
  readonly owner: string;
  readonly metric: string;
  readonly label: Bilingual;
  readonly previousRate: number;
  readonly rate: number | null;
  /** improved: at or over the threshold now; better: up but still under; notImproved: same or lower; noData: no rate this week. */
  readonly status: "improved" | "better" | "notImproved" | "noData";
}

export interface TeamReasonGroup extends ReasonGroup {
  /** Given by at least `teamReasonReps` reps: a team problem, for training or support. */
  readonly team: boolean;
}

export interface WeeklyReview {
  /** Monday of the week reviewed (Excel serial). */
  readonly week: number;
  readonly threshold: number;
  readonly trackers: readonly string[];
  readonly reps: readonly RepReview[];
  readonly metrics: readonly TeamMetric[];
  readonly reasons: readonly TeamReasonGroup[];
  readonly coaching: readonly CoachingFlag[];
  readonly followUps: readonly FollowUp[];
  /** Completion cells under the threshold on the trackers, in every week up to the one reviewed. */
  readonly highlights: readonly TrackerCell[];
  /** Rows with counts but no weekly target: they have no completion and are left out. */
  readonly withoutTarget: number;
}

export interface WeeklyReviewInput {
  readonly settings: ValidationSettings;
  /** Any day of the week to review; by default the latest week begun by today with a count filled in. */
  readonly week?: number;
}

/** A metric's key across reps: the driver tree's metric when the words name one, else the normalised text. */
export function metricKeyOf(metric: string): string {
  if (metric in METRIC_NAMES) return metric;
  return detectMetric(metric) ?? normalizeText(metric).toLowerCase();
}

function metricLabel(key: string, written: string): Bilingual {
  return METRIC_NAMES[key as MetricKey] ?? { "zh-CN": written, en: written };
}

interface Entry {
  readonly owner: string;
  readonly metric: string;
  readonly label: Bilingual;
  readonly week: number;
  target: number;
  hasTarget: boolean;
  days: (number | undefined)[];
  readonly cells: TrackerCell[];
}

const rateOf = (e: Entry | undefined): number | null => {
  if (!e || !e.hasTarget || e.target <= 0 || e.days.every((d) => d === undefined)) return null;
  return e.days.reduce<number>((s, d) => s + (d ?? 0), 0) / e.target;
};
const doneOf = (e: Entry): number => e.days.reduce<number>((s, d) => s + (d ?? 0), 0);

/** The week tracker's tables in a workbook, recognised by their header row. */
export function findWeeklyTrackers(grids: readonly SheetGrid[]): SheetTable[] {
  return grids.flatMap((g) => {
    if (blockWeek(g.values[0]?.[0] ?? null) !== undefined) return []; // a review sheet of ours
    const table = readSheetTable(g);
    return table?.template === "weekly" ? [table] : [];
  });
}

/**
 * The Friday weekly review (the playbook's step 5, 周复盘) from the week trackers: completion per rep and
 * metric, the metrics under the threshold, the reasons for misses grouped across reps, reps for
 * one-to-one coaching, and whether last week's misses improved. Reads rows through the weekly
 * validator's own reader, so both layouts (one row per metric, or "开发1个 电话12个") count alike.
 */
export function reviewWeek(trackers: readonly SheetTable[], input: WeeklyReviewInput): WeeklyReview {
  const { settings } = input;
  const { dated, undated } = readTrackerLines(trackers, input);
  const reviewed = reviewedWeek(dated, input);
  const book = addUp([...dated, ...undated.map((u) => ({ ...u, week: reviewed }))], reviewed);
  const threshold = settings.completionTarget;
  const current = book.inWeek(reviewed);
  return {
    week: reviewed,
    threshold,
    trackers: trackers.map((t) => t.sheet),
    reps: repReviews(current, book, threshold),
    metrics: teamMetrics(current, book.inWeek(reviewed - 7), threshold),
    reasons: groupReasons(book.reasonsByWeek.get(reviewed) ?? []).map((g) => ({
      ...g,
      team: g.reps.length >= settings.teamReasonReps,
    })),
    coaching: coachingFlags(current, book, settings),
    followUps: followUpsOf(book, reviewed, threshold),
    highlights: highlightsOf(book, threshold),
    withoutTarget: book.withoutTarget,
  };
}

interface TrackerLine {
  readonly line: WeekLine;
  readonly table: SheetTable;
}

/** Every line of the trackers: with the Monday of its week, or undated on a tracker without a week column. */
function readTrackerLines(
  trackers: readonly SheetTable[],
  { settings }: WeeklyReviewInput,
): { dated: (TrackerLine & { readonly week: number })[]; undated: TrackerLine[] } {
  const dated: (TrackerLine & { readonly week: number })[] = [];
  const undated: TrackerLine[] = [];
  for (const table of trackers) {
    const ctx = new RuleContext(table, settings);
    for (const row of table.rows) {
      for (const line of readWeekLines(ctx, row)) {
        if (line.week !== undefined) dated.push({ line, table, week: mondayOf(line.week) });
        else if (!table.columns.has("week")) undated.push({ line, table });
      }
    }
  }
  return { dated, undated };
}

/** The Monday of the week asked for, else of the latest week begun by today with a count filled in. */
function reviewedWeek(dated: readonly { readonly line: WeekLine; readonly week: number }[], input: WeeklyReviewInput): number {
  const today = mondayOf(input.settings.today);
  // The default week has counts in it: next week's rows, planned on Friday with their targets only, do not count.
  const filled = dated.filter((d) => d.line.days.some((x) => x !== undefined)).map((d) => d.week);
  const weeks = filled.length > 0 ? filled : dated.map((d) => d.week);
  const requested = input.week === undefined ? undefined : mondayOf(input.week);
  const week = requested ?? Math.max(...weeks.filter((w) => w <= today), ...(weeks.length === 0 ? [today] : []));
  return Number.isFinite(week) ? week : Math.min(...weeks);
}

/** The lines added up by week, rep and metric, up to the reviewed week, with each week's reasons for misses. */
interface EntryBook {
  readonly entries: ReadonlyMap<string, Entry>;
  readonly reasonsByWeek: ReadonlyMap<number, RepReason[]>;
  /** Lines of the reviewed week with counts but no target. */
  readonly withoutTarget: number;
  inWeek(week: number): Entry[];
  /** The same rep and metric the week before. */
  previous(e: Entry): Entry | undefined;
}

const entryKey = (week: number, owner: string, metric: string) => `${week}\u0000${owner}\u0000${metric}`;

function addUp(all: readonly (TrackerLine & { readonly week: number })[], reviewed: number): EntryBook {
  const entries = new Map<string, Entry>();
  const reasonsByWeek = new Map<number, RepReason[]>();
  const seenReasonRows = new Set<string>();
  let withoutTarget = 0;
  for (const { line, table, week } of all) {
    if (week > reviewed) continue;
    const entry = entryOf(entries, line, week);
    if (line.target !== undefined && line.target > 0) {
      entry.target += line.target;
      entry.hasTarget = true;
    } else if (line.days.some((d) => d !== undefined) && week === reviewed) withoutTarget++;
    line.days.forEach((d, i) => {
      if (d !== undefined) entry.days[i] = (entry.days[i] ?? 0) + d;
    });
    const column = table.columns.get("completion") ?? table.columns.get("target");
    if (column !== undefined) entry.cells.push({ sheet: table.sheet, row: line.row.sheetRow, column });
    const reasonKey = `${table.sheet}\u0000${line.row.sheetRow}`;
    if (!isBlank(line.row.cells.reason) && !seenReasonRows.has(reasonKey)) {
      seenReasonRows.add(reasonKey);
      const list = reasonsByWeek.get(week) ?? [];
      list.push({ owner: line.owner, text: String(line.row.cells.reason).trim() }); // as written, full-width signs kept
      reasonsByWeek.set(week, list);
    }
  }
  return {
    entries,
    reasonsByWeek,
    withoutTarget,
    inWeek: (w) => [...entries.values()].filter((e) => e.week === w),
    previous: (e) => entries.get(entryKey(e.week - 7, e.owner, e.metric)),
  };
}

/** The entry of the line's week, rep and metric, made empty the first time. */
function entryOf(entries: Map<string, Entry>, line: WeekLine, week: number): Entry {
  const metric = metricKeyOf(line.metric);
  const key = entryKey(week, line.owner, metric);
  let entry = entries.get(key);
  if (!entry) {
    entry = {
      owner: line.owner,
      metric,
      label: metricLabel(metric, line.metric),
      week,
      target: 0,
      hasTarget: false,
      days: WEEKDAY_KEYS.map(() => undefined),
      cells: [],
    };
    entries.set(key, entry);
  }
  return entry;
}

/** Each rep's completion on each metric this week, with last week's rate. */
function repReviews(current: readonly Entry[], book: EntryBook, threshold: number): RepReview[] {
  const reps: RepReview[] = [];
  for (const e of current) {
    const rate = rateOf(e);
    const completion: MetricCompletion = {
      owner: e.owner,
      metric: e.metric,
      label: e.label,
      target: e.hasTarget ? e.target : null,
      done: doneOf(e),
      rate,
      below: rate !== null && rate < threshold,
      previousRate: rateOf(book.previous(e)),
    };
    const rep = reps.find((r) => r.owner === e.owner);
    if (rep) (rep.metrics as MetricCompletion[]).push(completion);
    else reps.push({ owner: e.owner, metrics: [completion] });
  }
  return reps;
}

/** Each metric across the team this week and last: the reps with a rate, their targets and counts added up. */
function teamMetrics(current: readonly Entry[], lastWeek: readonly Entry[], threshold: number): TeamMetric[] {
  const teamOf = (list: readonly Entry[]) => {
    const rated = list.filter((e) => rateOf(e) !== null);
    const target = rated.reduce((s, e) => s + e.target, 0);
    const done = rated.reduce((s, e) => s + doneOf(e), 0);
    return { target, done, rate: target > 0 ? done / target : null, rated };
  };
  return [...new Set(current.map((e) => e.metric))].map((metric) => {
    const now = teamOf(current.filter((e) => e.metric === metric));
    const before = teamOf(lastWeek.filter((e) => e.metric === metric));
    return {
      metric,
      label: current.find((e) => e.metric === metric)!.label,
      target: now.target,
      done: now.done,
      rate: now.rate,
      previousRate: before.rate,
      reps: now.rated.length,
      repsBelow: now.rated.filter((e) => rateOf(e)! < threshold).length,
    };
  });
}

/** The reps to coach: a metric missed for `coachingWeeks` weeks running, or under the daily pace for `coachingDays` days. */
function coachingFlags(current: readonly Entry[], book: EntryBook, settings: ValidationSettings): CoachingFlag[] {
  const coaching: CoachingFlag[] = [];
  for (const e of current) {
    let weeks = 0;
    for (let at: Entry | undefined = e; at && rateOf(at) !== null && isMissed(asLine(at)); at = book.previous(at)) weeks++;
    const pace = e.hasTarget ? e.target / 5 : 0;
    let days = 0;
    let streak = 0;
    for (const d of e.days) {
      streak = d !== undefined && d < pace ? streak + 1 : 0;
      days = Math.max(days, streak);
    }
    const byWeeks = weeks >= settings.coachingWeeks;
    const byDays = e.hasTarget && days >= settings.coachingDays;
    if (byWeeks || byDays) {
      coaching.push({ owner: e.owner, metric: e.metric, label: e.label, weeks: byWeeks ? weeks : 0, days: byDays ? days : 0 });
    }
  }
  return coaching;
}

/** Last week's completions under the threshold, and how each did this week. */
function followUpsOf(book: EntryBook, reviewed: number, threshold: number): FollowUp[] {
  const followUps: FollowUp[] = [];
  for (const before of book.inWeek(reviewed - 7)) {
    const previousRate = rateOf(before);
    if (previousRate === null || previousRate >= threshold) continue;
    const rate = rateOf(book.entries.get(entryKey(reviewed, before.owner, before.metric)));
    const status: FollowUp["status"] =
      rate === null ? "noData" : rate >= threshold ? "improved" : rate > previousRate ? "better" : "notImproved";
    followUps.push({ owner: before.owner, metric: before.metric, label: before.label, previousRate, rate, status });
  }
  return followUps;
}

/** The completion cells under the threshold, in every week up to the one reviewed, each once. */
function highlightsOf(book: EntryBook, threshold: number): TrackerCell[] {
  const under = [...book.entries.values()].filter((e) => {
    const rate = rateOf(e);
    return rate !== null && rate < threshold;
  });
  return dedupe(under.flatMap((e) => e.cells));
}

function asLine(e: Entry): WeekLine {
  return { row: { sheetRow: -1, cells: {} }, owner: e.owner, metric: e.metric, target: e.target, days: e.days };
}

function dedupe(cells: readonly TrackerCell[]): TrackerCell[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const key = `${c.sheet}\u0000${c.row}\u0000${c.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
