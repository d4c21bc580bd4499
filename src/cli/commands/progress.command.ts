import { trackProgress, type TrackProgressResult } from "../../app/track-progress";
import type { Measurement } from "../../core/analysis/progress/target-progress";
import { formatAs, formatPercent } from "../../core/i18n/format";
import type { Locale } from "../../core/i18n/locale";
import { CLI_TEXT } from "../cli-messages";
import { localize } from "../../core/i18n/locale";
import { dataSource } from "../cli-options";
import type { MeasurementJson, ProgressJson } from "../json-contract";
import { table } from "../terminal-table";
import { terminalText as safe } from "../terminal-text";
import type { CliCommand } from "./command";

const measurementJson = (m: Measurement, locale: Locale): MeasurementJson => ({
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

/** A measured figure as the manager reads it: rates as percentages, money grouped, counts whole. */
function showFigure(value: number | undefined, m: Measurement, locale: Locale): string {
  if (value === undefined) return "—";
  if (m.percent) return formatPercent(value);
  return formatAs(value, m.metric === "revenue" || m.metric === "avgOrderValue" ? "money" : "decimal", locale);
}

/** `progress FILE`: each rep's target and KRs measured from the deal data; with --out, a copy with the progress columns filled. */
export const progressCommand: CliCommand<TrackProgressResult, ProgressJson> = {
  files: "one",
  flags: ["--sheet", "--map", "--status", "--date-order", "--out", "--force"],
  // Read-only without --out; with --out, a copy with the target sheet's progress columns filled.
  run: ({ locale, options, today, files }, [file]) =>
    files.onWorkbook(file, (host) =>
      trackProgress(host, { locale, today, ...dataSource(options), write: options.out !== undefined }),
    ),
  json: (result, { locale }) => ({
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
  }),
  /** One line per target and KR: who, what, the period, actual against target, and the pacing sentence. */
  text(result, { locale }) {
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
    const heading = localize(CLI_TEXT.cliProgressHeading, locale, {
      sheet: safe(result.sheet),
      data: safe(result.dealSheet),
      today: result.today,
    });
    const typed =
      result.typed.length > 0 ? `${localize(CLI_TEXT.cliProgressTyped, locale, { rows: result.typed.join(", ") })}\n` : "";
    return `${heading}\n${table(
      head.map((k) => localize(CLI_TEXT[k], locale)),
      rows,
    )}\n${typed}`;
  },
};
