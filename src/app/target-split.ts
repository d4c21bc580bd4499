import { createMetricsIndex, monthlyRevenueByRep, type MetricsIndex } from "../core/analysis/metrics/period-metrics";
import type { DealLine } from "../core/analysis/reading/records";
import { profileReps } from "../core/analysis/metrics/rep-profile";
import {
  DEFAULT_SPLIT_OPTIONS,
  relativeTrend,
  splitTeamTarget,
  type RepHistoryPoint,
  type TargetSplit,
} from "../core/analysis/progress/target-split";
import { targetSplitRows } from "../core/analysis/progress/target-split-rows";
import { serialOfLocalDate } from "../core/cell/excel-date";
import type { Bilingual, Locale } from "../core/i18n/locale";
import { STRATEGY_METRIC_NAMES } from "../core/parse/metric-names";
import { findQuantities } from "../core/parse/quantity";
import { findTemplate } from "../core/templates/templates";
import type { DataSourceRequest } from "./data-source";
import { readWorkbook } from "./read-workbook";
import { templateRowsWrite } from "./template-rows";
import { NO_USABLE_DEALS, UseCaseError } from "./use-case-error";
import type { WorkbookHost } from "./workbook-host.port";

/** The deal data only: the split reads no activity. */
export interface ProposeTargetSplitRequest extends Omit<DataSourceRequest, "activitySheet"> {
  /** The team target as the manager writes it: "月度100万", "1,000,000". */
  readonly teamTarget: string;
}

export interface TargetSplitProposal extends TargetSplit {
  readonly teamTarget: string;
}

/** Proposes each rep's share of the team target from their last three months in the deal sheet. Two reads. */
export async function proposeTargetSplit(host: WorkbookHost, request: ProposeTargetSplitRequest): Promise<TargetSplitProposal> {
  const total = findQuantities(request.teamTarget)[0]?.value;
  if (total === undefined || total <= 0) {
    throw new UseCaseError("badTeamTarget", {
      "zh-CN": `团队目标“${request.teamTarget}”没有数值：请写成如“月度100万”。`,
      en: `The team target "${request.teamTarget}" has no amount: write it like "Monthly 1,000,000".`,
    });
  }
  const read = await readWorkbook(host);
  const sheet = read.dataSource(request, { activity: false }).readDeals();
  if (sheet.lines.length === 0) throw NO_USABLE_DEALS;
  const index = createMetricsIndex(sheet.lines, []);
  const history = repSplitHistory(sheet.lines, index);
  // A team that set its growth band keeps the split within it, so the check does not flag what the split proposed.
  const band = read.settings.thresholds.growthBand;
  const options = band === undefined ? DEFAULT_SPLIT_OPTIONS : { ...DEFAULT_SPLIT_OPTIONS, maxGrowth: band };
  return { ...splitTeamTarget(total, history, options), teamTarget: request.teamTarget };
}

/** The months the split looks back on: the history, the ability (close rates) and the customer mix. */
const SPLIT_MONTHS = 3;

/**
 * Each rep's last three months of revenue, close rate against the team's (ability) and customer mix (the rep's
 * share per customer type × the team's trend on that type), from the deal lines.
 */
export function repSplitHistory(lines: readonly DealLine[], index: MetricsIndex): RepHistoryPoint[] {
  const latest = index.months[index.months.length - 1];
  if (latest === undefined) return [];
  const span = Array.from({ length: SPLIT_MONTHS }, (_v, i) => latest - SPLIT_MONTHS + 1 + i);
  const profiles = new Map(profileReps(lines, span).map((p) => [p.rep, p] as const));
  // The team's relative trend per customer type over the same months.
  const byType = new Map<string, DealLine[]>();
  for (const l of lines) {
    if (!l.customerType) continue;
    const list = byType.get(l.customerType);
    if (list) list.push(l);
    else byType.set(l.customerType, [l]);
  }
  const typeTrend = new Map(
    [...byType].map(([type, typeLines]) => {
      const typeIndex = createMetricsIndex(typeLines, []);
      return [type, relativeTrend(span.map((m) => typeIndex.metrics([m]).revenue))] as const;
    }),
  );
  return monthlyRevenueByRep(index, SPLIT_MONTHS).map((h) => {
    const p = profiles.get(h.rep);
    const ability = p && p.closeRate !== null && p.teamCloseRate !== null ? p.closeRate - p.teamCloseRate : undefined;
    const mix = p && p.types.length > 0 ? p.types.reduce((s, t) => s + t.share * (typeTrend.get(t.name) ?? 0), 0) : undefined;
    return { ...h, ...(ability === undefined ? {} : { ability }), ...(mix === undefined ? {} : { mix }) };
  });
}

export interface AcceptTargetSplitRequest {
  readonly proposal: TargetSplitProposal;
  readonly locale: Locale;
  /** The target item written on each row; the revenue by default ("销售额", "Revenue"). */
  readonly targetItem?: string;
  /** A deadline written as given; by default the last day of the period split, in the sheet's date style. */
  readonly deadline?: string;
  /** Today (Excel serial): the period split is the team target's period containing it. The system date by default. */
  readonly today?: number;
}

export interface AcceptTargetSplitResult {
  readonly sheet: string;
  /** The rows added (one per rep not yet on the sheet for the period). */
  readonly rows: number;
  /** The period split, `YYYY-MM-DD`: the rows' deadline is its last day. */
  readonly period: { readonly from: string; readonly to: string };
  /** Reps left out because the sheet already has their target of this item for the period. */
  readonly skipped: readonly string[];
  /** One sentence saying who was left out and why; undefined when nobody was. */
  readonly skippedNote?: Bilingual;
}

/**
 * Writes an accepted split into the target sheet: one complete row per rep below the existing rows (the sheet is
 * created when there is none): the rep's target in the sheet's own amount style (35万 or a number), the period's
 * last day as the deadline in its date style, and the KRs and their criteria as visible placeholders
 * ("（待填写：…）") the check asks the rep to fill in. A rep who already has this target for the period is skipped
 * (their row is left as written) and the result says so. Two reads, one write.
 */
export async function acceptTargetSplit(host: WorkbookHost, request: AcceptTargetSplitRequest): Promise<AcceptTargetSplitResult> {
  const read = await readWorkbook(host);
  const existing = read.table("targets");
  const { locale } = request;
  const split = targetSplitRows({
    teamTarget: request.proposal.teamTarget,
    targetItem: request.targetItem ?? STRATEGY_METRIC_NAMES.revenue[locale],
    reps: request.proposal.reps,
    existing: existing?.rows ?? [],
    locale,
    today: request.today ?? serialOfLocalDate(new Date()),
    deadline: request.deadline,
  });
  const layout = templateRowsWrite(
    findTemplate("targets"),
    existing,
    { rows: split.rows, numberFormats: () => split.numberFormats },
    read.outline,
    locale,
  );
  if (split.rows.length > 0 || layout.created) await host.write({ sheets: [layout.write] });
  return {
    sheet: layout.sheet,
    rows: split.rows.length,
    period: { from: split.period.from, to: split.period.to },
    skipped: split.skipped,
    ...(split.skippedNote ? { skippedNote: split.skippedNote } : {}),
  };
}
