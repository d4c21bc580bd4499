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

/** What an item's text loses at both ends: white space and the separators between items. */
const EDGES = /^[\s；;，,。]+|[\s；;，,。]+$/g;

/**
 * One pass that builds the items as they are found: no array of matches nor intermediate items (three copies of
 * each item were a tenth of validating 10,000 target rows). Not remembered: KR and criteria cells are nearly
 * all distinct (each rep's own numbers), so a memory missed on almost every cell and its upkeep cost more than
 * splitting again; the parsers of the items remember theirs.
 */
function splitText(text: string): readonly ListItem[] {
  const items: ListItem[] = [];
  const add = (part: string, label: number | undefined) => {
    const itemText = part.replace(EDGES, "");
    if (itemText === "") return;
    const index = items.length + 1;
    items.push(label === undefined ? { index, text: itemText } : { index, label, text: itemText });
  };
  if (!text) return items;
  MARK.lastIndex = 0;
  let mark = MARK.exec(text);
  if (!mark) {
    for (const part of text.split(/\r?\n|[；;]/)) add(part, undefined);
    return items;
  }
  add(text.slice(0, mark.index), undefined);
  while (mark) {
    const start = mark.index + mark[0].length;
    const label = (mark[1] ?? mark[2]) ? Number(mark[1] ?? mark[2]) : CIRCLED.indexOf(mark[3]) + 1;
    const next = MARK.exec(text);
    add(text.slice(start, next ? next.index : text.length), label);
    mark = next;
  }
  return items;
}
