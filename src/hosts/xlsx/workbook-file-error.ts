import type { Bilingual } from "../../core/i18n/locale";

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
  return new WorkbookFileError(path, {
    "zh-CN": `找不到文件 ${path}：请检查路径。`,
    en: `${path} does not exist: check the path.`,
  });
}

export function fileIsFolder(path: string): WorkbookFileError {
  return new WorkbookFileError(path, {
    "zh-CN": `${path} 是文件夹，不是 .xlsx 文件。`,
    en: `${path} is a folder, not an .xlsx file.`,
  });
}

export function fileUnreadable(path: string, code: string | undefined): WorkbookFileError {
  return new WorkbookFileError(path, {
    "zh-CN": `无法读取 ${path}（${code ?? "未知错误"}）：请检查文件权限。`,
    en: `${path} cannot be read (${code ?? "unknown error"}): check its permissions.`,
  });
}

/** A password-protected workbook (an OLE container we cannot open as a spreadsheet). */
export function fileEncrypted(path: string): WorkbookFileError {
  return new WorkbookFileError(path, {
    "zh-CN": `${path} 已加密或是旧版 .xls 格式：请在 Excel/WPS 中取消密码或另存为 .xlsx 后重试。`,
    en: `${path} is encrypted or an old .xls file: remove the password or save it as .xlsx in Excel/WPS, then try again.`,
  });
}

/** The file's content is not what its extension says, or is damaged. */
export function fileNotValid(path: string, kind: FileKind): WorkbookFileError {
  return new WorkbookFileError(path, {
    "zh-CN": `${path} 不是有效的 ${kind} 文件：请在 Excel/WPS 中打开并另存为 .xlsx 后重试。`,
    en: `${path} is not a valid ${kind} file: open it in Excel/WPS, save it as .xlsx and try again.`,
  });
}

/**
 * The XML inside the package is broken (not well-formed, or it uses an entity, which spreadsheet
 * files never need: entities are never expanded, so a tampered file cannot read other files or
 * blow up memory).
 */
export function fileBrokenXml(path: string, entity: boolean): WorkbookFileError {
  return entity
    ? new WorkbookFileError(path, {
        "zh-CN": `${path} 内部的 XML 使用了实体引用（正常的表格文件不会这样，可能被改动过），未读取：请在 Excel/WPS 中打开并另存为 .xlsx 后重试。`,
        en: `${path} uses XML entities inside (spreadsheet files never do; it may have been tampered with) and was not read: open it in Excel/WPS, save it as .xlsx and try again.`,
      })
    : new WorkbookFileError(path, {
        "zh-CN": `${path} 内部的 XML 已损坏：请在 Excel/WPS 中打开并另存为 .xlsx 后重试。`,
        en: `${path} has broken XML inside: open it in Excel/WPS, save it as .xlsx and try again.`,
      });
}

/** An XML parser's complaint about the file's own XML ("2:292: undefined entity."), as opposed to a library bug. */
export function xmlProblemOf(error: unknown): { entity: boolean } | undefined {
  const message = error instanceof Error ? error.message : String(error);
  if (!/^\d+:\d+: /.test(message)) return undefined;
  return { entity: /entit/i.test(message) };
}

/** Neither a workbook nor text: an image, a PDF, an archive... */
export function fileNotSpreadsheet(path: string): WorkbookFileError {
  return new WorkbookFileError(path, {
    "zh-CN": `${path} 不是表格文件：请提供 .xlsx、.xls、.ods 或 .csv 文件。`,
    en: `${path} is not a spreadsheet: give an .xlsx, .xls, .ods or .csv file.`,
  });
}

/** The text file does not decode in the encoding the user named with --encoding. */
export function fileNotInEncoding(path: string, encoding: string): WorkbookFileError {
  return new WorkbookFileError(path, {
    "zh-CN": `${path} 不是 ${encoding} 编码的文本：请检查 --encoding（如 utf-8、gb18030、utf-16le），或不指定让程序自动识别。`,
    en: `${path} is not ${encoding} text: check --encoding (e.g. utf-8, gb18030, utf-16le), or leave it out to detect the encoding.`,
  });
}

export function fileUnwritable(path: string, code: string): WorkbookFileError {
  return new WorkbookFileError(path, {
    "zh-CN": `无法写入 ${path}（${code}）：请检查文件夹是否存在、文件是否在其他程序中打开。`,
    en: `${path} cannot be written (${code}): check the folder exists and the file is not open elsewhere.`,
  });
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
