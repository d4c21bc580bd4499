import { createDeflateRaw, crc32 } from "node:zlib";
import { zipBytes, type ZipFixtureEntry } from "../scale/zip-fixtures";

/**
 * Large but repetitive .xlsx packages written piece by piece, for the memory cases: a part of hundreds
 * of MB is never held (each piece is deflated as it comes), and the file is a few hundred KB.
 */

/** A part of the package: its name and its text, given as pieces (the same piece may come many times). */
export interface GeneratedPart {
  readonly name: string;
  readonly pieces: () => Iterable<string>;
}

async function deflatePart(part: GeneratedPart): Promise<ZipFixtureEntry> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflater.on("end", resolve);
    deflater.on("error", reject);
  });
  let crc = 0;
  let size = 0;
  for (const piece of part.pieces()) {
    const bytes = Buffer.from(piece, "utf8");
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once("drain", resolve));
  }
  deflater.end();
  await ended;
  return { name: part.name, data: Buffer.concat(out), crc, size };
}

/** A zip of the parts (deflated, no zip64: each part under 4 GB). */
export async function generatedZip(parts: readonly GeneratedPart[]): Promise<Buffer> {
  const entries: ZipFixtureEntry[] = [];
  for (const part of parts) entries.push(await deflatePart(part));
  return zipBytes(entries);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A worksheet's XML up to the start of its rows. */
export const SHEET_START = `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`;

/** A sheet's XML around the pieces of its `<sheetData>`. */
export function* sheetXml(rows: Iterable<string>): Iterable<string> {
  yield SHEET_START;
  yield* rows;
  yield "</sheetData></worksheet>";
}

/**
 * A workbook of the given sheets (name, then the pieces of its whole XML), with a shared strings part
 * when `sharedStrings` is given (the pieces of its whole XML).
 */
export function workbookParts(
  sheets: readonly { name: string; xml: () => Iterable<string> }[],
  sharedStrings?: () => Iterable<string>,
): GeneratedPart[] {
  const once = (text: string) => () => [text];
  const sheetRels = sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  if (sharedStrings) sheetRels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  return [
    {
      name: "[Content_Types].xml",
      pieces: once(
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          sheets
            .map(
              (_, i) =>
                `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
            )
            .join("") +
          (sharedStrings
            ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            : "") +
          "</Types>",
      ),
    },
    {
      name: "_rels/.rels",
      pieces: once(
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      pieces: once(
        `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
          sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
          "</sheets></workbook>",
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      pieces: once(
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join("")}</Relationships>`,
      ),
    },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, pieces: s.xml })),
    ...(sharedStrings ? [{ name: "xl/sharedStrings.xml", pieces: sharedStrings }] : []),
  ];
}

/** `text` repeated to `length` characters, as pieces of about 1 MB. */
export function* repeated(text: string, length: number): Iterable<string> {
  const block = text.repeat(Math.max(1, Math.floor((1024 * 1024) / text.length)));
  let left = Math.floor(length);
  while (left > 0) {
    const piece = left >= block.length ? block : block.slice(0, left);
    left -= piece.length;
    yield piece;
  }
}
