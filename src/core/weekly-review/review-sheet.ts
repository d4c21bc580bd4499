import { isBlank, type CellValue } from "../cell/cell-value";
import { serialToIso } from "../cell/excel-date";
import { blockWeek } from "./block-title";
import { formatPercent } from "../i18n/format";
import { localize, type Locale } from "../i18n/locale";
import { GENERIC_TEAM_ACTION, REASON_THEME_TEXT, WEEKLY_REVIEW_TEXT as T } from "../i18n/weekly-review-text";
import type { SheetGrid } from "../sheet/sheet-table";
import type { ReasonGroup } from "./reason-groups";
import type { MetricCompletion, WeeklyReview } from "./weekly-review";

/** Columns a review block spans: the sheet's cells right of them are the user's and never written. */
export const BLOCK_COLUMNS = 7;

const pct = (v: number | null) => (v === null ? "—" : formatPercent(v));

/** What a reason group is called: its cause, or the first reason as written. */
export function reasonName(group: ReasonGroup, locale: Locale): string {
  return group.theme ? REASON_THEME_TEXT[group.theme].name[locale] : group.example;
}

export function reasonAction(group: ReasonGroup, locale: Locale): string {
  return (group.theme ? REASON_THEME_TEXT[group.theme].action : GENERIC_TEAM_ACTION)[locale];
}

function weekTitle(review: WeeklyReview, locale: Locale): string {
  return localize(T.title, locale, { week: serialToIso(review.week) ?? "", friday: serialToIso(review.week + 4) ?? "" });
}

const list = (items: readonly string[], locale: Locale) => items.join(T.listSeparator[locale]);

/** The review's findings in a few sentences, as the sheet, the terminal and the pane say them. */
export function reviewSentences(review: WeeklyReview, locale: Locale): string[] {
  const threshold = formatPercent(review.threshold);
  const lines = review.reps.flatMap((r) => r.metrics);
  const below = lines.filter((m) => m.below);
  const out = [
    localize(T.sayCompletion, locale, { reps: review.reps.length, lines: lines.length, below: below.length, threshold }),
  ];
  if (below.length > 0) {
    const named = below.map((m) => `${m.owner} ${m.label[locale]} ${pct(m.rate)}`);
    out.push(localize(T.sayBelow, locale, { threshold, list: list(named, locale) }));
  }
  for (const group of review.reasons.filter((g) => g.team)) {
    out.push(
      localize(T.sayTeamReason, locale, {
        reason: reasonName(group, locale),
        count: group.reps.length,
        reps: list(group.reps, locale),
        action: reasonAction(group, locale),
      }),
    );
  }
  if (review.coaching.length > 0) {
    const named = review.coaching.map((c) =>
      localize(T.coachingItem, locale, { owner: c.owner, metric: c.label[locale], why: coachingWhy(c, locale) }),
    );
    out.push(localize(T.sayCoaching, locale, { list: list(named, locale) }));
  }
  if (review.followUps.length > 0) {
    const count = (s: string) => review.followUps.filter((f) => f.status === s).length;
    out.push(
      localize(T.sayFollowUps, locale, {
        threshold,
        total: review.followUps.length,
        improved: count("improved"),
        better: count("better"),
        notImproved: count("notImproved"),
        noData: count("noData"),
      }),
    );
  } else out.push(localize(T.sayNoPrevious, locale, { threshold }));
  if (review.withoutTarget > 0) out.push(localize(T.sayWithoutTarget, locale, { count: review.withoutTarget }));
  return out;
}

export function coachingWhy(c: { weeks: number; days: number }, locale: Locale): string {
  const parts = [
    ...(c.weeks > 0 ? [localize(T.coachingWeeks, locale, { weeks: c.weeks })] : []),
    ...(c.days > 0 ? [localize(T.coachingDays, locale, { days: c.days })] : []),
  ];
  return parts.join(T.whySeparator[locale]);
}

export function completionStatus(m: MetricCompletion, threshold: number, locale: Locale): string {
  if (m.target === null) return T.statusNoTarget[locale];
  if (m.rate === null) return T.statusEmpty[locale];
  return m.below ? localize(T.statusBelow, locale, { threshold: formatPercent(threshold) }) : T.statusMet[locale];
}

export function followUpVerdict(status: string, threshold: number, locale: Locale): string {
  const key = status as "improved" | "better" | "notImproved" | "noData";
  return localize(T[key], locale, { threshold: formatPercent(threshold) });
}

/**
 * One week's block: its title, the summary, then the sections, every row `BLOCK_COLUMNS` wide and
 * none blank (a blank row ends a block). Rates are written as text ("83.3%"): blocks move down as newer
 * weeks arrive, and a number format would stay behind on the rows they left.
 */
export function layoutReviewBlock(review: WeeklyReview, locale: Locale): CellValue[][] {
  const L = (text: (typeof T)[keyof typeof T]) => text[locale];
  const threshold = formatPercent(review.threshold);
  const rows: CellValue[][] = [];
  const push = (...cells: CellValue[]) => rows.push([...cells, ...new Array<CellValue>(BLOCK_COLUMNS - cells.length).fill(null)]);
  push(weekTitle(review, locale), localize(T.threshold, locale, { threshold }));
  push(L(T.summary));
  for (const sentence of reviewSentences(review, locale)) push(sentence);
  push(L(T.achievement));
  push(L(T.owner), L(T.metric), L(T.target), L(T.done), L(T.rate), L(T.previousRate), L(T.status));
  for (const rep of review.reps) {
    for (const m of rep.metrics) {
      push(
        m.owner,
        m.label[locale],
        m.target,
        m.done,
        pct(m.rate),
        pct(m.previousRate),
        completionStatus(m, review.threshold, locale),
      );
    }
  }
  for (const m of review.metrics) {
    push(
      L(T.team),
      m.label[locale],
      m.target,
      m.done,
      pct(m.rate),
      pct(m.previousRate),
      localize(T.repsBelow, locale, { count: m.repsBelow, threshold }),
    );
  }
  if (review.reps.length === 0) push(L(T.none));
  push(L(T.reasons));
  push(L(T.reasonGroup), L(T.repCount), L(T.reps), L(T.examples), L(T.suggestion));
  for (const g of review.reasons) {
    const written = g.reasons.map((r) => localize(T.reasonItem, locale, { owner: r.owner, text: r.text })).join("\n");
    const suggestion = g.team ? localize(T.teamProblem, locale, { action: reasonAction(g, locale) }) : L(T.individual);
    push(reasonName(g, locale), g.reps.length, list(g.reps, locale), written, suggestion);
  }
  if (review.reasons.length === 0) push(L(T.none));
  push(L(T.coaching));
  push(L(T.owner), L(T.metric), L(T.why));
  for (const c of review.coaching) push(c.owner, c.label[locale], coachingWhy(c, locale));
  if (review.coaching.length === 0) push(L(T.none));
  push(L(T.followUps));
  push(L(T.owner), L(T.metric), L(T.previousRate), L(T.rateNow), L(T.verdict));
  for (const f of review.followUps) {
    push(f.owner, f.label[locale], pct(f.previousRate), pct(f.rate), followUpVerdict(f.status, review.threshold, locale));
  }
  if (review.followUps.length === 0) push(L(T.none));
  return rows;
}

export interface ReviewSheetLayout {
  /** The new values of columns 0..BLOCK_COLUMNS-1 from row 0: every block, newest first, a blank row after each. */
  readonly values: CellValue[][];
  /** False when the sheet holds something of the user's in those columns outside the blocks: write a new sheet. */
  readonly fits: boolean;
}

/**
 * Lays the review sheet out again with `block` in its week's place: the same week's old block is
 * replaced, other weeks' blocks are kept as they read (newest first), and rows they no longer cover are
 * cleared. Only the first `BLOCK_COLUMNS` columns are ever written; anything else the user wrote in them
 * (outside a block) makes the layout not fit, and nothing of the sheet is written.
 */
export function layoutReviewSheet(existing: SheetGrid | undefined, week: number, block: CellValue[][]): ReviewSheetLayout {
  const grid: CellValue[][] = [];
  if (existing) {
    existing.values.forEach((line, r) => {
      line.forEach((value, c) => {
        const column = existing.column + c;
        if (column >= BLOCK_COLUMNS || isBlank(value)) return;
        const row = existing.row + r;
        grid[row] ??= new Array<CellValue>(BLOCK_COLUMNS).fill(null);
        grid[row][column] = value;
      });
    });
  }
  const blankRow = (r: number) => !grid[r] || grid[r].every((v) => isBlank(v));
  const blocks: { week: number; rows: CellValue[][] }[] = [];
  let fits = true;
  for (let r = 0; r < grid.length; r++) {
    if (blankRow(r)) continue;
    const w = blockWeek(grid[r][0]);
    if (w === undefined) {
      fits = false;
      break;
    }
    const start = r;
    while (r + 1 < grid.length && !blankRow(r + 1) && blockWeek(grid[r + 1][0]) === undefined) r++;
    blocks.push({ week: w, rows: grid.slice(start, r + 1).map((line) => [...line]) });
  }
  if (!fits) return { values: [], fits };
  const kept = blocks.filter((b) => b.week !== week);
  const ordered = [...kept, { week, rows: block }].sort((a, b) => b.week - a.week);
  const values: CellValue[][] = [];
  for (const b of ordered) {
    values.push(...b.rows.map((line) => [...line, ...new Array<CellValue>(BLOCK_COLUMNS - line.length).fill(null)]));
    values.push(new Array<CellValue>(BLOCK_COLUMNS).fill(null));
  }
  while (values.length < grid.length) values.push(new Array<CellValue>(BLOCK_COLUMNS).fill(null));
  return { values, fits };
}
