import { CellTextCheck, cellTextRefusal } from "./cell-text-check";
import { fileOverLimit } from "./read-limit-errors";
import { ReadBudget, ReadLimitError, wholeModelLimits } from "./read-limits";
import { resolveReadLimits, type ReadFileOptions } from "./read-workbook-file";
import { standInSheetNames } from "./sheet-names";
import { RICH_TEXT_PART, RichTextRunChecker } from "./rich-text-runs";
import { fileNotValid, fileRichTextBroken, fileSheetNameUnwritable, type FileKind } from "./workbook-file-error";
import { checkZipPackage, ZipDirectoryError, type EditableZip } from "./zip-package";

/**
 * What an .xlsx must pass before ExcelJS loads it whole (--out): the read limits, measured by
 * inflating each part once and keeping nothing (ExcelJS would trust the sizes the zip declares, and
 * holds every styled empty cell, so those count too); each cell's text within the reader's limits
 * (`cell-text-check.ts`); rich text it can write back (`rich-text-runs.ts`);
 * and sheet names it can write. Returns the
 * stand-in names to give back after the load (`restoreSheetNames`); the zip is changed in place.
 */
export async function prepareFullLoad(
  file: string,
  kind: FileKind,
  bytes: Uint8Array,
  zip: EditableZip,
  options: ReadFileOptions,
): Promise<Map<string, string>> {
  const runs = new RichTextRunChecker();
  const texts = new CellTextCheck();
  try {
    const budget = new ReadBudget(wholeModelLimits(resolveReadLimits(options), options.limits));
    await checkZipPackage(bytes, budget, (part) => {
      const text = texts.watch(part);
      if (!RICH_TEXT_PART.test(part)) return text;
      return (chunk) => {
        runs.push(chunk);
        text?.(chunk);
      };
    });
  } catch (error) {
    if (error instanceof ReadLimitError) throw fileOverLimit(file, error);
    if (error instanceof ZipDirectoryError) throw fileNotValid(file, kind);
    throw error;
  }
  if (texts.problem) throw await cellTextRefusal(file, kind, bytes, options, texts.problem);
  if (runs.problem) throw fileRichTextBroken(file);
  const { standIns, unwritable } = await standInSheetNames(zip);
  if (unwritable !== undefined) throw fileSheetNameUnwritable(file, unwritable);
  return standIns;
}
