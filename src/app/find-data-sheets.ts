import { suggestDealColumns } from "../core/analysis/column-suggestions";
import { classifyDataSheet } from "../core/analysis/data-sheets";
import type { DataField } from "../core/analysis/fields";
import type { SheetGrid } from "../core/validate/sheet-table";
import { SETTINGS_SHEET } from "../core/settings/workbook-settings";
import { noDealSheet, sheetNotFound } from "./use-case-error";

export interface DataSheetChoice {
  readonly deals?: string;
  readonly activity?: string;
  /** The user's column mapping: a sheet whose headers only it explains still counts. */
  readonly map?: Partial<Record<DataField, string>>;
}

/** The deal sheet (named, or the first that looks like one) and an activity sheet if there is one. */
export function findDataSheets(grids: readonly SheetGrid[], choice: DataSheetChoice): { deals: SheetGrid; activity?: SheetGrid } {
  const byName = (name: string) => {
    const grid = grids.find((g) => g.name.toLowerCase() === name.toLowerCase());
    if (!grid) throw sheetNotFound(name);
    return grid;
  };
  const deals = choice.deals ? byName(choice.deals) : grids.find((g) => classifyDataSheet(g, choice.map) === "deals");
  if (!deals) throw noDealSheet(suggestDealColumns(grids, choice.map, (g) => g.name.toLowerCase() === SETTINGS_SHEET));
  // A sheet named for the deals whose date or amount no header gives: what could be them, rather than "no usable rows".
  if (choice.deals && classifyDataSheet(deals, choice.map) !== "deals") {
    const suggestion = suggestDealColumns([deals], choice.map);
    if (suggestion && suggestion.missing.length > 0) throw noDealSheet(suggestion);
  }
  const activity = choice.activity
    ? byName(choice.activity)
    : grids.find((g) => g !== deals && classifyDataSheet(g, choice.map) === "activity");
  return { deals, activity };
}
