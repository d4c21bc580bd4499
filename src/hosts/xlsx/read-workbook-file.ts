import path from "node:path";
import { sanitizeSheetName } from "../../core/cell/sheet-name";
import { DelimitedTextError, readDelimitedText } from "./delimited-text";
import { kindOfName, sniffContent, ZIP_KINDS } from "./file-kind";
import { readBounded } from "./bounded-read";
import { fileCellTooLong, fileOverLimit, fileOverReadLimit, filePartTooLarge } from "./read-limit-errors";
import {
  CellTooLongError,
  DEFAULT_READ_LIMITS,
  MAX_PART_CHARS,
  PartTooLargeError,
  ReadBudget,
  ReadLimitError,
  wholeModelLimits,
  type ReadLimits,
} from "./read-limits";
import { CFB } from "./sheetjs-mini";
import { WorkbookFormatError, type ReadWorkbook } from "./workbook-read";
import { decodeText, namesUtf16 } from "./text-decoding";
import {
  fileEncrypted,
  fileIsFolder,
  fileMissing,
  fileNotInEncoding,
  fileNotSpreadsheet,
  fileNotValid,
  fileUnreadable,
  readerFailure,
} from "./workbook-file-error";
import { XlsxSnapshotHost } from "./xlsx-snapshot-host";
import { readSpreadsheetMl, spreadsheetMlWorkbookPart } from "./spreadsheetml-reader";
import { readZipPackage, ZipDirectoryError, ZipParts } from "./zip-package";

export interface ReadFileOptions {
  /** The encoding of a text file (any WHATWG label: "gbk", "utf-16le"...); detected when left out. */
  readonly encoding?: string;
  /** How much to read before stopping with a sentence (--max-size, --max-cells); generous defaults. */
  readonly limits?: Partial<ReadLimits>;
  /** Keep each date cell's number format (for a copy written as .xlsx); reading for analysis needs none. */
  readonly dateFormats?: boolean;
}

export function resolveReadLimits(options: ReadFileOptions): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...options.limits };
}

/** What was read, and from what: a workbook (zip or OLE) or a text file (one sheet named after the file). */
export interface ReadFile extends ReadWorkbook {
  readonly source: "workbook" | "text";
}

/**
 * The file's bytes, or one sentence on why they cannot be had (missing, a folder, no permission, larger
 * than the size limit: a zip never inflates to less than a fraction of its size). A device, a FIFO or
 * /dev/stdin is read as it arrives and stopped at the same limit (`readBounded`).
 */
export async function readFileBytes(file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Buffer> {
  try {
    return await readBounded(file, limits.maxBytes);
  } catch (error) {
    if (error instanceof ReadLimitError) throw fileOverReadLimit(file, error);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw fileMissing(file);
    if (code === "EISDIR") throw fileIsFolder(file);
    throw fileUnreadable(file, code);
  }
}

/** OLE containers that hold an encrypted workbook (an .xlsx with a password is one too). */
function oleHolds(bytes: Buffer): "encrypted" | "workbook" | "other" | "damaged" {
  let names: string[];
  try {
    const container = CFB.read(bytes, { type: "buffer" }) as { FullPaths: string[] };
    names = container.FullPaths.map((p) => p.split("/").filter(Boolean).pop() ?? "");
  } catch {
    return "damaged";
  }
  if (names.includes("EncryptionInfo") || names.includes("EncryptedPackage")) return "encrypted";
  return names.some((n) => /^(workbook|book)$/i.test(n)) ? "workbook" : "other";
}

/**
 * The one way into a file for the commands that read: .xlsx/.xlsm and .ods (zips), .xls (OLE,
 * BIFF8), and text (.csv, .tsv, .txt, an HTML table saved as .xls) judged by content, not by name.
 * Every problem with the file is one sentence (WorkbookFileError); a failure inside a reading
 * library on a sound container is ours, and goes to the internal-error path with its message.
 */
export async function readWorkbookFile(file: string, options: ReadFileOptions = {}): Promise<ReadFile> {
  return readWorkbookBytes(file, await readFileBytes(file, resolveReadLimits(options)), options);
}

/** `readWorkbookFile` on bytes already read; a file over the read limits is one sentence naming the flag. */
export async function readWorkbookBytes(file: string, bytes: Buffer, options: ReadFileOptions = {}): Promise<ReadFile> {
  try {
    return await readWithinLimits(file, bytes, options, resolveReadLimits(options));
  } catch (error) {
    if (error instanceof ReadLimitError) throw fileOverLimit(file, error);
    if (error instanceof PartTooLargeError) throw filePartTooLarge(file, error);
    if (error instanceof CellTooLongError) throw fileCellTooLong(file, error);
    throw error;
  }
}

async function readWithinLimits(file: string, bytes: Buffer, options: ReadFileOptions, limits: ReadLimits): Promise<ReadFile> {
  const named = kindOfName(file);
  const sniffed = sniffContent(bytes);
  // Text named UTF-16 (--encoding utf-16le) holds zero bytes: read it as text, not refuse it as binary.
  const content = sniffed === "binary" && namesUtf16(options.encoding) ? "text" : sniffed;
  if (content === "ole") {
    const holds = oleHolds(bytes);
    if (holds === "encrypted" || holds === "damaged") throw fileEncrypted(file);
    if (holds === "other") throw fileNotValid(file, named ?? ".xls");
  }
  if (content === "zip") {
    const budget = new ReadBudget(limits);
    try {
      const parts = ZipParts.open(bytes, budget);
      const workbookPart = await spreadsheetMlWorkbookPart(parts);
      if (workbookPart !== undefined) {
        const read = await readSpreadsheetMl(parts, workbookPart, budget, {
          maxCells: limits.maxCells,
          dateFormats: options.dateFormats,
        });
        return { source: "workbook", ...read };
      }
    } catch (error) {
      if (error instanceof ZipDirectoryError || error instanceof WorkbookFormatError) throw fileNotValid(file, named ?? ".xlsx");
      if (error instanceof ReadLimitError || error instanceof PartTooLargeError || error instanceof CellTooLongError) throw error;
      throw readerFailure(file, "The .xlsx reader", error);
    }
    // Other zips (.ods, .xlsb): SheetJS, on parts inflated under the same limits.
    let pkg;
    try {
      pkg = await readZipPackage(bytes, new ReadBudget(limits));
    } catch (error) {
      if (error instanceof ZipDirectoryError) throw fileNotValid(file, named ?? ".xlsx");
      throw error;
    }
    const { readSheetJsPackage } = await sheetJs();
    try {
      const { maxCells } = wholeModelLimits(limits, options.limits);
      return { source: "workbook", ...readSheetJsPackage(pkg, { maxCells, dateFormats: options.dateFormats }) };
    } catch (error) {
      if (error instanceof ReadLimitError || !(error instanceof WorkbookFormatError)) throw readerOwnFailure(file, error);
      if (error.encrypted) throw fileEncrypted(file);
      throw fileNotValid(file, named ?? ".xlsx");
    }
  }
  if (content === "ole") {
    const [{ readBiff8Workbook }, { readSheetJsWorkbook }] = await Promise.all([import("./biff8-reader"), sheetJs()]);
    try {
      const read = { maxCells: wholeModelLimits(limits, options.limits).maxCells, dateFormats: options.dateFormats };
      return { source: "workbook", ...(readBiff8Workbook(bytes, read) ?? readSheetJsWorkbook(bytes, read)) };
    } catch (error) {
      if (error instanceof ReadLimitError) throw error;
      if (!(error instanceof WorkbookFormatError)) throw readerFailure(file, "SheetJS", error);
      if (error.encrypted) throw fileEncrypted(file);
      throw fileNotValid(file, named ?? ".xls");
    }
  }
  if (content === "binary") throw named ? fileNotValid(file, named) : fileNotSpreadsheet(file);
  if (named && ZIP_KINDS.includes(named)) throw fileNotValid(file, named);
  try {
    if (bytes.length > MAX_PART_CHARS) throw new PartTooLargeError(path.basename(file));
    return { source: "text", ...(await readTextFile(file, bytes, options.encoding, limits)) };
  } catch (error) {
    if (error instanceof DelimitedTextError || error instanceof WorkbookFormatError) throw fileNotValid(file, named ?? ".csv");
    throw error;
  }
}

/** SheetJS's full build (code pages, .xls, .ods, HTML), loaded only for the files that need it. */
const sheetJs = () => import("./sheetjs-workbook");

/** A limit error passes through; anything else SheetJS throws on a sound container is our bug. */
function readerOwnFailure(file: string, error: unknown): Error {
  return error instanceof ReadLimitError ? error : readerFailure(file, "SheetJS", error);
}

async function readTextFile(
  file: string,
  bytes: Buffer,
  encoding: string | undefined,
  limits: ReadLimits,
): Promise<ReadWorkbook> {
  const decoded = decodeText(bytes, encoding);
  if (!decoded) throw fileNotInEncoding(file, encoding ?? "");
  const name = sanitizeSheetName(path.basename(file, path.extname(file)));
  const head = decoded.text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith("<") && /<table[\s>]/.test(decoded.text.slice(0, 65_536).toLowerCase())) {
    // ERPs' "Excel" exports that are an HTML table: one sheet, cells as text like a CSV.
    const read = (await sheetJs()).readSheetJsWorkbook(decoded.text, { html: true, maxCells: limits.maxCells });
    const [first] = read.sheets;
    return { sheets: first ? [{ ...first, name }] : [], dateFormats: new Map() };
  }
  const sheet = readDelimitedText(decoded.text, name);
  if (sheet.values.reduce((n, line) => n + line.length, 0) > limits.maxCells) throw new ReadLimitError("cells", limits.maxCells);
  return { sheets: [sheet], dateFormats: new Map() };
}

/** Opens any readable file for the commands that only read. */
export async function openWorkbookFileReadOnly(file: string, options: ReadFileOptions = {}): Promise<XlsxSnapshotHost> {
  return new XlsxSnapshotHost((await readWorkbookFile(file, options)).sheets);
}
