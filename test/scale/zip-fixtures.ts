import { writeFileSync } from "node:fs";
import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * Zips made by hand for the scale tests: every size in the central directory is ours to set, so a
 * test can build a bomb that says what it is, or one that lies about its size.
 */
export interface ZipFixtureEntry {
  readonly name: string;
  /** Deflated data (raw deflate). */
  readonly data: Buffer;
  /** The uncompressed size the directory declares (the truth, unless the test wants a lie). */
  readonly size: number;
  readonly crc: number;
}

/** An entry deflated from its text or bytes, declaring its true size. */
export function deflatedEntry(name: string, content: string | Buffer): ZipFixtureEntry {
  const raw = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

/**
 * `block` repeated `times` as one deflate stream, made without inflating it: each copy is deflated
 * with a full flush (no reference back), so copies can be laid end to end; a final empty block ends
 * the stream. 1 MB of empty rows repeated 2,000 times is 2 GB that deflates to a few MB.
 */
export function repeatedEntry(name: string, head: string, block: string, times: number, tail: string): ZipFixtureEntry {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const first = deflateRawSync(Buffer.from(head), flush);
  const middle = deflateRawSync(Buffer.from(block), flush);
  const last = deflateRawSync(Buffer.from(tail));
  const size = Buffer.byteLength(head) + Buffer.byteLength(block) * times + Buffer.byteLength(tail);
  return { name, data: Buffer.concat([first, ...Array<Buffer>(times).fill(middle), last]), size, crc: 0 };
}

/** Writes the entries as a zip (deflate, no data descriptors, no ZIP64). */
export function writeZip(file: string, entries: readonly ZipFixtureEntry[]): void {
  writeFileSync(file, zipBytes(entries));
}

/** The entries as a zip's bytes (deflate, no data descriptors, no ZIP64). */
export function zipBytes(entries: readonly ZipFixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(Math.min(e.size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(Math.min(e.size, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The parts of a one-sheet .xlsx around its worksheet entry (named xl/worksheets/sheet1.xml). */
export function workbookEntries(sheetName: string, worksheet: ZipFixtureEntry): ZipFixtureEntry[] {
  return [
    deflatedEntry(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    deflatedEntry(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatedEntry(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflatedEntry(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    worksheet,
  ];
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_TAIL = `</sheetData></worksheet>`;

/** One cell as XML: numbers as numbers, text inline. */
export function cellXml(ref: string, value: string | number): string {
  return typeof value === "number"
    ? `<c r="${ref}"><v>${value}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${value.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></is></c>`;
}
