import type ExcelJS from "exceljs";
import { textWidth } from "../../core/cell/text-width";

/** One line of the default 11-point font, in points (Excel's default row height). */
const LINE_HEIGHT = 15;
/** ExcelJS's width of a column it was given none for, in characters. */
const DEFAULT_WIDTH = 9;

/**
 * Gives each row that holds wrapped text, and has no height of its own, the height of its longest wrapped cell:
 * the lines its text takes at its column's width. Excel measures such rows itself; LibreOffice does not, and
 * shows one line of each (the rest hidden). Only for sheets the add-in created: a user's rows are left alone.
 */
export function fitWrappedRows(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    if (row.height) return;
    let lines = 1;
    row.eachCell((cell, column) => {
      if (!cell.alignment?.wrapText || cell.isMerged) return;
      const fits = Math.max(1, (ws.getColumn(column).width ?? DEFAULT_WIDTH) - 1);
      const needed = cell.text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / fits)), 0);
      lines = Math.max(lines, needed);
    });
    if (lines > 1) row.height = lines * LINE_HEIGHT;
  });
}
