import { SSF } from "./sheetjs-mini";
import type { SheetValues } from "../../app/workbook-host.port";
import { isErrorValue, type CellValue } from "../../core/cell/cell-value";
import { cellAddress } from "../../core/cell/a1";
import { CellTooLongError, ReadLimitError, SHEET_SLOTS, type ReadBudget } from "./read-limits";
import { SharedStringScanner } from "./shared-string-scanner";
import { SheetDataScanner } from "./sheet-data-scanner";
import { WorkbookFormatError, type ReadWorkbook } from "./workbook-read";
import { isDateFormat } from "./date-formats";
import { attributesOf } from "./xml-text";
import { usedRange } from "./xlsx-snapshot-host";
import type { ZipParts } from "./zip-package";

/**
 * SpreadsheetML (.xlsx, .xlsm) read as a stream: each worksheet's XML goes through the scanner as
 * it is inflated and only the cells' values are kept, so a sheet of a million lines costs its
 * values, not its XML and a model of it (a whole-file reader held 3.4 GB at 1,000,000 lines).
 * Sheets come in the workbook's order with the names it gives them, found through the package's
 * relationships (absolute targets as openpyxl writes them, relative as Excel does). Values follow
 * the same rules as the other readers: numbers, text, booleans, error text, dates as Excel serials
 * in the 1900 system (a 1904 workbook's date cells are moved to it).
 */
export interface SpreadsheetMlOptions {
  /** Slots of the sheets' used ranges allowed in all (see `usedRange`); over it, a ReadLimitError. */
  readonly maxCells?: number;
  /** Keep each date cell's number format in `dateFormats` (only a copy needs them). */
  readonly dateFormats?: boolean;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;
const DAYS_1904 = 1462;
/** Wider rows grow as they fill; a stray cell at column XFD does not size the rows after it. */
const MAX_WIDTH_HINT = 1024;

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** Whether the package is SpreadsheetML this reader reads: it names an XML workbook part. */
export async function spreadsheetMlWorkbookPart(parts: ZipParts): Promise<string | undefined> {
  const root = await relationships(parts, "_rels/.rels", "");
  const named = root.find((r) => OFFICE_DOCUMENT.test(r.type))?.target;
  const workbook = named && /\.xml$/i.test(named) ? parts.find(named) : parts.find("xl/workbook.xml");
  return workbook;
}

export async function readSpreadsheetMl(
  parts: ZipParts,
  workbookPart: string,
  budget: ReadBudget,
  options: SpreadsheetMlOptions = {},
): Promise<ReadWorkbook> {
  const workbookXml = (await parts.text(workbookPart)) as string;
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const rels = new Map(
    (await relationships(parts, `${folder}_rels/${workbookPart.slice(folder.length)}.rels`, folder)).map((r) => [r.id, r]),
  );
  const all = [...rels.values()];
  const date1904 = /<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml);
  const strings = await sharedStrings(parts, all.find((r) => r.type.endsWith("/sharedStrings"))?.target);
  const styles = await cellStyles(parts, all.find((r) => r.type.endsWith("/styles"))?.target);

  const sheets: SheetValues[] = [];
  const dateFormats = new Map<string, Map<string, string>>();
  let slots = 0;
  const countSlots = (n: number) => {
    slots += n;
    if (options.maxCells !== undefined && slots > options.maxCells) throw new ReadLimitError("cells", options.maxCells);
  };
  for (const sheet of sheetEntries(workbookXml)) {
    countSlots(SHEET_SLOTS);
    const rel = rels.get(sheet.id);
    const formats = new Map<string, string>();
    const rows: CellValue[][] = [];
    let width = 0;
    if (rel && rel.type.endsWith("/worksheet")) {
      const place = (row: number, column: number, type: string, style: number, text: string | number) => {
        if (type === "s" && strings.tooLong.size > 0 && strings.tooLong.has(Number(text)))
          throw new CellTooLongError(sheet.name, cellAddress(row, column));
        const value = cellValue(type, text, strings.values);
        if (value === null) return;
        let line = rows[row];
        if (!line) {
          // Sized like the row before (rows of a table are alike): a row array holds its cells and no spare room.
          line = rows[row] = new Array<CellValue>(Math.min(width, MAX_WIDTH_HINT));
          width = 0;
        }
        if (column >= width) width = column + 1;
        if (typeof value === "number" && type !== "d" && styles.dates[style] !== undefined) {
          line[column] = date1904 ? value + DAYS_1904 : value;
          if (options.dateFormats) formats.set(`${row},${column}`, styles.dates[style] as string);
        } else line[column] = value;
      };
      const scanner = new SheetDataScanner(place, (n) => budget.addCells(n));
      try {
        await parts.stream(rel.target, (text) => scanner.push(text), "latin1");
      } catch (error) {
        if (error instanceof CellTooLongError && error.sheet === undefined) throw new CellTooLongError(sheet.name, error.cell);
        throw error;
      }
      if (!scanner.complete) throw new WorkbookFormatError(`${rel.target} has no complete sheetData`, false);
    }
    sheets.push(usedRange(sheet.name, rows, countSlots) ?? { name: sheet.name, row: 0, column: 0, values: [] });
    dateFormats.set(sheet.name, formats);
  }
  return { sheets, dateFormats };
}

/** A cell's value from its type and `<v>` text, or the number the scanner read from that text. */
function cellValue(type: string, text: string | number, strings: readonly string[]): CellValue {
  if (typeof text === "number") {
    // Only a number or a shared string's index comes as a number (see SheetDataScanner).
    if (type !== "s") return text;
    const shared = strings[text];
    return shared ? shared : null;
  }
  switch (type) {
    case "s": {
      const shared = strings[Number(text)];
      return shared ? shared : null;
    }
    case "str":
    case "inlineStr":
      return text === "" ? null : text;
    case "b":
      return text === "1" || text.toLowerCase() === "true";
    case "e":
      return isErrorValue(text) ? text : "#N/A";
    case "d": {
      // An ISO 8601 date cell (strict OOXML, some exporters): its calendar date and time, no time zone.
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
      if (!m) return null;
      const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0);
      return ms / 86_400_000 + 25569 + Number(m[6] ?? 0) / 86_400;
    }
    default: {
      if (text === "") return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** The `<sheet>` entries of workbook.xml, in order: name and relationship id. */
function sheetEntries(workbookXml: string): { name: string; id: string }[] {
  const list = /<(?:[\w.-]+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?sheets>/.exec(workbookXml)?.[1] ?? "";
  const out: { name: string; id: string }[] = [];
  for (const m of list.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*?)\/?>/g)) {
    const attributes = attributesOf(m[1] ?? "");
    const name = attributes.get("name");
    if (name !== undefined) out.push({ name, id: attributes.get("id") ?? "" });
  }
  if (out.length === 0 && !/<(?:[\w.-]+:)?workbook\b/.test(workbookXml))
    throw new WorkbookFormatError("invalid workbook part", false);
  return out;
}

/** A relationships part's entries, targets resolved to part names (absolute or relative to `folder`). */
async function relationships(parts: ZipParts, part: string, folder: string): Promise<Relationship[]> {
  const xml = await parts.text(part);
  if (xml === undefined) return [];
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*?)\/?>/g)) {
    const attributes = attributesOf(m[1] ?? "");
    if (attributes.get("TargetMode")?.toLowerCase() === "external") continue;
    const target = attributes.get("Target");
    if (!target) continue;
    out.push({
      id: attributes.get("Id") ?? "",
      type: attributes.get("Type") ?? "",
      target: resolvePartName(target, folder),
    });
  }
  return out;
}

function resolvePartName(target: string, folder: string): string {
  const joined = target.startsWith("/") ? target.slice(1) : folder + target;
  const out: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

/** The shared strings, read as the part is inflated (see `SharedStringScanner`). */
async function sharedStrings(parts: ZipParts, part: string | undefined): Promise<SharedStringScanner> {
  const scanner = new SharedStringScanner();
  if (part) await parts.stream(part, (text) => scanner.push(text));
  return scanner;
}

interface CellStyles {
  /** Per cellXfs index, the number format of a date style; undefined for any other. */
  readonly dates: readonly (string | undefined)[];
}

/**
 * Built-in formats that ECMA-376 leaves to the locale: in Chinese, Japanese and Korean Excel, 27-36
 * and 50-58 are date and time formats (年月日); Chinese workbooks use them for dates.
 */
const EAST_ASIAN_DATE_IDS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

async function cellStyles(parts: ZipParts, part: string | undefined): Promise<CellStyles> {
  const xml = part ? await parts.text(part) : undefined;
  if (!xml) return { dates: [] };
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*?)\/?>/g)) {
    const attributes = attributesOf(m[1] ?? "");
    const code = attributes.get("formatCode");
    if (code !== undefined) custom.set(Number(attributes.get("numFmtId")), code);
  }
  const builtIn = SSF.get_table() as Record<number, string | undefined>;
  const list = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  const dates: (string | undefined)[] = [];
  for (const m of list.matchAll(/<(?:[\w.-]+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attributesOf(m[1] ?? "").get("numFmtId") ?? 0);
    const code = custom.get(id) ?? builtIn[id];
    if (code !== undefined) dates.push(isDateFormat(code) ? code : undefined);
    else dates.push(EAST_ASIAN_DATE_IDS.has(id) ? "yyyy/m/d" : undefined);
  }
  return { dates };
}
