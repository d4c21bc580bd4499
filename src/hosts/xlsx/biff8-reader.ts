import * as XLSX from "@e965/xlsx";
import type { SheetValues } from "../../app/workbook-host.port";
import type { CellValue } from "../../core/cell/cell-value";
import { isDateFormat } from "./date-formats";
import { ReadLimitError } from "./read-limits";
import { ERRORS, type SheetJsReadOptions } from "./sheetjs-workbook";
import type { ReadWorkbook } from "./workbook-read";
import { usedRange } from "./xlsx-snapshot-host";

/**
 * The values of an Excel 97-2003 workbook (BIFF8), read straight from its records: the compound file is opened
 * by SheetJS's CFB (cheap), then one pass over the Workbook stream with a DataView keeps numbers, text, booleans,
 * errors and formulas' cached results, and which cells show a date. SheetJS's own BIFF parser builds an object
 * per record and per cell and was 2-3 times slower than pandas+xlrd on 10,000 rows (bench/xls-read.bench.mjs).
 * Anything this reader does not handle (BIFF5 and older, an encrypted file, a record cut short) gives
 * `undefined`, and the caller reads the file with SheetJS as before; `test/hosts/xlsx/biff8-reader.test.ts`
 * compares the two on files SheetJS and LibreOffice wrote.
 */

const DAYS_1904 = 1462;

const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const DATEMODE = 0x0022;
const BOUNDSHEET = 0x0085;
const FORMAT = 0x041e;
const XF = 0x00e0;
const SST = 0x00fc;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;

/** Not a BIFF8 file this reader can take: SheetJS reads it instead. */
class NotHandled extends Error {}

/** A record's body, and the bodies of the CONTINUE records after it (for strings that run across them). */
interface Chunks {
  readonly starts: number[];
  readonly ends: number[];
}

class Stream {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16 = (at: number) => this.view.getUint16(at, true);
  u32 = (at: number) => this.view.getUint32(at, true);
  /** The record at `at` and its CONTINUE records. */
  chunks(at: number): Chunks {
    const starts = [at + 4];
    const ends = [at + 4 + this.u16(at + 2)];
    let next = ends[0];
    while (next + 4 <= this.bytes.length && this.u16(next) === CONTINUE) {
      starts.push(next + 4);
      ends.push(next + 4 + this.u16(next + 2));
      next = ends[ends.length - 1];
    }
    if (ends[ends.length - 1] > this.bytes.length) throw new NotHandled("record past the end");
    return { starts, ends };
  }
}

/** Reads XLUnicodeString-like characters across CONTINUE boundaries (each continuation restarts with a flags byte). */
class StringCursor {
  private chunk = 0;
  constructor(
    private readonly s: Stream,
    private readonly c: Chunks,
    public at: number,
  ) {}
  private room() {
    if (this.at >= this.c.ends[this.chunk]) {
      this.chunk++;
      if (this.chunk >= this.c.starts.length) throw new NotHandled("string past its record");
      this.at = this.c.starts[this.chunk];
      return true;
    }
    return false;
  }
  u8() {
    this.room();
    return this.s.bytes[this.at++];
  }
  u16() {
    return this.u8() | (this.u8() << 8);
  }
  u32() {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number) {
    for (let left = n; left > 0;) {
      this.room();
      const step = Math.min(left, this.c.ends[this.chunk] - this.at);
      this.at += step;
      left -= step;
    }
  }
  /** `count` characters, 1 byte each (`wide` false) or UTF-16LE; a continuation carries its own width flag. */
  chars(count: number, wide: boolean): string {
    let text = "";
    let left = count;
    let high = wide;
    while (left > 0) {
      if (this.room()) high = (this.s.bytes[this.at++] & 1) === 1;
      const fit = Math.min(left, Math.floor((this.c.ends[this.chunk] - this.at) / (high ? 2 : 1)));
      if (fit <= 0) throw new NotHandled("character split across records");
      const end = this.at + fit * (high ? 2 : 1);
      const part = this.s.bytes.subarray(this.at, end);
      text += high ? Buffer.from(part).toString("utf16le") : Buffer.from(part).toString("latin1");
      this.at = end;
      left -= fit;
    }
    return text;
  }
  /** XLUnicodeRichExtendedString (SST) or, with `rich` false, XLUnicodeString. */
  string(rich: boolean): string {
    const count = this.u16();
    const flags = this.u8();
    const runs = rich && flags & 0x08 ? this.u16() : 0;
    const ext = rich && flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    if (runs || ext) this.skip(runs * 4 + ext);
    return text;
  }
}

function rkValue(rk: number): number {
  const value = rk & 0x02 ? rk >> 2 : doubleFromHigh(rk & 0xfffffffc);
  return rk & 0x01 ? value / 100 : value;
}
const rkScratch = new DataView(new ArrayBuffer(8));
function doubleFromHigh(high: number): number {
  rkScratch.setUint32(0, 0, true);
  rkScratch.setUint32(4, high >>> 0, true);
  return rkScratch.getFloat64(0, true);
}

interface Globals {
  readonly sheets: { name: string; offset: number }[];
  readonly strings: string[];
  /** Per XF index: the number format's text when it shows a date, else undefined. */
  readonly dateXf: (string | undefined)[];
  readonly date1904: boolean;
}

function readGlobals(s: Stream): Globals {
  if (s.bytes.length < 8 || s.u16(0) !== BOF || s.u16(4) !== 0x0600) throw new NotHandled("not BIFF8");
  const sheets: { name: string; offset: number }[] = [];
  const strings: string[] = [];
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let date1904 = false;
  for (let at = 0; at + 4 <= s.bytes.length;) {
    const type = s.u16(at);
    const size = s.u16(at + 2);
    const body = at + 4;
    if (type === FILEPASS) throw new NotHandled("encrypted");
    if (type === DATEMODE) date1904 = s.u16(body) === 1;
    else if (type === BOUNDSHEET) {
      const cursor = new StringCursor(s, s.chunks(at), body + 6);
      const count = cursor.u8();
      sheets.push({ offset: s.u32(body), name: cursor.chars(count, (cursor.u8() & 1) === 1) });
    } else if (type === FORMAT) formats.set(s.u16(body), new StringCursor(s, s.chunks(at), body + 2).string(false));
    else if (type === XF) xfFormats.push(s.u16(body + 2));
    else if (type === SST) {
      const cursor = new StringCursor(s, s.chunks(at), body + 8);
      for (let i = s.u32(body + 4); i > 0; i--) strings.push(cursor.string(true));
    } else if (type === EOF) break;
    at = body + size;
  }
  const table = XLSX.SSF.get_table() as Record<number, string | undefined>;
  const dateXf = xfFormats.map((id) => {
    const format = formats.get(id) ?? table[id];
    return format !== undefined && id !== 0 && isDateFormat(format) ? format : undefined;
  });
  return { sheets, strings, dateXf, date1904 };
}

interface SheetRead {
  readonly rows: CellValue[][];
  readonly formats: Map<string, string>;
}

function readSheet(s: Stream, g: Globals, offset: number, keepFormats: boolean): SheetRead {
  const rows: CellValue[][] = [];
  const formats = new Map<string, string>();
  if (offset + 4 > s.bytes.length || s.u16(offset) !== BOF) throw new NotHandled("sheet offset");
  const put = (r: number, c: number, xf: number, value: CellValue) => {
    if (value === null) return;
    const date = typeof value === "number" ? g.dateXf[xf] : undefined;
    (rows[r] ??= [])[c] = date !== undefined && g.date1904 ? (value as number) + DAYS_1904 : value;
    if (date !== undefined && keepFormats) formats.set(`${r},${c}`, date);
  };
  let pending: { r: number; c: number; xf: number } | undefined;
  for (let at = offset + 4 + s.u16(offset + 2); at + 4 <= s.bytes.length;) {
    const type = s.u16(at);
    const size = s.u16(at + 2);
    const body = at + 4;
    if (body + size > s.bytes.length) throw new NotHandled("record past the end");
    switch (type) {
      case NUMBER: {
        const v = s.view.getFloat64(body + 6, true);
        put(s.u16(body), s.u16(body + 2), s.u16(body + 4), Number.isFinite(v) ? v : null);
        break;
      }
      case RK:
        put(s.u16(body), s.u16(body + 2), s.u16(body + 4), rkValue(s.u32(body + 6)));
        break;
      case MULRK: {
        const r = s.u16(body);
        const first = s.u16(body + 2);
        const count = (size - 6) / 6;
        for (let i = 0; i < count; i++) put(r, first + i, s.u16(body + 4 + i * 6), rkValue(s.u32(body + 6 + i * 6)));
        break;
      }
      case LABELSST: {
        const text = g.strings[s.u32(body + 6)];
        if (text === undefined) throw new NotHandled("string index");
        put(s.u16(body), s.u16(body + 2), s.u16(body + 4), text === "" ? null : text);
        break;
      }
      case LABEL: {
        const text = new StringCursor(s, s.chunks(at), body + 6).string(false);
        put(s.u16(body), s.u16(body + 2), s.u16(body + 4), text === "" ? null : text);
        break;
      }
      case BOOLERR: {
        const v = s.bytes[body + 6];
        put(s.u16(body), s.u16(body + 2), s.u16(body + 4), s.bytes[body + 7] ? (ERRORS[v] ?? "#N/A") : v !== 0);
        break;
      }
      case FORMULA: {
        const [r, c, xf] = [s.u16(body), s.u16(body + 2), s.u16(body + 4)];
        if (s.u16(body + 12) !== 0xffff) {
          const v = s.view.getFloat64(body + 6, true);
          put(r, c, xf, Number.isFinite(v) ? v : null);
        } else {
          const kind = s.bytes[body + 6];
          if (kind === 0) pending = { r, c, xf };
          else if (kind === 1) put(r, c, xf, s.bytes[body + 8] !== 0);
          else if (kind === 2) put(r, c, xf, ERRORS[s.bytes[body + 8]] ?? "#N/A");
        }
        break;
      }
      case STRING:
        if (pending) {
          const text = new StringCursor(s, s.chunks(at), body).string(false);
          put(pending.r, pending.c, pending.xf, text === "" ? null : text);
          pending = undefined;
        }
        break;
      case BOF:
        throw new NotHandled("embedded substream");
      case EOF:
        return { rows, formats };
    }
    at = body + size;
  }
  return { rows, formats };
}

/** The workbook's sheets and values, or undefined when the file is not plain BIFF8 (SheetJS reads it then). */
export function readBiff8Workbook(data: Uint8Array, options: SheetJsReadOptions = {}): ReadWorkbook | undefined {
  try {
    const container = XLSX.CFB.read(data, { type: "buffer" });
    const entry = XLSX.CFB.find(container, "Workbook");
    if (!entry?.content || entry.content.length === 0) return undefined;
    const content = entry.content as Uint8Array | number[];
    const s = new Stream(content instanceof Uint8Array ? content : Uint8Array.from(content));
    const globals = readGlobals(s);
    let slots = 0;
    const countCells = (n: number) => {
      slots += n;
      if (options.maxCells !== undefined && slots > options.maxCells) throw new ReadLimitError("cells", options.maxCells);
    };
    const sheets: SheetValues[] = [];
    const dateFormats = new Map<string, Map<string, string>>();
    for (const { name, offset } of globals.sheets) {
      const read = readSheet(s, globals, offset, options.dateFormats === true);
      sheets.push(usedRange(name, read.rows, countCells) ?? { name, row: 0, column: 0, values: [] });
      dateFormats.set(name, read.formats);
    }
    return { sheets, dateFormats };
  } catch (error) {
    // NotHandled, a RangeError from a record cut short, or anything else unexpected: SheetJS decides.
    if (error instanceof ReadLimitError) throw error;
    return undefined;
  }
}
