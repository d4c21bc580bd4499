import { SSF } from "./sheetjs-mini";

/** Whether a number format shows a date (SheetJS's format engine), asked once per format rather than once per cell. */
const dateFormatCache = new Map<string, boolean>();
export function isDateFormat(format: string): boolean {
  let known = dateFormatCache.get(format);
  if (known === undefined) {
    known = Boolean(SSF.is_date(format));
    dateFormatCache.set(format, known);
  }
  return known;
}
