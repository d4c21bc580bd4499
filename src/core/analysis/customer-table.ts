import type { CellValue } from "../cell/cell-value";
import { normalizeText } from "../parse/parse-result";
import type { SheetTable } from "../validate/sheet-table";
import type { SegmentStats } from "./customer-contribution";

/** Template 2's columns that the analysis computes; the others are the user's. */
const COMPUTED = ["customers", "orders", "revenue", "closeRate"] as const;

export interface CustomerTableRow {
  /** 0-based sheet row to write, or undefined for a row to append. */
  readonly sheetRow?: number;
  readonly cells: Readonly<Record<string, CellValue>>;
}

/**
 * The customer analysis sheet filled from the analysis: one row per customer type, existing rows
 * updated in place (their pain points and strategies untouched), new types appended. Share and order
 * value stay the sheet's formulas; a type no longer in the data keeps its row as the user left it.
 */
export function mergeCustomerTable(existing: SheetTable | undefined, segments: readonly SegmentStats[]): CustomerTableRow[] {
  const byType = new Map<string, number>();
  for (const row of existing?.rows ?? []) byType.set(normalizeText(row.cells.customerType), row.sheetRow);
  return segments.map((s) => {
    const cells: Record<string, CellValue> = {
      customers: s.customers,
      orders: s.orders,
      revenue: Math.round(s.revenue * 100) / 100,
      // Without a status column there is no close rate: what the user typed there stays.
      ...(s.closeRate === null ? {} : { closeRate: s.closeRate }),
    };
    const sheetRow = byType.get(normalizeText(s.type));
    return sheetRow === undefined ? { cells: { customerType: s.type, ...cells } } : { sheetRow, cells };
  });
}

export const CUSTOMER_TABLE_COMPUTED_COLUMNS: readonly string[] = COMPUTED;
