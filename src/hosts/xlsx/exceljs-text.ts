import type ExcelJS from "exceljs";
import { needsXstring, xmlSafe, xstring } from "./xml-text";

/*
 * ExcelJS writes a cell's text, a note's text and a sheet's name as they are, except that it drops the C0
 * controls: U+FFFE, U+FFFF or a lone surrogate make a part that does not parse, and a literal `_x0041_` reads
 * back as "A". Before it writes, each such text is put in its written form (`xstring`: cell text, rich-text
 * runs, a formula's cached text, a hyperlink's text, notes; `xmlSafe`: sheet names, which read no escape), and
 * given back after, so the workbook in memory keeps the user's text.
 */

type Undo = () => void;

function xstringValue(value: ExcelJS.CellValue): ExcelJS.CellValue | undefined {
  if (typeof value === "string") return needsXstring(value) ? xstring(value) : undefined;
  if (value === null || typeof value !== "object" || value instanceof Date) return undefined;
  if ("richText" in value && Array.isArray(value.richText)) {
    if (!value.richText.some((run) => needsXstring(run.text))) return undefined;
    return { ...value, richText: value.richText.map((run) => ({ ...run, text: xstring(run.text) })) };
  }
  if ("hyperlink" in value && typeof value.text === "string") {
    return needsXstring(value.text) ? { ...value, text: xstring(value.text) } : undefined;
  }
  if (("formula" in value || "sharedFormula" in value) && typeof value.result === "string") {
    return needsXstring(value.result) ? ({ ...value, result: xstring(value.result) } as ExcelJS.CellValue) : undefined;
  }
  return undefined;
}

function xstringNote(note: ExcelJS.Comment | string | undefined): ExcelJS.Comment | string | undefined {
  if (typeof note === "string") return needsXstring(note) ? xstring(note) : undefined;
  const texts = note?.texts;
  if (!texts || !texts.some((run) => needsXstring(run.text))) return undefined;
  return { ...note, texts: texts.map((run) => ({ ...run, text: xstring(run.text) })) };
}

/**
 * Every cell ExcelJS holds, a cell with only a note included. `eachRow`/`eachCell` skip a cell without a value
 * (and, asked to include empty ones, create every missing row and cell): the sparse arrays they walk are read
 * as they are.
 */
function* cellsOf(ws: ExcelJS.Worksheet): Generator<ExcelJS.Cell> {
  const rows = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
  for (const row of rows) {
    if (!row) continue;
    for (const cell of (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells) if (cell) yield cell;
  }
}

/** Runs `write` with the workbook's texts in their written form, then gives the texts back. */
export async function withWritableText<T>(workbook: ExcelJS.Workbook, write: () => Promise<T>): Promise<T> {
  const undo: Undo[] = [];
  try {
    for (const ws of workbook.worksheets) {
      const name = ws.name;
      if (xmlSafe(name) !== name) {
        ws.name = xmlSafe(name);
        undo.push(() => (ws.name = name));
      }
      for (const cell of cellsOf(ws)) {
        if (cell.isMerged && cell.master !== cell) continue;
        const value = cell.value;
        const written = xstringValue(value);
        if (written !== undefined) {
          cell.value = written;
          undo.push(() => (cell.value = value));
        }
        const note = cell.note as ExcelJS.Comment | string | undefined;
        const writtenNote = xstringNote(note);
        if (writtenNote !== undefined) {
          cell.note = writtenNote;
          undo.push(() => (cell.note = note as ExcelJS.Comment | string));
        }
      }
    }
    return await write();
  } finally {
    for (const step of undo.reverse()) step();
  }
}
