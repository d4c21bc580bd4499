import { fillCustomerAnalysis, type FillCustomerAnalysisResult } from "../../app/fill-customer-analysis";
import { LISTED_STATUSES } from "../../core/analysis/reading/deal-status";
import { REPORT_TEXT as T } from "../../core/analysis/diagnosis/report-text";
import { formatAs } from "../../core/i18n/format";
import { CLI_TEXT } from "../cli-messages";
import { localize } from "../../core/i18n/locale";
import { dataSource } from "../cli-options";
import type { CustomersJson } from "../json-contract";
import { pct, table } from "../terminal-table";
import { terminalText as safe } from "../terminal-text";
import type { CliCommand } from "./command";
import { segmentJson } from "./segment-json";

/** `customers FILE`: customer contribution by type; with --out, a copy with the customer sheet filled. */
export const customersCommand: CliCommand<FillCustomerAnalysisResult, CustomersJson> = {
  files: "one",
  flags: ["--sheet", "--map", "--status", "--date-order", "--period", "--out", "--force"],
  run: ({ locale, options, today, files }, [file]) =>
    files.onWorkbook(file, (host) =>
      fillCustomerAnalysis(host, { locale, today, ...dataSource(options), write: options.out !== undefined }),
    ),
  json: (result, { locale }) => ({
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
  }),
  text(result, { locale }) {
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
    return `${localize(CLI_TEXT.cliMapping, locale, { mapping })}\n${localize(CLI_TEXT.monthsCovered, locale, result.period)}\n${notes}${table(head, rows)}\n`;
  },
};
