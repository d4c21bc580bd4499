import type { Diagnosis } from "../analysis/diagnosis/diagnose";
import { monthStart, type MonthKey } from "../analysis/reading/period";
import { targetPeriodOf } from "../analysis/progress/target-progress";
import { isBlank } from "../cell/cell-value";
import { parseDeadline } from "../parse/deadline";
import { isExampleName } from "../templates/example-names";
import type { MetricsIndex } from "../analysis/metrics/period-metrics";
import { formatAmount, formatPercent } from "../i18n/format";
import { formatBilingual, inEachLocale, localize, type Bilingual, type Locale } from "../i18n/locale";
import { normalizeText } from "../parse/parse-result";
import { findQuantities } from "../parse/quantity";
import type { SheetTable, TableRow } from "../sheet/sheet-table";
import { readActionItem } from "./action-rows";
import { ACTION_TEXT } from "./review-text";
import { strategyEffect, type StrategyEffect } from "./strategy-effect";

/** A month's revenue target and actual, for the team or one rep. */
export interface Achievement {
  readonly rep: string;
  readonly target: number | null;
  readonly actual: number;
  /** actual / target; null without a target. */
  readonly rate: number | null;
}

/** A strategy of the action plan and what it did to its metric by the month reviewed. */
export interface ReviewedStrategy extends StrategyEffect {
  readonly strategy: string;
  readonly owner: string;
  /** 1-based row of the action plan. */
  readonly row: number;
}

/** What the monthly review is pre-filled with, in both languages; the manager's text decides. */
export interface MonthlyReviewPrefill {
  readonly month: string;
  readonly team: Achievement;
  readonly reps: readonly Achievement[];
  readonly benchmark: { readonly rep: string; readonly statement: Bilingual } | null;
  /** The month's TOP 3, as the diagnosis states them. */
  readonly problems: readonly Bilingual[];
  readonly strategies: readonly ReviewedStrategy[];
  /** Strategies that worked: candidates for the team's standard practice (the playbook's 沉淀为团队SOP). */
  readonly sop: readonly string[];
  readonly highlights: Bilingual;
  readonly problemsText: Bilingual;
  readonly improvements: Bilingual;
}

const REVENUE_ITEM = /销售额|业绩|营收|收入|回款|revenue|sales|turnover/i;
/** A revenue item that is a part of the rep's revenue ("新客户销售额"), not the whole of it. */
const PART_OF_REVENUE = /新客户|老客户|新客|老客|复购|new[- ]?customer|returning|existing customer|repeat/i;
const QUARTER = /季度|季|quarter|\bq[1-4]\b/i;
const YEAR = /年度|全年|年|annual|year/i;

/** A target amount as one month's: a quarter's divided by 3, a year's by 12. */
function monthlyShare(amount: number, text: string): number {
  return QUARTER.test(text) ? amount / 3 : YEAR.test(text) && !/月/.test(text) ? amount / 12 : amount;
}

/** Whether a target row is the month's: its period (from its words and deadline) holds the month. */
function coversMonth(row: TableRow, month: MonthKey, today: number): boolean {
  const period = targetPeriodOf(row.cells, today);
  return period.start <= monthStart(month + 1) - 1 && period.end >= monthStart(month);
}

/**
 * The month's revenue targets the target sheet gives: each rep's share (个人目标) on rows whose target
 * item is the whole revenue (or not named) and whose period (from the row's words and deadline) holds the
 * month, and the team target; a quarter's or a year's is taken per month. One figure per rep: a rep with
 * several such rows gets the largest, and a part of revenue ("新客户销售额") is not added to it. The
 * team's is the team target as written, else the sum of the reps'. The playbook's example rows ("*某")
 * are left out. A sheet whose rows name no period holding the month (written as "30日" last month and
 * read now) gives the rows without a dated deadline.
 */
export function monthlyRevenueTargets(
  targets: SheetTable | undefined,
  month: MonthKey,
  today: number,
): { team: number | null; reps: Map<string, number> } {
  const revenueRows = (targets?.rows ?? []).filter((row) => {
    const item = normalizeText(row.cells.targetItem);
    return (item === "" || (REVENUE_ITEM.test(item) && !PART_OF_REVENUE.test(item))) && !isExampleName(row.cells.owner);
  });
  const dated = (row: TableRow) => {
    const deadline = isBlank(row.cells.deadline) ? undefined : parseDeadline(row.cells.deadline, today);
    return deadline?.ok === true && deadline.value.kind === "date";
  };
  const ofMonth = revenueRows.filter((row) => coversMonth(row, month, today));
  const rows = ofMonth.length > 0 ? ofMonth : revenueRows.filter((row) => !dated(row));
  const reps = new Map<string, number>();
  let team: number | null = null;
  for (const row of rows) {
    const teamText = normalizeText(row.cells.teamTarget);
    const teamAmount = findQuantities(row.cells.teamTarget).find((q) => !q.percent)?.value;
    if (team === null && teamAmount !== undefined && teamAmount > 0) team = monthlyShare(teamAmount, teamText);
    const owner = normalizeText(row.cells.owner);
    const share =
      typeof row.cells.repTarget === "number"
        ? row.cells.repTarget
        : findQuantities(row.cells.repTarget).find((q) => !q.percent)?.value;
    if (owner !== "" && share !== undefined && share > 0)
      reps.set(owner, Math.max(reps.get(owner) ?? 0, monthlyShare(share, teamText)));
  }
  if (team === null && reps.size > 0) team = [...reps.values()].reduce((a, v) => a + v, 0);
  return { team, reps };
}

const numbered = (items: readonly string[]): string => items.map((t, i) => `${i + 1}.${t}`).join(" ");

/**
 * The monthly review of `month` from the data: achievement (team and per rep) against the target
 * sheet, the benchmark rep and the habit behind it, the month's TOP 3, each strategy's effect on its
 * metric (before its start against this month) and the strategies that worked as SOP candidates.
 * Every text starts with the suggestion marker.
 */
export function prefillMonthlyReview(input: {
  readonly month: MonthKey;
  readonly monthLabel: string;
  readonly index: MetricsIndex;
  readonly diagnosis: Diagnosis;
  readonly targets?: SheetTable;
  readonly actions?: SheetTable;
  readonly today: number;
  readonly tolerance: number;
  /**
   * When the month is not over, the diagnosis compares days 1..days of every month; the strategies'
   * effects do too, from this index of those days (a whole previous month against part of this one
   * would read as a fall).
   */
  readonly monthToDate?: { readonly days: number; readonly index: MetricsIndex };
}): MonthlyReviewPrefill {
  const { index, month, diagnosis } = input;
  const goals = monthlyRevenueTargets(input.targets, month, input.today);
  const achievement = (rep: string | undefined, target: number | null): Achievement => {
    const actual = index.metrics([month], rep).revenue;
    return { rep: rep ?? "", target, actual, rate: target !== null && target > 0 ? actual / target : null };
  };
  const team = achievement(undefined, goals.team);
  const reps = [...new Set([...index.reps, ...goals.reps.keys()])]
    .filter((rep) => !isExampleName(rep))
    .sort()
    .map((rep) => achievement(rep, goals.reps.get(rep) ?? null));

  const h = diagnosis.horizontal;
  // The horizontal analysis states the benchmark first, with the habit that sets the rep apart.
  const benchmark =
    h && h.benchmark !== null && h.reps.length > 1 && h.statements.length > 0
      ? { rep: h.benchmark, statement: h.statements[0] }
      : null;

  const strategies: ReviewedStrategy[] = [];
  for (const row of input.actions?.rows ?? []) {
    const item = readActionItem(row, input.today);
    if (item.status === "dropped" || item.metric === undefined || item.startDate === undefined) continue;
    const name = item.strategy || item.problem;
    if (name === "") continue;
    const mtd = input.monthToDate;
    const effect = mtd
      ? strategyEffect(mtd.index, name, item.metric, item.startDate, month, input.tolerance, undefined, {
          basis: item.basis,
          days: mtd.days,
        })
      : strategyEffect(index, name, item.metric, item.startDate, month, input.tolerance, item.baseline, { basis: item.basis });
    if (!effect) continue;
    const sentence: Bilingual = mtd
      ? formatBilingual(ACTION_TEXT.monthToDate, { sentence: effect.sentence, days: mtd.days })
      : effect.sentence;
    strategies.push({ ...effect, sentence, strategy: name, owner: item.owner, row: row.sheetRow + 1 });
  }
  const worked = strategies.filter((s) => s.verdict === "worked");
  const notWorked = strategies.filter((s) => s.verdict !== "worked");
  const problems = diagnosis.issues.map((p) => p.summary);

  const marker = (locale: Locale) => ACTION_TEXT.suggestion[locale];
  const sep = (locale: Locale) => ACTION_TEXT.listSeparator[locale];
  const achievementLine = (locale: Locale) => {
    const teamPart =
      team.rate !== null
        ? localize(ACTION_TEXT.teamAchievement, locale, { rate: formatPercent(team.rate) })
        : localize(ACTION_TEXT.teamActual, locale, { actual: formatAmount(team.actual) });
    const repParts = reps
      .filter((r) => r.rate !== null)
      .map((r) => localize(ACTION_TEXT.repAchievement, locale, { rep: r.rep, rate: formatPercent(r.rate!) }));
    return repParts.length > 0
      ? teamPart + localize(ACTION_TEXT.repsAchievement, locale, { reps: repParts.join(sep(locale)) })
      : teamPart;
  };
  const strip = (text: string) => text.replace(/[。.]$/, "");
  const highlights = inEachLocale(
    (locale) =>
      marker(locale) +
      numbered([
        achievementLine(locale),
        ...(benchmark ? [strip(benchmark.statement[locale])] : []),
        ...worked.map((s) => s.sentence[locale]),
      ]),
  );
  const problemsText = inEachLocale(
    (locale) => marker(locale) + numbered([...problems.map((p) => p[locale]), ...notWorked.map((s) => s.sentence[locale])]),
  );
  const owner = (s: ReviewedStrategy, locale: Locale) => (s.owner !== "" ? s.owner : ACTION_TEXT.manager[locale]);
  const improvementItems = (locale: Locale) => [
    ...worked.map((s) => localize(ACTION_TEXT.sop, locale, { strategy: s.strategy, owner: owner(s, locale) })),
    ...notWorked.map((s) => localize(ACTION_TEXT.rethink, locale, { strategy: s.strategy, owner: owner(s, locale) })),
  ];
  const improvements = inEachLocale((locale) => {
    const items = improvementItems(locale);
    return items.length > 0 ? marker(locale) + numbered(items) : "";
  });
  return {
    month: input.monthLabel,
    team,
    reps,
    benchmark,
    problems,
    strategies,
    sop: worked.map((s) => s.strategy),
    highlights,
    problemsText,
    improvements,
  };
}
