import { readFile, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Bilingual } from "../../core/i18n/locale";
import { Readable } from "node:stream";
import type { SheetValues } from "../../app/workbook-host.port";
import type { CellValue } from "../../core/cell/cell-value";
import { XlsxHost } from "./xlsx-host";
import { usedRange, XlsxSnapshotHost } from "./xlsx-snapshot-host";
import { fromExcelJsValue } from "./xlsx-values";

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

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (buf: Buffer, magic: number[]) => magic.every((b, i) => buf[i] === b);

/** Reads the file and checks it is an .xlsx (a zip, not an encrypted OLE container), or says precisely why not. */
async function readXlsxBytes(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new WorkbookFileError(path, {
        "zh-CN": `找不到文件 ${path}：请检查路径。`,
        en: `${path} does not exist: check the path.`,
      });
    }
    if (code === "EISDIR") {
      throw new WorkbookFileError(path, {
        "zh-CN": `${path} 是文件夹，不是 .xlsx 文件。`,
        en: `${path} is a folder, not an .xlsx file.`,
      });
    }
    throw new WorkbookFileError(path, {
      "zh-CN": `无法读取 ${path}（${code ?? "未知错误"}）：请检查文件权限。`,
      en: `${path} cannot be read (${code ?? "unknown error"}): check its permissions.`,
    });
  }
  if (startsWith(bytes, OLE)) {
    throw new WorkbookFileError(path, {
      "zh-CN": `${path} 已加密或是旧版 .xls 格式：请在 Excel/WPS 中取消密码或另存为 .xlsx 后重试。`,
      en: `${path} is encrypted or an old .xls file: remove the password or save it as .xlsx in Excel/WPS, then try again.`,
    });
  }
  if (!startsWith(bytes, ZIP)) throw notXlsx(path);
  return bytes;
}

function notXlsx(path: string): WorkbookFileError {
  return new WorkbookFileError(path, {
    "zh-CN": `${path} 不是有效的 .xlsx 文件：请在 Excel/WPS 中另存为 .xlsx 后重试。`,
    en: `${path} is not a valid .xlsx file: save it as .xlsx in Excel/WPS and try again.`,
  });
}

/** Opens an .xlsx file as a host that can be written and saved, or says precisely why it cannot. */
export async function openXlsxFile(path: string): Promise<XlsxHost> {
  const bytes = await readXlsxBytes(path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notXlsx(path);
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

/**
 * Opens an .xlsx file for reading only, streaming its sheets (styles ignored: dates arrive as serial
 * numbers, which the analysis reads as dates).
 */
export async function openXlsxFileReadOnly(path: string): Promise<XlsxSnapshotHost> {
  const bytes = await readXlsxBytes(path);
  const sheets: SheetValues[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "ignore",
      worksheets: "emit",
      entries: "emit",
    });
    for await (const worksheet of reader) {
      const rows: CellValue[][] = [];
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const raw = row.values as ExcelJS.CellValue[];
        const line: CellValue[] = new Array<CellValue>(raw.length).fill(null);
        let filled = false;
        for (let c = 1; c < raw.length; c++) {
          const v = fromExcelJsValue(raw[c]);
          if (v !== null) {
            line[c] = v;
            filled = true;
          }
        }
        if (filled) rows[row.number] = line;
      }
      const name = (worksheet as unknown as { name: string }).name;
      const sheet = usedRange(name, rows);
      sheets.push(sheet ?? { name, row: 0, column: 0, values: [] });
    }
  } catch {
    throw notXlsx(path);
  }
  return new XlsxSnapshotHost(sheets);
}

/** Saves the host's workbook; formulas are recalculated when the file is next opened. */
export async function saveXlsxFile(host: XlsxHost, path: string): Promise<void> {
  host.workbook.calcProperties = { ...host.workbook.calcProperties, fullCalcOnLoad: true };
  // Serialising is not a file-system matter: a failure there is a bug to report, not the user's folder.
  const bytes = Buffer.from(await host.workbook.xlsx.writeBuffer());
  try {
    await writeFile(path, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new WorkbookFileError(path, {
      "zh-CN": `无法写入 ${path}（${code}）：请检查文件夹是否存在、文件是否在其他程序中打开。`,
      en: `${path} cannot be written (${code}): check the folder exists and the file is not open elsewhere.`,
    });
  }
}
