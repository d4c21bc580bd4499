import { CellTooLongError, MAX_CELL_CHARS } from "./read-limits";
import { Carry } from "./sheet-data-scanner";
import { ownString, richText } from "./xml-text";

const SHARED_ITEM = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
const SHARED_ITEM_START = /<([\w.-]+:)?si\b/g;

/**
 * The shared strings part read piece by piece as it is inflated (decoded text): one value per `<si>`,
 * rich text joined. Only an item not yet closed is kept across pieces; an item whose text is too long
 * for a cell is only marked (`tooLong`, its value ""), as a table may hold an item no cell shows, and
 * one past MAX_CELL_XML is passed over to its end tag without being kept, so the cell showing it can
 * be named. A tag that never closes is a damaged file (WorkbookFormatError).
 */
export class SharedStringScanner {
  readonly values: string[] = [];
  /** The items whose text is past MAX_CELL_CHARS: a cell that shows one is refused. */
  readonly tooLong = new Set<number>();
  private readonly carry = new Carry();
  /** The end tag of the item kept (or passed over); while passing over, the last characters seen. */
  private itemEnd = "";
  private passing: string | undefined;

  push(piece: string): void {
    if (this.passing !== undefined) {
      const seen = this.passing + piece;
      const end = seen.indexOf(this.itemEnd);
      if (end < 0) {
        this.passing = seen.slice(seen.length - this.itemEnd.length + 1);
        return;
      }
      this.passing = undefined;
      piece = seen.slice(end + this.itemEnd.length);
    }
    let s: string | undefined;
    try {
      s = this.carry.with(piece);
    } catch (error) {
      return this.passOver(error, piece);
    }
    if (s === undefined) return;
    let consumed = 0;
    SHARED_ITEM.lastIndex = 0;
    for (let m = SHARED_ITEM.exec(s); m; m = SHARED_ITEM.exec(s)) {
      const value = m[1] === undefined ? "" : ownString(richText(m[1]));
      if (value.length > MAX_CELL_CHARS) this.tooLong.add(this.values.length);
      this.values.push(value.length > MAX_CELL_CHARS ? "" : value);
      consumed = SHARED_ITEM.lastIndex;
    }
    // Kept for the next piece: an item it completes (waiting for its end tag), else a tag cut off; the
    // text between items is not.
    SHARED_ITEM_START.lastIndex = consumed;
    const item = SHARED_ITEM_START.exec(s);
    this.itemEnd = item ? `</${item[1] ?? ""}si>` : "";
    try {
      if (item) this.carry.keep(s.slice(item.index), this.itemEnd);
      else {
        const lt = s.lastIndexOf("<");
        this.carry.keep(lt >= consumed && s.indexOf(">", lt) < 0 ? s.slice(lt) : "", ">");
      }
    } catch (error) {
      this.passOver(error, s);
    }
  }

  /** An item past MAX_CELL_XML: marked, and what follows passed over to its end tag. */
  private passOver(error: unknown, seen: string): void {
    if (!(error instanceof CellTooLongError) || this.itemEnd === "") throw error;
    this.tooLong.add(this.values.length);
    this.values.push("");
    this.carry.keep("", "");
    this.passing = seen.slice(seen.length - this.itemEnd.length + 1);
  }
}
