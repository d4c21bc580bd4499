import { isBlank, type CellValue } from "../../cell/cell-value";
import type { SheetGrid } from "../../sheet/sheet-table";
import { parseAmountValue } from "../../parse/amount-value";
import type { DateOrder } from "../../parse/date-value";
import { normalizeText } from "../../parse/parse-result";
import { createDateColumnReader, type DateOrderSource } from "./date-column";
import { createDealKeys } from "./deal-keys";
import { createStatusColumnReader, outcomeOf, type DealStatus, type StatusMap, type StatusSummary } from "./deal-status";
import { findHeaderRow } from "./header-row";
import { isExampleName } from "../../templates/example-names";
import { isNoteRow, isTotalRow } from "./non-deal-rows";
import { monthOf, type MonthKey } from "./period";
import {
  ACTIVITY_FIELDS,
  customerNameColumn,
  DEAL_FIELDS,
  detectFields,
  PROCESS_FIELDS,
  type ActivityField,
  type DealField,
  type FieldMapping,
  type ProcessField,
} from "./fields";

export type { DateOrder } from "../../parse/date-value";
export type { DateOrderSource } from "./date-column";
export type { DealStatus, StatusMap, StatusSummary } from "./deal-status";

/** How to read a data sheet: the user's column map, today, and the date order when the data cannot tell. */
export interface DataReadOptions<F extends string> {
  /** Field -> header text; wins over detection, also for finding the header row. */
  readonly map?: Partial<Record<F, string>>;
  /** Today as an Excel serial: deal lines dated after it are forecast, never revenue. */
  readonly today?: number;
  /** Decided per column from the data when left out (a first part over 12 means day-first). */
  readonly dateOrder?: DateOrder;
  /** Status text -> the class the user gave it; wins over what the words say. */
  readonly statuses?: StatusMap;
}

/** One line of a deal/order sheet. Lines of one order share `orderId`. */
export interface DealLine {
  /** 0-based row on the sheet. */
  readonly sheetRow: number;
  readonly date: number;
  /** The calendar month of `date`, computed once. */
  readonly month: MonthKey;
  readonly rep: string;
  /** A small integer standing for `rep` (`deal-keys`): the month index finds a rep's figures by it, not by the name. */
  readonly repKey: number;
  /** The customer's name where the sheet has one beside the customer id (the id tells customers apart), else the customer cell. */
  readonly customer: string;
  readonly customerType: string;
  readonly amount: number;
  readonly orderId: string;
  /** Small integers standing for the order (its id and customer) and the customer (`deal-keys`). */
  readonly orderKey: number;
  readonly customerKey: number;
  /**
   * The outcome: won, lost, or open (pipeline: neither won nor lost yet). Undefined when the sheet has
   * no status column or the line's status says nothing about the outcome: such lines are booked revenue.
   */
  readonly status?: DealStatus;
  readonly product: string;
  /** Small integers standing for `customerType` and `product` (`deal-keys`): the groupings by them index by these. */
  readonly typeKey: number;
  readonly productKey: number;
}

export interface ActivityRecord {
  readonly date: number;
  readonly month: MonthKey;
  readonly rep: string;
  readonly counts: Readonly<Partial<Record<ProcessField, number>>>;
}

/** What could not be used, by reason, with the first few sheet rows (1-based) for the user to look at. */
export interface RejectedRows {
  readonly count: number;
  readonly rows: readonly number[];
}

/** How a sheet's dates were read, for the UI to say so (and warn when the order was a guess). */
export interface DateReading {
  /** How the sheet's written day/month dates were read; "ymd" when it wrote none (nothing to decide). */
  readonly dateOrder: DateOrder;
  /** "option": the caller's; "data": a part over 12 decided; "default": nothing decided (month-first). */
  readonly dateOrderSource: DateOrderSource;
  /** Dates read that the other order would have read as another day (03/04/2026): warn when the source is "default". */
  readonly ambiguousDates: number;
}

export interface DealSheet extends DateReading {
  readonly mapping: FieldMapping<DealField>;
  /** 0-based sheet row of the header. */
  readonly headerRow: number;
  /** False when no row within the first 30 has a date and an amount header (the first row was read). */
  readonly headerFound: boolean;
  /** Lines dated up to today that are won, lost, or booked (no outcome recorded): what revenue is made of. */
  readonly lines: readonly DealLine[];
  /**
   * Open pipeline: lines neither won nor lost, and lines dated after today that are not lost. Never revenue. An open
   * deal whose date is empty (a CRM's close date before the deal closes) is here with `date` NaN and `month` 0.
   */
  readonly pipeline: readonly DealLine[];
  readonly rejected: Readonly<Record<"noDate" | "noAmount" | "noCustomer", RejectedRows>>;
  /** Rows below the header that are not deal lines: totals and subtotals, notes and footers. */
  readonly skipped: Readonly<Record<"total" | "note" | "example", RejectedRows>>;
  /** True when a status column exists, so close rates can be computed. */
  readonly hasStatus: boolean;
  /**
   * True when the status column holds no lost line (every decided line is won): close rates cannot be computed,
   * so won lines were read as booked with no outcome.
   */
  readonly onlyWon: boolean;
  /** What the status column held, per distinct text (blank as ""), with its class, most lines first (every one: the notes count them all). */
  readonly statuses: readonly StatusSummary[];
  /** Order ids found on lines of more than one customer (each customer's lines counted as an order of its own). */
  readonly sharedOrderIds: number;
  /** The customer name column shown when the customer column is an id (the id tells customers apart). */
  readonly customerName?: string;
}

export interface ActivitySheet extends DateReading {
  readonly mapping: FieldMapping<ActivityField>;
  /** 0-based sheet row of the header. */
  readonly headerRow: number;
  readonly headerFound: boolean;
  readonly records: readonly ActivityRecord[];
  readonly rejected: Readonly<Record<"noDate", RejectedRows>>;
  readonly skipped: Readonly<Record<"total" | "note" | "example", RejectedRows>>;
}

/** An amount as a number or as text ("3.5万", "1,200", "-1,234.00", "(1,234.00)", "¥-1,234"); percentages are not. */
export function readAmount(value: CellValue): number | undefined {
  return parseAmountValue(value);
}

type Tally = { count: number; rows: number[] };
const tally = (): Tally => ({ count: 0, rows: [] });

function reject(target: Tally, row: number): void {
  target.count++;
  if (target.rows.length < 5) target.rows.push(row + 1);
}

/**
 * Whether a row is not data: blank, a total (counted in `skipped.total`), or the template's example row
 * (owner "*某", counted in `skipped.example`).
 */
function isNotData(
  line: readonly CellValue[],
  repColumn: number | undefined,
  skipped: { readonly total: Tally; readonly example: Tally },
  row: number,
  isExample: (value: CellValue | undefined) => boolean,
): boolean {
  if (isBlankRow(line)) return true;
  if (isTotalRow(line)) {
    reject(skipped.total, row);
    return true;
  }
  if (repColumn !== undefined && isExample(line[repColumn])) {
    reject(skipped.example, row);
    return true;
  }
  return false;
}

/**
 * `isExampleName` once per distinct rep cell (the first 4,096): a sheet names few reps, and asking per line read each
 * cell as text and ran the expression again (with the expression then built per call, 7 MB of garbage for the bench's
 * 100,000 lines).
 */
function exampleNames(): (value: CellValue | undefined) => boolean {
  const known = new Map<CellValue | undefined, boolean>();
  return (value) => {
    let is = known.get(value);
    if (is === undefined) {
      is = isExampleName(value);
      if (known.size < 4096) known.set(value, is);
    }
    return is;
  };
}

/**
 * A cell as text (`normalizeText`). Five cells of every deal line are read as text, and most need no change: a text
 * with no full-width character and a printable ASCII or CJK character at each end (nothing to trim) is returned as it
 * is, told by its char codes instead of normalizeText's expression (the five text cells of the bench's 100,000 lines:
 * 12.8 -> 9.7 ms; readDealSheet about 8 ms less).
 */
function text(v: CellValue | undefined): string {
  return typeof v === "string" && isPlainText(v) ? v : normalizeText(v ?? "");
}

const isPlainEnd = (c: number) => (c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff);

function isPlainText(v: string): boolean {
  if (v.length === 0) return true;
  if (!isPlainEnd(v.charCodeAt(0)) || !isPlainEnd(v.charCodeAt(v.length - 1))) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e)) return false;
  }
  return true;
}

function isBlankRow(line: readonly CellValue[]): boolean {
  for (let i = 0; i < line.length; i++) if (!isBlank(line[i])) return false;
  return true;
}

/** A cell, or where it is blank the estimate's column behind it (see `FieldMapping.fallbacks`). */
function cellOf<F extends DealField | ActivityField>(
  line: readonly CellValue[],
  mapping: FieldMapping<F>,
  field: F,
): CellValue | undefined {
  const column = mapping.columns[field];
  if (column === undefined) return undefined;
  const value = line[column];
  const fallback = mapping.fallbacks[field];
  return fallback !== undefined && isBlank(value ?? null) ? line[fallback.column] : value;
}

/** The deal header at a row found before: its mapping under `map`, and whether it passes the deal test. */
function headerAt(values: SheetGrid["values"], row: number, map: Partial<Record<DealField, string>> | undefined) {
  const mapping = detectFields(DEAL_FIELDS, values[row] ?? [], map);
  return { row, mapping, found: acceptsDeals(mapping) };
}

/** What makes a header row a deal sheet's: a date and an amount. */
export function acceptsDeals(mapping: FieldMapping<DealField>): boolean {
  return mapping.columns.date !== undefined && mapping.columns.amount !== undefined;
}

/**
 * Reads deal lines below the header row, with an explicit mapping (field -> header text) over detection.
 * `headerRow` (0-based within the grid's values): the row a caller already found with the same test
 * (`dataSheetHeader`), taken as it is instead of searched for again.
 */
export function readDealSheet(
  grid: SheetGrid,
  options: DataReadOptions<DealField> & { readonly headerRow?: number } = {},
): DealSheet {
  const { values, row: origin } = grid;
  const today = options.today ?? Infinity;
  const header =
    options.headerRow === undefined
      ? findHeaderRow(values, DEAL_FIELDS, acceptsDeals, options.map)
      : headerAt(values, options.headerRow, options.map);
  const { row: headerRow, mapping } = header;
  const c = mapping.columns;
  const dates = createDateColumnReader(values, headerRow + 1, [c.date, mapping.fallbacks.date?.column], options.dateOrder);
  const statuses = createStatusColumnReader(values, headerRow + 1, c.status, options.statuses);
  const nameColumn = customerNameColumn(values[headerRow] ?? [], mapping);
  const rejected = { noDate: tally(), noAmount: tally(), noCustomer: tally() };
  const skipped = { total: tally(), note: tally(), example: tally() };
  const lines: DealLine[] = [];
  const pipeline: DealLine[] = [];
  const isExample = exampleNames();
  const keys = createDealKeys(Math.max(0, values.length - headerRow - 1));
  const headerLine = values[headerRow] ?? [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    if (isNotData(line, c.rep, skipped, origin + r, isExample)) continue;
    const date = c.date === undefined ? undefined : dates.read(cellOf(line, mapping, "date"));
    const amount = c.amount === undefined ? undefined : readAmount(cellOf(line, mapping, "amount") ?? null);
    if (date === undefined && amount === undefined && isNoteRow(line, headerLine, c.date ?? c.amount)) {
      reject(skipped.note, origin + r);
      continue;
    }
    const statusCell = c.status === undefined ? undefined : line[c.status];
    const status = outcomeOf(statuses.classOf(statusCell));
    // A CRM keeps a lost deal's value, and often an open one's, as 0 or nothing: still a deal (where the sheet
    // has amounts); and it leaves an open deal's close date empty: still pipeline, undated.
    const keptWithoutAmount = c.amount !== undefined && (status === "lost" || status === "open");
    if (date === undefined && !(status === "open" && c.date !== undefined)) {
      reject(rejected.noDate, origin + r);
      continue;
    }
    if (amount === undefined && !keptWithoutAmount) {
      reject(rejected.noAmount, origin + r);
      continue;
    }
    const customerId = c.customer === undefined ? "" : text(line[c.customer]);
    const customer = (nameColumn && text(line[nameColumn.column])) || customerId;
    if (c.customer !== undefined && !customer) {
      reject(rejected.noCustomer, origin + r);
      continue;
    }
    const customerKey = keys.customerKey(customerId, customer);
    // Without an order id, every line is its own order; with one, an order is its id and its customer.
    const id = c.orderId === undefined ? "" : text(line[c.orderId]);
    const orderId = id || `#${origin + r + 1}`;
    statuses.count(statusCell);
    if (date !== undefined && date > today && status === "lost") continue;
    const target = date === undefined || status === "open" || date > today ? pipeline : lines;
    const rep = c.rep === undefined ? "" : text(line[c.rep]);
    const customerType = c.customerType === undefined ? "" : text(line[c.customerType]);
    const product = c.product === undefined ? "" : text(line[c.product]);
    target.push({
      sheetRow: origin + r,
      date: date ?? NaN,
      month: date === undefined ? 0 : monthOf(date),
      amount: amount ?? 0,
      customer,
      rep,
      repKey: keys.repKey(rep),
      customerType,
      orderId,
      orderKey: keys.orderKey(id, customerKey),
      customerKey,
      status,
      product,
      typeKey: keys.typeKey(customerType),
      productKey: keys.productKey(product),
    });
  }
  // A column that never says lost cannot tell a close rate: its won lines say no more than booked ones.
  const onlyWon = c.status !== undefined && lines.some((l) => l.status === "won") && !lines.some((l) => l.status === "lost");
  return {
    mapping,
    headerRow: origin + headerRow,
    headerFound: header.found,
    lines: onlyWon ? lines.map((l) => (l.status === "won" ? { ...l, status: undefined } : l)) : lines,
    pipeline,
    rejected,
    skipped,
    hasStatus: c.status !== undefined,
    onlyWon,
    statuses: statuses.summary(),
    sharedOrderIds: keys.sharedOrderIds(),
    ...(nameColumn ? { customerName: nameColumn.header } : {}),
    dateOrder: dates.order,
    dateOrderSource: dates.source,
    ambiguousDates: dates.ambiguous,
  };
}

/** Reads activity records (date or week, rep, counts); a missing count stays missing, not zero. */
export function readActivitySheet(grid: SheetGrid, options: DataReadOptions<ActivityField> = {}): ActivitySheet {
  const { values, row: origin } = grid;
  const header = findHeaderRow(
    values,
    ACTIVITY_FIELDS,
    (m) => m.columns.date !== undefined && m.missing.length < ACTIVITY_FIELDS.length - 1,
    options.map,
  );
  const { row: headerRow, mapping } = header;
  const c = mapping.columns;
  const dates = createDateColumnReader(values, headerRow + 1, [c.date], options.dateOrder);
  const rejected = { noDate: tally() };
  const skipped = { total: tally(), note: tally(), example: tally() };
  const records: ActivityRecord[] = [];
  const isExample = exampleNames();
  const headerLine = values[headerRow] ?? [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    if (isNotData(line, c.rep, skipped, origin + r, isExample)) continue;
    const date = c.date === undefined ? undefined : dates.read(line[c.date]);
    if (date === undefined) {
      if (isNoteRow(line, headerLine, c.date)) reject(skipped.note, origin + r);
      else reject(rejected.noDate, origin + r);
      continue;
    }
    const counts: Partial<Record<ProcessField, number>> = {};
    for (let f = 0; f < PROCESS_FIELDS.length; f++) {
      const field = PROCESS_FIELDS[f]!;
      const col = c[field];
      const v = col === undefined ? undefined : readAmount(line[col] ?? null);
      if (v !== undefined && v >= 0) counts[field] = v;
    }
    records.push({ date, month: monthOf(date), rep: c.rep === undefined ? "" : text(line[c.rep]), counts });
  }
  return {
    mapping,
    headerRow: origin + headerRow,
    headerFound: header.found,
    records,
    rejected,
    skipped,
    dateOrder: dates.order,
    dateOrderSource: dates.source,
    ambiguousDates: dates.ambiguous,
  };
}
