import { createInflateRaw } from "node:zlib";
import { ReadBudget, MAX_PART_CHARS, PartTooLargeError, ReadLimitError } from "./read-limits";
import { SheetCellCounter } from "./sheet-cell-counter";
import { entryData, readZipDirectory, ZipDirectoryError, type ZipEntry } from "./zip-directory";

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
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const CHUNK = 1024 * 1024;

export async function readZipPackage(bytes: Uint8Array, budget: ReadBudget): Promise<ZipPackage> {
  const parts = new Map<string, Buffer>();
  for (const entry of checkedEntries(bytes, budget))
    parts.set(entry.name, (await inflateEntry(bytes, entry, budget, "keep")) as Buffer);
  return { parts };
}

/**
 * The same limits for a package another library will load whole (ExcelJS, for --out): every part is
 * inflated once and counted, nothing kept; worksheet cells count empty ones too, as that library holds
 * each. Throws what `readZipPackage` throws.
 */
export async function checkZipPackage(bytes: Uint8Array, budget: ReadBudget): Promise<void> {
  for (const entry of checkedEntries(bytes, budget)) {
    await inflateEntry(bytes, entry, budget, WORKSHEET.test(entry.name) ? "countCells" : "count");
  }
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
    await inflateEntry(this.bytes, this.byName.get(found) as ZipEntry, this.budget, "stream", (chunk) =>
      onText(decoder ? decoder.decode(chunk, { stream: true }) : chunk.toString("latin1")),
    );
    if (decoder) onText(decoder.decode());
    return true;
  }
}

type InflateMode = "keep" | "count" | "countCells" | "stream";

async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ReadBudget,
  mode: InflateMode,
  sink?: (chunk: Buffer) => void,
): Promise<Buffer | undefined> {
  const counter = mode === "countCells" ? new SheetCellCounter((n) => budget.addCells(n)) : undefined;
  const whole: Buffer[] = [];
  let inflated = 0;
  const take = (chunk: Buffer) => {
    inflated += chunk.length;
    // The central directory is written once sizes are known (streaming writers too, whatever their
    // local headers say): an entry inflating past its declared size is damaged or hostile.
    if (inflated > entry.size) throw new ZipDirectoryError(`${entry.name} inflates past its size`);
    budget.addBytes(chunk.length);
    if (counter) counter.push(chunk);
    else if (sink) sink(chunk);
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
