/** Sheet-name rules shared by Excel, WPS and LibreOffice: 31 characters, none of : \ / ? * [ ]. */
export const MAX_SHEET_NAME_LENGTH = 31;

export function sanitizeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "Sheet").slice(0, MAX_SHEET_NAME_LENGTH);
}

/**
 * A name not yet taken (compared case-insensitively, as spreadsheet programs do):
 * the wanted name itself, else "name (2)", "name (3)"… shortened to fit 31 characters.
 */
export function resolveFreeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (n) => n.toLowerCase()));
  const base = sanitizeSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Table names are workbook-wide and case-insensitive: "Name", else "Name2", "Name3"… */
export function resolveFreeTableName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (n) => n.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!used.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}
