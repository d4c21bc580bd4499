import type { ColumnSuggestion } from "../core/analysis/reading/column-suggestions";
import { CLI_TEXT } from "./cli-messages";
import { localize } from "../core/i18n/locale";
import type { Locale } from "../core/i18n/locale";
import type { UseCaseError } from "../app/use-case-error";

/** One `--map field=Header` argument as typed in a shell: quoted when the header has spaces or shell characters. */
function mapArgument(field: string, header: string): string {
  const value = `${field}=${header}`;
  return /^[\p{L}\p{N}_.\-=/]+$/u.test(value) ? `--map ${value}` : `--map "${value.replace(/(["\\$`])/g, "\\$1")}"`;
}

/** The `--map` arguments that map a suggestion's first candidates ("--map amount=实收款 --map date=付款日"). */
export function mapCommand(suggestion: ColumnSuggestion): string {
  return Object.entries(suggestion.map)
    .map(([field, header]) => mapArgument(field, header))
    .join(" ");
}

/** A use case's sentence, followed for a missing deal sheet by the exact `--map` to type. */
export function useCaseErrorText(error: UseCaseError, locale: Locale): string {
  const command = error.suggestion ? mapCommand(error.suggestion) : "";
  return command === ""
    ? error.text[locale]
    : `${error.text[locale]} ${localize(CLI_TEXT.cliMapSuggestion, locale, { command })}`;
}
