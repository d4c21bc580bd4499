import { ACTIVITY_FIELDS, DEAL_FIELDS, isHeaderLike, type DataField } from "../core/analysis/reading/fields";
import {
  readActivitySheet,
  readDealSheet,
  type ActivitySheet,
  type DealSheet,
  type StatusSummary,
} from "../core/analysis/reading/records";
import { LISTED_STATUSES } from "../core/analysis/reading/deal-status";
import { readSheetTable } from "../core/sheet/sheet-table";
import { readWorkbook } from "./read-workbook";
import { UseCaseError } from "./use-case-error";
import type { SheetValues, WorkbookHost } from "./workbook-host.port";
import { SETTINGS_SHEET, type WorkbookSettings } from "./workbook-settings";

export interface DataColumns {
  /** The deal sheet found (or, when none is, the first sheet holding data that is no playbook sheet). */
  readonly dealSheet?: string;
  readonly activitySheet?: string;
  /** The header texts of those sheets, deal sheet first, each once: what a field can be mapped to. */
  readonly headers: readonly string[];
  /** What detection (with the remembered mapping) reads each field from now; fields left out were not found. */
  readonly detected: Partial<Record<DataField, string>>;
  /** The deal sheet's status values with their lines and class under the classes the workbook remembers (empty without one). */
  readonly statuses: readonly StatusSummary[];
  /**
   * When no deal sheet is recognised: the headers that most likely hold the amount and the date (the same
   * guess the "no deal sheet" error names), for the panel to preselect.
   */
  readonly suggested: Partial<Record<DataField, string>>;
  readonly settings: WorkbookSettings;
}

function headerTexts(grid: SheetValues, headerRow: number): string[] {
  return (grid.values[headerRow - grid.row] ?? []).filter(isHeaderLike).map((v) => String(v).trim());
}

/**
 * The columns the analysis would read, for the pane's column-mapping panel: the data sheets' headers and
 * the field each is detected as, under the mapping the workbook remembers. Two reads, no write.
 */
export async function readDataColumns(host: WorkbookHost): Promise<DataColumns> {
  const read = await readWorkbook(host);
  const { grids, settings } = read;
  const map = Object.keys(settings.map).length > 0 ? settings.map : undefined;
  let deals: SheetValues | undefined;
  let activity: SheetValues | undefined;
  let dealSheet: DealSheet | undefined;
  let activitySheet: ActivitySheet | undefined;
  let suggested: Partial<Record<DataField, string>> = {};
  try {
    const source = read.dataSource({});
    ({ deals, activity } = source);
    dealSheet = source.readDeals();
    activitySheet = source.readActivity();
  } catch (error) {
    if (!(error instanceof UseCaseError)) throw error;
    const suggestion = error.suggestion;
    if (suggestion) suggested = suggestion.map;
    deals =
      (suggestion && grids.find((g) => g.name === suggestion.sheet)) ??
      grids.find(
        (g) =>
          g.name.toLowerCase() !== SETTINGS_SHEET &&
          g.values.some((r) => r.some((v) => v !== null && v !== "")) &&
          !readSheetTable(g),
      );
  }
  const detected: Partial<Record<DataField, string>> = {};
  const headers: string[] = [];
  let statuses: readonly StatusSummary[] = [];
  if (deals) {
    const sheet = dealSheet ?? readDealSheet(deals, { map, statuses: settings.statuses });
    statuses = sheet.statuses.slice(0, LISTED_STATUSES);
    headers.push(...headerTexts(deals, sheet.headerRow));
    for (const field of DEAL_FIELDS) if (sheet.mapping.headers[field]) detected[field] = sheet.mapping.headers[field];
  }
  if (activity) {
    const sheet = activitySheet ?? readActivitySheet(activity, { map });
    headers.push(...headerTexts(activity, sheet.headerRow));
    for (const field of ACTIVITY_FIELDS) {
      if (detected[field] === undefined && sheet.mapping.headers[field]) detected[field] = sheet.mapping.headers[field];
    }
  }
  return {
    dealSheet: deals?.name,
    activitySheet: activity?.name,
    headers: [...new Set(headers)],
    detected,
    statuses,
    suggested,
    settings,
  };
}
