import { classifyDataSheet } from "../core/analysis/reading/data-sheets";
import { createMetricsIndex, recentMonthlyRevenueByRep, type MetricsIndex } from "../core/analysis/metrics/period-metrics";
import { readActivitySheet, readDealSheet } from "../core/analysis/reading/records";
import type { SheetGrid } from "../core/sheet/sheet-table";
import type { RepHistory } from "../core/validate/validation-settings";

/** Reps' recent monthly revenue from the workbook's deal sheet, if it has one: what the target checks compare with. */
export function readRepHistory(grids: readonly SheetGrid[]): RepHistory | undefined {
  const deals = grids.find((g) => classifyDataSheet(g) === "deals");
  if (!deals) return undefined;
  const sheet = readDealSheet(deals);
  if (sheet.lines.length === 0 || sheet.mapping.columns.rep === undefined) return undefined;
  return recentMonthlyRevenueByRep(createMetricsIndex(sheet.lines, []));
}

/**
 * The workbook's deal and activity data by month and rep, read once on first call (the action plan's
 * effect check asks only when a strategy is past its due date); undefined without usable deal data.
 */
export function lazyDealMetrics(grids: readonly SheetGrid[], today?: number): () => MetricsIndex | undefined {
  let read: { value: MetricsIndex | undefined } | undefined;
  return () => {
    if (read) return read.value;
    read = { value: undefined };
    const deals = grids.find((g) => classifyDataSheet(g) === "deals");
    if (!deals) return undefined;
    const sheet = readDealSheet(deals, { today });
    if (sheet.lines.length === 0) return undefined;
    const activityGrid = grids.find((g) => g !== deals && classifyDataSheet(g) === "activity");
    const activity = activityGrid ? readActivitySheet(activityGrid, { today }).records : [];
    read.value = createMetricsIndex(sheet.lines, activity);
    return read.value;
  };
}
