import type { EditableZip } from "./zip-package";

const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;

/**
 * Tables written by LibreOffice (and some other programs) carry no style element. ExcelJS 4.4 loads them and
 * then fails to save the workbook ("reading 'theme'"); its maintained forks fail to load them at all. So the
 * package gets a plain style on each such table before any library sees it (where the schema puts it: after
 * the columns, before any extension list), and the file saves as it was. Whether anything changed.
 */
export async function styleBareTables(zip: EditableZip): Promise<boolean> {
  let changed = false;
  for (const name of zip.names().filter((n) => TABLE_PART.test(n))) {
    const xml = (await zip.text(name)) ?? "";
    if (/<(\w+:)?tableStyleInfo\b/.test(xml)) continue;
    const prefix = /<(\w+:)?table\b/.exec(xml)?.[1] ?? "";
    const info = `<${prefix}tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/>`;
    const extensions = new RegExp(`<${prefix}extLst\\b`);
    const fixed = extensions.test(xml)
      ? xml.replace(extensions, (tag) => `${info}${tag}`)
      : xml.replace(new RegExp(`</${prefix}table>\\s*$`), (end) => `${info}${end}`);
    if (fixed !== xml) {
      zip.setText(name, fixed);
      changed = true;
    }
  }
  return changed;
}
