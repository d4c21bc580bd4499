import JSZip from "jszip";
import path from "node:path";

/** The zip could not be opened: damaged or not a zip at all. */
export class ZipFormatError extends Error {}

export async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new ZipFormatError(error instanceof Error ? error.message : String(error));
  }
}

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
export async function relativizeRelationshipTargets(zip: JSZip): Promise<boolean> {
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    const match = /^(.*?)_rels\/[^/]+\.rels$/.exec(name);
    if (!match || zip.files[name].dir) continue;
    const sourceDir = match[1].replace(/\/$/, "");
    const xml = await zip.files[name].async("string");
    const fixed = xml.replace(RELATIONSHIP, (tag) =>
      EXTERNAL.test(tag)
        ? tag
        : tag.replace(ABSOLUTE_TARGET, (_whole, quote: string, target: string) => {
            const relative = sourceDir ? path.posix.relative(`/${sourceDir}`, `/${target}`) : target;
            return `Target=${quote}${relative}${quote}`;
          }),
    );
    if (fixed !== xml) {
      zip.file(name, fixed);
      changed = true;
    }
  }
  return changed;
}
