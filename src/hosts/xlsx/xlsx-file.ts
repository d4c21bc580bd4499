import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { kindOfName, sniffContent } from "./file-kind";
import { prepareFullLoad } from "./full-load-checks";
import { openZip, relativizeRelationshipTargets, ZipFormatError } from "./package-relationships";
import { readFileBytes, readWorkbookBytes, resolveReadLimits, type ReadFileOptions } from "./read-workbook-file";
import { addSheetKeepingName, restoreSheetNames } from "./sheet-names";
import type { ReadWorkbook } from "./sheetjs-workbook";
import { fileNotValid, fileUnwritable, readerFailure } from "./workbook-file-error";
import { XlsxHost } from "./xlsx-host";

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
    if (zip.file("xl/workbook.xml")) {
      const standIns = await prepareFullLoad(file, kindOfName(file) ?? ".xlsx", bytes, zip, options);
      const changed = (await relativizeRelationshipTargets(zip)) || standIns.size > 0;
      const repaired = changed ? await zip.generateAsync({ type: "nodebuffer" }) : bytes;
      const host = await loadWithExcelJs(file, repaired, () => readWorkbookBytes(file, bytes, options));
      restoreSheetNames(host.workbook, standIns);
      return host;
    }
  }
  return new XlsxHost(workbookOf(await readWorkbookBytes(file, bytes, options)));
}

/** Opens a workbook file whole (the name the LibreOffice checks use). */
export const openXlsxFile = (file: string): Promise<XlsxHost> => openWorkbookFile(file);

/**
 * ExcelJS's full load. When it fails, the file is read again by the reader: a format problem it
 * finds is the user's (one sentence); a file the reader reads but ExcelJS cannot is our bug.
 */
async function loadWithExcelJs(file: string, bytes: Buffer, check: () => Promise<unknown>): Promise<XlsxHost> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    await check(); // throws the sentence when the file itself is at fault
    throw readerFailure(file, "ExcelJS", error);
  }
  repairLoadedTables(workbook);
  return new XlsxHost(workbook);
}

/**
 * Tables written by LibreOffice (and some other programs) carry no style element; ExcelJS then fails
 * to save the workbook. Give such a table an explicit plain style so the file saves as it was.
 */
function repairLoadedTables(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    const tables = (ws as unknown as { tables?: Record<string, { table?: { style?: unknown } }> }).tables ?? {};
    for (const entry of Object.values(tables)) {
      if (entry.table && !entry.table.style) {
        entry.table.style = { showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
      }
    }
  }
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

/** Saves the host's workbook; formulas are recalculated when the file is next opened. */
export async function saveXlsxFile(host: XlsxHost, file: string): Promise<void> {
  host.workbook.calcProperties = { ...host.workbook.calcProperties, fullCalcOnLoad: true };
  // Serialising is not a file-system matter: a failure there is a bug to report, not the user's folder.
  const bytes = Buffer.from(await host.workbook.xlsx.writeBuffer());
  try {
    await writeFile(file, bytes);
  } catch (error) {
    throw fileUnwritable(file, (error as NodeJS.ErrnoException).code ?? "unknown error");
  }
}
