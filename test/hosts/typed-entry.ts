import type { CellValue } from "../../src/core/cell/cell-value";
import { fromExcelSerial, toExcelSerial } from "../../src/core/cell/excel-date";

/** Text the add-in writes (rep and customer codes, review months, rates written as text) that a spreadsheet would turn into something else. */
export const TEXT_THAT_LOOKS_LIKE_A_VALUE = [
  "0012",
  "1E3",
  "1,234",
  "(12)",
  "¥12",
  "$12",
  "12%",
  "35.5",
  " 12 ",
  "1 1/2",
  "０１２",
  "2026-11",
  "2026/11",
  "2026-11-05",
  "3/4",
  "3-4",
  "11/5/2026",
  "3月4日",
  "2026年11月",
  "2026年11月5日",
  "1-Jan",
  "Nov-26",
  "Nov 2026",
  "12:30",
  "2:30 PM",
  "2026-11-05 14:30",
  "TRUE",
  "true",
  "False",
  "#N/A",
  "=SUM(A1:A3)",
  "+86 138",
  "-5%",
  "@mention",
  "＝A+B",
  "'quoted",
];

/**
 * What Excel and WPS 表格 keep when a string is set as a cell's value (Office.js `Range.values`, the ET object
 * model's `Range.Value2`), for the fakes of those two programs (neither can run here). Both parse the string as if it
 * were typed into the cell, in the user's locale (here en-US and zh-CN entries both, as a Chinese build reads them):
 * - "" empties the cell; the text prefix "'" and formulas are the fakes' own business (before this);
 * - numbers: "0012" is 12, "1E3", " 12 ", "1,234", "(12)" (negative), "$12", "¥12", "12%" (0.12), "1 1/2" (1.5),
 *   full-width digits as the ASCII ones;
 * - booleans: "TRUE", "true", "False";
 * - dates, as the serial of the day: "2026-11" and "2026/11" (the 1st), "2026-11-05", "3/4" and "3-4" (month first,
 *   this year), "11/5/2026", "11/2026", "1-Jan", "5-Nov-26", "Nov-26" and "Nov 2026" (the 1st of November 2026),
 *   "2026年11月", "2026年11月5日", "3月4日"; with a time after them ("2026-11-05 14:30");
 * - times, as the fraction of a day: "12:30", "12:30:15", "2:30 PM".
 * Where the rules come from: Microsoft's "Stop automatically changing numbers to dates" and "Keeping leading zeros
 * and large numbers" (Excel support), the same entries typed into WPS 表格 (which follows Excel's), and Univer's entry
 * parser, which converts the same strings when they are set without a cell type (test/hosts/univer: "strings
 * Univer would convert"). Everything else stays the text it is. Error literals ("#N/A") become error values in both
 * programs, which read back as the same text, so they are not modelled.
 */
export function typedEntry(raw: string, thisYear = 2026): CellValue {
  if (raw === "") return null;
  const text = raw.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  return numberEntry(text) ?? timeEntry(text) ?? dateEntry(text, thisYear) ?? raw;
}

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:e[+-]?\d+)?$/i;

function numberEntry(text: string): number | undefined {
  const fraction = /^(-?)(\d+) (\d+)\/(\d+)$/.exec(text);
  if (fraction && Number(fraction[4]) > 0) {
    const value = Number(fraction[2]) + Number(fraction[3]) / Number(fraction[4]);
    return fraction[1] ? -value : value;
  }
  let body = text;
  let sign = 1;
  if (/^\(.*\)$/.test(body)) [body, sign] = [body.slice(1, -1).trim(), -1];
  if (/^[+-]/.test(body)) [body, sign] = [body.slice(1).trim(), body.startsWith("-") ? -sign : sign];
  body = body.replace(/^[$¥￥€£]\s*/, "");
  let scale = 1;
  if (body.endsWith("%")) [body, scale] = [body.slice(0, -1).trim(), 0.01];
  if (!/\d/.test(body) || !NUMBER.test(body) || /^e/i.test(body)) return undefined;
  return sign * Number(body.replace(/,/g, "")) * scale;
}

function timeEntry(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a|p)?$/i.exec(text);
  if (!m) return undefined;
  let hours = Number(m[1]);
  const [minutes, seconds] = [Number(m[2]), Number(m[3] ?? 0)];
  if (m[4]) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (m[4].toLowerCase().startsWith("p") ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return (hours * 3600 + minutes * 60 + seconds) / 86400;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const monthOfName = (word: string) => (word.length >= 3 ? MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1 : 0);
const fullYear = (text: string) => (text.length <= 2 ? (Number(text) < 30 ? 2000 : 1900) + Number(text) : Number(text));

function day(year: number, month: number, date: number): number | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || date < 1) return undefined;
  const serial = toExcelSerial(year, month, date);
  // No 31 November: that serial is December's 1st.
  return fromExcelSerial(serial)?.day === date ? serial : undefined;
}

function dateEntry(text: string, thisYear: number): number | undefined {
  const withTime = /^(.+?)\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m?)?)$/i.exec(text);
  if (withTime) {
    const date = dateEntry(withTime[1], thisYear);
    const time = timeEntry(withTime[2]);
    return date !== undefined && time !== undefined ? date + time : undefined;
  }
  let m = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(text);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
  m = /^(\d{1,2})[-/](\d{4})$/.exec(text);
  if (m) return day(Number(m[2]), Number(m[1]), 1);
  m = /^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2}|\d{4}))?$/.exec(text);
  if (m) return day(m[3] ? fullYear(m[3]) : thisYear, Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[- ]([a-z]{3,9})\.?(?:[- ](\d{2}|\d{4}))?$/i.exec(text);
  if (m) return day(m[3] ? fullYear(m[3]) : thisYear, monthOfName(m[2]), Number(m[1]));
  m = /^([a-z]{3,9})\.?[- ](\d{2}|\d{4})$/i.exec(text);
  if (m) return day(fullYear(m[2]), monthOfName(m[1]), 1);
  m = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$/.exec(text);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3] ?? 1));
  m = /^(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(text);
  if (m) return day(thisYear, Number(m[1]), Number(m[2]));
  return undefined;
}
