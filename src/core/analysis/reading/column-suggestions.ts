import type { CellValue } from "../../cell/cell-value";
import { parseAmountValue } from "../../parse/amount-value";
import { parseDateValueInOrder, type DateOrder } from "../../parse/date-value";
import { readSheetTable, type SheetGrid } from "../../sheet/sheet-table";
import { DEAL_FIELDS, isHeaderLike, normalizeHeaderText, type DataField, type DealField } from "./fields";
import { HEADER_VOCABULARY } from "./header-vocabulary";
import { findHeaderRow } from "./header-row";

/** The fields without which no sheet is a deal sheet. */
export const REQUIRED_DEAL_FIELDS = ["amount", "date"] as const satisfies readonly DealField[];
export type RequiredDealField = (typeof REQUIRED_DEAL_FIELDS)[number];

/** A required field detection did not find, and the headers that could be it, likeliest first (at most 3). */
export interface MissingColumn {
  readonly field: RequiredDealField;
  readonly candidates: readonly string[];
}

/** Where the deal data most likely is when no sheet was recognised, and what to map there. */
export interface ColumnSuggestion {
  readonly sheet: string;
  /** 0-based row within the grid's values of the header row looked at. */
  readonly headerRow: number;
  readonly missing: readonly MissingColumn[];
  /** The first candidate of each missing field: the mapping to try (a field without candidates is left out). */
  readonly map: Partial<Record<RequiredDealField, string>>;
}

/** How many rows below the header are looked at. */
const SAMPLE_ROWS = 200;
const MAX_CANDIDATES = 3;
const DATE_WORDS = /日期|时间|日$|date|time|day|at$|on$|when|月份|month/;
const AMOUNT_WORDS = /金额|款|额|价|费|元|收入|amount|total|value|sum|price|sales|revenue|paid|pay|net|gross|income/;
/** Numbers that are no money: identifiers, phone numbers, postcodes, years. */
const NOT_MONEY =
  /id$|编号|编码|号码|单号|号$|^no$|number|code|电话|phone|手机|mobile|邮编|zip|postal|年份|^year|month|月份|qtr|quarter|季度|行号|^row/;
/** A text date in any order people write one (2026-11-03, 11/03/2026, 03.11.2026). */
const DATE_ORDERS: readonly DateOrder[] = ["ymd", "mdy", "dmy"];

/** Serial days from 1970 to 2100: an Excel date written as a number. */
const isSerialDay = (v: number) => Number.isInteger(v) && v >= 25_569 && v <= 73_051;

interface ColumnProfile {
  readonly header: string;
  readonly column: number;
  readonly dates: number;
  readonly serials: number;
  readonly numbers: number;
  readonly filled: number;
}

function profile(values: readonly (readonly CellValue[])[], headerRow: number, column: number, header: string): ColumnProfile {
  let dates = 0;
  let serials = 0;
  let numbers = 0;
  let filled = 0;
  const end = Math.min(values.length, headerRow + 1 + SAMPLE_ROWS);
  for (let r = headerRow + 1; r < end; r++) {
    const v = values[r]?.[column];
    if (v === null || v === undefined || v === "") continue;
    filled++;
    if (typeof v === "number") {
      numbers++;
      if (isSerialDay(v)) serials++;
    } else if (typeof v === "string") {
      if (DATE_ORDERS.some((order) => parseDateValueInOrder(v, order) !== undefined)) dates++;
      else if (parseAmountValue(v) !== undefined) numbers++;
    }
  }
  return { header, column, dates, serials, numbers, filled };
}

/** Most of the sample, at least one value. */
const most = (count: number, filled: number) => count > 0 && count * 2 >= filled;

function candidatesFor(field: RequiredDealField, columns: readonly ColumnProfile[]): string[] {
  const scored: { header: string; hinted: boolean; column: number }[] = [];
  for (const c of columns) {
    const key = normalizeHeaderText(c.header);
    if (field === "date") {
      const hinted = DATE_WORDS.test(key);
      if (most(c.dates, c.filled) || (hinted && most(c.serials, c.filled)))
        scored.push({ header: c.header, hinted, column: c.column });
    } else {
      if (NOT_MONEY.test(key) || HEADER_VOCABULARY.amount.exclude?.test(key) || DATE_WORDS.test(key)) continue;
      if (most(c.numbers, c.filled) && !most(c.dates, c.filled)) {
        scored.push({ header: c.header, hinted: AMOUNT_WORDS.test(key), column: c.column });
      }
    }
  }
  scored.sort((a, b) => Number(b.hinted) - Number(a.hinted) || a.column - b.column);
  return scored.slice(0, MAX_CANDIDATES).map((s) => s.header);
}

function suggestFor(grid: SheetGrid, explicit: Partial<Record<DataField, string>>): ColumnSuggestion {
  const found = findHeaderRow(grid.values, DEAL_FIELDS, () => false, pickDeal(explicit));
  const row = grid.values[found.row] ?? [];
  const mapped = new Set(Object.values(found.mapping.columns));
  const columns: ColumnProfile[] = [];
  row.forEach((v, c) => {
    if (!mapped.has(c) && isHeaderLike(v)) columns.push(profile(grid.values, found.row, c, String(v).trim()));
  });
  const missing: MissingColumn[] = [];
  const map: Partial<Record<RequiredDealField, string>> = {};
  for (const field of REQUIRED_DEAL_FIELDS) {
    if (found.mapping.columns[field] !== undefined) continue;
    // A header already proposed for the amount is not offered again for the date.
    const taken = new Set(Object.values(map));
    const candidates = candidatesFor(
      field,
      columns.filter((c) => !taken.has(c.header)),
    );
    missing.push({ field, candidates });
    if (candidates[0] !== undefined) map[field] = candidates[0];
  }
  return { sheet: grid.name, headerRow: found.row, missing, map };
}

function pickDeal(explicit: Partial<Record<DataField, string>>): Partial<Record<DealField, string>> {
  const out: Partial<Record<DealField, string>> = {};
  for (const f of DEAL_FIELDS) if (explicit[f] !== undefined) out[f] = explicit[f];
  return out;
}

const hasData = (grid: SheetGrid) => grid.values.some((r) => r.some((v) => v !== null && v !== ""));

/**
 * When no sheet was recognised as deal data: the sheet that most looks like it (not a playbook sheet nor
 * `skip`, the most required fields found or proposed, the first such sheet) and, for the date and the amount
 * not found there, the columns that could be them: for the date, columns mostly holding dates; for the
 * amount, columns mostly holding numbers that are no identifier, quantity, discount or date. Columns whose
 * header says so ("…金额", "…时间", "Total", "Paid on") come first, then in sheet order. Undefined when no
 * sheet has either field or a column that could be it (notes, an empty workbook).
 */
export function suggestDealColumns(
  grids: readonly SheetGrid[],
  explicit: Partial<Record<DataField, string>> = {},
  skip: (grid: SheetGrid) => boolean = () => false,
): ColumnSuggestion | undefined {
  let best: { suggestion: ColumnSuggestion; score: number } | undefined;
  for (const grid of grids) {
    if (skip(grid) || !hasData(grid) || readSheetTable(grid)) continue;
    const suggestion = suggestFor(grid, explicit);
    const score = REQUIRED_DEAL_FIELDS.length - suggestion.missing.length + Object.keys(suggestion.map).length;
    if (score > 0 && (!best || score > best.score)) best = { suggestion, score };
  }
  return best?.suggestion;
}
