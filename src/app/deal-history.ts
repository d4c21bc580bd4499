import { classifyDataSheet } from "../core/analysis/data-sheets";
import { createMetricsIndex, recentMonthlyRevenueByRep } from "../core/analysis/period-metrics";
import { readDealSheet } from "../core/analysis/records";
import type { SheetGrid } from "../core/validate/sheet-table";
import type { RepHistory } from "../core/validate/validation-settings";

/** Reps' recent monthly revenue from the workbook's deal sheet, if it has one: what the target checks compare with. */
export function readRepHistory(grids: readonly SheetGrid[]): RepHistory | undefined {
  const deals = grids.find((g) => classifyDataSheet(g) === "deals");
  if (!deals) return undefined;
  const sheet = readDealSheet(deals);
  if (sheet.lines.length === 0 || sheet.mapping.columns.rep === undefined) return undefined;
  return recentMonthlyRevenueByRep(createMetricsIndex(sheet.lines, []));
}
