import { createInflateRaw } from "node:zlib";
import { ReadBudget, MAX_PART_CHARS, PartTooLargeError, ReadLimitError } from "./read-limits";
import { SheetCellCounter, SheetXmlCompactor } from "./sheet-xml-compaction";
import { entryData, readZipDirectory, ZipDirectoryError, type ZipEntry } from "./zip-directory";

/**
 * The parts of a zip package (.xlsx, .xlsm, .ods) inflated under a budget: the declared sizes are
 * judged from the central directory before anything is inflated, then every inflated byte is counted
 * (an entry that inflates past what it declared, or declares nothing, is a damaged or hostile file),
 * so no more than the declared total is ever inflated. Worksheets come out
 * compacted to their cells with values (`SheetXmlCompactor`). Pictures and embedded files are left out:
 * no command reads them.
 */
export interface ZipPackage {
  readonly parts: ReadonlyMap<string, Buffer>;
  /** Cells with a value counted in the worksheets (.xlsx); 0 for other packages. */
  readonly cells: number;
}

const SKIPPED =
  /^(xl\/media\/|xl\/embeddings\/|xl\/printerSettings\/|Pictures\/|Thumbnails\/)|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)$/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const CHUNK = 1024 * 1024;

export async function readZipPackage(bytes: Uint8Array, budget: ReadBudget): Promise<ZipPackage> {
  const entries = checkedEntries(bytes, budget);
  const spreadsheetML = entries.some((e) => e.name.toLowerCase() === "xl/workbook.xml");
  const parts = new Map<string, Buffer>();
  for (const entry of entries) {
    const mode = spreadsheetML && WORKSHEET.test(entry.name) ? "compact" : "keep";
    parts.set(entry.name, (await inflateEntry(bytes, entry, budget, mode)) as Buffer);
  }
  return { parts, cells: budget.cells };
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

type InflateMode = "keep" | "compact" | "count" | "countCells";

async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ReadBudget,
  mode: InflateMode,
): Promise<Buffer | undefined> {
  const compactor = mode === "compact" ? new SheetXmlCompactor((n) => budget.addCells(n)) : undefined;
  const counter = mode === "countCells" ? new SheetCellCounter((n) => budget.addCells(n)) : undefined;
  const whole: Buffer[] = [];
  let inflated = 0;
  const take = (chunk: Buffer) => {
    inflated += chunk.length;
    // The central directory is written once sizes are known (streaming writers too, whatever their
    // local headers say): an entry inflating past its declared size is damaged or hostile.
    if (inflated > entry.size) throw new ZipDirectoryError(`${entry.name} inflates past its size`);
    budget.addBytes(chunk.length);
    if (compactor) {
      compactor.push(chunk);
      if (compactor.length > MAX_PART_CHARS) throw new PartTooLargeError(entry.name);
    } else if (counter) counter.push(chunk);
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
  if (compactor) return compactor.end();
  return mode === "keep" ? Buffer.concat(whole, inflated) : undefined;
}
