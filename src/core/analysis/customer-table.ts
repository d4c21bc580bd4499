import type { CellValue } from "../cell/cell-value";
import { serialToIso, toExcelSerial } from "../cell/excel-date";
import { formatText, type Bilingual, type Locale } from "../i18n/locale";
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

/** The customer sheet's "数据期间" cell: the months covered and, when known, the day it was filled. */
const STAMP: Readonly<Record<"period" | "filled", Bilingual>> = {
  period: { "zh-CN": "{from}至{to}", en: "{from} to {to}" },
  filled: { "zh-CN": "（{date}填写）", en: " (filled {date})" },
};

export function customerPeriodStamp(period: { from: string; to: string }, locale: Locale, today?: number): string {
  const date = today === undefined ? undefined : serialToIso(today);
  return formatText(STAMP.period[locale], period) + (date ? formatText(STAMP.filled[locale], { date }) : "");
}

export interface CustomerPeriod {
  /** ISO months ("2026-09"). */
  readonly from: string;
  readonly to: string;
  /** The day of the fill (Excel serial), when the cell says it. */
  readonly filled?: number;
  /** Excel serial of the last day of the quarter holding `to`. */
  readonly quarterEnd: number;
}

/** Reads a "数据期间" cell in either language; undefined when it holds something else. */
export function readCustomerPeriodStamp(value: CellValue | undefined): CustomerPeriod | undefined {
  if (typeof value !== "string") return undefined;
  const m = /(\d{4})-(\d{2})\s*(?:至|to)\s*(\d{4})-(\d{2})(?:\s*[（(](?:filled\s*)?(\d{4})-(\d{2})-(\d{2}))?/.exec(value);
  if (!m) return undefined;
  const [year, month] = [Number(m[3]), Number(m[4])];
  if (month < 1 || month > 12) return undefined;
  const lastMonth = Math.ceil(month / 3) * 3;
  return {
    from: `${m[1]}-${m[2]}`,
    to: `${m[3]}-${m[4]}`,
    ...(m[5] ? { filled: toExcelSerial(Number(m[5]), Number(m[6]), Number(m[7])) } : {}),
    // Day 0 of the month after the quarter: its last day.
    quarterEnd: toExcelSerial(year, lastMonth + 1, 0),
  };
}
