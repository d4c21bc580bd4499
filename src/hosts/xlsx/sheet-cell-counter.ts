/**
 * What ExcelJS's whole model of a part (a worksheet, the shared strings) costs, in cells with a value:
 * counted as the part's XML is inflated, keeping nothing. ExcelJS holds an object for every cell
 * element, empty ones too, for every row element, for every column up to the last a `<col>` names and,
 * while loading, for every shared string; writing the workbook again builds a second model of each,
 * so its peak is about twice what it holds. Measured on ExcelJS 4.4 (load, then writeBuffer; Node 20), at
 * the peak of a million of each:
 * - a cell with a value (number, shared string, date): 1,270-1,380 bytes, the unit;
 * - an empty cell (`<c r="A1" s="1"/>`, styled or not): about 780 bytes, 0.6 of a unit;
 * - a row element (`<row r="2" ht="20" customHeight="1"/>`, no cells): about 1,070 bytes, 0.8;
 * - a column (`<col min="1" max="16384"/>` makes 16,384): about 190 bytes, 0.15;
 * - a shared string (`<si>`): about 60 bytes while loading, 0.05.
 * A `<c>` that is not self-closing counts as a value (an empty `<c></c>` is rare, and counting more is safe).
 */
export const MODEL_WEIGHTS = { valueCell: 1, emptyCell: 0.6, row: 0.8, column: 0.15, sharedString: 0.05 } as const;

/** The longest piece of one tag carried from one chunk to the next; a tag past it cannot be a spreadsheet's. */
const MAX_CARRY = 1024 * 1024;

export class SheetCellCounter {
  private carry = "";
  /** The last column a `<col>` of this part named: ExcelJS makes every column up to it. */
  private columns = 0;

  constructor(private readonly onCells: (weight: number) => void) {}

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString("latin1");
    this.carry = "";
    let weight = 0;
    let done = 0;
    TAG_START.lastIndex = 0;
    for (let start = TAG_START.exec(text); start; start = TAG_START.exec(text)) {
      TAG_REST.lastIndex = TAG_START.lastIndex;
      if (!TAG_REST.exec(text)) {
        // The tag goes on in the next chunk (a '>' inside a quoted value cannot end it): carried, within reason.
        if (text.length - start.index <= MAX_CARRY) this.carry = text.slice(start.index);
        done = text.length;
        break;
      }
      const name = start[1];
      if (name === "c")
        weight += text.charCodeAt(TAG_REST.lastIndex - 2) === SLASH ? MODEL_WEIGHTS.emptyCell : MODEL_WEIGHTS.valueCell;
      else if (name === "row") weight += MODEL_WEIGHTS.row;
      else if (name === "si") weight += MODEL_WEIGHTS.sharedString;
      else weight += this.columnsUpTo(text.slice(TAG_START.lastIndex, TAG_REST.lastIndex)) * MODEL_WEIGHTS.column;
      done = TAG_REST.lastIndex;
      TAG_START.lastIndex = done;
    }
    if (done < text.length && this.carry === "") {
      // A '<' near the end may begin a tag whose name is cut off.
      const open = text.lastIndexOf("<");
      if (open >= done && text.length - open <= MAX_CARRY) this.carry = text.slice(open);
    }
    if (weight > 0) this.onCells(weight);
  }

  /** The columns a `<col>` adds beyond those already counted (its `max`, or `min` without one). */
  private columnsUpTo(attributes: string): number {
    const last = Number(
      /\bmax\s*=\s*["']\s*(\d+)/.exec(attributes)?.[1] ?? /\bmin\s*=\s*["']\s*(\d+)/.exec(attributes)?.[1] ?? 0,
    );
    if (!(last > this.columns)) return 0;
    const added = last - this.columns;
    this.columns = last;
    return added;
  }
}

const SLASH = "/".charCodeAt(0);
/** A cell, row, column or shared string element's start (any namespace prefix), its name in group 1. */
const TAG_START = /<(?:[\w.-]+:)?(c|row|col|si)(?=[\s>/])/g;
/** The rest of that tag up to its '>', quoted values read whole (one way to match each character). */
const TAG_REST = /(?:[^>"']|"[^"]*"|'[^']*')*>/y;
