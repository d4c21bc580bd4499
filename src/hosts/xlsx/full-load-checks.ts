import { formatBilingual } from "../../core/i18n/locale";
import { FILE_TEXTS } from "./file-texts";
import { CellTextCheck, cellTextRefusal } from "./cell-text-check";
import { EXCELJS_WORKSHEET, ReferenceFiller } from "./full-load-shape";
import { fileOverLimit } from "./read-limit-errors";
import { FULL_LOAD_MAX_CELLS, ReadBudget, ReadLimitError } from "./read-limits";
import { resolveReadLimits, type ReadFileOptions } from "./read-workbook-file";
import { standInSheetNames } from "./sheet-names";
import { RICH_TEXT_PART, RichTextRunChecker } from "./rich-text-runs";
import {
  fileNotValid,
  fileRichTextBroken,
  fileSheetNameUnwritable,
  WorkbookFileError,
  type FileKind,
} from "./workbook-file-error";
import { checkZipPackage, ZipDirectoryError, type EditableZip } from "./zip-package";

/** What `prepareFullLoad` found for the load: stand-in sheet names, and the worksheets with rows or cells to number. */
export interface FullLoadPlan {
  /** The stand-in names to give back after the load (`restoreSheetNames`). */
  readonly standIns: Map<string, string>;
  /** The worksheets with a row or cell without its reference, for `shapeForExcelJs`. */
  readonly numberless: ReadonlySet<string>;
}

/**
 * What an .xlsx must pass before ExcelJS loads it whole (--out): the size limit, measured by inflating
 * each part once and keeping nothing (ExcelJS would trust the sizes the zip declares); the cell limit
 * for a whole model (`FULL_LOAD_MAX_CELLS`), the whole package weighed as ExcelJS holds it (every
 * styled empty cell, row and column too: `SheetCellCounter`), so the sentence can say what would load
 * it; each cell's text within the reader's limits (`cell-text-check.ts`); rich text it can write back
 * (`rich-text-runs.ts`); and sheet names it can write. The same pass notes the worksheets whose rows or
 * cells lack their reference (`ReferenceFiller`). The zip is changed in place.
 */
export async function prepareFullLoad(
  file: string,
  kind: FileKind,
  bytes: Uint8Array,
  zip: EditableZip,
  options: ReadFileOptions,
): Promise<FullLoadPlan> {
  const runs = new RichTextRunChecker();
  const texts = new CellTextCheck();
  const references = new Map<string, ReferenceFiller>();
  const watch = (part: string) => {
    const text = texts.watch(part);
    const rich = RICH_TEXT_PART.test(part) ? runs : undefined;
    const filler = EXCELJS_WORKSHEET.test(part) ? new ReferenceFiller() : undefined;
    if (filler) references.set(part, filler);
    if (!rich && !filler) return text;
    return (chunk: Buffer) => {
      rich?.push(chunk);
      filler?.push(chunk.toString("latin1"));
      text?.(chunk);
    };
  };
  try {
    const limit = options.limits?.maxCells ?? FULL_LOAD_MAX_CELLS;
    // Weighed to the end (the pass keeps nothing), so the sentence can name a limit that loads it.
    const budget = new ReadBudget({ maxBytes: resolveReadLimits(options).maxBytes, maxCells: Infinity });
    await checkZipPackage(bytes, budget, watch);
    if (budget.cells > limit) throw fileOverFullLoadLimit(file, budget.cells, limit);
  } catch (error) {
    if (error instanceof ReadLimitError) throw fileOverLimit(file, error);
    if (error instanceof ZipDirectoryError) throw fileNotValid(file, kind);
    throw error;
  }
  if (texts.problem) throw await cellTextRefusal(file, kind, bytes, options, texts.problem);
  if (runs.problem) throw fileRichTextBroken(file);
  const { standIns, unwritable } = await standInSheetNames(zip);
  if (unwritable !== undefined) throw fileSheetNameUnwritable(file, unwritable);
  const numberless = new Set<string>();
  for (const [part, filler] of references) {
    filler.finish();
    if (filler.changed) numberless.add(part);
  }
  return { standIns, numberless };
}

/** Weighs more than the --out limit: the weight, the limit and a --max-cells that loads it (two figures, rounded up). */
function fileOverFullLoadLimit(file: string, weight: number, limit: number): WorkbookFileError {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(weight)) - 1);
  const raise = Math.ceil(weight / step) * step;
  const format = (n: number) => Math.round(n).toLocaleString("en-US");
  return new WorkbookFileError(
    file,
    formatBilingual(FILE_TEXTS.overFullLoad, { file, cells: format(weight), limit: format(limit), raise: String(raise) }),
  );
}
