import { fromExcelSerial, mondayOf, toExcelSerial, type CalendarDate } from "../cell/excel-date";
import { parseChineseNumeral } from "./numerals";
import { memoizeText } from "./memo";
import { failed, normalizeText, parsed, type ParseResult } from "./parse-result";

/** A deadline resolved to a day (Excel serial), with what it was read from. */
export interface Deadline {
  readonly serial: number;
  readonly kind: "date" | "dayOfMonth" | "monthDay" | "relative" | "periodEnd";
}

/** A span of days, both ends included (Excel serials). */
export interface Period {
  readonly start: number;
  readonly end: number;
  readonly kind: "week" | "month" | "quarter" | "year";
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return toExcelSerial(year, month, day);
}

export function monthPeriod(date: CalendarDate): Period {
  return {
    kind: "month",
    start: toExcelSerial(date.year, date.month, 1),
    end: toExcelSerial(date.year, date.month, daysInMonth(date.year, date.month)),
  };
}

export function quarterPeriod(date: CalendarDate, quarter = Math.ceil(date.month / 3)): Period {
  const lastMonth = quarter * 3;
  return {
    kind: "quarter",
    start: toExcelSerial(date.year, lastMonth - 2, 1),
    end: toExcelSerial(date.year, lastMonth, daysInMonth(date.year, lastMonth)),
  };
}

export function yearPeriod(date: CalendarDate): Period {
  return { kind: "year", start: toExcelSerial(date.year, 1, 1), end: toExcelSerial(date.year, 12, 31) };
}

function numberFrom(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

const NUM = "(\\d{1,4}|[零〇一二两三四五六七八九十百]+)";
const FULL_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const MONTH_DAY = new RegExp(`${NUM}\\s*月\\s*${NUM}\\s*[日号]`);
const SLASH_MONTH_DAY = /(\d{1,2})\/(\d{1,2})(?!\d)/;
const WITHIN = new RegExp(`${NUM}\\s*(天|日|周|星期|个月|月)(?:之内|以内|内)`);
const WITHIN_EN = /within\s+(\d+)\s+(day|week|month)s?/;
const QUARTER = /(?:^|[^a-z])q([1-4])(?![0-9])/;
const QUARTER_ZH = /第?([一二三四1-4])季度/;
const DAY_OF_MONTH = new RegExp(`(?:^|[^\\d月])${NUM}\\s*[日号]`);
const DAY_OF_MONTH_EN = /\b(\d{1,2})(?:st|nd|rd|th)\b/;

/**
 * Reads a deadline relative to `today` (Excel serial): 2026-12-31, 2026/12/31, 2026年12月31日,
 * 12月31日, 30日, 30th, an Excel serial, 本月底/月末/end of month, 1周内/3天内/within 2 weeks,
 * Q4/第四季度, 季度末/end of quarter, 年底/end of year.
 */
export function parseDeadline(input: unknown, today: number): ParseResult<Deadline> {
  const read = deadlineReader(today);
  if (!read) return failed("invalid-date");
  if (typeof input === "number") {
    return fromExcelSerial(input) ? parsed({ serial: Math.floor(input), kind: "date" }) : failed("invalid-date");
  }
  return read(normalizeText(input).toLowerCase());
}

/**
 * A remembering reader of deadline texts per `today`: a sheet repeats its deadlines ("30日", "月底") and validation
 * reads each twice (the row's rule and its decomposition's period), 20,000 parses of 10,000 target rows.
 */
const READERS = new Map<number, ((text: string) => ParseResult<Deadline>) | undefined>();

function deadlineReader(today: number): ((text: string) => ParseResult<Deadline>) | undefined {
  if (READERS.has(today)) return READERS.get(today);
  const ref = fromExcelSerial(today);
  const read = ref ? memoizeText((text) => readDeadline(text, ref, today)) : undefined;
  if (READERS.size >= 16) READERS.clear();
  READERS.set(today, read);
  return read;
}

function readDeadline(text: string, ref: CalendarDate, today: number): ParseResult<Deadline> {
  if (!text) return failed("empty");

  let m = FULL_DATE.exec(text);
  if (m) {
    const serial = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return serial ? parsed({ serial, kind: "date" }) : failed("invalid-date");
  }
  m = MONTH_DAY.exec(text) ?? SLASH_MONTH_DAY.exec(text);
  if (m) {
    const serial = validDate(ref.year, numberFrom(m[1]) ?? 0, numberFrom(m[2]) ?? 0);
    return serial ? parsed({ serial, kind: "monthDay" }) : failed("invalid-date");
  }
  m = WITHIN.exec(text) ?? WITHIN_EN.exec(text);
  if (m) {
    const n = numberFrom(m[1]) ?? 0;
    const unit = m[2];
    if (unit === "月" || unit === "个月" || unit === "month") {
      const d = new Date(Date.UTC(ref.year, ref.month - 1 + n, ref.day));
      return parsed({ serial: toExcelSerial(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), kind: "relative" });
    }
    const days = unit === "周" || unit === "星期" || unit === "week" ? 7 * n : n;
    return parsed({ serial: today + days, kind: "relative" });
  }
  const quarter = QUARTER.exec(text) ?? QUARTER_ZH.exec(text);
  if (quarter) {
    const q = numberFrom(quarter[1]) ?? 0;
    return parsed({ serial: quarterPeriod(ref, q).end, kind: "periodEnd" });
  }
  if (/季度末|季末|本季度|end of (?:the )?quarter/.test(text))
    return parsed({ serial: quarterPeriod(ref).end, kind: "periodEnd" });
  if (/年底|年末|年终|end of (?:the )?year/.test(text)) return parsed({ serial: yearPeriod(ref).end, kind: "periodEnd" });
  if (/月底|月末|本月|end of (?:the )?month|\beom\b/.test(text))
    return parsed({ serial: monthPeriod(ref).end, kind: "periodEnd" });
  m = DAY_OF_MONTH.exec(text) ?? DAY_OF_MONTH_EN.exec(text);
  if (m) {
    const day = numberFrom(m[1]) ?? 0;
    const serial = validDate(ref.year, ref.month, day);
    return serial ? parsed({ serial, kind: "dayOfMonth" }) : failed("invalid-date");
  }
  return failed("no-date");
}

/** The kind of period a text names: 季度/quarter/Q4, 年度/annual, 周/weekly, 月度/monthly; undefined when it names none. */
export function periodKindNamed(input: unknown): Period["kind"] | undefined {
  return kindNamedIn(normalizeText(input).toLowerCase());
}

/** Remembered: every row of a decomposition repeats its team target, read twice per row by validation. */
const kindNamedIn = memoizeText((text: string): Period["kind"] | undefined => {
  if (/季度|quarter|\bq[1-4]\b/.test(text)) return "quarter";
  if (/年度|全年|年目标|annual|yearly|\byear\b/.test(text)) return "year";
  if (/周|weekly|\bweek\b/.test(text)) return "week";
  if (/月度|月|monthly|\bmonth\b/.test(text)) return "month";
  return undefined;
});

/** The period of `kind` that contains a day (Excel serial). */
export function periodContaining(kind: Period["kind"], serial: number): Period {
  const ref = fromExcelSerial(serial) ?? { year: 2000, month: 1, day: 1 };
  if (kind === "quarter") return quarterPeriod(ref);
  if (kind === "year") return yearPeriod(ref);
  if (kind === "week") {
    const monday = mondayOf(serial);
    return { kind: "week", start: monday, end: monday + 6 };
  }
  return monthPeriod(ref);
}

/** The period a team target names: 月度/monthly, 季度/quarterly, 年度/annual, 周/weekly (defaults to month). */
export function detectPeriod(input: unknown, today: number): Period {
  return periodContaining(periodKindNamed(input) ?? "month", today);
}
