/**
 * Excel serial dates (1900 date system, as Excel, WPS and LibreOffice write them in xlsx).
 * Serial 1 = 1900-01-01; Excel's phantom 1900-02-29 is serial 60, so from serial 61 on
 * serial = days since 1899-12-30.
 */
const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Calendar date (month 1-12) to an Excel serial number. */
export function toExcelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_UTC) / MS_PER_DAY);
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
}

/** Excel serial (integer part) to a calendar date; undefined outside 1900-03-01 .. 9999-12-31. */
export function fromExcelSerial(serial: number): CalendarDate | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return undefined;
  const d = new Date(EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO yyyy-mm-dd for a serial, for messages and JSON. */
export function serialToIso(serial: number): string | undefined {
  const date = fromExcelSerial(serial);
  if (!date) return undefined;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** A day written as YYYY-MM-DD (the inverse of `serialToIso`); undefined for anything else, such as 2026-02-30. */
export function isoToSerial(text: string): number | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const serial = toExcelSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  const back = fromExcelSerial(serial);
  return back && back.month === Number(m[2]) && back.day === Number(m[3]) ? serial : undefined;
}

/** The Monday of a serial's week (serial 2, 1900-01-01, is a Monday). */
export function mondayOf(serial: number): number {
  const day = Math.floor(serial);
  return day - ((((day - 2) % 7) + 7) % 7);
}

/** A local calendar day (as the user's clock shows it) to an Excel serial. */
export function serialOfLocalDate(date: Date): number {
  return toExcelSerial(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
