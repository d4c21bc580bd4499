import { parse } from "csv-parse/sync";
import type { SheetValues } from "../../app/workbook-host.port";
import type { CellValue } from "../../core/cell/cell-value";
import { usedRange } from "./xlsx-snapshot-host";

const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Record ends outside quotes: any mix of CRLF, LF and CR, as concatenated exports give (a CRLF header and LF
 * lines). CRLF comes first so that it ends one record, not two; csv-parse's own detection takes the first end
 * it meets as the only one and would read the rest as one long record.
 */
const RECORD_ENDS = ["\r\n", "\n", "\r"];

/**
 * The delimiter of a CSV-like text, from its first records (quotes respected): the one that splits
 * the most records into the same number of fields, more than one. A comma when nothing splits.
 */
export function detectDelimiter(text: string, sampleRecords = 20): Delimiter {
  const records: Map<string, number>[] = [];
  let current = new Map<string, number>();
  let content = false;
  let inQuotes = false;
  for (let i = 0; i < text.length && records.length < sampleRecords; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    if (inQuotes) continue;
    if (ch === "\n" || ch === "\r") {
      if (content) records.push(current);
      current = new Map();
      content = false;
    } else {
      content = true;
      if ((DELIMITERS as readonly string[]).includes(ch)) current.set(ch, (current.get(ch) ?? 0) + 1);
    }
  }
  if (content) records.push(current);
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const first = records[0]?.get(delimiter) ?? 0;
    if (first === 0) continue;
    // Records that agree with the header's field count first, then the number of fields.
    const score = records.filter((r) => (r.get(delimiter) ?? 0) === first).length * 1000 + first;
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

/** A parse problem in the text itself (an unclosed quote): the file, not us. */
export class DelimitedTextError extends Error {}

/**
 * A CSV (or TSV...) text as one sheet: every cell is text, exactly as written (the analysis reads
 * numbers and dates itself, and IDs such as "00123" stay as they are); empty fields are blank.
 */
export function readDelimitedText(text: string, name: string, delimiter: Delimiter = detectDelimiter(text)): SheetValues {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      record_delimiter: RECORD_ENDS,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    if (typeof (error as { code?: unknown }).code === "string" && (error as { code: string }).code.startsWith("CSV_"))
      throw new DelimitedTextError((error as Error).message);
    throw error;
  }
  const rows: CellValue[][] = records.map((record) => record.map((v) => (v === "" ? null : v)));
  return usedRange(name, rows) ?? { name, row: 0, column: 0, values: [] };
}
