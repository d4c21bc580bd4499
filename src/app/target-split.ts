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
import type { CellValue } from "../core/cell/cell-value";
import { resolveFreeSheetName, resolveFreeTableName } from "../core/cell/sheet-name";
import type { Locale } from "../core/i18n/locale";
import { findQuantities } from "../core/parse/quantity";
import { createSheetBlueprint } from "../core/templates/sheet-blueprint";
import { findTemplate } from "../core/templates/templates";
import type { DataSourceRequest } from "./data-source";
import { readWorkbook } from "./read-workbook";
import { createTemplateSheetWrite } from "./insert-templates";
import { NO_USABLE_DEALS, UseCaseError } from "./use-case-error";
import type { SheetWrite, WorkbookHost } from "./workbook-host.port";

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
  readonly targetItem?: string;
  readonly deadline?: string;
}

/**
 * Writes an accepted split into the target sheet: one row per rep below the existing rows (the sheet
 * is created when there is none). KRs and criteria are left for the manager; the check asks for them.
 */
export async function acceptTargetSplit(
  host: WorkbookHost,
  request: AcceptTargetSplitRequest,
): Promise<{ sheet: string; rows: number }> {
  const read = await readWorkbook(host);
  const { outline } = read;
  const existing = read.table("targets");
  const template = findTemplate("targets");
  const item = request.targetItem ?? (request.locale === "zh-CN" ? "销售额" : "Revenue");
  const cells = (rep: { rep: string; target: number }): Record<string, CellValue> => ({
    teamTarget: request.proposal.teamTarget,
    targetItem: item,
    owner: rep.rep,
    repTarget: rep.target,
    deadline: request.deadline ?? null,
  });
  const rows = request.proposal.reps.map(cells);
  let write: SheetWrite;
  let sheet: string;
  if (!existing) {
    const blueprint = createSheetBlueprint(template, { locale: request.locale, blankRows: Math.max(20, rows.length + 5) });
    sheet = resolveFreeSheetName(blueprint.name, outline.sheets);
    const base = createTemplateSheetWrite(
      { ...blueprint, tableName: resolveFreeTableName(blueprint.tableName, outline.tables) },
      sheet,
      true,
    );
    const body = rows.map((r) => template.columns.map((c) => r[c.key] ?? null));
    write = { ...base, values: [...(base.values ?? []), { row: 1, column: 0, values: body }] };
  } else {
    sheet = existing.sheet;
    const next = Math.max(existing.headerRow, ...existing.rows.map((r) => r.sheetRow)) + 1;
    // One block per run of adjacent columns the sheet has (the user's columns in between are left alone),
    // spanning every new row: a block read and write whatever the number of reps.
    const placed = Object.keys(rows[0] ?? {})
      .map((key) => ({ key, column: existing.columns.get(key) }))
      .filter((k): k is { key: string; column: number } => k.column !== undefined)
      .sort((a, b) => a.column - b.column);
    const runs: { key: string; column: number }[][] = [];
    for (const k of placed) {
      const run = runs.at(-1);
      if (run && run[run.length - 1].column === k.column - 1) run.push(k);
      else runs.push([k]);
    }
    write = {
      sheet,
      values: runs.map((run) => ({
        row: next,
        column: run[0].column,
        values: rows.map((r) => run.map((k) => r[k.key] ?? null)),
      })),
    };
  }
  await host.write({ sheets: [write] });
  return { sheet, rows: rows.length };
}
