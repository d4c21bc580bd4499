import { formatBilingual, type Bilingual } from "../../core/i18n/locale";
import { FILE_TEXTS } from "./file-texts";

/** A file the command line cannot use, with one sentence that names it and says what to do. */
export class WorkbookFileError extends Error {
  constructor(
    readonly path: string,
    readonly text: Bilingual,
  ) {
    super(text.en);
    this.name = "WorkbookFileError";
  }
}

/** The kinds of file the command line reads, as the user knows them (the file's extension). */
export type FileKind = ".xlsx" | ".xlsm" | ".xls" | ".ods" | ".csv";

export function fileMissing(path: string): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(FILE_TEXTS.missing, { path }));
}

export function fileIsFolder(path: string): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(FILE_TEXTS.isFolder, { path }));
}

export function fileUnreadable(path: string, code: string | undefined): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(FILE_TEXTS.unreadable, { path, code: code ?? FILE_TEXTS.unknownError }));
}

/** A password-protected workbook (an OLE container we cannot open as a spreadsheet). */
export function fileEncrypted(path: string): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(FILE_TEXTS.encrypted, { path }));
}

/** The file's content is not what its extension says, or is damaged. */
export function fileNotValid(path: string, kind: FileKind): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(FILE_TEXTS.notValid, { path, kind }));
}

/**
 * The XML inside the package is broken (not well-formed, or it uses an entity, which spreadsheet
 * files never need: entities are never expanded, so a tampered file cannot read other files or
 * blow up memory).
 */
export function fileBrokenXml(path: string, entity: boolean): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(entity ? FILE_TEXTS.xmlEntity : FILE_TEXTS.xmlBroken, { path }));
}

/** An XML parser's complaint about the file's own XML ("2:292: undefined entity."), as opposed to a library bug. */
export function xmlProblemOf(error: unknown): { entity: boolean } | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!/^\d+:\d+: /.test(message)) return undefined;
  return { entity: /entit/i.test(message) };
}

/** Neither a workbook nor text: an image, a PDF, an archive... */
export function fileNotSpreadsheet(path: string): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(FILE_TEXTS.notSpreadsheet, { path }));
}

/** The text file does not decode in the encoding the user named with --encoding. */
export function fileNotInEncoding(path: string, encoding: string): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(FILE_TEXTS.notInEncoding, { path, encoding }));
}

export function fileUnwritable(path: string, code: string): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(FILE_TEXTS.unwritable, { path, code }));
}

/** The package about to be written has a part that does not parse: nothing is written. */
export function fileXmlUnwritable(path: string, part: string): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(FILE_TEXTS.xmlUnwritable, { path, part }));
}

/** A cell's rich text is malformed (a run inside a run, a run without text): --out cannot write it back whole. */
export function fileRichTextBroken(path: string): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(FILE_TEXTS.richTextBroken, { path }));
}

/** A sheet name ExcelJS cannot write back (empty, or with a character an .xlsx forbids). */
export function fileSheetNameUnwritable(path: string, sheet: string): WorkbookFileError {
  return new WorkbookFileError(path, formatBilingual(FILE_TEXTS.sheetNameUnwritable, { sheet }));
}

/**
 * A reading library failed on a file whose container is sound: our problem, not the user's. It
 * goes to the internal-error path with the library's own message and the file it was reading.
 */
export function readerFailure(path: string, library: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${library} failed reading ${path} (a bug to report, not a problem with the file): ${message}`, {
    cause: error,
  });
}
