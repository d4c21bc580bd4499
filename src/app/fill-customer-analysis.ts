import { analyseCustomers, type CustomerContribution } from "../core/analysis/metrics/customer-contribution";
import {
  customerPeriodStamp,
  customerTableNotes,
  mergeCustomerTable,
  readCustomerPeriodStamp,
} from "../core/analysis/metrics/customer-table";
import { isBlank, type CellValue } from "../core/cell/cell-value";
import { monthLabel, type MonthRange } from "../core/analysis/reading/period";
import { readingNotes, type ReadingNote } from "../core/analysis/reading/reading-notes";
import { resolveFreeSheetName, resolveFreeTableName } from "../core/cell/sheet-name";
import type { Locale } from "../core/i18n/locale";
import { createSheetBlueprint, DEFAULT_BLANK_ROWS } from "../core/templates/sheet-blueprint";
import { findTemplate } from "../core/templates/templates";
import type { DataSourceRequest } from "./data-source";
import { createTemplateSheetWrite } from "./insert-templates";
import { readWorkbook } from "./read-workbook";
import { workStepReporter, workSteps, type WorkStepCallback } from "./work-steps";
import { NO_USABLE_DEALS } from "./use-case-error";
import type { SheetWrite, ValueBlock, WorkbookHost } from "./workbook-host.port";
import type { StatusSummary } from "../core/analysis/reading/deal-status";
import type { DealField } from "../core/analysis/reading/fields";

/** The deal data only: the customer analysis reads no activity. */
export interface FillCustomerAnalysisRequest extends Omit<DataSourceRequest, "activitySheet"> {
  readonly locale: Locale;
  /** Write the customer sheet (default) or only return the analysis. */
  readonly write?: boolean;
  /** The months covered; the whole file by default (the user chose what to export). */
  readonly period?: MonthRange;
  /** Told as reading, computing and writing start. */
  readonly onStep?: WorkStepCallback;
}

export interface FillCustomerAnalysisResult {
  readonly dealSheet: string;
  readonly mapping: Partial<Record<DealField, string>>;
  readonly missing: readonly DealField[];
  readonly contribution: CustomerContribution;
  /** The months the figures cover (first and last month with deals, or the period asked for). */
  readonly period: { readonly from: string; readonly to: string };
  /** What was read and left out: missing columns, rows by reason, open pipeline. */
  readonly notes: readonly ReadingNote[];
  /** Each value of the status column with its lines and class (empty without a status column). */
  readonly statuses: readonly StatusSummary[];
  /** The customer analysis sheet written (or that would be), and whether it was (or would be) created. */
  readonly sheet: string;
  readonly created: boolean;
}

/**
 * Computes the customer-type table from the user's deal sheet and writes it into the customer
 * analysis sheet: counts, orders, revenue and close rate per type; pain points and strategies are
 * never touched; new types are appended. Creates the sheet when there is none. Two reads, one write.
 */
export async function fillCustomerAnalysis(
  host: WorkbookHost,
  request: FillCustomerAnalysisRequest,
): Promise<FillCustomerAnalysisResult> {
  const writing = request.write !== false;
  const step = workStepReporter(request.onStep, workSteps(writing));
  await step("reading");
  const read = await readWorkbook(host);
  const { outline, grids } = read;
  await step("computing");
  const source = read.dataSource(request, { activity: false });
  const dealGrid = source.deals;
  const deals = source.readDeals();
  const p = request.period;
  const lines = p ? deals.lines.filter((l) => l.month >= (p.from ?? p.to) && l.month <= p.to) : deals.lines;
  if (lines.length === 0) throw NO_USABLE_DEALS;
  const contribution = analyseCustomers(lines, deals.hasStatus);
  const first = lines.reduce((m, l) => Math.min(m, l.month), Infinity);
  const last = lines.reduce((m, l) => Math.max(m, l.month), -Infinity);
  const period = { from: monthLabel(p ? (p.from ?? p.to) : first), to: monthLabel(p ? p.to : last) };
  const existing = read.table("customers");
  // Every row written says which months it covers and when it was filled (the check asks for a quarterly update).
  const stamp = customerPeriodStamp(period, request.locale, request.today);
  const merged = mergeCustomerTable(existing, contribution.segments);
  const rows = merged.map((r) =>
    r.cleared ? r : { ...r, cells: { ...r.cells, period: stamp } as Readonly<Record<string, CellValue>> },
  );

  let write: SheetWrite;
  let sheet: string;
  if (!existing) {
    const template = findTemplate("customers");
    const blueprint = createSheetBlueprint(template, {
      locale: request.locale,
      blankRows: Math.max(DEFAULT_BLANK_ROWS, rows.length + 5),
    });
    sheet = resolveFreeSheetName(blueprint.name, outline.sheets);
    const base = createTemplateSheetWrite(
      { ...blueprint, tableName: resolveFreeTableName(blueprint.tableName, outline.tables) },
      sheet,
      true,
    );
    const keys = template.columns.map((c) => c.key);
    const body = rows.map((r) =>
      keys.map((k) => (template.columns.find((c) => c.key === k)?.formula ? null : (r.cells[k] ?? null))),
    );
    write = { ...base, values: [...(base.values ?? []), { row: 1, column: 0, values: body }] };
  } else {
    sheet = existing.sheet;
    const lastRow = Math.max(existing.headerRow, ...existing.rows.map((r) => r.sheetRow));
    let appended = 0;
    const values: ValueBlock[] = [];
    // A sheet made before the period column existed gets it after its last header cell.
    const columns = new Map(existing.columns);
    const grid = grids.find((g) => g.name === existing.sheet)!;
    const cellAt = (row: number, column: number): CellValue => grid.values[row - grid.row]?.[column - grid.column] ?? null;
    let addedPeriod: number | undefined;
    if (!columns.has("period")) {
      const header = grid.values[existing.headerRow - grid.row] ?? [];
      let last = -1;
      header.forEach((v, i) => {
        if (!isBlank(v)) last = i;
      });
      addedPeriod = grid.column + last + 1;
      columns.set("period", addedPeriod);
      const title = findTemplate("customers").columns.find((c) => c.key === "period")!.header[request.locale];
      values.push({ row: existing.headerRow, column: addedPeriod, values: [[title]] });
    }
    for (const row of rows) {
      const sheetRow = row.sheetRow ?? lastRow + 1 + appended++;
      for (const [key, value] of Object.entries(row.cells)) {
        const column = columns.get(key);
        if (column === undefined) continue;
        // The period cell is the add-in's only while it is blank or holds the add-in's stamp.
        const current = cellAt(sheetRow, column);
        if (key === "period" && !isBlank(current) && !readCustomerPeriodStamp(current)) continue;
        values.push({ row: sheetRow, column, values: [[value]] });
      }
    }
    write = { sheet, values };
  }
  if (writing) {
    await step("writing");
    await host.write({ sheets: [write] });
  }
  return {
    dealSheet: dealGrid.name,
    mapping: deals.mapping.headers,
    missing: deals.mapping.missing,
    contribution,
    period,
    notes: [...readingNotes(deals, true).filter((n) => n.section !== "reps"), ...customerTableNotes(merged)],
    statuses: deals.statuses,
    sheet,
    created: !existing,
  };
}
