import type { SheetValues } from "../../app/workbook-host.port";

/** What a reader gives: every sheet's values, and the date cells' formats where a copy needs them. */
export interface ReadWorkbook {
  readonly sheets: SheetValues[];
  /** Per sheet, the number format of each date cell ("row,column" on the sheet, 0-based): kept when copied. */
  readonly dateFormats: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** A problem a reader found in the file itself (not a zip, a damaged stream, a password). */
export class WorkbookFormatError extends Error {
  constructor(
    message: string,
    readonly encrypted: boolean,
  ) {
    super(message);
  }
}
