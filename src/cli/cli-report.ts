import Table from "cli-table3";
import type { DiagnoseWorkbookResult } from "../app/diagnose-workbook";
import type { FillCustomerAnalysisResult } from "../app/fill-customer-analysis";
import type { Rollup } from "../app/rollup";
import type { ValidateWorkbookResult } from "../app/validate-workbook";
import type { SegmentStats } from "../core/analysis/customer-contribution";
import { createDiagnosisReport } from "../core/analysis/diagnosis-report";
import { REPORT_TEXT as T } from "../core/analysis/report-text";
import { formatAmount, formatAs, formatPercent, type NumberKind } from "../core/i18n/format";
import type { Locale } from "../core/i18n/locale";
import { tc } from "../core/i18n/cli-messages";

/** Human output and the JSON contract (README): fields may be added, never renamed. */

const pct = (v: number | null) => (v === null ? "—" : formatPercent(v));

function table(head: string[], rows: (string | number)[][]): string {
  const out = new Table({ head, style: { head: [], border: [] } });
  rows.forEach((r) => out.push(r.map(String)));
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

export function validateText(result: ValidateWorkbookResult, locale: Locale): string {
  const rows = result.findings.map((f) => [
    `${f.sheet}!${f.cell}`,
    f.severity,
    f.rule,
    f.fix ? `${f.message[locale]}\n→ ${f.fix[locale]}` : f.message[locale],
  ]);
  const summary = tc(locale, "cliCounts", result.counts);
  if (result.sheets.length === 0) return `${tc(locale, "checkNoSheets")}\n`;
  return `${rows.length > 0 ? table([tc(locale, "cliWhere"), tc(locale, "cliSeverity"), tc(locale, "cliRule"), tc(locale, "cliMessage")], rows) + "\n" : ""}${summary}\n`;
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
    .map(([field, header]) => `${field}=${header}`)
    .join(", ");
  const notes = result.notes.map((n) => `${n.text[locale]}\n`).join("");
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
        : String(v);
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
    team.issues.map((i) => `${i.rank}. ${i.summary[locale]}`).join("\n"),
  ]);
  const head = [
    tc(locale, "cliTeam"),
    tc(locale, "cliAchievement"),
    tc(locale, "cliWeekly"),
    tc(locale, "cliFindings"),
    tc(locale, "cliProblems"),
  ];
  const cross = rollup.problems.map((p) => `- ${p.summary[locale]}: ${p.teams.join(", ")} (${formatAmount(p.atStake)[locale]})`);
  return `${table(head, rows)}\n${cross.length > 0 ? `${tc(locale, "cliCrossTeam")}\n${cross.join("\n")}\n` : ""}`;
}

export function rollupJson(rollup: Rollup, locale: Locale): unknown {
  return {
    teams: rollup.teams.map((team) => ({ ...team, issues: team.issues.map((i) => ({ ...i, summary: i.summary[locale] })) })),
    problems: rollup.problems.map((p) => ({ ...p, summary: p.summary[locale] })),
  };
}
