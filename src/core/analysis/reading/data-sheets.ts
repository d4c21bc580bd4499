import type { SheetGrid } from "../../sheet/sheet-table";
import { readSheetTable } from "../../sheet/sheet-table";
import { ACTIVITY_FIELDS, DEAL_FIELDS, PROCESS_FIELDS, type DataField } from "./fields";
import { acceptsDeals } from "./records";
import { findHeaderRow } from "./header-row";

export type DataSheetKind = "deals" | "activity";

/**
 * Which of the user's sheets hold deal lines (a date and an amount) or activity records (a date, a rep and a
 * process count), judged by the header row the readers would use (`findHeaderRow`: the first 30 rows, titles and
 * export notes skipped, an explicit map first). Playbook templates are not data.
 */
export function classifyDataSheet(grid: SheetGrid, explicit: Partial<Record<DataField, string>> = {}): DataSheetKind | undefined {
  return dataSheetHeader(grid, explicit)?.kind;
}

/**
 * `classifyDataSheet` with the header row it judged by (0-based within the grid's values). For a deal sheet it is
 * the row `readDealSheet` would find with the same map, so the caller hands it over (`headerRow`) instead of a
 * second search.
 */
export function dataSheetHeader(
  grid: SheetGrid,
  explicit: Partial<Record<DataField, string>> = {},
): { readonly kind: DataSheetKind; readonly row: number } | undefined {
  if (readSheetTable(grid)) return undefined;
  const deals = findHeaderRow(grid.values, DEAL_FIELDS, acceptsDeals, pick(explicit, DEAL_FIELDS));
  if (deals.found) return { kind: "deals", row: deals.row };
  const activity = findHeaderRow(
    grid.values,
    ACTIVITY_FIELDS,
    (m) => m.columns.date !== undefined && m.columns.rep !== undefined && PROCESS_FIELDS.some((f) => m.columns[f] !== undefined),
    pick(explicit, ACTIVITY_FIELDS),
  );
  return activity.found ? { kind: "activity", row: activity.row } : undefined;
}

function pick<F extends DataField>(
  explicit: Partial<Record<DataField, string>>,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const f of fields) if (explicit[f] !== undefined) out[f] = explicit[f];
  return out;
}
