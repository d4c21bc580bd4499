import { diagnoseWorkbook, type DiagnoseWorkbookResult } from "../../app/diagnose-workbook";
import { LISTED_STATUSES } from "../../core/analysis/reading/deal-status";
import { createDiagnosisReport } from "../../core/analysis/diagnosis/diagnosis-report";
import { formatAs, type NumberKind } from "../../core/i18n/format";
import { dataSource } from "../cli-options";
import type { DiagnoseJson } from "../json-contract";
import { terminalText as safe } from "../terminal-text";
import type { CliCommand } from "./command";
import { segmentJson } from "./segment-json";

/** `diagnose FILE`: the diagnosis and its TOP 3; with --out, a copy with the report sheet added. */
export const diagnoseCommand: CliCommand<DiagnoseWorkbookResult, DiagnoseJson> = {
  files: "one",
  flags: ["--sheet", "--activity", "--map", "--status", "--date-order", "--period", "--out", "--force"],
  run: ({ locale, options, today, files }, [file]) =>
    files.onWorkbook(
      file,
      (host) => diagnoseWorkbook(host, { locale, today, ...dataSource(options), write: options.out !== undefined }),
      true,
    ),
  json(result, { locale }) {
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
        highValue: d.customers.highValue
          ? { ...d.customers.highValue, statement: d.customers.highValue.statement[locale] }
          : null,
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
  },
  /** The report sheet's own lines, as text: one layout and one number format for the sheet and the terminal. */
  text(result, { locale }) {
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
  },
};
