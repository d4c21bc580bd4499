import { parseRangeAreas, type RangeRef } from "../../core/cell/a1";
import type { CellValue } from "../../core/cell/cell-value";
import { readMarkCells } from "../../core/validate/mark-areas";
import type {
  ExistingMark,
  HostCapabilities,
  SheetEdit,
  SheetValues,
  WorkbookHost,
  WorkbookOutline,
  WriteBatch,
} from "../../app/workbook-host.port";
import type { ExcelEnvironment } from "./excel-environment";
import { queueSheetWrite, type ExcelFeatures } from "./excel-sheet-write";
import { WriteLedger } from "../common/write-ledger";
import { sheetProtected } from "../../app/use-case-error";

/** Cells per request when a range is over Excel on the web's 5 MB payload limit. */
export const CHUNK_CELLS = 100_000;

export function readExcelCapabilities(env: Pick<ExcelEnvironment, "isSetSupported">): HostCapabilities {
  return {
    nativeValidation: env.isSetSupported("ExcelApi", "1.8"),
    tables: true,
    freezePanes: true, // ExcelApi 1.7, the manifest's minimum
    marks: true, // conditional formats, ExcelApi 1.6
    notes: false, // the pane lists the messages; notes would need a read per cell to spare the user's own
    charts: true,
    editEvents: true, // Worksheet.onChanged, ExcelApi 1.7
  };
}

const isPayloadLimit = (error: unknown) => (error as { code?: string })?.code === "RequestPayloadSizeLimitExceeded";

/**
 * The Office.js host: Excel desktop (Windows, Mac) and Excel on the web. Each port call is one
 * `Excel.run` with one `context.sync()`, except ranges over the payload limit, read one chunk per sync.
 */
export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  readonly capabilities: HostCapabilities;
  private readonly ledger = new WriteLedger();
  private readonly ownTriggerSource: boolean;
  private readonly features: ExcelFeatures;

  constructor(private readonly env: ExcelEnvironment) {
    this.capabilities = readExcelCapabilities(env);
    this.ownTriggerSource = env.isSetSupported("ExcelApi", "1.14");
    this.features = { nativeWaterfall: env.isSetSupported("ExcelApi", "1.9") };
  }

  readOutline(): Promise<WorkbookOutline> {
    return this.env.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const tables = context.workbook.tables.load("items/name");
      await context.sync();
      return { sheets: sheets.items.map((s) => s.name), tables: tables.items.map((t) => t.name) };
    });
  }

  readSheets(names: readonly string[], options: { marks?: boolean } = {}): Promise<SheetValues[]> {
    return this.env.run(async (context) => {
      const queue = (withValues: boolean) =>
        names.map((name) => {
          const sheet = context.workbook.worksheets.getItemOrNullObject(name);
          const range = sheet.getUsedRangeOrNullObject(true);
          if (withValues) range.load("values,rowIndex,columnIndex");
          else range.load("rowIndex,columnIndex,rowCount,columnCount");
          const formats = options.marks
            ? sheet.getRange().conditionalFormats.load("items/id,items/type,items/customOrNullObject/rule/formula")
            : undefined;
          // With the marks, in the same sync: whether the sheet is protected (no marks are added there).
          const protection = options.marks ? sheet.protection.load("protected") : undefined;
          return { name, sheet, range, formats, protection };
        });
      let reads = queue(true);
      let chunked = false;
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadLimit(error)) throw error;
        chunked = true;
        reads = queue(false);
        await context.sync();
      }
      const out: SheetValues[] = [];
      for (const { name, sheet, range, formats, protection } of reads) {
        if (range.isNullObject) continue;
        const values = chunked ? await this.readInChunks(context, sheet, range) : (range.values as CellValue[][]);
        const marks: ExistingMark[] | undefined = formats?.items.flatMap((cf) => {
          const formula = cf.type === "Custom" && !cf.customOrNullObject.isNullObject ? cf.customOrNullObject.rule.formula : "";
          const mark = readMarkCells(formula);
          return (mark?.cells ?? []).map((cell) => ({ row: cell.row, column: cell.column, handle: cf.id, kind: mark!.kind }));
        });
        out.push({
          name,
          row: range.rowIndex,
          column: range.columnIndex,
          values,
          ...(marks ? { marks } : {}),
          ...(protection?.protected ? { protected: true } : {}),
        });
      }
      return out;
    });
  }

  /** One sync per chunk of rows, sized so each request stays under the payload limit. */
  private async readInChunks(context: Excel.RequestContext, sheet: Excel.Worksheet, used: Excel.Range): Promise<CellValue[][]> {
    const rowsPerChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, used.columnCount)));
    const values: CellValue[][] = [];
    for (let start = 0; start < used.rowCount; start += rowsPerChunk) {
      const chunk = sheet.getRangeByIndexes(
        used.rowIndex + start,
        used.columnIndex,
        Math.min(rowsPerChunk, used.rowCount - start),
        used.columnCount,
      );
      chunk.load("values");
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one request per chunk is the point
      values.push(...(chunk.values as CellValue[][]));
    }
    return values;
  }

  async write(batch: WriteBatch): Promise<void> {
    try {
      await this.env.run(async (context) => {
        context.application.suspendApiCalculationUntilNextSync();
        for (const op of batch.sheets) {
          queueSheetWrite(context, op, this.capabilities, this.features);
          this.ledger.recordWrite(op);
        }
        await context.sync();
      });
    } catch (error) {
      throw (await this.protectedSheetOf(batch, error)) ?? error;
    }
  }

  /**
   * A write Excel refused: when a sheet it wrote to is protected, the use-case error that names it (one more
   * batch, on this failure only); undefined otherwise, and the host's error stands.
   */
  private async protectedSheetOf(batch: WriteBatch, error: unknown): Promise<Error | undefined> {
    const { code, message } = (error ?? {}) as { code?: string; message?: string };
    if (code !== "AccessDenied" && code !== "InvalidOperation" && !/protect/i.test(message ?? "")) return undefined;
    try {
      const name = await this.env.run(async (context) => {
        const sheets = batch.sheets
          .filter((op) => !op.create)
          .map((op) => ({ op, protection: context.workbook.worksheets.getItem(op.sheet).protection.load("protected") }));
        await context.sync();
        return sheets.find((s) => s.protection.protected)?.op.sheet;
      });
      return name === undefined ? undefined : sheetProtected(name);
    } catch {
      return undefined;
    }
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.env.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  async subscribeToEdits(handler: (edits: readonly SheetEdit[]) => void): Promise<() => Promise<void>> {
    const names = new Map<string, string>();
    const onChanged = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
      const sheet = names.get(event.worksheetId);
      // Every area of a multi-selection edited at once ("$B$2,$B$4").
      const areas = parseRangeAreas(event.address);
      if (!sheet || !areas) return;
      if (this.ownTriggerSource && event.triggerSource === "ThisLocalAddin") return;
      const users = this.ownTriggerSource ? areas : await usersAreasOf(this.env, this.ledger, sheet, areas);
      if (users.length === 0) return;
      handler(
        users.map((range) => ({ sheet, rows: { row: range.row, rowCount: Math.min(range.rowCount, 1_048_576 - range.row) } })),
      );
    };
    const registrations = await this.env.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/id,items/name");
      await context.sync();
      const added = sheets.items.map((ws) => {
        names.set(ws.id, ws.name);
        return ws.onChanged.add(onChanged);
      });
      await context.sync();
      return added;
    });
    return async () => {
      if (registrations.length === 0) return;
      // Handlers are removed through the context that registered them.
      registrations.forEach((r) => r.remove());
      await registrations[0].context.sync();
    };
  }
}

/**
 * Before ExcelApi 1.14 an event does not say who changed the cells: the areas the ledger's time rule calls the
 * add-in's are read (their formulas, which give a constant cell's value) in one batch, and are the add-in's only
 * when they hold what it wrote. A read that fails leaves every area the user's: a needless recheck, never a lost edit.
 */
async function usersAreasOf(env: ExcelEnvironment, ledger: WriteLedger, sheet: string, areas: RangeRef[]): Promise<RangeRef[]> {
  const suspects = areas.filter((area) => ledger.mayBeOwn(sheet, area));
  if (suspects.length === 0) return areas;
  let cells: unknown[][][] | undefined;
  try {
    cells = await env.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const ranges = suspects.map((a) => ws.getRangeByIndexes(a.row, a.column, a.rowCount, a.columnCount).load("formulas"));
      await context.sync();
      return ranges.map((r) => r.formulas as unknown[][]);
    });
  } catch {
    return areas;
  }
  return areas.filter((area) => {
    const i = suspects.indexOf(area);
    return i < 0 || !ledger.isOwn(sheet, area, cells![i]);
  });
}

export function createExcelHost(env: ExcelEnvironment): WorkbookHost {
  return new ExcelHost(env);
}
