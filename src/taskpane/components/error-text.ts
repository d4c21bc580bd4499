import { UseCaseError } from "../../app/use-case-error";
import type { Locale } from "../../core/i18n/locale";
import { t } from "../../core/i18n/messages";

/** One readable sentence for a failed action: the use case's own words for user input, else a generic one. */
export function errorText(error: unknown, locale: Locale): string {
  if (error instanceof UseCaseError) return error.text[locale];
  const detail = error instanceof Error ? error.message : String(error);
  return t(locale, "unexpectedError", { detail });
}
