/**
 * The text rules of SpreadsheetML parts, for the streaming reader:
 * - XML's five named entities and numeric character references are decoded. Any other `&name;`
 *   stays as the literal text it is: a document type's entities (billion laughs, external files)
 *   are never expanded or fetched.
 * - ECMA-376 escapes characters XML cannot hold as `_xHHHH_` (Part 1, 22.9.2.19 ST_Xstring);
 *   `_x005F_` escapes a literal underscore that would otherwise start one.
 */

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function codePoint(n: number, literal: string): string {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : literal;
}

export function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name] as string;
    return codePoint(dec !== undefined ? Number(dec) : parseInt(hex as string, 16), whole);
  });
}

const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

/** A string value as the user typed it: entities decoded, then `_xHHHH_` escapes undone. */
export function cellText(xml: string): string {
  const text = decodeXmlText(xml);
  if (!text.includes("_x")) return text;
  return text.replace(OOXML_ESCAPE, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTE = /(?:^|\s)([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's inside (`r="A1" t="s"`), names with any namespace prefix removed. */
export function attributesOf(inside: string): Map<string, string> {
  const found = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(inside); m; m = ATTRIBUTE.exec(inside)) {
    const name = m[1] as string;
    const local = name.slice(name.indexOf(":") + 1);
    if (!found.has(local) || !name.includes(":")) found.set(local, decodeXmlText(m[2] ?? m[3] ?? ""));
  }
  return found;
}

/**
 * The text of a rich or plain string (`<si>` or `<is>` content): its `<t>` runs joined, the
 * phonetic guides (`<rPh>`, furigana or pinyin over the text) left out, as Excel shows it.
 */
export function richText(inside: string): string {
  const body = inside.includes("rPh") ? inside.replace(PHONETIC, "") : inside;
  let text = "";
  TEXT_RUN.lastIndex = 0;
  for (let m = TEXT_RUN.exec(body); m; m = TEXT_RUN.exec(body)) text += m[1] ?? "";
  return cellText(text);
}

const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>|<(?:[\w.-]+:)?rPh\b[^>]*\/>/g;
const TEXT_RUN = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
