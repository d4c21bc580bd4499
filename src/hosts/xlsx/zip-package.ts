import { CFB } from "./sheetjs-mini";
import { createInflateRaw } from "node:zlib";
import { ReadBudget, MAX_PART_CHARS, PartTooLargeError, ReadLimitError } from "./read-limits";
import { SheetCellCounter } from "./sheet-cell-counter";

/*
 * The one module that reads and writes zip packages (.xlsx, .ods, .xlsb). Three ways in, one place:
 * - reading under the read limits: the central directory walked by hand (`readZipDirectory`) so the
 *   declared sizes are judged before anything is inflated, then every part inflated and counted
 *   (`readZipPackage`, `checkZipPackage`, `ZipParts`);
 * - a stored zip of parts already inflated, for SheetJS (`storedZip`);
 * - changing some parts of a package and writing it again (`openZip`, in `zip-edit.ts`: JSZip underneath, no Node
 *   API, so the workbench's Save uses it in the browser).
 */

/**
 * A zip's central directory read by hand: each entry's name, method, sizes and where its data is,
 * so the sizes can be judged before anything is inflated (a zip bomb declares hundreds of MB or GB
 * there). ZIP64 sizes and offsets are read from their extra field.
 */
interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  readonly method: number;
  readonly compressedSize: number;
  /** What the directory declares; an entry may lie, so inflating counts too. */
  readonly size: number;
  readonly localHeaderOffset: number;
}

/** The bytes are not a zip we can walk (damaged, truncated, or a method we do not inflate). */
export class ZipDirectoryError extends Error {}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 65_535); at--) if (view.getUint32(at, true) === EOCD) return at;
  throw new ZipDirectoryError("no end of central directory record");
}

/** The entries of the zip in `bytes`, in directory order. */
function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const end = findEndRecord(view);
    let count = view.getUint16(end + 10, true);
    let offset = view.getUint32(end + 16, true);
    if ((count === 0xffff || offset === MAX32) && end >= 20 && view.getUint32(end - 20, true) === EOCD64_LOCATOR) {
      const at = u64(view, end - 12);
      if (view.getUint32(at, true) !== EOCD64) throw new ZipDirectoryError("bad ZIP64 end record");
      count = u64(view, at + 32);
      offset = u64(view, at + 48);
    }
    const entries: ZipEntry[] = [];
    const decoder = new TextDecoder("utf-8");
    for (let i = 0; i < count; i++) {
      if (view.getUint32(offset, true) !== CENTRAL) throw new ZipDirectoryError("bad central directory entry");
      const method = view.getUint16(offset + 10, true);
      let compressedSize = view.getUint32(offset + 20, true);
      let size = view.getUint32(offset + 24, true);
      const nameLength = view.getUint16(offset + 28, true);
      const extraLength = view.getUint16(offset + 30, true);
      const commentLength = view.getUint16(offset + 32, true);
      let localHeaderOffset = view.getUint32(offset + 42, true);
      const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
      // ZIP64: the fields set to 0xFFFFFFFF follow in the extra field 0x0001, in this order.
      let extra = offset + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = view.getUint16(extra, true);
        const length = view.getUint16(extra + 2, true);
        if (id === 0x0001) {
          let at = extra + 4;
          if (size === MAX32) ((size = u64(view, at)), (at += 8));
          if (compressedSize === MAX32) ((compressedSize = u64(view, at)), (at += 8));
          if (localHeaderOffset === MAX32) localHeaderOffset = u64(view, at);
        }
        extra += 4 + length;
      }
      entries.push({ name, method, compressedSize, size, localHeaderOffset });
      offset = extraEnd + commentLength;
    }
    return entries;
  } catch (error) {
    if (error instanceof RangeError) throw new ZipDirectoryError("truncated zip");
    throw error;
  }
}

/** The entry's compressed bytes (a view into `bytes`, nothing copied). */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) throw new ZipDirectoryError("bad local header");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw new ZipDirectoryError("truncated entry");
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * The parts of a zip package (.ods, .xlsb for SheetJS) inflated under a budget: the declared sizes are
 * judged from the central directory before anything is inflated, then every inflated byte is counted
 * (an entry that inflates past what it declared, or declares nothing, is a damaged or hostile file),
 * so no more than the declared total is ever inflated. Pictures and embedded files are left out:
 * no command reads them. SpreadsheetML (.xlsx) is streamed part by part instead (`ZipParts`).
 */
export interface ZipPackage {
  readonly parts: ReadonlyMap<string, Buffer>;
}

const SKIPPED =
  /^(xl\/media\/|xl\/embeddings\/|xl\/printerSettings\/|Pictures\/|Thumbnails\/)|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)$/i;
const CHUNK = 1024 * 1024;
/**
 * A streamed part is handed on in pieces of this size (inflated in CHUNKs, fewer trips to zlib's thread): each
 * piece's string stays under V8's large-object size (128 KB), made and dropped in the young generation. Measured
 * on the 1,000,000-line export (334 MB of sheet XML): reading it took about 3.25 s of CPU and 300 MB at most in
 * 64 KB pieces, 3.6 s and 380 MB in 1 MB pieces.
 */
const PIECE = 64 * 1024;

export async function readZipPackage(bytes: Uint8Array, budget: ReadBudget): Promise<ZipPackage> {
  const parts = new Map<string, Buffer>();
  for (const entry of checkedEntries(bytes, budget))
    parts.set(entry.name, (await inflateEntry(bytes, entry, budget, "keep")) as Buffer);
  return { parts };
}

/**
 * The same limits for a package another library will load whole (ExcelJS, for --out): every part is
 * inflated once and counted, nothing kept; its cells are weighed as that library holds them (empty
 * ones, rows, columns and shared strings too: `SheetCellCounter`), in every part, as ExcelJS finds
 * worksheets by a name anywhere in the path; `watch` may look at a part's chunks as they pass. Throws
 * what `readZipPackage` throws.
 */
export async function checkZipPackage(
  bytes: Uint8Array,
  budget: ReadBudget,
  watch?: (part: string) => ((chunk: Buffer) => void) | undefined,
): Promise<void> {
  for (const entry of checkedEntries(bytes, budget)) await inflateEntry(bytes, entry, budget, "weigh", watch?.(entry.name));
}

/** The entries read, once the declared sizes are judged: a bomb that says what it is stops here. */
function checkedEntries(bytes: Uint8Array, budget: ReadBudget): ZipEntry[] {
  const entries = readZipDirectory(bytes).filter((e) => !e.name.endsWith("/") && !SKIPPED.test(e.name));
  for (const entry of entries) {
    if (entry.method !== 0 && entry.method !== 8) throw new ZipDirectoryError(`method ${entry.method}`);
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > budget.limits.maxBytes) throw new ReadLimitError("size", budget.limits.maxBytes);
  return entries;
}

/**
 * A package's parts inflated one at a time, on demand, under the same budget and checks as
 * `readZipPackage`: a reader that streams a sheet never holds its XML whole.
 */
export class ZipParts {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntry[],
    private readonly budget: ReadBudget,
  ) {
    for (const entry of entries) {
      this.byName.set(entry.name, entry);
      this.byLowerName.set(entry.name.toLowerCase(), entry);
    }
  }

  /** Judges the declared sizes (a bomb that says what it is stops here); throws what `readZipPackage` throws. */
  static open(bytes: Uint8Array, budget: ReadBudget): ZipParts {
    return new ZipParts(bytes, checkedEntries(bytes, budget), budget);
  }

  /** The part's name as stored (writers disagree on case), or undefined. */
  find(name: string): string | undefined {
    return (this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase()))?.name;
  }

  /** The whole part as text (small parts: workbook, relationships, styles), or undefined when absent. */
  async text(name: string): Promise<string | undefined> {
    const found = this.find(name);
    if (found === undefined) return undefined;
    const data = (await inflateEntry(this.bytes, this.byName.get(found) as ZipEntry, this.budget, "keep")) as Buffer;
    return new TextDecoder("utf-8").decode(data);
  }

  /**
   * Hands the part's text to `onText` piece by piece as it is inflated; false when the part is absent.
   * As latin1, each byte is one character (fast, and a piece never ends inside a character): for a
   * reader that matches ASCII markup and decodes the text it keeps.
   */
  async stream(name: string, onText: (text: string) => void, encoding: "utf-8" | "latin1" = "utf-8"): Promise<boolean> {
    const found = this.find(name);
    if (found === undefined) return false;
    const decoder = encoding === "utf-8" ? new TextDecoder("utf-8") : undefined;
    await inflateEntry(this.bytes, this.byName.get(found) as ZipEntry, this.budget, "stream", (chunk) => {
      for (let at = 0; at < chunk.length; at += PIECE) {
        const piece = chunk.subarray(at, at + PIECE);
        onText(decoder ? decoder.decode(piece, { stream: true }) : piece.toString("latin1"));
      }
    });
    if (decoder) onText(decoder.decode());
    return true;
  }
}

type InflateMode = "keep" | "weigh" | "stream";

async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ReadBudget,
  mode: InflateMode,
  sink?: (chunk: Buffer) => void,
): Promise<Buffer | undefined> {
  const counter = mode === "weigh" ? new SheetCellCounter((n) => budget.addCells(n)) : undefined;
  const whole: Buffer[] = [];
  let inflated = 0;
  const take = (chunk: Buffer) => {
    inflated += chunk.length;
    // The central directory is written once sizes are known (streaming writers too, whatever their
    // local headers say): an entry inflating past its declared size is damaged or hostile.
    if (inflated > entry.size) throw new ZipDirectoryError(`${entry.name} inflates past its size`);
    budget.addBytes(chunk.length);
    if (counter) counter.push(chunk);
    if (sink) sink(chunk);
    else if (mode === "keep") {
      whole.push(chunk);
      if (inflated > MAX_PART_CHARS) throw new PartTooLargeError(entry.name);
    }
  };
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK) take(Buffer.from(data.subarray(at, at + CHUNK)));
  } else {
    const inflater = createInflateRaw({ chunkSize: CHUNK });
    inflater.end(data);
    try {
      for await (const chunk of inflater) take(chunk as Buffer);
    } catch (error) {
      inflater.destroy();
      if ((error as NodeJS.ErrnoException).code?.startsWith("Z_")) throw new ZipDirectoryError(`${entry.name}: ${String(error)}`);
      throw error;
    }
  }
  return mode === "keep" ? Buffer.concat(whole, inflated) : undefined;
}

/**
 * The parts handed to SheetJS as a stored zip: SheetJS then parses the parts we inflated and
 * compacted, never the original deflated streams (whose sizes it would trust).
 */
export function storedZip(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of parts) CFB.utils.cfb_add(container, name, content, { unsafe: true });
  CFB.utils.cfb_gc(container);
  return CFB.write(container, { fileType: "zip", type: "buffer", compression: false }) as Uint8Array;
}

export { openZip, ZipFormatError, type EditableZip } from "./zip-edit";
