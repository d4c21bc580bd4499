import { CLI_TEXT } from "./cli-messages";
import { localize } from "../core/i18n/locale";
import type { Locale } from "../core/i18n/locale";

/** The read limits the user raised (or lowered): --max-cells N and --max-size MB. */
export interface ReadLimitFlags {
  readonly maxCells?: number;
  readonly maxBytes?: number;
}

const MB = 1024 * 1024;

/** Reads --max-cells and --max-size; a value that is not a positive whole number goes to `fail` as one sentence. */
export function readLimitFlags(
  values: { readonly "max-cells"?: string; readonly "max-size"?: string },
  locale: Locale,
  fail: (message: string) => never,
): ReadLimitFlags {
  const positive = (flag: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value.replace(/[,_]/g, ""));
    if (!/^\s*\d[\d,_]*\s*$/.test(value) || !Number.isSafeInteger(n) || n <= 0)
      fail(localize(CLI_TEXT.cliBadLimit, locale, { flag, value }));
    return n;
  };
  const maxCells = positive("--max-cells", values["max-cells"]);
  const maxSize = positive("--max-size", values["max-size"]);
  return {
    ...(maxCells !== undefined ? { maxCells } : {}),
    ...(maxSize !== undefined ? { maxBytes: maxSize * MB } : {}),
  };
}
