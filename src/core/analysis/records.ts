import type { CellValue } from "../cell/cell-value";
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

/** One line of a deal/order sheet. Lines of one order share `orderId`. */
export interface DealLine {
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
  readonly lines: readonly DealLine[];
  readonly rejected: Readonly<Record<"noDate" | "noAmount" | "noCustomer", RejectedRows>>;
  /** True when a status column exists, so close rates can be computed. */
  readonly hasStatus: boolean;
}

export interface ActivitySheet {
  readonly mapping: FieldMapping<ActivityField>;
  readonly records: readonly ActivityRecord[];
  readonly rejected: Readonly<Record<"noDate", RejectedRows>>;
}

const WON = /^(won|win|closed ?won|成交|赢单|已成交|签约|已签约|完成|已完成|成功)$/i;
const LOST = /^(lost|lose|closed ?lost|丢单|输单|失败|已丢单|流失|取消|已取消)$/i;

export function readStatus(value: CellValue): DealStatus | undefined {
  const text = normalizeText(value);
  if (!text) return undefined;
  if (WON.test(text)) return "won";
  if (LOST.test(text)) return "lost";
  return "open";
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
export function readDealSheet(
  values: readonly (readonly CellValue[])[],
  explicit: Partial<Record<DealField, string>> = {},
  origin = 0,
): DealSheet {
  const headerRow = findHeaderRow(values, ["date", "amount"]);
  const mapping = detectFields(DEAL_FIELDS, values[headerRow] ?? [], explicit);
  const c = mapping.columns;
  const rejected = {
    noDate: { count: 0, rows: [] as number[] },
    noAmount: { count: 0, rows: [] as number[] },
    noCustomer: { count: 0, rows: [] as number[] },
  };
  const lines: DealLine[] = [];
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
    lines.push({
      date,
      month: monthOf(date),
      amount,
      customer,
      rep: c.rep === undefined ? "" : text(line[c.rep]),
      customerType: c.customerType === undefined ? "" : text(line[c.customerType]),
      orderId,
      orderKey: keyOf(orderKeys, orderId),
      customerKey: keyOf(customerKeys, customer),
      status: c.status === undefined ? undefined : readStatus(line[c.status] ?? null),
      product: c.product === undefined ? "" : text(line[c.product]),
    });
  }
  return { mapping, lines, rejected, hasStatus: c.status !== undefined };
}

/** Reads activity records (date or week, rep, counts); a missing count stays missing, not zero. */
export function readActivitySheet(
  values: readonly (readonly CellValue[])[],
  explicit: Partial<Record<ActivityField, string>> = {},
  origin = 0,
): ActivitySheet {
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
  return { mapping, records, rejected };
}
