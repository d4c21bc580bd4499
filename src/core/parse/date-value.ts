import { fromExcelSerial, toExcelSerial } from "../cell/excel-date";
import { normalizeText } from "./parse-result";

const FULL_DATE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date cell as an Excel serial day: a serial number, or text written as 2026-11-03, 2026/11/3,
 * 2026.11.3, 2026年11月3日 (with an optional time), or 11/3/2026 (month first, as US exports write it).
 * The strict reader the playbook's checks use; data exports go through `parseDateValueInOrder`.
 */
export function parseDateValue(value: unknown): number | undefined {
  // 1900-03-01 .. 9999-12-31, the serials every spreadsheet program agrees on.
  if (typeof value === "number") return value >= 61 && value <= 2_958_465 ? Math.floor(value) : undefined;
  const text = normalizeText(value);
  let m = FULL_DATE.exec(text);
  if (m) return validSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = US_DATE.exec(text);
  if (m) return validSerial(Number(m[3]), Number(m[1]), Number(m[2]));
  return undefined;
}

/** How dates written with slashes or dots are read: 2026/11/03 (ymd), 03/11/2026 (dmy), 11/03/2026 (mdy). */
export type DateOrder = "ymd" | "dmy" | "mdy";

// What may follow the day: a weekday (星期二, （周二）, Tue), a time (14:30, 2:15 PM, 下午3:05, 14时30分) and a zone.
const WEEKDAY = String.raw`(?:[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?|[(（]?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?[)）]?)`;
const CLOCK = String.raw`(?:(?:上午|下午|中午|晚上|凌晨)\s*)?\d{1,2}(?:[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?|时(?:\d{1,2}分(?:\d{1,2}秒)?)?)(?:\s*[ap]\.?m\.?)?`;
const ZONE = String.raw`(?:z|\s*(?:utc|gmt)?\s*[+-]\d{2}(?::?\d{2})?)`;
const TAIL = new RegExp(String.raw`^\s*[,，]?\s*(?:${WEEKDAY}\s*)?(?:t?\s*${CLOCK})?${ZONE}?\s*$`, "i");

const LEADING_WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i;
const YEAR_FIRST = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/;
const CHINESE = /^(\d{4}|\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/;
const DAY_MONTH = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)/;
const DAY_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([a-z]{3,9})\.?[\s\-/.,]*(\d{4}|\d{2})(?!\d)/i;
const NAME_DAY = /^([a-z]{3,9})\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?[\s,\-/.]*(\d{4})(?!\d)/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/**
 * The two leading numbers of a date written day/month/year or month/day/year ("3/11/2026", "03.11.26",
 * "11-3-2026 2:15 PM"): what decides a column's order. Undefined for every other form.
 */
export function dayMonthParts(value: unknown): { readonly first: number; readonly second: number } | undefined {
  if (typeof value !== "string") return undefined;
  const text = normalizeText(value);
  const m = DAY_MONTH.exec(text);
  if (!m || !TAIL.test(text.slice(m[0].length))) return undefined;
  return { first: Number(m[1]), second: Number(m[3]) };
}

/**
 * A date cell of a data export as an Excel serial day. Besides what `parseDateValue` reads: dates with a
 * weekday or a time after them ("2026年11月3日 星期二", "11/3/2026 2:15 PM"), 3/11/2026 and 3.11.2026 read in
 * `order` ("dmy" or "mdy"; "ymd" reads them month-first), two-digit years (68 and below are 20xx), month names
 * ("3-Nov-2026", "03-Nov-26", "Nov 3, 2026", "3 November 2026"), 20261103, and serial numbers written as text.
 */
export function parseDateValueInOrder(value: unknown, order: DateOrder): number | undefined {
  if (typeof value === "number") {
    if (value >= 19_000_101 && value <= 21_001_231 && Number.isInteger(value)) return compact(String(value));
    return value >= 61 && value <= 2_958_465 ? Math.floor(value) : undefined;
  }
  if (typeof value !== "string") return undefined;
  const text = normalizeText(value).replace(LEADING_WEEKDAY, "");
  if (text === "") return undefined;
  let m = YEAR_FIRST.exec(text);
  if (m) return withTail(text, m[0], Number(m[1]), Number(m[3]), Number(m[4]));
  m = CHINESE.exec(text);
  if (m) return withTail(text, m[0], fullYear(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const [month, day] = order === "dmy" ? [b, a] : [a, b];
    return withTail(text, m[0], fullYear(m[4]), month, day);
  }
  m = DAY_NAME.exec(text);
  if (m) return withTail(text, m[0], fullYear(m[3]), monthNumber(m[2]), Number(m[1]));
  m = NAME_DAY.exec(text);
  if (m) return withTail(text, m[0], Number(m[3]), monthNumber(m[1]), Number(m[2]));
  if (COMPACT.test(text)) return compact(text);
  if (SERIAL_TEXT.test(text)) return parseDateValue(Number(text));
  return undefined;
}

function withTail(text: string, head: string, year: number, month: number, day: number): number | undefined {
  return TAIL.test(text.slice(head.length)) ? validSerial(year, month, day) : undefined;
}

function compact(text: string): number | undefined {
  const m = COMPACT.exec(text);
  return m ? validSerial(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year <= 68 ? 2000 + year : 1900 + year;
}

/** The month an English month name or its abbreviation of three letters or more names (1-12); 0 when none. */
export function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  const index = MONTHS.findIndex((name) => name.startsWith(lower) && lower.length >= 3);
  return index + 1; // 0 when not a month: rejected by validSerial
}

function validSerial(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const serial = toExcelSerial(year, month, day);
  const back = fromExcelSerial(serial);
  return back && back.month === month && back.day === day ? serial : undefined;
}
