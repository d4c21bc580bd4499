import type { SheetGrid } from "../validate/sheet-table";
import { readSheetTable } from "../validate/sheet-table";
import { ACTIVITY_FIELDS, DEAL_FIELDS, detectFields, type DataField } from "./fields";

export type DataSheetKind = "deals" | "activity";

/**
 * Which of the user's sheets hold deal lines (a date and an amount) or activity records (a date, a
 * rep and a process count), judged by the header row within the first rows. Playbook templates are not data.
 */
export function classifyDataSheet(grid: SheetGrid, explicit: Partial<Record<DataField, string>> = {}): DataSheetKind | undefined {
  if (readSheetTable(grid)) return undefined;
  for (let r = 0; r < Math.min(10, grid.values.length); r++) {
    const header = grid.values[r] ?? [];
    const deals = detectFields(DEAL_FIELDS, header, explicit);
    if (deals.columns.date !== undefined && deals.columns.amount !== undefined) return "deals";
    const activity = detectFields(ACTIVITY_FIELDS, header, explicit);
    const counts = ["calls", "visits", "followUps", "proposals"].filter(
      (f) => activity.columns[f as keyof typeof activity.columns] !== undefined,
    );
    if (activity.columns.date !== undefined && activity.columns.rep !== undefined && counts.length > 0) return "activity";
  }
  return undefined;
}
