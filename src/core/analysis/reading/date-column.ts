import type { CellValue } from "../../cell/cell-value";
import { dayMonthParts, parseDateValueInOrder, type DateOrder } from "../../parse/date-value";

/** Where a sheet's date order came from: the caller's option, the data (a part over 12), or the default. */
export type DateOrderSource = "option" | "data" | "default";

export interface DateColumnReader {
  /** The order dates like 03/04/2026 were read in; "ymd" when the sheet wrote none (nothing to decide). */
  readonly order: DateOrder;
  readonly source: DateOrderSource;
  /** Dates read that the other order would read as another day (03/04/2026, not 04/04/2026). */
  readonly ambiguous: number;
  read(value: CellValue | undefined): number | undefined;
}

/**
 * Decides how a sheet's day/month dates are read, from the date columns below the header: any first part
 * over 12 means day-first, any second part over 12 month-first (the more frequent wins if both occur);
 * `option` ("dmy"/"mdy"/"ymd") overrides; month-first when nothing decides. One pass, a cache per text.
 */
export function createDateColumnReader(
  values: readonly (readonly CellValue[])[],
  firstRow: number,
  columns: readonly (number | undefined)[],
  option?: DateOrder,
): DateColumnReader {
  let dayFirst = 0;
  let monthFirst = 0;
  let written = 0;
  let ambiguous = 0;
  const seen = new Map<string, { readonly first: number; readonly second: number } | undefined>();
  for (let r = firstRow; r < values.length; r++) {
    for (const c of columns) {
      const value = c === undefined ? undefined : values[r]?.[c];
      if (typeof value !== "string") continue;
      let parts = seen.get(value);
      if (parts === undefined && !seen.has(value)) seen.set(value, (parts = dayMonthParts(value)));
      if (!parts) continue;
      written++;
      if (parts.first > 12 && parts.second <= 12) dayFirst++;
      else if (parts.second > 12 && parts.first <= 12) monthFirst++;
      else if (parts.first !== parts.second) ambiguous++;
    }
  }
  let order: DateOrder;
  let source: DateOrderSource;
  if (option !== undefined) [order, source] = [option, "option"];
  else if (dayFirst + monthFirst > 0) [order, source] = [dayFirst > monthFirst ? "dmy" : "mdy", "data"];
  else [order, source] = [written > 0 ? "mdy" : "ymd", "default"];
  const cache = new Map<string, number | undefined>();
  const read = (value: CellValue | undefined): number | undefined => {
    if (typeof value !== "string") return parseDateValueInOrder(value, order);
    let serial = cache.get(value);
    if (serial === undefined && !cache.has(value)) cache.set(value, (serial = parseDateValueInOrder(value, order)));
    return serial;
  };
  return { order, source, ambiguous, read };
}
