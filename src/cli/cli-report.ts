import Table from "cli-table3";
import type { DiagnoseWorkbookResult } from "../app/diagnose-workbook";
import type { FillActionPlanResult } from "../app/fill-action-plan";
import type { FillCustomerAnalysisResult } from "../app/fill-customer-analysis";
import type { PrefillMonthlyReviewResult } from "../app/prefill-monthly-review";
import { formatMetric, STRATEGY_METRIC_NAMES, type StrategyMetric } from "../core/actions/strategy-metric";
import { serialToIso } from "../core/cell/excel-date";
import type { Rollup } from "../app/rollup";
import type { TrackProgressResult } from "../app/track-progress";
import type { Measurement } from "../core/analysis/target-progress";
import type { ValidateWorkbookResult } from "../app/validate-workbook";
import type { SegmentStats } from "../core/analysis/customer-contribution";
import { createDiagnosisReport } from "../core/analysis/diagnosis-report";
import { LISTED_STATUSES } from "../core/analysis/deal-status";
import { REPORT_TEXT as T } from "../core/analysis/report-text";
import { formatAmount, formatAs, formatPercent, type NumberKind } from "../core/i18n/format";
import type { Locale } from "../core/i18n/locale";
import type { Finding, Severity } from "../core/validate/finding";
import { tc } from "../core/i18n/cli-messages";
import type { WeeklyReviewResult } from "../app/weekly-review";
import { layoutReviewBlock, reasonAction, reasonName, reviewSentences } from "../core/weekly-review/review-sheet";
import { terminalText as safe } from "./terminal-text";

/** Human output and the JSON contract (README): fields may be added, never renamed. */

const pct = (v: number | null) => (v === null ? "—" : formatPercent(v));

/** A terminal table; its cells are made safe here (text from the user's files), its own line breaks kept. */
function table(head: string[], rows: (string | number)[][]): string {
  const out = new Table({ head, style: { head: [], border: [] } });
  rows.forEach((r) => out.push(r.map((v) => String(v).split("\n").map(safe).join("\n"))));
  return out.toString();
}

export function validateJson(result: ValidateWorkbookResult, locale: Locale): unknown {
  return {
    findings: result.findings.map((f) => ({
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      severity: f.severity,
      message: f.message[locale],
      ...(f.fix ? { fix: f.fix[locale] } : {}),
    })),
    counts: result.counts,
  };
}

/** Findings shown one by one on the terminal; the rest are counted per sheet and rule. */
export const FINDINGS_SHOWN = 50;

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/**
 * The terminal's report: with few findings, each one; with many, the first (errors first) and the
 * counts per sheet and rule, and how to get them all (--json, --out). Linear in the number of
 * findings: the table never holds more than FINDINGS_SHOWN rows.
 */
export function validateText(result: ValidateWorkbookResult, locale: Locale): string {
  if (result.sheets.length === 0) return `${tc(locale, "checkNoSheets")}\n`;
  const summary = tc(locale, "cliCounts", result.counts);
  const shown: Finding[] = [];
  for (const severity of SEVERITY_ORDER) {
    for (const f of result.findings) {
      if (shown.length >= FINDINGS_SHOWN) break;
      if (f.severity === severity) shown.push(f);
    }
  }
  const rows = shown.map((f) => [
    `${f.sheet}!${f.cell}`,
    f.severity,
    f.rule,
    f.fix ? `${safe(f.message[locale])}\n→ ${safe(f.fix[locale])}` : safe(f.message[locale]),
  ]);
  const head = [tc(locale, "cliWhere"), tc(locale, "cliSeverity"), tc(locale, "cliRule"), tc(locale, "cliMessage")];
  const listed = rows.length > 0 ? `${table(head, rows)}\n` : "";
  if (result.findings.length <= FINDINGS_SHOWN) return `${listed}${summary}\n`;
  const bySheetRule = new Map<string, { sheet: string; rule: string; severity: Severity; count: number }>();
  for (const f of result.findings) {
    const key = `${f.sheet}\u0000${f.rule}`;
    const entry = bySheetRule.get(key);
    if (entry) entry.count++;
    else bySheetRule.set(key, { sheet: f.sheet, rule: f.rule, severity: f.severity, count: 1 });
  }
  const counts = table(
    [tc(locale, "cliSheet"), tc(locale, "cliRule"), tc(locale, "cliSeverity"), tc(locale, "cliCount")],
    [...bySheetRule.values()].map((e) => [e.sheet, e.rule, e.severity, e.count]),
  );
  const more = tc(locale, "cliFindingsShown", { shown: shown.length, total: result.findings.length });
  return `${listed}${more}\n${tc(locale, "cliFindingsBySheet")}\n${counts}\n${summary}\n`;
}

const segmentJson = (s: SegmentStats) => ({
  type: s.type,
  customers: s.customers,
  orders: s.orders,
  revenue: s.revenue,
  share: s.share,
  avgOrderValue: s.avgOrderValue,
  closeRate: s.closeRate,
  repurchaseRate: s.repurchaseRate,
});

export function customersJson(result: FillCustomerAnalysisResult, locale: Locale): unknown {
  return {
    sheet: result.dealSheet,
    period: result.period,
    notes: result.notes.map((n) => n.text[locale]),
    statuses: result.statuses.slice(0, LISTED_STATUSES),
    mapping: result.mapping,
    missing: result.missing,
    segments: result.contribution.segments.map(segmentJson),
    total: result.contribution.total,
    concentration: result.contribution.concentration,
    churned: result.contribution.churned,
  };
}

export function customersText(result: FillCustomerAnalysisResult, locale: Locale): string {
  const head = [T.type, T.customersCount, T.orders, T.revenue, T.share, T.aov, T.closeRate].map((h) => h[locale]);
  const money = (v: number | null) => (v === null ? "—" : formatAs(v, "money", locale));
  const rows = result.contribution.segments.map((s) => [
    s.type,
    s.customers,
    s.orders,
    money(s.revenue),
    pct(s.share),
    money(s.avgOrderValue),
    pct(s.closeRate),
  ]);
  const total = result.contribution.total;
  rows.push([
    T.total[locale],
    total.customers,
    total.orders,
    money(total.revenue),
    "100%",
    money(total.orders ? total.revenue / total.orders : null),
    "",
  ]);
  const mapping = Object.entries(result.mapping)
    .map(([field, header]) => `${field}=${safe(String(header))}`)
    .join(", ");
  const notes = result.notes.map((n) => `${safe(n.text[locale])}\n`).join("");
  return `${tc(locale, "cliMapping", { mapping })}\n${tc(locale, "monthsCovered", result.period)}\n${notes}${table(head, rows)}\n`;
}

export function diagnoseJson(result: DiagnoseWorkbookResult, locale: Locale): unknown {
  const d = result.diagnosis;
  return {
    sheet: result.dealSheet,
    activitySheet: result.activitySheet ?? null,
    period: d.period,
    periods: d.periods,
    pipeline: d.pipeline,
    notes: d.notes.map((n) => ({ section: n.section, text: n.text[locale] })),
    statuses: d.statuses.slice(0, LISTED_STATUSES),
    mapping: { ...d.mapping.activity, ...d.mapping.deals },
    missing: d.missing,
    dataQuality: { ...d.dataQuality, notes: d.dataQuality.notes.map((n) => n[locale]) },
    longitudinal: d.longitudinal?.metrics ?? [],
    attribution: d.longitudinal?.attribution ?? null,
    attributionByRep: d.drivers?.reps.map((r) => ({ rep: r.rep, previous: r.from, current: r.to, effects: r.effects })) ?? [],
    statements: d.longitudinal?.statements.map((s) => s[locale]) ?? [],
    horizontal: d.horizontal?.reps ?? [],
    benchmark: d.horizontal?.benchmark ?? null,
    below: d.horizontal?.below ?? [],
    members: d.members.map((m) => ({
      rep: m.rep,
      revenue: m.revenue,
      strong: m.strong,
      weak: m.weak,
      preferredType: m.preferredType?.name ?? null,
      products: m.products,
      types: m.types,
    })),
    customers: {
      segments: d.customers.segments.map(segmentJson),
      total: d.customers.total,
      concentration: d.customers.concentration,
      repurchaseRate: d.customers.repurchaseRate,
      churned: d.customers.churned,
      highValue: d.customers.highValue ? { ...d.customers.highValue, statement: d.customers.highValue.statement[locale] } : null,
    },
    issues: d.issues.map((p) => ({
      rank: p.rank,
      code: p.code,
      priority: p.priority,
      atStake: p.atStake,
      share: p.share,
      shareOf: p.shareOf,
      baseline: p.baseline,
      affects: p.affects,
      summary: p.summary[locale],
      evidence: p.evidence[locale],
      strategies: p.strategies.map((s) => ({
        action: s.action[locale],
        owner: s.owner,
        resources: s.resources,
        deadline: s.deadline,
      })),
    })),
  };
}

/** The report sheet's own lines, as text: one layout and one number format for the sheet and the terminal. */
export function diagnoseText(result: DiagnoseWorkbookResult, locale: Locale): string {
  const report = createDiagnosisReport(result.diagnosis, locale);
  const kinds = report.kinds;
  const show = (v: unknown, kind: NumberKind | undefined) =>
    v === null || v === undefined
      ? ""
      : typeof v === "number"
        ? formatAs(v, kind ?? (Number.isInteger(v) ? "count" : "decimal"), locale)
        : safe(String(v));
  return `${report.values
    .map((line, r) =>
      line
        .map((v, c) => show(v, kinds.get(r)?.[c]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n")}\n`;
}

export function rollupText(rollup: Rollup, locale: Locale): string {
  const rows = rollup.teams.map((team) => [
    team.team,
    pct(team.achievement),
    pct(team.weeklyCompletion),
    tc(locale, "cliCounts", team.counts),
    team.issues.map((i) => `${i.rank}. ${safe(i.summary[locale])}`).join("\n"),
  ]);
  const head = [
    tc(locale, "cliTeam"),
    tc(locale, "cliAchievement"),
    tc(locale, "cliWeekly"),
    tc(locale, "cliFindings"),
    tc(locale, "cliProblems"),
  ];
  const cross = rollup.problems.map(
    (p) => `- ${safe(p.summary[locale])}: ${p.teams.map(safe).join(", ")} (${formatAmount(p.atStake)[locale]})`,
  );
  return `${table(head, rows)}\n${cross.length > 0 ? `${tc(locale, "cliCrossTeam")}\n${cross.join("\n")}\n` : ""}`;
}

export function rollupJson(rollup: Rollup, locale: Locale): unknown {
  return {
    teams: rollup.teams.map((team) => ({ ...team, issues: team.issues.map((i) => ({ ...i, summary: i.summary[locale] })) })),
    problems: rollup.problems.map((p) => ({ ...p, summary: p.summary[locale] })),
  };
}

/** The review's block as the sheet lays it out, one line per row. */
export function weeklyText(result: WeeklyReviewResult, locale: Locale): string {
  const rows = layoutReviewBlock(result.review, locale).map((line) =>
    line
      .map((v) => (v === null ? "" : safe(String(v))))
      .join("  ")
      .trimEnd(),
  );
  const notice = result.notice ? `${safe(result.notice[locale])}\n` : "";
  return `${rows.join("\n")}\n${notice}`;
}

export function weeklyJson(result: WeeklyReviewResult, locale: Locale): unknown {
  const { review } = result;
  const metric = (m: { metric: string; label: Readonly<Record<Locale, string>> }) => ({
    metric: m.metric,
    label: m.label[locale],
  });
  return {
    week: serialToIso(review.week),
    threshold: review.threshold,
    trackers: review.trackers,
    summary: reviewSentences(review, locale),
    reps: review.reps.map((rep) => ({
      owner: rep.owner,
      metrics: rep.metrics.map((m) => ({
        ...metric(m),
        target: m.target,
        done: m.done,
        rate: m.rate,
        previousRate: m.previousRate,
        below: m.below,
      })),
    })),
    metrics: review.metrics.map((m) => ({
      ...metric(m),
      target: m.target,
      done: m.done,
      rate: m.rate,
      previousRate: m.previousRate,
      reps: m.reps,
      repsBelow: m.repsBelow,
    })),
    reasons: review.reasons.map((g) => ({
      reason: reasonName(g, locale),
      theme: g.theme ?? null,
      reps: g.reps,
      team: g.team,
      suggestion: g.team ? reasonAction(g, locale) : null,
      reasons: g.reasons,
    })),
    coaching: review.coaching.map((c) => ({ owner: c.owner, ...metric(c), weeks: c.weeks, days: c.days })),
    followUps: review.followUps.map((f) => ({
      owner: f.owner,
      ...metric(f),
      previousRate: f.previousRate,
      rate: f.rate,
      status: f.status,
    })),
    withoutTarget: review.withoutTarget,
    sheet: result.sheet ?? null,
    highlighted: result.highlighted,
    notes: result.notice ? [result.notice[locale]] : [],
  };
}
const iso = (serial: number | null | undefined) =>
  serial === null || serial === undefined ? null : (serialToIso(serial) ?? null);

export function actionsJson(result: FillActionPlanResult): unknown {
  return {
    sheet: result.sheet,
    created: result.created,
    dataSheet: result.dealSheet,
    period: result.period,
    added: result.added.map((a) => ({
      source: a.source,
      problem: a.problem,
      strategy: a.strategy,
      owner: a.owner,
      resources: a.resources,
      startDate: iso(a.startDate),
      deadline: iso(a.deadline),
      status: a.status,
      metric: a.metric,
      baseline: a.baseline,
    })),
    alreadyPlanned: result.alreadyPlanned,
    baselinesFilled: result.baselinesFilled,
  };
}

function metricText(metric: StrategyMetric | null, value: number | null, locale: Locale): string {
  return metric === null || value === null ? "—" : formatMetric(metric, value)[locale];
}

export function actionsText(result: FillActionPlanResult, locale: Locale, written: boolean): string {
  const head = [tc(locale, "cliProblems"), tc(locale, "cliStrategy"), tc(locale, "cliMetric"), tc(locale, "cliBaseline")];
  const rows = result.added.map((a) => [
    a.problem,
    a.strategy,
    a.metric === null ? "—" : STRATEGY_METRIC_NAMES[a.metric][locale],
    metricText(a.metric, a.baseline, locale),
  ]);
  const summary = tc(locale, "cliActionsAdded", {
    sheet: result.sheet,
    count: result.added.length,
    month: result.period ?? "—",
    kept: result.alreadyPlanned,
  });
  const filled =
    result.baselinesFilled.length > 0 ? `${tc(locale, "cliBaselinesFilled", { rows: result.baselinesFilled.join(", ") })}\n` : "";
  return `${safe(summary)}\n${rows.length > 0 ? `${table(head, rows)}\n` : ""}${filled}${written ? "" : `${tc(locale, "cliNotWritten")}\n`}`;
}

export function monthlyJson(result: PrefillMonthlyReviewResult, locale: Locale): unknown {
  const p = result.prefill;
  return {
    sheet: result.sheet,
    row: result.row,
    created: result.created,
    month: p.month,
    written: result.written,
    kept: result.kept,
    achievement: { team: { target: p.team.target, actual: p.team.actual, rate: p.team.rate }, reps: p.reps },
    benchmark: p.benchmark ? { rep: p.benchmark.rep, statement: p.benchmark.statement[locale] } : null,
    problems: p.problems.map((t) => t[locale]),
    strategies: p.strategies.map((s) => ({
      row: s.row,
      strategy: s.strategy,
      owner: s.owner,
      metric: s.metric,
      beforeMonth: s.beforeMonth,
      before: s.before,
      afterMonth: s.afterMonth,
      after: s.after,
      change: Number.isFinite(s.change) ? s.change : null,
      verdict: s.verdict,
      sentence: s.sentence[locale],
    })),
    sop: p.sop,
    cells: { highlights: p.highlights[locale], problems: p.problemsText[locale], improvements: p.improvements[locale] },
  };
}

export function monthlyText(result: PrefillMonthlyReviewResult, locale: Locale, written: boolean): string {
  const p = result.prefill;
  const head = tc(locale, "cliMonthlyRow", { sheet: result.sheet, row: result.row, month: p.month });
  const kept = result.kept.length > 0 ? `${tc(locale, "cliMonthlyKept", { columns: result.kept.join(", ") })}\n` : "";
  const block = (key: "cliHighlights" | "cliReviewProblems" | "cliImprovements", text: string) =>
    text === "" ? "" : `${tc(locale, key)}\n  ${safe(text)}\n`;
  const effects =
    p.strategies.length > 0
      ? `${table(
          [tc(locale, "cliStrategy"), tc(locale, "cliMetric"), tc(locale, "cliEffect")],
          p.strategies.map((s) => [s.strategy, STRATEGY_METRIC_NAMES[s.metric][locale], s.sentence[locale]]),
        )}\n`
      : "";
  return `${safe(head)}\n${kept}${block("cliHighlights", p.highlights[locale])}${block("cliReviewProblems", p.problemsText[locale])}${block("cliImprovements", p.improvements[locale])}${effects}${written ? "" : `${tc(locale, "cliNotWritten")}\n`}`;
}

const measurementJson = (m: Measurement, locale: Locale) => ({
  index: m.index,
  text: m.text,
  metric: m.metric ?? null,
  target: m.target ?? null,
  percent: m.percent,
  actual: m.actual ?? null,
  achievement: m.achievement ?? null,
  status: m.status ?? null,
  unmeasured: m.unmeasured ?? null,
  sentence: m.sentence[locale],
});

export function progressJson(result: TrackProgressResult, locale: Locale): unknown {
  return {
    sheet: result.sheet,
    dealSheet: result.dealSheet,
    today: result.today,
    rows: result.rows.map((r) => ({
      row: r.sheetRow + 1,
      owner: r.owner,
      targetItem: r.targetItem,
      period: r.period,
      unmeasured: r.unmeasured ?? null,
      target: measurementJson(r.target, locale),
      keyResults: r.keyResults.map((m) => measurementJson(m, locale)),
    })),
    typed: result.typed,
    addedColumns: result.addedColumns,
  };
}

/** A measured figure as the manager reads it: rates as percentages, money grouped, counts whole. */
function showFigure(value: number | undefined, m: Measurement, locale: Locale): string {
  if (value === undefined) return "—";
  if (m.percent) return formatPercent(value);
  return formatAs(value, m.metric === "revenue" || m.metric === "avgOrderValue" ? "money" : "decimal", locale);
}

/** One line per target and KR: who, what, the period, actual against target, and the pacing sentence. */
export function progressText(result: TrackProgressResult, locale: Locale): string {
  const rows = result.rows.flatMap((r) =>
    [r.target, ...r.keyResults].map((m) => [
      m.index === 0 ? r.owner : "",
      m.index === 0 ? m.text : `${m.index}. ${m.text}`,
      m.index === 0 ? `${r.period.from}..${r.period.to}` : "",
      showFigure(m.actual, m, locale),
      showFigure(m.target, m, locale),
      m.sentence[locale],
    ]),
  );
  const head = ["cliOwner", "cliItem", "cliPeriod", "cliActual", "cliTarget", "cliProgress"] as const;
  const heading = tc(locale, "cliProgressHeading", {
    sheet: safe(result.sheet),
    data: safe(result.dealSheet),
    today: result.today,
  });
  const typed = result.typed.length > 0 ? `${tc(locale, "cliProgressTyped", { rows: result.typed.join(", ") })}\n` : "";
  return `${heading}\n${table(
    head.map((k) => tc(locale, k)),
    rows,
  )}\n${typed}`;
}
