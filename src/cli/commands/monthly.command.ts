import { prefillMonthlyReview, type PrefillMonthlyReviewResult } from "../../app/prefill-monthly-review";
import { STRATEGY_METRIC_NAMES } from "../../core/actions/strategy-metric";
import { CLI_TEXT } from "../cli-messages";
import { localize } from "../../core/i18n/locale";
import { dataSource } from "../cli-options";
import type { MonthlyJson } from "../json-contract";
import { table } from "../terminal-table";
import { terminalText as safe } from "../terminal-text";
import type { CliCommand } from "./command";

/** `monthly FILE [--month 2026-11]`: the month's review row pre-filled from the data (in a copy, with --out). */
export const monthlyCommand: CliCommand<PrefillMonthlyReviewResult, MonthlyJson> = {
  files: "one",
  flags: ["--month", "--sheet", "--activity", "--map", "--status", "--date-order", "--out", "--force"],
  run: ({ locale, options, today, files }, [file]) =>
    files.onWorkbook(file, (host) =>
      prefillMonthlyReview(host, {
        locale,
        today,
        month: options.month?.to,
        ...dataSource(options),
        write: options.out !== undefined,
      }),
    ),
  json(result, { locale }) {
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
  },
  text(result, { locale, options }) {
    const p = result.prefill;
    const head = localize(CLI_TEXT.cliMonthlyRow, locale, { sheet: result.sheet, row: result.row, month: p.month });
    const kept =
      result.kept.length > 0 ? `${localize(CLI_TEXT.cliMonthlyKept, locale, { columns: result.kept.join(", ") })}\n` : "";
    const block = (key: "cliHighlights" | "cliReviewProblems" | "cliImprovements", text: string) =>
      text === "" ? "" : `${localize(CLI_TEXT[key], locale)}\n  ${safe(text)}\n`;
    const effects =
      p.strategies.length > 0
        ? `${table(
            [localize(CLI_TEXT.cliStrategy, locale), localize(CLI_TEXT.cliMetric, locale), localize(CLI_TEXT.cliEffect, locale)],
            p.strategies.map((s) => [s.strategy, STRATEGY_METRIC_NAMES[s.metric][locale], s.sentence[locale]]),
          )}\n`
        : "";
    const written = options.out !== undefined;
    return `${safe(head)}\n${kept}${block("cliHighlights", p.highlights[locale])}${block("cliReviewProblems", p.problemsText[locale])}${block("cliImprovements", p.improvements[locale])}${effects}${written ? "" : `${localize(CLI_TEXT.cliNotWritten, locale)}\n`}`;
  },
};
