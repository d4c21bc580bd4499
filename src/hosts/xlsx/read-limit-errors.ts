import { formatBilingual } from "../../core/i18n/locale";
import { FILE_TEXTS } from "./file-texts";
import { MB, type CellTooLongError, type PartTooLargeError, type ReadLimitError } from "./read-limits";
import { WorkbookFileError } from "./workbook-file-error";

/** Over --max-size or --max-cells: names the file, the limit and the flag with a value that raises it. */
export function fileOverLimit(file: string, error: ReadLimitError): WorkbookFileError {
  if (error.limit === "size") {
    const limit = Math.round(error.value / MB);
    return new WorkbookFileError(file, formatBilingual(FILE_TEXTS.overSize, { file, limit, raise: limit * 4 }));
  }
  const format = (n: number) => n.toLocaleString("en-US");
  return new WorkbookFileError(
    file,
    formatBilingual(FILE_TEXTS.overCells, { file, limit: format(error.value), raise: String(error.value * 4) }),
  );
}

/** The file itself (a file's size, or the bytes a device or pipe sent) over --max-size, before anything unpacks. */
export function fileOverReadLimit(file: string, error: ReadLimitError): WorkbookFileError {
  const limit = Math.round(error.value / MB);
  return new WorkbookFileError(file, formatBilingual(FILE_TEXTS.overSizeRead, { file, limit, raise: limit * 4 }));
}

/** A single part past what one string can hold: no flag helps, the sheet must be split. */
export function filePartTooLarge(file: string, error: PartTooLargeError): WorkbookFileError {
  return new WorkbookFileError(file, formatBilingual(FILE_TEXTS.partTooLarge, { file, part: error.part }));
}

/** A cell past Excel's 32,767 characters: named by sheet and reference where it was found; no flag helps. */
export function fileCellTooLong(file: string, error: CellTooLongError): WorkbookFileError {
  if (error.sheet === undefined || error.cell === undefined)
    return new WorkbookFileError(file, formatBilingual(FILE_TEXTS.someCellTooLong, { file }));
  return new WorkbookFileError(file, formatBilingual(FILE_TEXTS.cellTooLong, { file, cell: `${error.sheet}!${error.cell}` }));
}
