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

/**
 * The text as a string of its own, for a value that is kept. V8 makes a cut of 13 characters or more a view
 * into the string it was cut from, so a cell's text cut from a 64 KB piece of XML would keep the whole piece as
 * long as the value lives: measured on a 200,000-line sheet of inline strings, 93 MB held after reading, 50 MB
 * with each text copied. A JSON round trip is the copy that makes a plain string of either width with nothing
 * around it (joined to a character and cut again, the copy is itself a view, 32 bytes more); about 0.3 µs a text.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
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

/*
 * The writing side. XML 1.0 cannot hold the C0 controls other than tab, LF and CR, U+FFFE, U+FFFF, nor a
 * surrogate that is not half of a pair: a part holding one does not parse (openpyxl refuses the file). Where
 * the format reads ST_Xstring escapes (cell text, rich-text runs, notes, a formula's cached text) such a
 * character is written `_xHHHH_` and read back as itself; elsewhere (sheet names, chart titles and caches,
 * attributes) it is replaced by U+FFFD, as no reader would undo an escape there.
 */
const NOT_XML_SOURCE =
  "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]";
const NOT_XML = new RegExp(NOT_XML_SOURCE);
const NOT_XML_ALL = new RegExp(NOT_XML_SOURCE, "g");
/** An underscore that would start an escape, or a character XML cannot hold. */
const TO_ESCAPE = new RegExp(`_(?=x[0-9a-fA-F]{4}_)|${NOT_XML_SOURCE}`, "g");

/** Whether the text holds a character XML 1.0 cannot hold. */
export const holdsNonXml = (text: string): boolean => NOT_XML.test(text);

/** Whether the text must be changed to be written as an ST_Xstring (`xstring(text) !== text`). */
export const needsXstring = (text: string): boolean => NOT_XML.test(text) || /_x[0-9a-fA-F]{4}_/.test(text);

/**
 * Text as an ST_Xstring (ECMA-376 Part 1, 22.9.2.19): each character XML cannot hold as `_xHHHH_`, and the
 * underscore of a literal `_xHHHH_` as `_x005F_`, so the text reads back exactly as it was.
 */
export function xstring(text: string): string {
  if (!needsXstring(text)) return text;
  return text.replace(TO_ESCAPE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Text for a place that reads no escape (a sheet name, a chart title): each character XML cannot hold as U+FFFD. */
export const xmlSafe = (text: string): string => (NOT_XML.test(text) ? text.replace(NOT_XML_ALL, "\ufffd") : text);
