/**
 * A worksheet's XML cut down to its cells with values, as it is inflated, before the reader sees it.
 * Files formatted down to row 1,048,576 (or a zip bomb of repeated empty rows) hold hundreds of MB of
 * `<row>`s and `<c s="1"/>`s with nothing in them: those are dropped chunk by chunk, so memory follows
 * the cells that hold something. The declared `<dimension ref="A1:XFD1048576"/>` goes too: the
 * reader finds the range from the cells themselves. Cells with a value are counted as they pass.
 *
 * The XML is handled as latin1 text (one character per byte), so UTF-8 characters split across chunks
 * pass through unchanged; only ASCII markup is matched.
 */

const DIMENSION = /<(?:[\w.-]+:)?dimension\b[^>]*>/g;
const EMPTY_CELL = /<(?:[\w.-]+:)?c\b[^>]*\/>/g;
const EMPTY_ROW = /<((?:[\w.-]+:)?row)\b[^>]*\/>|<((?:[\w.-]+:)?row)\b[^>]*>\s*<\/\2>/g;
const CELL = /<(?:[\w.-]+:)?c[\s>]/g;

export class SheetXmlCompactor {
  private carry = "";
  private readonly out: Buffer[] = [];
  private outLength = 0;

  /** `onCells` hears how many cells with a value each chunk held (to count them against a limit). */
  constructor(private readonly onCells: (count: number) => void) {}

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString("latin1");
    const cut = text.lastIndexOf(">") + 1;
    this.carry = text.slice(cut);
    if (cut > 0) this.emit(text.slice(0, cut));
  }

  /** The compacted XML. */
  end(): Buffer {
    if (this.carry) this.emit(this.carry);
    this.carry = "";
    return Buffer.concat(this.out, this.outLength);
  }

  get length(): number {
    return this.outLength + this.carry.length;
  }

  private emit(segment: string): void {
    const kept = segment.replace(DIMENSION, "").replace(EMPTY_CELL, "").replace(EMPTY_ROW, "");
    let cells = 0;
    CELL.lastIndex = 0;
    while (CELL.exec(kept)) cells++;
    if (cells > 0) this.onCells(cells);
    if (kept.length === 0) return;
    const bytes = Buffer.from(kept, "latin1");
    this.out.push(bytes);
    this.outLength += bytes.length;
  }
}

/**
 * Counts every cell element of a worksheet's XML as it is inflated, empty ones too, and keeps
 * nothing: what a reader that materialises each styled cell (ExcelJS, for --out) would hold.
 */
export class SheetCellCounter {
  private carry = "";

  constructor(private readonly onCells: (count: number) => void) {}

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString("latin1");
    const cut = text.lastIndexOf(">") + 1;
    this.carry = text.slice(cut);
    let cells = 0;
    CELL_OR_EMPTY.lastIndex = 0;
    while (CELL_OR_EMPTY.exec(text.slice(0, cut))) cells++;
    if (cells > 0) this.onCells(cells);
  }
}

const CELL_OR_EMPTY = /<(?:[\w.-]+:)?c[\s>/]/g;
