import type { CellValue } from "../core/cell/cell-value";
import { resolveFreeSheetName, resolveFreeTableName } from "../core/cell/sheet-name";
import type { Locale } from "../core/i18n/locale";
import { createSheetBlueprint, DEFAULT_BLANK_ROWS } from "../core/templates/sheet-blueprint";
import type { TemplateDefinition } from "../core/templates/template.types";
import type { SheetTable } from "../core/sheet/sheet-table";
import { createTemplateSheetWrite } from "./insert-templates";
import type { RangeFormat, SheetWrite, WorkbookOutline } from "./workbook-host.port";

/** Rows to add to a template sheet, by column key; `formats` number-formats some of their cells. */
export interface NewTemplateRows {
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
  /** Number formats per column key, applied to the new rows' cells of that column. */
  readonly numberFormats?: (row: number) => Readonly<Record<string, string>>;
}

export interface TemplateRowsWrite {
  readonly write: SheetWrite;
  readonly sheet: string;
  readonly created: boolean;
  /** The 0-based sheet row of the first new row. */
  readonly firstRow: number;
}

/**
 * Adds rows to a template sheet: below its last row with data, one block per run of adjacent columns
 * the sheet has (the user's own columns in between are left alone), or, when the workbook has no such
 * sheet, a new one laid out from the template with the rows at the top.
 */
export function templateRowsWrite(
  template: TemplateDefinition,
  existing: SheetTable | undefined,
  added: NewTemplateRows,
  outline: WorkbookOutline,
  locale: Locale,
): TemplateRowsWrite {
  const { rows } = added;
  // One range per run of rows sharing a column's format: the ranges grow with the formats, not the rows.
  const formatsAt = (columnOf: (key: string) => number | undefined, firstRow: number): RangeFormat[] => {
    const out: RangeFormat[] = [];
    const open = new Map<string, { start: number; format: string }>();
    const close = (key: string, end: number) => {
      const run = open.get(key);
      const column = columnOf(key);
      if (run && column !== undefined) {
        out.push({
          range: { row: firstRow + run.start, column, rowCount: end - run.start, columnCount: 1 },
          numberFormat: run.format,
        });
      }
      open.delete(key);
    };
    rows.forEach((_r, i) => {
      const formats = added.numberFormats?.(i) ?? {};
      for (const key of [...open.keys()]) if (formats[key] !== open.get(key)!.format) close(key, i);
      for (const [key, format] of Object.entries(formats)) if (!open.has(key)) open.set(key, { start: i, format });
    });
    for (const key of [...open.keys()]) close(key, rows.length);
    return out;
  };
  if (!existing) {
    const blueprint = createSheetBlueprint(template, { locale, blankRows: Math.max(DEFAULT_BLANK_ROWS, rows.length + 5) });
    const sheet = resolveFreeSheetName(blueprint.name, outline.sheets);
    const base = createTemplateSheetWrite(
      { ...blueprint, tableName: resolveFreeTableName(blueprint.tableName, outline.tables) },
      sheet,
      true,
    );
    const body = rows.map((r) => template.columns.map((c) => (c.formula ? null : (r[c.key] ?? null))));
    const index = (key: string) => {
      const i = template.columns.findIndex((c) => c.key === key);
      return i < 0 ? undefined : i;
    };
    const write: SheetWrite = {
      ...base,
      values: [...(base.values ?? []), ...(body.length > 0 ? [{ row: 1, column: 0, values: body }] : [])],
      formats: formatsAt(index, 1),
    };
    return { write, sheet, created: true, firstRow: 1 };
  }
  const firstRow = Math.max(existing.headerRow, ...existing.rows.map((r) => r.sheetRow)) + 1;
  const placed = template.columns
    .filter((c) => !c.formula)
    .map((c) => ({ key: c.key, column: existing.columns.get(c.key) }))
    .filter((k): k is { key: string; column: number } => k.column !== undefined)
    .sort((a, b) => a.column - b.column);
  const runs: { key: string; column: number }[][] = [];
  for (const k of placed) {
    const run = runs.at(-1);
    if (run && run[run.length - 1].column === k.column - 1) run.push(k);
    else runs.push([k]);
  }
  const write: SheetWrite = {
    sheet: existing.sheet,
    values:
      rows.length === 0
        ? []
        : runs.map((run) => ({
            row: firstRow,
            column: run[0].column,
            values: rows.map((r) => run.map((k) => r[k.key] ?? null)),
          })),
    formats: formatsAt((key) => existing.columns.get(key), firstRow),
    // The sheet comes into view, so the user sees the rows added.
    activate: true,
  };
  return { write, sheet: existing.sheet, created: false, firstRow };
}
