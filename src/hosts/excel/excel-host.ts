import { rangeAddress } from "../../core/cell/a1";
import type { CellValue } from "../../core/cell/cell-value";
import type {
  HostCapabilities,
  SheetValues,
  SheetWrite,
  WorkbookHost,
  WorkbookOutline,
  WriteBatch,
} from "../../app/workbook-host.port";
import type { ExcelEnvironment } from "./excel-environment";
import { toExcelValidationRule } from "./excel-validation";
import { formulaRuns, toExcelLiteral } from "./excel-values";

/** Excel's column width unit is points; one character of the default font is about 6 points. */
const POINTS_PER_CHARACTER = 6;

export function readExcelCapabilities(env: Pick<ExcelEnvironment, "isSetSupported">): HostCapabilities {
  return {
    nativeValidation: env.isSetSupported("ExcelApi", "1.8"),
    tables: true,
    freezePanes: true, // ExcelApi 1.7, the manifest's minimum
  };
}

function fill<T>(rows: number, columns: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(columns).fill(value));
}

/**
 * The Office.js host: Excel desktop (Windows, Mac) and Excel on the web. Each port call is one
 * `Excel.run` with exactly one `context.sync()`.
 */
export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  readonly capabilities: HostCapabilities;

  constructor(private readonly env: ExcelEnvironment) {
    this.capabilities = readExcelCapabilities(env);
  }

  readOutline(): Promise<WorkbookOutline> {
    return this.env.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const tables = context.workbook.tables.load("items/name");
      await context.sync();
      return { sheets: sheets.items.map((s) => s.name), tables: tables.items.map((t) => t.name) };
    });
  }

  readSheets(names: readonly string[]): Promise<SheetValues[]> {
    return this.env.run(async (context) => {
      const ranges = names.map((name) => {
        const range = context.workbook.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
        range.load("values,rowIndex,columnIndex");
        return { name, range };
      });
      await context.sync();
      return ranges
        .filter(({ range }) => !range.isNullObject)
        .map(({ name, range }) => ({
          name,
          row: range.rowIndex,
          column: range.columnIndex,
          values: range.values as CellValue[][],
        }));
    });
  }

  write(batch: WriteBatch): Promise<void> {
    return this.env.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      for (const op of batch.sheets) this.queueSheetWrite(context, op);
      await context.sync();
    });
  }

  private queueSheetWrite(context: Excel.RequestContext, op: SheetWrite): void {
    const sheets = context.workbook.worksheets;
    const sheet = op.create ? sheets.add(op.sheet) : sheets.getItem(op.sheet);

    for (const block of op.values ?? []) {
      if (block.values.length === 0) continue;
      const range = sheet.getRangeByIndexes(block.row, block.column, block.values.length, block.values[0].length);
      range.values = block.values.map((line) => line.map(toExcelLiteral));
    }
    for (const block of op.formulas ?? []) {
      for (const run of formulaRuns(block.formulas)) {
        const range = sheet.getRangeByIndexes(block.row + run.row, block.column + run.column, run.formulas.length, 1);
        range.formulas = run.formulas;
      }
    }
    for (const col of op.columns ?? []) {
      if (col.width !== undefined) {
        sheet.getRangeByIndexes(0, col.column, 1, 1).getEntireColumn().format.columnWidth = col.width * POINTS_PER_CHARACTER;
      }
      if (!col.rows) continue;
      const range = sheet.getRangeByIndexes(col.rows.row, col.column, col.rows.rowCount, 1);
      if (col.numberFormat) range.numberFormat = fill(col.rows.rowCount, 1, col.numberFormat);
      if (col.validation && this.capabilities.nativeValidation) {
        range.dataValidation.rule = toExcelValidationRule(col.validation);
        if (col.prompt) range.dataValidation.prompt = { showPrompt: true, message: col.prompt, title: "" };
      }
    }
    for (const f of op.formats ?? []) {
      const range = sheet.getRangeByIndexes(f.range.row, f.range.column, f.range.rowCount, f.range.columnCount);
      if (f.numberFormat) range.numberFormat = fill(f.range.rowCount, f.range.columnCount, f.numberFormat);
      if (f.bold) range.format.font.bold = true;
    }
    if (op.table) {
      const table = sheet.tables.add(rangeAddress(op.table.range), true);
      table.name = op.table.name;
    } else if (op.headerRow !== undefined) {
      sheet.getRangeByIndexes(op.headerRow, 0, 1, 1).getEntireRow().format.font.bold = true;
    }
    if (op.freezeRows) sheet.freezePanes.freezeRows(op.freezeRows);
    if (op.activate) sheet.activate();
  }
}

export function createExcelHost(env: ExcelEnvironment): WorkbookHost {
  return new ExcelHost(env);
}
