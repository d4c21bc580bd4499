import { UseCaseError } from "../../app/use-case-error";
import { localize, type Locale } from "../../core/i18n/locale";
import { PANE_MESSAGES } from "../i18n/pane-messages";

/** One readable sentence for a failed action: the use case's own words for user input, else a generic one. */
export function errorText(error: unknown, locale: Locale): string {
  if (error instanceof UseCaseError) return error.text[locale];
  const detail = error instanceof Error ? error.message : String(error);
  return localize(PANE_MESSAGES.unexpectedError, locale, { detail });
}
