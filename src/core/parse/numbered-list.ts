import { memoizeText } from "./memo";
import { normalizeText } from "./parse-result";

export interface ListItem {
  /** 1-based position in the cell. */
  readonly index: number;
  /** The number the writer gave it (1 for "1." or "①"), when there was one. */
  readonly label?: number;
  readonly text: string;
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";
/**
 * A numbering mark: "1." "1、" "1)" "(1)" "（1）" "①". "1.5万" is a decimal, not a mark: the dot must not be
 * followed by a digit. A digit mark starts the cell or follows white space or a separator; a circled one may
 * stand anywhere.
 */
const MARK = new RegExp(`(?:(?:^|(?<=[\\s；;，,。]))(?:[(（](\\d{1,2})[)）]|(\\d{1,2})(?:[.、)）](?!\\d))))|([${CIRCLED}])`, "g");

/** Splits one cell into its items: numbered ("1.… 2.…", "①…②…"), or by line breaks and "；". */
export function splitNumberedList(input: unknown): readonly ListItem[] {
  return splitText(normalizeText(input));
}

const splitText = memoizeText((text: string): readonly ListItem[] => {
  if (!text) return [];
  const marks = [...text.matchAll(MARK)];
  const items: { label?: number; text: string }[] = [];
  if (marks.length > 0) {
    const head = text.slice(0, marks[0].index).trim();
    if (head) items.push({ text: head });
    marks.forEach((m, i) => {
      const start = (m.index ?? 0) + m[0].length;
      const end = i + 1 < marks.length ? marks[i + 1].index : text.length;
      const label = (m[1] ?? m[2]) ? Number(m[1] ?? m[2]) : CIRCLED.indexOf(m[3]) + 1;
      items.push({ label, text: text.slice(start, end) });
    });
  } else {
    for (const part of text.split(/\r?\n|[；;]/)) items.push({ text: part });
  }
  return items
    .map((item) => ({ ...item, text: item.text.replace(/^[\s；;，,。]+|[\s；;，,。]+$/g, "") }))
    .filter((item) => item.text !== "")
    .map((item, i) => ({ index: i + 1, ...(item.label !== undefined ? { label: item.label } : {}), text: item.text }));
});
