import { SaxesParser } from "saxes";
import { openZip } from "./zip-package";

/*
 * The check after writing: each XML part the add-in wrote is read by a conforming XML parser (saxes, the one
 * ExcelJS reads with), which refuses a character XML 1.0 cannot hold as well as broken markup. The user's parts
 * copied as they are (diagnose --out) are not read again: they are the input's own bytes.
 */

const XML_PART = /\.(?:xml|rels|vml)$/i;

/** The first part among `parts` (all XML parts when absent) whose XML does not parse, or undefined. */
export async function unparsedXmlPart(bytes: Uint8Array, parts?: ReadonlySet<string>): Promise<string | undefined> {
  const zip = await openZip(bytes);
  for (const name of zip.names()) {
    if (!XML_PART.test(name) || (parts && !parts.has(name))) continue;
    if (!parses((await zip.text(name)) ?? "")) return name;
  }
  return undefined;
}

function parses(xml: string): boolean {
  const parser = new SaxesParser();
  let failed = false;
  parser.on("error", () => {
    failed = true;
  });
  try {
    parser.write(xml).close();
  } catch {
    return false;
  }
  return !failed;
}
