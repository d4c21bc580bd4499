import { fillActionPlan, type FillActionPlanResult } from "../../app/fill-action-plan";
import { formatMetric, STRATEGY_METRIC_NAMES, type MetricBasis, type StrategyMetric } from "../../core/actions/strategy-metric";
import { serialToIso } from "../../core/cell/excel-date";
import type { Locale } from "../../core/i18n/locale";
import { CLI_TEXT } from "../cli-messages";
import { localize } from "../../core/i18n/locale";
import { dataSource } from "../cli-options";
import type { ActionsJson } from "../json-contract";
import { table } from "../terminal-table";
import { terminalText as safe } from "../terminal-text";
import type { CliCommand } from "./command";

const iso = (serial: number | null | undefined) =>
  serial === null || serial === undefined ? null : (serialToIso(serial) ?? null);

function metricText(metric: StrategyMetric | null, value: number | null, basis: MetricBasis, locale: Locale): string {
  return metric === null || value === null ? "—" : formatMetric(metric, value, basis)[locale];
}

/** `actions FILE [--period 2026-11]`: the TOP 3 and the latest review's improvements into the action plan (a copy, with --out). */
export const actionsCommand: CliCommand<FillActionPlanResult, ActionsJson> = {
  files: "one",
  flags: ["--sheet", "--activity", "--map", "--status", "--date-order", "--period", "--out", "--force"],
  // Fills the action plan in a copy (--out); without --out, says what it would add.
  run: ({ locale, options, today, files }, [file]) =>
    files.onWorkbook(file, (host) =>
      fillActionPlan(host, { locale, today, ...dataSource(options), write: options.out !== undefined }),
    ),
  json: (result) => ({
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
      basis: a.basis,
      baseline: a.baseline,
    })),
    alreadyPlanned: result.alreadyPlanned,
    baselinesFilled: result.baselinesFilled,
  }),
  text(result, { locale, options }) {
    const head = [
      localize(CLI_TEXT.cliProblems, locale),
      localize(CLI_TEXT.cliStrategy, locale),
      localize(CLI_TEXT.cliMetric, locale),
      localize(CLI_TEXT.cliBaseline, locale),
    ];
    const rows = result.added.map((a) => [
      a.problem,
      a.strategy,
      a.metric === null ? "—" : STRATEGY_METRIC_NAMES[a.metric][locale],
      metricText(a.metric, a.baseline, a.basis, locale),
    ]);
    const summary = localize(CLI_TEXT.cliActionsAdded, locale, {
      sheet: result.sheet,
      count: result.added.length,
      month: result.period ?? "—",
      kept: result.alreadyPlanned,
    });
    const filled =
      result.baselinesFilled.length > 0
        ? `${localize(CLI_TEXT.cliBaselinesFilled, locale, { rows: result.baselinesFilled.join(", ") })}\n`
        : "";
    const written = options.out !== undefined;
    return `${safe(summary)}\n${rows.length > 0 ? `${table(head, rows)}\n` : ""}${filled}${written ? "" : `${localize(CLI_TEXT.cliNotWritten, locale)}\n`}`;
  },
};
