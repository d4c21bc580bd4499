import { CLI_MESSAGES, type CliMessageKey } from "../../core/i18n/cli-messages";
import { formatText, type Bilingual } from "../../core/i18n/locale";
import { MB, type PartTooLargeError, type ReadLimitError } from "./read-limits";
import { WorkbookFileError } from "./workbook-file-error";

/** A catalogue text in both languages, for errors raised before the command knows the locale's use. */
export function bilingualText(key: CliMessageKey, params: Readonly<Record<string, string | number>>): Bilingual {
  const text = CLI_MESSAGES[key];
  return { "zh-CN": formatText(text["zh-CN"], params), en: formatText(text.en, params) };
}

/** Over --max-size or --max-cells: names the file, the limit and the flag with a value that raises it. */
export function fileOverLimit(file: string, error: ReadLimitError): WorkbookFileError {
  if (error.limit === "size") {
    const limit = Math.round(error.value / MB);
    return new WorkbookFileError(file, bilingualText("cliFileOverSize", { file, limit, raise: limit * 4 }));
  }
  const format = (n: number) => n.toLocaleString("en-US");
  return new WorkbookFileError(
    file,
    bilingualText("cliFileOverCells", { file, limit: format(error.value), raise: String(error.value * 4) }),
  );
}

/** A single part past what one string can hold: no flag helps, the sheet must be split. */
export function filePartTooLarge(file: string, error: PartTooLargeError): WorkbookFileError {
  return new WorkbookFileError(file, bilingualText("cliFilePartTooLarge", { file, part: error.part }));
}
