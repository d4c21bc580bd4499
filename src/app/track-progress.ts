import { createMetricsIndex } from "../core/analysis/metrics/period-metrics";
import {
  createProgressSettings,
  isProgressCellText,
  measureTargetProgress,
  progressCellText,
  type ProgressSettings,
  type RowProgress,
} from "../core/analysis/progress/target-progress";
import type { CellRef } from "../core/cell/a1";
import { joinCells } from "../core/cell/cell-blocks";
import { isBlank, type CellValue } from "../core/cell/cell-value";
import { serialToIso } from "../core/cell/excel-date";
import type { Locale } from "../core/i18n/locale";
import { findTemplate } from "../core/templates/templates";
import type { SheetTable } from "../core/sheet/sheet-table";
import type { DataSourceRequest } from "./data-source";
import { readWorkbook } from "./read-workbook";
import { NO_TARGET_SHEET, NO_USABLE_DEALS } from "./use-case-error";
import type { RangeFormat, SheetValues, ValueBlock, WorkbookHost } from "./workbook-host.port";

/** The deal data only: progress reads no activity. */
export interface TrackProgressRequest extends Omit<DataSourceRequest, "activitySheet"> {
  readonly locale: Locale;
  /** Today as an Excel serial (the face reads the clock). */
  readonly today: number;
  readonly settings?: Partial<Omit<ProgressSettings, "today">>;
  /** Write the actual, achievement and progress columns (default), or only measure. */
  readonly write?: boolean;
}

export interface TrackProgressResult {
  /** The target sheet (found by its header row). */
  readonly sheet: string;
  readonly dealSheet: string;
  /** Today, ISO. */
  readonly today: string;
  readonly rows: readonly RowProgress[];
  /** 1-based rows whose actual, achievement or progress cells the user typed in: measured, but left as they are. */
  readonly typed: readonly number[];
  /** Columns added to the right of the sheet's header (older sheets without them), by template key. */
  readonly addedColumns: readonly string[];
  /** Rows written (or that would be). */
  readonly written: number;
}

/** The columns the add-in fills, in the template's order. */
export const PROGRESS_COLUMNS = ["actual", "achievement", "progress"] as const;

function lastHeaderColumn(grid: SheetValues, table: SheetTable): number {
  const line = grid.values[table.headerRow - grid.row] ?? [];
  let last = -1;
  line.forEach((v, i) => {
    if (!isBlank(v)) last = i;
  });
  return grid.column + last;
}

/**
 * Measures each rep's target and KRs on the target sheet from the deal data and writes the actual,
 * achievement and progress cells of each row (the columns are added to older sheets). A row whose cells
 * hold something the add-in did not write (its progress cell lacks the add-in's "as of" stamp) is the
 * user's: measured and reported, never overwritten. Two reads, one write.
 */
export async function trackProgress(host: WorkbookHost, request: TrackProgressRequest): Promise<TrackProgressResult> {
  const read = await readWorkbook(host);
  const table = read.table("targets");
  if (!table) throw NO_TARGET_SHEET;
  const grid = read.grids.find((g) => g.name === table.sheet)!;
  const source = read.dataSource(request, { activity: false });
  const dealGrid = source.deals;
  const deals = source.readDeals();
  if (deals.lines.length === 0) throw NO_USABLE_DEALS;
  const settings = createProgressSettings(request.today, request.settings);
  const index = createMetricsIndex(deals.lines, []);
  const rows = measureTargetProgress(table, { index, hasRep: deals.mapping.columns.rep !== undefined }, settings);

  // Where each of our columns is: the sheet's own, or added after its last header cell.
  const template = findTemplate("targets");
  const columns = new Map<string, number>();
  const added: string[] = [];
  let next = lastHeaderColumn(grid, table) + 1;
  for (const key of PROGRESS_COLUMNS) {
    const at = table.columns.get(key);
    if (at !== undefined) columns.set(key, at);
    else {
      columns.set(key, next++);
      added.push(key);
    }
  }

  const byRow = new Map(table.rows.map((r) => [r.sheetRow, r] as const));
  const typed: number[] = [];
  // Every cell to write and each number format, then written as blocks of adjacent cells (one call each on
  // the hosts), not a block a row and column.
  const cells = new Map<string, { row: number; column: number; value: CellValue }>();
  const put = (row: number, column: number, value: CellValue) => cells.set(`${row},${column}`, { row, column, value });
  const formatted = new Map<string, CellRef[]>();
  const format = (row: number, column: number, numberFormat: string) => {
    const at = formatted.get(numberFormat) ?? [];
    at.push({ row, column });
    formatted.set(numberFormat, at);
  };
  let written = 0;
  for (const p of rows) {
    const cellsOfRow = byRow.get(p.sheetRow)?.cells ?? {};
    // Cells of an added column may hold the user's text under a blank header: read from the sheet itself.
    const current = PROGRESS_COLUMNS.map((key) =>
      table.columns.has(key)
        ? (cellsOfRow[key] ?? null)
        : (grid.values[p.sheetRow - grid.row]?.[columns.get(key)! - grid.column] ?? null),
    );
    const ours = current.every((v) => isBlank(v)) || isProgressCellText(current[2] ?? undefined);
    if (!ours) {
      typed.push(p.sheetRow + 1);
      continue;
    }
    written++;
    const t = p.target;
    const cellValues: Record<(typeof PROGRESS_COLUMNS)[number], CellValue> = {
      actual: t.actual ?? null,
      achievement: t.achievement ?? null,
      progress: progressCellText(p, request.today, request.locale),
    };
    for (const key of PROGRESS_COLUMNS) put(p.sheetRow, columns.get(key)!, cellValues[key]);
    format(p.sheetRow, columns.get("actual")!, t.percent ? "0.0%" : "#,##0");
    format(p.sheetRow, columns.get("achievement")!, "0.0%");
  }
  for (const key of added)
    put(table.headerRow, columns.get(key)!, template.columns.find((c) => c.key === key)!.header[request.locale]);
  const values: ValueBlock[] = joinCells([...cells.values()]).map((r) => ({
    row: r.row,
    column: r.column,
    values: Array.from({ length: r.rowCount }, (_v, i) =>
      Array.from({ length: r.columnCount }, (_w, j) => cells.get(`${r.row + i},${r.column + j}`)!.value),
    ),
  }));
  const formats: RangeFormat[] = [...formatted].flatMap(([numberFormat, at]) =>
    joinCells(at).map((range) => ({ range, numberFormat })),
  );
  if (request.write !== false && (written > 0 || added.length > 0)) {
    await host.write({ sheets: [{ sheet: table.sheet, values, formats }] });
  }
  return {
    sheet: table.sheet,
    dealSheet: dealGrid.name,
    today: serialToIso(request.today) ?? "",
    rows,
    typed,
    addedColumns: added,
    written,
  };
}
