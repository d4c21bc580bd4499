import * as XLSX from "@e965/xlsx";
import type { SheetValues } from "../../app/workbook-host.port";
import type { CellValue } from "../../core/cell/cell-value";
import { ReadLimitError } from "./read-limits";
import { isDateFormat } from "./date-formats";
import { usedRange } from "./xlsx-snapshot-host";
import { storedZip, type ZipPackage } from "./zip-package";
import { WorkbookFormatError, type ReadWorkbook } from "./workbook-read";

/**
 * Workbooks read with SheetJS Community Edition (the @e965/xlsx mirror of the official 0.20.3
 * release): .xlsx/.xlsm, .xls (BIFF8 and older), .ods, and HTML tables saved as ".xls" by ERPs.
 * Chosen by measurement (bench/read.bench.mjs): the only candidate that gets every writer's sheet
 * names and values right; ExcelJS's streaming reader names openpyxl's sheets "Sheet1", "Sheet2".
 */

/** Excel's error values by their BIFF code, as SheetJS gives them (`cell.v` of a cell of type "e"); the .xls reader uses them too. */
export const ERRORS: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};
const DAYS_1904 = 1462; // serial of 1904-01-01 in the 1900 system

/** Plain errors with these words are SheetJS describing the file; anything else is a bug to report. */
const FORMAT_PROBLEM =
  /zip|cfb|compress|signature|header|sector|fat|stream|password|encrypt|unsupported|unrecognized|corrupt|invalid|truncat|end of data|unexpected|not a|bad /i;
const ENCRYPTED = /password|encrypt/i;

export interface SheetJsReadOptions {
  readonly html?: boolean;
  /** Slots of the sheets' used ranges allowed in all (see `usedRange`); over it, a ReadLimitError. */
  readonly maxCells?: number;
  /** Keep each date cell's number format in `dateFormats` (only a copy needs them). */
  readonly dateFormats?: boolean;
}

/**
 * A zip package already inflated under the read limits (`readZipPackage`), handed to SheetJS as a
 * stored zip: SheetJS then parses the parts we inflated and compacted, never the original deflated
 * streams (whose sizes it would trust).
 */
export function readSheetJsPackage(pkg: ZipPackage, options: SheetJsReadOptions = {}): ReadWorkbook {
  return readSheetJsWorkbook(storedZip(pkg.parts), options);
}

/** Reads a workbook's values: numbers, text, booleans, error text; dates as Excel serial numbers (1900 system). */
export function readSheetJsWorkbook(data: Uint8Array | string, options: SheetJsReadOptions = {}): ReadWorkbook {
  const workbook = quietly(() => {
    try {
      return XLSX.read(data, {
        type: typeof data === "string" ? "string" : "buffer",
        dense: true,
        raw: options.html,
        cellDates: false,
        cellNF: true,
        cellText: false,
        cellHTML: false,
        cellStyles: false,
        cellFormula: false,
      });
    } catch (error) {
      if (error instanceof Error && error.constructor === Error && FORMAT_PROBLEM.test(error.message))
        throw new WorkbookFormatError(error.message, ENCRYPTED.test(error.message));
      throw error;
    }
  });
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const sheets: SheetValues[] = [];
  const dateFormats = new Map<string, Map<string, string>>();
  let slots = 0;
  const countCells = (n: number) => {
    slots += n;
    if (options.maxCells !== undefined && slots > options.maxCells) throw new ReadLimitError("cells", options.maxCells);
  };
  for (const name of workbook.SheetNames) {
    const data = (workbook.Sheets[name]?.["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
    const formats = new Map<string, string>();
    const rows: CellValue[][] = [];
    data.forEach((line, r) => {
      if (!line) return;
      const out: CellValue[] = [];
      line.forEach((cell, c) => {
        const value = cellValue(cell);
        if (value === null) return;
        if (cell.t === "n" && typeof cell.z === "string" && isDateFormat(cell.z)) {
          out[c] = date1904 ? (value as number) + DAYS_1904 : value;
          if (options.dateFormats) formats.set(`${r},${c}`, cell.z);
        } else out[c] = value;
      });
      rows[r] = out;
    });
    sheets.push(usedRange(name, rows, countCells) ?? { name, row: 0, column: 0, values: [] });
    dateFormats.set(name, formats);
  }
  return { sheets, dateFormats };
}

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case "n":
      return typeof cell.v === "number" && Number.isFinite(cell.v) ? cell.v : null;
    case "s":
      return typeof cell.v === "string" && cell.v !== "" ? cell.v : null;
    case "b":
      return Boolean(cell.v);
    case "e":
      return ERRORS[cell.v as number] ?? "#N/A";
    case "d":
      return cell.v instanceof Date ? cell.v.getTime() / 86_400_000 + 25569 : null;
    default:
      return null;
  }
}

/** SheetJS writes parser remarks ("ODS number format may be incorrect") to the console: not for our users. */
function quietly<T>(work: () => T): T {
  const original = console.error;
  console.error = () => undefined;
  try {
    return work();
  } finally {
    console.error = original;
  }
}
