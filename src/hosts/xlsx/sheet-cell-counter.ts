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
