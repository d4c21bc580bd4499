import path from "node:path";
import type { EditableZip } from "./zip-package";

const RELATIONSHIP = /<Relationship\b[^>]*>/g;
const ABSOLUTE_TARGET = /\bTarget\s*=\s*(["'])\/([^"']*)\1/;
const EXTERNAL = /\bTargetMode\s*=\s*["']External["']/;

/**
 * The package's relationship targets written as absolute part names ("/xl/tables/table1.xml", as
 * openpyxl and pandas write them; the Open Packaging Conventions allow both forms) rewritten
 * relative to their source part ("../tables/table1.xml"). ExcelJS 4.4 looks tables, comments and
 * sheets up by the relative form only: without this, a workbook with a table fails to load
 * ("Cannot read properties of undefined (reading 'name')"). Returns whether anything changed.
 */
export async function relativizeRelationshipTargets(zip: EditableZip): Promise<boolean> {
  let changed = false;
  for (const name of zip.names()) {
    const match = /^(.*?)_rels\/[^/]+\.rels$/.exec(name);
    if (!match) continue;
    const sourceDir = match[1].replace(/\/$/, "");
    const xml = (await zip.text(name)) as string;
    const fixed = xml.replace(RELATIONSHIP, (tag) =>
      EXTERNAL.test(tag)
        ? tag
        : tag.replace(ABSOLUTE_TARGET, (_whole, quote: string, target: string) => {
            const relative = sourceDir ? path.posix.relative(`/${sourceDir}`, `/${target}`) : target;
            return `Target=${quote}${relative}${quote}`;
          }),
    );
    if (fixed !== xml) {
      zip.setText(name, fixed);
      changed = true;
    }
  }
  return changed;
}
