import type { EditableZip } from "./zip-edit";

/**
 * The workbook's defined names (print areas, print titles, named ranges) as the user's file has them.
 * ExcelJS rewrites them on save and gets some wrong: a print area on a sheet whose name holds an
 * apostrophe comes out as an invalid reference ('O'Brien'!…), print titles are dropped, absolute rows
 * lose their $. So a workbook loaded whole keeps its original `<definedName>` elements, and the saved
 * file gets them back: the user's own, verbatim, plus any the save added for new sheets (the add-in
 * only appends sheets, so the user's sheets keep their positions and `localSheetId`s stay true).
 */
const BLOCK = /<definedNames\b[^>]*>([\s\S]*?)<\/definedNames>|<definedNames\b[^>]*\/>/;
const ENTRY = /<definedName\b([^>]*)>[\s\S]*?<\/definedName>|<definedName\b[^>]*\/>/g;

/** The `<definedName>` elements of a workbook.xml, or undefined when it has none. */
export function definedNamesOf(workbookXml: string): string[] | undefined {
  const block = BLOCK.exec(workbookXml)?.[1];
  const entries = block?.match(ENTRY) ?? [];
  return entries.length > 0 ? entries : undefined;
}

/** Which name an entry defines, and for which sheet: `name|localSheetId`. */
function keyOf(entry: string): string {
  const start = /^<definedName\b[^>]*>/.exec(entry)?.[0] ?? entry;
  const name = /\sname\s*=\s*"([^"]*)"/.exec(start)?.[1] ?? "";
  const sheet = /\slocalSheetId\s*=\s*"(\d+)"/.exec(start)?.[1] ?? "";
  return `${name.toLowerCase()}|${sheet}`;
}

/** The workbook.xml with the user's names back, and the ones it added for new sheets. */
export function withDefinedNames(workbookXml: string, original: readonly string[]): string {
  const saved = definedNamesOf(workbookXml) ?? [];
  const known = new Set(original.map(keyOf));
  const block = `<definedNames>${[...original, ...saved.filter((e) => !known.has(keyOf(e)))].join("")}</definedNames>`;
  if (BLOCK.test(workbookXml)) return workbookXml.replace(BLOCK, () => block);
  // After </sheets> (and externalReferences, if any), where the schema puts them.
  const anchor = /<\/externalReferences>|<\/sheets>/.exec(workbookXml);
  if (!anchor) return workbookXml;
  const at = anchor.index + anchor[0].length;
  return workbookXml.slice(0, at) + block + workbookXml.slice(at);
}

/** The user's defined names put back into a saved package's workbook.xml (nothing changed when none differ). */
export async function restoreDefinedNames(zip: EditableZip, original: readonly string[]): Promise<void> {
  const xml = await zip.text("xl/workbook.xml");
  if (xml === undefined) return;
  const fixed = withDefinedNames(xml, original);
  if (fixed !== xml) zip.setText("xl/workbook.xml", fixed);
}
