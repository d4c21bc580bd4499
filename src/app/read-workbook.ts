import { suggestDealColumns } from "../core/analysis/reading/column-suggestions";
import { dataSheetHeader } from "../core/analysis/reading/data-sheets";
import type { StatusMap } from "../core/analysis/reading/deal-status";
import type { DataField } from "../core/analysis/reading/fields";
import { createMetricsIndex, type MetricsIndex } from "../core/analysis/metrics/period-metrics";
import {
  readActivitySheet,
  readDealSheet,
  type ActivitySheet,
  type DataReadOptions,
  type DealSheet,
} from "../core/analysis/reading/records";
import type { TemplateKey } from "../core/templates/template.types";
import { readSheetTable, type SheetTable } from "../core/sheet/sheet-table";
import type { ValidationSettings } from "../core/validate/validation-settings";
import type { DataSourceRequest } from "./data-source";
import { noDealSheet, sheetNotFound } from "./use-case-error";
import type { SheetValues, WorkbookHost, WorkbookOutline } from "./workbook-host.port";
import { SETTINGS_SHEET, settingsFromSheets, type WorkbookSettings } from "./workbook-settings";

/** The deal sheet and the activity sheet a use case reads, found once, and how their readers read them. */
export interface DataSheets {
  readonly deals: SheetValues;
  readonly activity?: SheetValues;
  /** The mapping, status classes, today and date order in effect: the run's own over the workbook's. */
  readonly options: DataReadOptions<DataField>;
  /** The deal lines, read once (the header row found with the sheet is carried over, not searched again). */
  readDeals(): DealSheet;
  /** The activity records, read once; undefined without an activity sheet. */
  readActivity(): ActivitySheet | undefined;
  /** Both, and their index by month and rep (what `diagnose` takes as `read`), built once. */
  readData(): { readonly deals: DealSheet; readonly activity?: ActivitySheet; readonly index: MetricsIndex };
}

/** Everything a use case reads from the workbook: read once, parsed once, handed to its steps. */
export interface WorkbookRead {
  readonly outline: WorkbookOutline;
  /** Every sheet's used range (a sheet with nothing in it is left out by the host). */
  readonly grids: readonly SheetValues[];
  /** The team's settings (`_sales_playbook`); the defaults without the sheet. */
  readonly settings: WorkbookSettings;
  /** The playbook sheets, each recognised by its header row once, in workbook order (undefined: not one). */
  tables(): readonly (SheetTable | undefined)[];
  /** The first playbook sheet of this template. */
  table(template: TemplateKey): SheetTable | undefined;
  /** The thresholds a check uses: the run's own (a command-line flag) over the workbook's over the playbook's. */
  thresholds(explicit?: Partial<Omit<ValidationSettings, "today">>): Partial<Omit<ValidationSettings, "today">>;
  /**
   * The data sheets a request names, or the first that look like deals and activity (under the mapping in
   * effect). Throws `sheetNotFound` for a name the workbook lacks, `noDealSheet` (with the likeliest columns)
   * when no deal sheet is found. `activity: false`: the use case reads no activity.
   */
  dataSource(request: DataSourceRequest, options?: { readonly activity?: boolean }): DataSheets;
}

/** The column mapping in effect: the run's own, else the one remembered in the workbook. */
function mappingOf(
  settings: WorkbookSettings,
  explicit: Partial<Record<DataField, string>> | undefined,
): Partial<Record<DataField, string>> | undefined {
  if (explicit && Object.keys(explicit).length > 0) return explicit;
  return Object.keys(settings.map).length > 0 ? settings.map : undefined;
}

/** The status classes in effect: the run's own over the ones remembered in the workbook, value by value. */
function statusesOf(settings: WorkbookSettings, explicit: StatusMap | undefined): StatusMap | undefined {
  if (!settings.statuses && !explicit) return undefined;
  return { ...settings.statuses, ...explicit };
}

function once<T>(compute: () => T): () => T {
  let done: { value: T } | undefined;
  return () => (done ??= { value: compute() }).value;
}

/**
 * The read step of every use case that looks at the whole workbook: the sheet names, then every sheet (with the
 * add-in's marks when asked), two host calls whatever the number of sheets and rows (the port takes names, so
 * the outline comes first). The settings are parsed once; the playbook sheets and the data sheets are found on
 * first use, once.
 */
export async function readWorkbook(host: WorkbookHost, options: { readonly marks?: boolean } = {}): Promise<WorkbookRead> {
  const outline = await host.readOutline();
  const grids = await host.readSheets(outline.sheets, options.marks ? { marks: true } : undefined);
  const settings = settingsFromSheets(grids);
  const tables = once(() => grids.map((g) => readSheetTable(g)));
  return {
    outline,
    grids,
    settings,
    tables,
    table: (template) => tables().find((t) => t?.template === template),
    thresholds: (explicit) => ({ ...settings.thresholds, ...explicit }),
    dataSource: (request, { activity: withActivity = true } = {}) => {
      const map = mappingOf(settings, request.map);
      const found = findDataSheets(grids, {
        deals: request.dealSheet,
        activity: withActivity ? request.activitySheet : false,
        map,
      });
      const read: DataReadOptions<DataField> = {
        map,
        today: request.today,
        dateOrder: request.dateOrder,
        statuses: statusesOf(settings, request.statuses),
      };
      const { activity } = found;
      const readDeals = once(() => readDealSheet(found.deals, { ...read, headerRow: found.dealHeaderRow }));
      const readActivity = once(() => (activity ? readActivitySheet(activity, read) : undefined));
      const readData = once(() => {
        const deals = readDeals();
        const activitySheet = readActivity();
        return { deals, activity: activitySheet, index: createMetricsIndex(deals.lines, activitySheet?.records ?? []) };
      });
      return { deals: found.deals, activity, options: read, readDeals, readActivity, readData };
    },
  };
}

/**
 * The deal sheet (named, or the first that looks like one) and an activity sheet if there is one, with the deal
 * header row the classification found.
 */
function findDataSheets(
  grids: readonly SheetValues[],
  choice: {
    readonly deals?: string;
    /** The activity sheet's name; false: none is wanted. */
    readonly activity?: string | false;
    readonly map?: Partial<Record<DataField, string>>;
  },
): { deals: SheetValues; activity?: SheetValues; dealHeaderRow?: number } {
  const byName = (name: string) => {
    const grid = grids.find((g) => g.name.toLowerCase() === name.toLowerCase());
    if (!grid) throw sheetNotFound(name);
    return grid;
  };
  const kinds = new Map<SheetValues, ReturnType<typeof dataSheetHeader>>();
  const kindOf = (grid: SheetValues) => {
    if (!kinds.has(grid)) kinds.set(grid, dataSheetHeader(grid, choice.map));
    return kinds.get(grid);
  };
  const deals = choice.deals ? byName(choice.deals) : grids.find((g) => kindOf(g)?.kind === "deals");
  if (!deals) throw noDealSheet(suggestDealColumns(grids, choice.map, (g) => g.name.toLowerCase() === SETTINGS_SHEET));
  const dealKind = kindOf(deals);
  // A sheet named for the deals whose date or amount no header gives: what could be them, rather than "no usable rows".
  if (choice.deals && dealKind?.kind !== "deals") {
    const suggestion = suggestDealColumns([deals], choice.map);
    if (suggestion && suggestion.missing.length > 0) throw noDealSheet(suggestion);
  }
  const activity =
    choice.activity === false
      ? undefined
      : choice.activity
        ? byName(choice.activity)
        : grids.find((g) => g !== deals && kindOf(g)?.kind === "activity");
  return { deals, activity, dealHeaderRow: dealKind?.kind === "deals" ? dealKind.row : undefined };
}
