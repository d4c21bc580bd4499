import { fromExcelSerial, toExcelSerial } from "../cell/excel-date";
import { normalizeText } from "./parse-result";

const FULL_DATE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date cell as an Excel serial day: a serial number, or text written as 2026-11-03, 2026/11/3,
 * 2026.11.3, 2026年11月3日 (with an optional time), or 11/3/2026 (month first, as US exports write it).
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

function validSerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const serial = toExcelSerial(year, month, day);
  const back = fromExcelSerial(serial);
  return back && back.month === month && back.day === day ? serial : undefined;
}
