import type ExcelJS from "exceljs";
import { resolveFreeSheetName } from "../../core/cell/sheet-name";
import { decodeXmlText } from "./xml-text";
import type { EditableZip } from "./zip-package";

/**
 * Sheet names other programs write and open, kept through ExcelJS. openpyxl and LibreOffice write
 * names longer than 31 characters and names starting or ending with an apostrophe; ExcelJS 4.4
 * shortens the first (then fails when two shortened names meet: "Worksheet name already exists")
 * and refuses the second. Such a sheet is loaded under a stand-in name and given its own name back
 * afterwards, so the copy written by --out keeps every name the user had.
 */

/** Characters no spreadsheet program allows in a sheet name: a name holding one cannot be written. */
const UNWRITABLE = /[:\\/?*[\]]/;

const refusedByExcelJs = (name: string) => name.length > 31 || /^'|'$/.test(name) || name === "History";

/** Whether a sheet name can be written to an .xlsx at all. */
export function isWritableSheetName(name: string): boolean {
  return name.trim() !== "" && !UNWRITABLE.test(name);
}

const SHEET = /<(?:[\w.-]+:)?sheet\b[^>]*>/g;
const NAME = /(\sname\s*=\s*)(["'])(.*?)\2/;

/**
 * Renames, inside the package, the sheets ExcelJS would refuse or shorten to stand-ins; returns each
 * stand-in with the name to give back (empty when nothing changed), and the first name that cannot
 * be written at all, if any.
 */
export async function standInSheetNames(zip: EditableZip): Promise<{ standIns: Map<string, string>; unwritable?: string }> {
  const standIns = new Map<string, string>();
  const xml = await zip.text("xl/workbook.xml");
  if (xml === undefined) return { standIns };
  const names = [...xml.matchAll(SHEET)].map((m) => decodeXmlText(NAME.exec(m[0])?.[3] ?? ""));
  const unwritable = names.find((n) => !isWritableSheetName(n));
  if (unwritable !== undefined) return { standIns, unwritable };
  if (!names.some(refusedByExcelJs)) return { standIns };
  const taken = new Set(names.map((n) => n.toLowerCase()));
  let next = 1;
  const fixed = xml.replace(SHEET, (tag) =>
    tag.replace(NAME, (whole, lead: string, quote: string, raw: string) => {
      const name = decodeXmlText(raw);
      if (!refusedByExcelJs(name)) return whole;
      let standIn = `Sheet ${next++}`;
      while (taken.has(standIn.toLowerCase())) standIn = `Sheet ${next++}`;
      taken.add(standIn.toLowerCase());
      standIns.set(standIn, name);
      return `${lead}${quote}${standIn}${quote}`;
    }),
  );
  zip.setText("xl/workbook.xml", fixed);
  return { standIns };
}

/** Gives the loaded sheets their own names back (past ExcelJS's checks, which spoke for ExcelJS only). */
export function restoreSheetNames(workbook: ExcelJS.Workbook, standIns: ReadonlyMap<string, string>): void {
  for (const ws of workbook.worksheets) {
    const name = standIns.get(ws.name);
    if (name !== undefined) (ws as unknown as { _name: string })._name = name;
  }
}

/**
 * A new sheet for values read from another format (.ods, .xls, .csv): the user's name when it can be
 * written and is free, else a free cleaned-up one.
 */
export function addSheetKeepingName(workbook: ExcelJS.Workbook, wanted: string): ExcelJS.Worksheet {
  const taken = workbook.worksheets.map((ws) => ws.name);
  const free = !taken.some((t) => t.toLowerCase() === wanted.toLowerCase());
  const name = isWritableSheetName(wanted) && free ? wanted : resolveFreeSheetName(wanted, taken);
  if (!refusedByExcelJs(name)) return workbook.addWorksheet(name);
  let n = taken.length + 1;
  while (taken.some((t) => t.toLowerCase() === `sheet ${n}`)) n++;
  const ws = workbook.addWorksheet(`Sheet ${n}`);
  (ws as unknown as { _name: string })._name = name;
  return ws;
}
