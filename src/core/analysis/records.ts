import type { CellValue } from "../cell/cell-value";
import type { SheetGrid } from "../validate/sheet-table";
import { parseDateValue } from "../parse/date-value";
import { normalizeText } from "../parse/parse-result";
import { findQuantities } from "../parse/quantity";
import { monthOf, type MonthKey } from "./period";
import {
  ACTIVITY_FIELDS,
  DEAL_FIELDS,
  detectFields,
  type ActivityField,
  type DealField,
  type FieldMapping,
  type ProcessField,
} from "./fields";

export type DealStatus = "won" | "lost" | "open";

/** How dates written with slashes or dots are read: 2026/11/03 (ymd), 03/11/2026 (dmy), 11/03/2026 (mdy). */
export type DateOrder = "ymd" | "dmy" | "mdy";

/** How to read a data sheet: the user's column map, today, and the date order when the data cannot tell. */
export interface DataReadOptions<F extends string> {
  /** Field -> header text; wins over detection, also for finding the header row. */
  readonly map?: Partial<Record<F, string>>;
  /** Today as an Excel serial: deal lines dated after it are forecast, never revenue. */
  readonly today?: number;
  /** Decided per column from the data when left out (a first part over 12 means day-first). */
  readonly dateOrder?: DateOrder;
}

/** One line of a deal/order sheet. Lines of one order share `orderId`. */
export interface DealLine {
  /** 0-based row on the sheet. */
  readonly sheetRow: number;
  readonly date: number;
  /** The calendar month of `date`, computed once. */
  readonly month: MonthKey;
  readonly rep: string;
  readonly customer: string;
  readonly customerType: string;
  readonly amount: number;
  readonly orderId: string;
  /** Small integers standing for `orderId` and `customer`: set membership on 100,000 lines is cheaper on numbers. */
  readonly orderKey: number;
  readonly customerKey: number;
  /**
   * The outcome: won, lost, or open (pipeline: neither won nor lost yet). Undefined when the sheet has
   * no status column or the line's status says nothing about the outcome: such lines are booked revenue.
   */
  readonly status?: DealStatus;
  readonly product: string;
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

export interface DealSheet {
  readonly mapping: FieldMapping<DealField>;
  /** 0-based sheet row of the header. */
  readonly headerRow: number;
  /** Lines dated up to today that are won, lost, or booked (no outcome recorded): what revenue is made of. */
  readonly lines: readonly DealLine[];
  /** Open pipeline: lines neither won nor lost, and lines dated after today that are not lost. Never revenue. */
  readonly pipeline: readonly DealLine[];
  readonly rejected: Readonly<Record<"noDate" | "noAmount" | "noCustomer", RejectedRows>>;
  /** Rows below the header that are not deal lines: totals and subtotals, notes and footers. */
  readonly skipped: Readonly<Record<"total" | "note", RejectedRows>>;
  /** True when a status column exists, so close rates can be computed. */
  readonly hasStatus: boolean;
  /** How the sheet's written dates were read. */
  readonly dateOrder: DateOrder;
}

export interface ActivitySheet {
  readonly mapping: FieldMapping<ActivityField>;
  /** 0-based sheet row of the header. */
  readonly headerRow: number;
  readonly records: readonly ActivityRecord[];
  readonly rejected: Readonly<Record<"noDate", RejectedRows>>;
}

const WON = /^(won|win|closed ?won|成交|赢单|已成交|签约|已签约|完成|已完成|成功)$/i;
const LOST = /^(lost|lose|closed ?lost|丢单|输单|失败|已丢单|流失|取消|已取消)$/i;
const OPEN = /(谈判|跟进|报价|意向|洽谈|商务|prospect|qualif|negotiat|proposal|open)/i;

export function readStatus(value: CellValue): DealStatus | undefined {
  const text = normalizeText(value);
  if (!text) return undefined;
  if (WON.test(text)) return "won";
  if (LOST.test(text)) return "lost";
  return OPEN.test(text) ? "open" : undefined;
}

/** An amount as a number or as text ("3.5万", "1,200"). */
export function readAmount(value: CellValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  const [q] = findQuantities(value);
  return q && !q.percent ? q.value : undefined;
}

function findHeaderRow(
  values: readonly (readonly CellValue[])[],
  fields: readonly ("date" | "amount" | "rep" | ProcessField)[],
): number {
  for (let r = 0; r < Math.min(10, values.length); r++) {
    const mapping = detectFields(fields, values[r] ?? []);
    if (mapping.missing.length < fields.length - 1) return r;
  }
  return 0;
}

function reject(target: { count: number; rows: number[] }, row: number): void {
  target.count++;
  if (target.rows.length < 5) target.rows.push(row + 1);
}

const text = (v: CellValue | undefined) => normalizeText(v ?? "");

/** Reads deal lines below the header row, with an explicit mapping (field -> header text) over detection. */
export function readDealSheet(grid: SheetGrid, options: DataReadOptions<DealField> = {}): DealSheet {
  const { values, row: origin } = grid;
  const explicit = options.map ?? {};
  const today = options.today ?? Infinity;
  const headerRow = findHeaderRow(values, ["date", "amount"]);
  const mapping = detectFields(DEAL_FIELDS, values[headerRow] ?? [], explicit);
  const c = mapping.columns;
  const rejected = {
    noDate: { count: 0, rows: [] as number[] },
    noAmount: { count: 0, rows: [] as number[] },
    noCustomer: { count: 0, rows: [] as number[] },
  };
  const skipped = {
    total: { count: 0, rows: [] as number[] },
    note: { count: 0, rows: [] as number[] },
  };
  const lines: DealLine[] = [];
  const pipeline: DealLine[] = [];
  const orderKeys = new Map<string, number>();
  const customerKeys = new Map<string, number>();
  const keyOf = (keys: Map<string, number>, id: string) => {
    let k = keys.get(id);
    if (k === undefined) keys.set(id, (k = keys.size));
    return k;
  };
  for (let r = headerRow + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    if (line.every((v) => v === null || v === "")) continue;
    const date = c.date === undefined ? undefined : parseDateValue(line[c.date]);
    const amount = c.amount === undefined ? undefined : readAmount(line[c.amount] ?? null);
    const customer = c.customer === undefined ? "" : text(line[c.customer]);
    if (date === undefined) {
      reject(rejected.noDate, origin + r);
      continue;
    }
    if (amount === undefined) {
      reject(rejected.noAmount, origin + r);
      continue;
    }
    if (c.customer !== undefined && !customer) {
      reject(rejected.noCustomer, origin + r);
      continue;
    }
    // Without an order id, every line is its own order.
    const orderId = (c.orderId === undefined ? "" : text(line[c.orderId])) || `#${origin + r + 1}`;
    const status = c.status === undefined ? undefined : readStatus(line[c.status] ?? null);
    const target = status === "open" || (date > today && status !== "lost") ? pipeline : lines;
    if (date > today && status === "lost") continue;
    target.push({
      sheetRow: origin + r,
      date,
      month: monthOf(date),
      amount,
      customer,
      rep: c.rep === undefined ? "" : text(line[c.rep]),
      customerType: c.customerType === undefined ? "" : text(line[c.customerType]),
      orderId,
      orderKey: keyOf(orderKeys, orderId),
      customerKey: keyOf(customerKeys, customer),
      status,
      product: c.product === undefined ? "" : text(line[c.product]),
    });
  }
  return {
    mapping,
    headerRow: origin + headerRow,
    lines,
    pipeline,
    rejected,
    skipped,
    hasStatus: c.status !== undefined,
    dateOrder: options.dateOrder ?? "ymd",
  };
}

/** Reads activity records (date or week, rep, counts); a missing count stays missing, not zero. */
export function readActivitySheet(grid: SheetGrid, options: DataReadOptions<ActivityField> = {}): ActivitySheet {
  const { values, row: origin } = grid;
  const explicit = options.map ?? {};
  const headerRow = findHeaderRow(values, ["date", "rep", "calls", "visits", "followUps", "proposals"]);
  const mapping = detectFields(ACTIVITY_FIELDS, values[headerRow] ?? [], explicit);
  const c = mapping.columns;
  const rejected = { noDate: { count: 0, rows: [] as number[] } };
  const records: ActivityRecord[] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    if (line.every((v) => v === null || v === "")) continue;
    const date = c.date === undefined ? undefined : parseDateValue(line[c.date]);
    if (date === undefined) {
      reject(rejected.noDate, origin + r);
      continue;
    }
    const counts: Partial<Record<ProcessField, number>> = {};
    for (const field of ["calls", "visits", "followUps", "proposals"] as const) {
      const col = c[field];
      const v = col === undefined ? undefined : readAmount(line[col] ?? null);
      if (v !== undefined && v >= 0) counts[field] = v;
    }
    records.push({ date, month: monthOf(date), rep: c.rep === undefined ? "" : text(line[c.rep]), counts });
  }
  return { mapping, headerRow: origin + headerRow, records, rejected };
}
