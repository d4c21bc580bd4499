import { looksLikeFormula, type CellValue } from "../../core/cell/cell-value";

/** A digit, ASCII or full-width (East Asian input methods type "０１２", which Excel and WPS read as 12). */
const DIGIT = /[0-9\uFF10-\uFF19]/;

/** A formula's first character typed full-width (＝ ＋ － ＠), which a Chinese build may take for the ASCII one. */
const FULL_WIDTH_FORMULA = /^[\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The words Excel and WPS read as a boolean: TRUE and FALSE in the Chinese and English builds (any case), and the
 * German, French, Spanish, Italian, Portuguese, Dutch and Russian builds' own, since a user's Office may be one of them.
 */
const BOOLEAN_WORDS = new Set([
  "TRUE",
  "FALSE",
  "WAHR",
  "FALSCH",
  "VRAI",
  "FAUX",
  "VERDADERO",
  "FALSO",
  "VERO",
  "VERDADEIRO",
  "WAAR",
  "ONWAAR",
  "ИСТИНА",
  "ЛОЖЬ",
]);

/**
 * Whether a spreadsheet that parses what it is given as if it were typed (Excel's `Range.values`, the ET object
 * model's `Range.Value2`) could keep this text as something else: a formula (= + - @), a number ("0012" becomes 12,
 * "1E3", "1,234", "(12)", "¥12", "12%", "1 1/2"), a date or time ("2026-11", "3/4", "3月4日", "2026年11月", "1-Jan",
 * "Nov-26", "12:30"), a boolean ("TRUE", "true") or an error ("#N/A"); and text that itself starts with the
 * apostrophe, which would be taken for the prefix, or with a full-width ＝ ＋ － ＠. Numbers, dates and times all need
 * a digit in every locale, so any text with a digit counts: a locale's date order, month names and currency signs
 * need not be known, and a sentence with a figure in it loses nothing by the prefix. Text without a digit is left
 * alone, so the prefix (which Excel keeps as the cell's quotePrefix attribute) is not put on every header and name.
 */
export function mayNotStayText(text: string): boolean {
  if (looksLikeFormula(text) || FULL_WIDTH_FORMULA.test(text) || text.startsWith("'") || DIGIT.test(text)) return true;
  const trimmed = text.trim();
  return trimmed.startsWith("#") || BOOLEAN_WORDS.has(trimmed.toUpperCase());
}

/**
 * A literal for a host that takes values the way Excel does (Office.js `Range.values`, the ET object model's
 * `Range.Value2`): text that could become something else (`mayNotStayText`) gets the text prefix "'", which both
 * programs keep out of the cell's value, so the cell holds exactly the text. `null` becomes "" (an empty cell).
 * Hosts with a cell type for text write the string with it instead and need no prefix: ExcelJS (a string is a
 * shared or inline string, `t="s"`), Univer (`CellValueType.STRING`), the memory host.
 */
export function toLiteralText(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string" && mayNotStayText(value)) return `'${value}`;
  return value;
}

/** Vertical runs of non-null formulas in a block, one range write each. */
export function formulaRuns(
  formulas: readonly (readonly (string | null)[])[],
): { row: number; column: number; formulas: string[][] }[] {
  const runs: { row: number; column: number; formulas: string[][] }[] = [];
  const columnCount = Math.max(0, ...formulas.map((line) => line.length));
  for (let c = 0; c < columnCount; c++) {
    let current: { row: number; column: number; formulas: string[][] } | undefined;
    formulas.forEach((line, r) => {
      const f = line[c] ?? null;
      if (f === null) {
        current = undefined;
        return;
      }
      if (!current) {
        current = { row: r, column: c, formulas: [] };
        runs.push(current);
      }
      current.formulas.push([f]);
    });
  }
  return runs;
}
