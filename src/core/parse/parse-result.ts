/** Why a text could not be read. Parsers never throw on user input: they return one of these. */
export type ParseFailure = "empty" | "no-number" | "no-comparator" | "no-date" | "invalid-date" | "not-a-percent" | "not-text";

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: ParseFailure };

export const parsed = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const failed = <T>(reason: ParseFailure): ParseResult<T> => ({ ok: false, reason });

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Any cell value as trimmed text with full-width digits, letters and signs folded to ASCII. */
export function normalizeText(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  if (!FULL_WIDTH.test(text)) return text.trim();
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .trim();
}
