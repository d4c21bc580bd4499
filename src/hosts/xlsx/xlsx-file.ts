import { randomBytes } from "node:crypto";
import { link, lstat, open, readdir, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { AppendOnlyHost, appendSheets } from "./append-sheets";
import { keepCharts, type KeptCharts } from "./kept-charts";
import { kindOfName, sniffContent } from "./file-kind";
import { prepareFullLoad } from "./full-load-checks";
import { shapeForExcelJs } from "./full-load-shape";
import { relativizeRelationshipTargets } from "./package-relationships";
import { styleBareTables } from "./table-parts";
import { readFileBytes, readWorkbookBytes, resolveReadLimits, type ReadFileOptions } from "./read-workbook-file";
import { definedNamesOf } from "./defined-names";
import { addSheetKeepingName, restoreSheetNames } from "./sheet-names";
import type { ReadWorkbook } from "./workbook-read";
import {
  fileBrokenXml,
  fileNotValid,
  fileXmlUnwritable,
  fileUnwritable,
  readerFailure,
  WorkbookFileError,
  xmlProblemOf,
} from "./workbook-file-error";
import { XlsxHost } from "./xlsx-host";
import { xlsxPackage } from "./xlsx-package";
import { unparsedXmlPart } from "./written-xml-check";
import { openZip, ZipFormatError } from "./zip-package";

/**
 * Opens a file as a host that can be written and saved (--out). An .xlsx/.xlsm is loaded whole by
 * ExcelJS so everything in it is kept; any other readable file (.xls, .ods, .csv...) becomes a new
 * workbook holding its sheets' values, to which the command adds its result.
 */
export async function openWorkbookFile(file: string, options: ReadFileOptions = {}): Promise<XlsxHost> {
  const bytes = await readFileBytes(file, resolveReadLimits(options));
  if (sniffContent(bytes) === "zip") {
    let zip;
    try {
      zip = await openZip(bytes);
    } catch (error) {
      if (error instanceof ZipFormatError) throw fileNotValid(file, kindOfName(file) ?? ".xlsx");
      throw error;
    }
    if (zip.has("xl/workbook.xml")) {
      const { standIns, numberless } = await prepareFullLoad(file, kindOfName(file) ?? ".xlsx", bytes, zip, options);
      const relativized = await relativizeRelationshipTargets(zip);
      const shaped = await shapeForExcelJs(zip, numberless);
      const styled = await styleBareTables(zip);
      const charts = await keepCharts(zip, standIns);
      const changed = relativized || shaped || styled || charts !== undefined || standIns.size > 0;
      const repaired = changed ? asBuffer(await zip.save("store")) : bytes;
      const definedNames = definedNamesOf((await zip.text("xl/workbook.xml")) ?? "");
      const host = await loadWithExcelJs(file, repaired, () => readWorkbookBytes(file, bytes, options), definedNames, charts);
      restoreSheetNames(host.workbook, standIns);
      return host;
    }
  }
  return new XlsxHost(workbookOf(await readWorkbookBytes(file, bytes, { ...options, dateFormats: true })));
}

/**
 * Opens an .xlsx for a command that only adds sheets (diagnose --out): its values read as a
 * read-only command reads them, never its whole model; undefined for any other file.
 */
export async function openWorkbookFileForNewSheets(
  file: string,
  options: ReadFileOptions = {},
): Promise<AppendOnlyHost | undefined> {
  const bytes = await readFileBytes(file, resolveReadLimits(options));
  if (sniffContent(bytes) !== "zip") return undefined;
  const read = await readWorkbookBytes(file, bytes, options);
  return read.source === "workbook" ? new AppendOnlyHost(bytes, read.sheets) : undefined;
}

/**
 * Saves the input with the new sheets added (the user's parts copied as they are); a package laid
 * out otherwise is loaded whole and the same writes applied, as for any other --out.
 */
export async function saveAppendedFile(
  host: AppendOnlyHost,
  input: string,
  file: string,
  options: SaveOptions & ReadFileOptions = {},
): Promise<void> {
  const written = new Set<string>();
  const bytes = await appendSheets(host.input, host.added, written);
  if (bytes) return writeFileAtomically(file, await checkedXml(file, bytes, written), options.replace ?? true);
  const whole = await openWorkbookFile(input, options);
  for (const batch of host.batches) await whole.write(batch);
  return saveXlsxFile(whole, file, options);
}

/**
 * ExcelJS's full load. When it fails, the file is read again by the reader: a format problem it
 * finds is the user's (one sentence); a file the reader reads but ExcelJS cannot is our bug.
 */
async function loadWithExcelJs(
  file: string,
  bytes: Buffer,
  check: () => Promise<unknown>,
  definedNames: readonly string[] | undefined,
  charts: KeptCharts | undefined,
): Promise<XlsxHost> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    // The XML parser's "line:column: message" is about the file's own XML: the user's problem, said in one sentence.
    const xml = xmlProblemOf(error);
    if (xml) throw fileBrokenXml(file, xml.entity);
    await check(); // throws the sentence when the file itself is at fault
    throw readerFailure(file, "ExcelJS", error);
  }
  return new XlsxHost(workbook, definedNames, charts);
}

/** A new workbook holding the values read from another format, dates kept as dates with their format. */
function workbookOf(read: ReadWorkbook): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of read.sheets) {
    const ws = addSheetKeepingName(workbook, sheet.name);
    const formats = read.dateFormats.get(sheet.name);
    sheet.values.forEach((line, r) => {
      const row = ws.getRow(sheet.row + r + 1);
      line.forEach((value, c) => {
        if (value === null) return;
        const cell = row.getCell(sheet.column + c + 1);
        cell.value = value;
        const format = formats?.get(`${sheet.row + r},${sheet.column + c}`);
        if (format) cell.numFmt = format;
      });
    });
  }
  return workbook;
}

/** Writing a file failed: the file-system code (ENOSPC, EACCES...) for the face to explain; nothing was replaced. */
export class FileWriteError extends WorkbookFileError {
  constructor(
    path: string,
    readonly code: string,
  ) {
    super(path, fileUnwritable(path, code).text);
    this.name = "FileWriteError";
  }
}

export interface SaveOptions {
  /** Replace a file already at the path (default). When false, an existing file stops the save (EEXIST). */
  readonly replace?: boolean;
}

/**
 * Saves the host's workbook; formulas are recalculated when the file is next opened. The bytes go to
 * a temporary file in the same folder, are flushed to disk, then take the file's place in one step:
 * whatever happens (full disk, a kill), the path holds the old file or the new one, never half of one.
 */
export async function saveXlsxFile(host: XlsxHost, file: string, options: SaveOptions = {}): Promise<void> {
  host.workbook.calcProperties = { ...host.workbook.calcProperties, fullCalcOnLoad: true };
  // Serialising is not a file-system matter: a failure there is a bug to report, not the user's folder.
  const bytes = await xlsxBytes(host);
  await writeFileAtomically(file, await checkedXml(file, bytes), options.replace ?? true);
}

/** The bytes, once each XML part the add-in wrote (`parts`; all when absent) parses; else the sentence, nothing written. */
async function checkedXml(file: string, bytes: Uint8Array, parts?: ReadonlySet<string>): Promise<Buffer> {
  const broken = await unparsedXmlPart(bytes, parts);
  if (broken !== undefined) throw fileXmlUnwritable(file, broken);
  return asBuffer(bytes);
}

/** The host's workbook as an .xlsx package (`xlsxPackage`), as a Buffer over the same bytes. */
export async function xlsxBytes(host: XlsxHost): Promise<Buffer> {
  return asBuffer(await xlsxPackage(host));
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** `.report.xlsx.<pid>.<12 hex>.tmp`: hidden, next to its file, and recognisably ours. */
const TEMP_NAME = /^\..+\.xlsx\.(\d+)\.[0-9a-f]{12}\.tmp$/i;

const tempNameFor = (file: string) =>
  path.join(path.dirname(file), `.${path.basename(file).slice(-120)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);

async function writeFileAtomically(file: string, bytes: Buffer, replace: boolean): Promise<void> {
  await removeStaleTemps(path.dirname(file));
  const temp = tempNameFor(file);
  const mode = replace ? await modeOf(file) : undefined;
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, "wx", 0o666);
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await publish(temp, file, replace);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw new FileWriteError(file, (error as NodeJS.ErrnoException).code ?? "unknown error");
  }
  await syncFolder(path.dirname(file));
}

/** Link codes of file systems without hard links (FAT, some shares): there, check, then rename. */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EXDEV"]);

/** Puts the finished temporary file in place: rename replaces; link never does (EEXIST) and is as atomic. */
async function publish(temp: string, file: string, replace: boolean): Promise<void> {
  if (replace) return rename(temp, file);
  try {
    await link(temp, file);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
    if (
      await lstat(file).then(
        () => true,
        () => false,
      )
    )
      throw Object.assign(new Error(`${file} exists`), { code: "EEXIST" });
    return rename(temp, file);
  }
  await unlink(temp).catch(() => undefined); // a leftover is removed as stale by the next save here
}

async function modeOf(file: string): Promise<number | undefined> {
  return stat(file).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  );
}

/** A rename is durable once its folder is flushed too (POSIX; Windows cannot open a folder, and needs not). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r").catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

/** Temporary files left by a save that was killed: ours by name, and their process is gone. */
async function removeStaleTemps(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid))) {
      await unlink(path.join(folder, name)).catch(() => undefined);
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, another user's
  }
}
