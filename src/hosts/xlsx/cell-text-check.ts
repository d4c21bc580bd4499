import { fileCellTooLong } from "./read-limit-errors";
import { CellTooLongError } from "./read-limits";
import { readWorkbookBytes, type ReadFileOptions } from "./read-workbook-file";
import { SharedStringScanner } from "./shared-string-scanner";
import { SheetDataScanner } from "./sheet-data-scanner";
import { WorkbookFormatError } from "./workbook-read";
import { fileNotValid, WorkbookFileError, type FileKind } from "./workbook-file-error";

const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * Watches the shared strings and the worksheets as they inflate (`checkZipPackage`) for the cell text
 * limits the streamed reader applies (`MAX_CELL_CHARS`, `MAX_CELL_XML`), so a file is refused before a
 * library that loads it whole holds a text of hundreds of MB. Keeps nothing of the values: `problem` is
 * the first error found, and the reader, run on the file, names the cell.
 */
export class CellTextCheck {
  problem: Error | undefined;

  watch(part: string): ((chunk: Buffer) => void) | undefined {
    if (SHARED_STRINGS.test(part)) {
      const scanner = new SharedStringScanner();
      const decoder = new TextDecoder("utf-8");
      return this.guarded((chunk) => {
        scanner.push(decoder.decode(chunk, { stream: true }));
        if (scanner.tooLong.size > 0) throw new CellTooLongError();
      });
    }
    if (WORKSHEET.test(part)) {
      const scanner = new SheetDataScanner(() => undefined);
      return this.guarded((chunk) => scanner.push(chunk.toString("latin1")));
    }
    return undefined;
  }

  private guarded(push: (chunk: Buffer) => void): (chunk: Buffer) => void {
    return (chunk) => {
      if (this.problem) return;
      try {
        push(chunk);
      } catch (error) {
        this.problem = error as Error;
      }
    };
  }
}

/**
 * The sentence for what the check found: the reader's own, run on the file (it names the cell and stops
 * there), else one without the cell (a shared string no cell shows). Anything else found is ours.
 */
export async function cellTextRefusal(
  file: string,
  kind: FileKind,
  bytes: Uint8Array,
  options: ReadFileOptions,
  problem: Error,
): Promise<Error> {
  if (!(problem instanceof CellTooLongError) && !(problem instanceof WorkbookFormatError)) return problem;
  try {
    await readWorkbookBytes(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
  } catch (error) {
    if (error instanceof WorkbookFileError) return error;
    throw error;
  }
  return problem instanceof CellTooLongError ? fileCellTooLong(file, problem) : fileNotValid(file, kind);
}
