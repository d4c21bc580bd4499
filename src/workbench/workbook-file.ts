import ExcelJS from "exceljs";
import { columnIndex, parseRangeAddress, type RangeRef } from "../core/cell/a1";
import type { CellValue } from "../core/cell/cell-value";
import type { ResolvedValidation } from "../core/templates/sheet-blueprint";
import type { ColumnFormat, FormulaBlock, RangeFormat, SheetWrite, WorkbookHost, WriteBatch } from "../app/workbook-host.port";
import type { GridSheet } from "../hosts/univer/univer-grid";
import type { SheetSeed } from "../hosts/univer/univer-workbook-data";

/** What the grid needs to open a file: the values to start from, then everything else as one write. */
export interface OpenedWorkbook {
  readonly seeds: SheetSeed[];
  readonly batch: WriteBatch;
}

/**
 * An .xlsx file for the workbench: its values through the xlsx host the entry builds on the loaded
 * workbook (the same reading the command line does), and its formulas, column widths, number formats,
 * drop-downs and frozen rows laid out as a `WriteBatch` the Univer host applies.
 */
export async function readXlsx(
  bytes: ArrayBuffer,
  hostOf: (workbook: ExcelJS.Workbook) => WorkbookHost,
): Promise<OpenedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const host = hostOf(workbook);
  const { sheets } = await host.readOutline();
  const read = await host.readSheets(sheets);
  const seeds = sheets.map((name): SheetSeed => {
    const found = read.find((s) => s.name === name);
    const values: CellValue[][] = [];
    found?.values.forEach((line, r) => {
      values[found.row + r] = [...Array<CellValue>(found.column).fill(null), ...line];
    });
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    return { name, values };
  });
  return { seeds, batch: { sheets: workbook.worksheets.map(sheetExtras) } };
}

function sheetExtras(ws: ExcelJS.Worksheet): SheetWrite {
  const formulas: FormulaBlock[] = [];
  const formats: RangeFormat[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.formula) formulas.push({ row: r - 1, column: c - 1, formulas: [[`=${cell.formula}`]] });
      if (cell.numFmt && cell.numFmt !== "General") {
        formats.push({ range: { row: r - 1, column: c - 1, rowCount: 1, columnCount: 1 }, numberFormat: cell.numFmt });
      }
    });
  });
  const columns: ColumnFormat[] = [];
  (ws.columns ?? []).forEach((column, c) => {
    if (column?.width) columns.push({ column: c, width: column.width });
  });
  columns.push(...validationsOf(ws));
  const ySplit = (ws.views?.[0] as { state?: string; ySplit?: number } | undefined)?.ySplit;
  return { sheet: ws.name, formulas, formats, columns, ...(ySplit ? { freezeRows: ySplit } : {}) };
}

interface ExcelJsValidationModel {
  type?: string;
  operator?: string;
  formulae?: unknown[];
  prompt?: string;
  errorStyle?: string;
}

/** The drop-downs and number limits of a sheet, one column at a time (other kinds are left to the file). */
function validationsOf(ws: ExcelJS.Worksheet): ColumnFormat[] {
  const model = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJsValidationModel> } }).dataValidations
    ?.model;
  const out: ColumnFormat[] = [];
  for (const [address, rule] of Object.entries(model ?? {})) {
    const validation = resolved(rule);
    for (const part of address.split(/\s+/)) {
      const range = parseRangeAddress(part.replace(/\$/g, "")) ?? cellRange(part);
      if (!validation || !range) continue;
      for (let c = 0; c < range.columnCount; c++) {
        out.push({
          column: range.column + c,
          validation,
          prompt: rule.prompt,
          rows: { row: range.row, rowCount: range.rowCount },
        });
      }
    }
  }
  return out;
}

function cellRange(address: string): RangeRef | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  return m ? { row: Number(m[2]) - 1, column: columnIndex(m[1]), rowCount: 1, columnCount: 1 } : undefined;
}

function resolved(rule: ExcelJsValidationModel): ResolvedValidation | undefined {
  const first = rule.formulae?.[0];
  if (rule.type === "list" && typeof first === "string" && /^".*"$/.test(first)) {
    return {
      kind: "list",
      values: first.slice(1, -1).split(","),
      ...(rule.errorStyle === "warning" ? { allowOther: true } : {}),
    };
  }
  if (rule.type === "date") return { kind: "date" };
  if (rule.type === "whole" || rule.type === "decimal") {
    const kind = rule.type === "whole" ? "wholeNumber" : "decimal";
    const [a, b] = (rule.formulae ?? []).map(Number);
    if (rule.operator === "between" && Number.isFinite(a) && Number.isFinite(b)) return { kind, min: a, max: b };
    if (rule.operator === "lessThanOrEqual" && Number.isFinite(a)) return { kind, max: a };
    if (Number.isFinite(a)) return { kind, min: a };
  }
  return undefined;
}

/**
 * Saves what the grid holds as .xlsx through a new xlsx host the entry builds: the same writer as the
 * command line, so text stays text, formulas are saved with their results and recalculated on open.
 */
export async function writeXlsx(
  sheets: readonly GridSheet[],
  host: WorkbookHost & { readonly workbook: ExcelJS.Workbook },
): Promise<ArrayBuffer> {
  await host.write({
    sheets: sheets.map((s) => ({
      sheet: s.name,
      create: true,
      // Formula cells get their formula below, and then their result.
      values: s.values.length > 0 ? [{ row: 0, column: 0, values: rectangular(s.values, s.formulas) }] : [],
      formulas: s.formulas.length > 0 ? [{ row: 0, column: 0, formulas: s.formulas }] : [],
      columns: [
        ...s.widths.map((width, column) => ({ column, width })),
        ...s.validations.map((v) => ({
          column: v.range.column,
          validation: v.rule,
          prompt: v.prompt,
          rows: { row: v.range.row, rowCount: v.range.rowCount },
        })),
      ],
      formats: s.numberFormats.flatMap((line, row) =>
        line.flatMap((numberFormat, column) =>
          numberFormat ? [{ range: { row, column, rowCount: 1, columnCount: 1 }, numberFormat }] : [],
        ),
      ),
      ...(s.frozenRows > 0 ? { freezeRows: s.frozenRows } : {}),
    })),
  });
  // Results saved beside the formulas, so readers that do not calculate (the command line) see them.
  for (const s of sheets) {
    const ws = host.workbook.getWorksheet(s.name);
    s.formulas.forEach((line, r) =>
      line.forEach((formula, c) => {
        const result = s.values[r]?.[c];
        if (ws && formula && result !== null && result !== undefined)
          ws.getCell(r + 1, c + 1).value = { formula: formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
      }),
    );
  }
  host.workbook.calcProperties = { fullCalcOnLoad: true };
  return (await host.workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

function rectangular(
  values: readonly (readonly CellValue[])[],
  formulas: readonly (readonly (string | null)[])[],
): CellValue[][] {
  const width = Math.max(0, ...values.map((line) => line.length));
  return values.map((line, r) => Array.from({ length: width }, (_v, c) => (formulas[r]?.[c] ? null : (line[c] ?? null))));
}
