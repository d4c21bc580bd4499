import { toExcelSerial } from "../../cell/excel-date";

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
