/**
 * What a host hands us for one cell: the displayed-independent raw value.
 * Dates arrive as Excel serial numbers or as strings, errors as "#N/A"-style strings.
 */
export type CellValue = string | number | boolean | null;

const ERROR_VALUE =
  /^#(?:N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|DIV\/0!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export function isErrorValue(value: CellValue): boolean {
  return typeof value === "string" && ERROR_VALUE.test(value);
}

/** Nothing in the cell: null, undefined or only white space. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * True when a spreadsheet program would read this text as a formula if it were typed in or imported:
 * it starts with = + - @, or with a tab or carriage return, which some programs drop before the
 * formula (OWASP's CSV-injection list). Text that comes from users and is written back must never
 * be run as one.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}
