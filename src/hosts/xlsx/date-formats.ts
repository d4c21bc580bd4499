import * as XLSX from "@e965/xlsx";

/** Whether a number format shows a date (SheetJS's format engine), asked once per format rather than once per cell. */
const dateFormatCache = new Map<string, boolean>();
export function isDateFormat(format: string): boolean {
  let known = dateFormatCache.get(format);
  if (known === undefined) {
    known = Boolean(XLSX.SSF.is_date(format));
    dateFormatCache.set(format, known);
  }
  return known;
}
