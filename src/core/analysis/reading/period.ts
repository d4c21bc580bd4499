import type { CellValue } from "../../cell/cell-value";
import { toExcelSerial } from "../../cell/excel-date";
import { monthNumber, parseDateValueInOrder } from "../../parse/date-value";
import { normalizeText } from "../../parse/parse-result";

/** A calendar month as a sortable number: year * 12 + (month - 1). */
export type MonthKey = number;

/**
 * The month of an Excel serial day, by arithmetic (days-to-civil, H. Hinnant) rather than a Date
 * object: the analysis asks this once per line, on 100,000 lines.
 */
export function monthOf(serial: number): MonthKey {
  if (!(serial >= 61)) return 0;
  const z = Math.floor(serial) - 25569 + 719468; // days since 0000-03-01 (serial 25569 = 1970-01-01)
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

export function monthLabel(key: MonthKey): string {
  const year = Math.floor(key / 12);
  return `${year}-${String((key % 12) + 1).padStart(2, "0")}`;
}

export function monthStart(key: MonthKey): number {
  return toExcelSerial(Math.floor(key / 12), (key % 12) + 1, 1);
}

/** The months a command covers: `to`, or `from`..`to`. */
export interface MonthRange {
  readonly from?: MonthKey;
  readonly to: MonthKey;
}

/** "2026-11" (one month) or "2026-09..2026-11" (a range): the months a command covers; undefined when malformed. */
export function parseMonthRange(text: string): MonthRange | undefined {
  const month = (s: string): MonthKey | undefined => {
    const m = /^(\d{4})-(\d{1,2})$/.exec(s.trim());
    return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
  };
  const [a, b, ...rest] = text.split("..");
  if (rest.length > 0) return undefined;
  const from = month(a);
  if (b === undefined) return from === undefined ? undefined : { to: from };
  const to = month(b);
  return from === undefined || to === undefined || to < from ? undefined : { from, to };
}

/** 2026-11, 2026/11, 2026.11, 2026年11月, 2026 年 11 月, and the same with a day (and more) after them. */
const YEAR_MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?!\d)/;
/** 11/2026, 11-2026. */
const MONTH_YEAR = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/;
/**
 * Nov-26, Nov '26, Nov 2026, November 2026 (a month name with a year: how a month is shown in English). A two-digit
 * year only after "-", "/" or "'": "Mar 26" is more likely the 26th of March.
 */
const NAME_YEAR = /^([a-z]{3,9})\.?(?:[\s,]+(\d{4})|\s*[-/'’]\s*(\d{4}|\d{2}))$/i;

const monthKey = (year: number, month: number): MonthKey | undefined =>
  year >= 1900 && month >= 1 && month <= 12 ? year * 12 + month - 1 : undefined;

/**
 * The month a cell names, however the spreadsheet kept what was written there: text ("2026-11", "2026年11月",
 * "2026/11/1", "2026-11-30 14:00", "11/2026", "Nov 2026"), a date (the serial a host turned "2026-11" into: Excel and
 * WPS make it the 1st of the month, with the time of day when there is one) or a number written yyyymm (202611).
 * Undefined for anything that names no month of a year ("30日14:00", "10月30日", a time of day).
 */
export function monthOfCell(value: CellValue): MonthKey | undefined {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 190_001 && value <= 299_912) return monthKey(Math.floor(value / 100), value % 100);
    return value >= 61 && value <= 2_958_465 ? monthOf(value) : undefined;
  }
  if (typeof value !== "string") return undefined;
  const text = normalizeText(value);
  let m = YEAR_MONTH.exec(text);
  if (m) return monthKey(Number(m[1]), Number(m[2]));
  m = MONTH_YEAR.exec(text);
  if (m) return monthKey(Number(m[2]), Number(m[1]));
  m = NAME_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[1]);
    const digits = m[2] ?? m[3];
    const year = digits.length === 2 ? 2000 + Number(digits) : Number(digits);
    if (month > 0) return monthKey(year, month);
  }
  const serial = parseDateValueInOrder(text, "ymd");
  return serial === undefined ? undefined : monthOf(serial);
}
