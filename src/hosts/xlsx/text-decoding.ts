import { decodeCp850, decodeWestern, decodeWindows1252 } from "./western-text";

/**
 * Text files from CRMs and ERPs come as UTF-8 (with or without a byte-order mark), UTF-16 (Excel's
 * "Unicode text"), GB18030/GBK (Chinese Windows) or a Western single-byte code page (Windows-1252, DOS 850).
 * Detection: a byte-order mark; else UTF-16 by its NUL bytes; else UTF-8 if the bytes are valid UTF-8; else
 * GB18030 (the superset of GBK and GB2312) when the bytes read as Chinese text (`looksLikeGb18030`); else
 * Windows-1252 or CP850, whichever makes letters of the accented bytes (`western-text.ts`).
 * Statistical detectors (chardet) misname short Chinese files (a header and a few lines) as Big5 or
 * ISO-8859-7; valid UTF-8 from GB18030 bytes is practically impossible past a few characters.
 */
export interface DecodedText {
  readonly text: string;
  /** The WHATWG name of the encoding used ("utf-8", "gb18030", "utf-16le"...). */
  readonly encoding: string;
}

/** The WHATWG Encoding Standard decodes GBK with the GB18030 decoder (its superset); Node's ICU GBK refuses GB18030's four-byte characters. */
const DECODER: Readonly<Record<string, string>> = { gbk: "gb18030" };
/** Code pages decoded by our own tables: CP850, which Node's TextDecoder lacks, and Windows-1252, which it reads as ISO-8859-1. */
const SINGLE_BYTE: Readonly<Record<string, (bytes: Uint8Array) => string>> = {
  cp850: decodeCp850,
  "windows-1252": decodeWindows1252,
};
const CP850_LABELS = new Set(["cp850", "ibm850", "850", "cspc850multilingual", "ibm-850"]);

/** The WHATWG name for a label ("GBK", "utf8", "UTF-16LE"...), or undefined when Node has no such decoder. */
export function resolveEncodingLabel(label: string): string | undefined {
  if (CP850_LABELS.has(label.trim().toLowerCase())) return "cp850";
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    return DECODER[encoding] ?? encoding;
  } catch (error) {
    if (codeOf(error) === "ERR_ENCODING_NOT_SUPPORTED") return undefined;
    throw error;
  }
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** Node's error code (checked by code: errors from another realm fail `instanceof`). */
const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

const decode = (bytes: Uint8Array, encoding: string, fatal: boolean): DecodedText => ({
  text: SINGLE_BYTE[encoding]?.(bytes) ?? new TextDecoder(encoding, { fatal }).decode(bytes),
  encoding,
});

/**
 * Do bytes that are not UTF-8 read as GB18030 Chinese? Every byte above 0x7F must start a well-formed
 * two-byte (lead 0x81-0xFE, trail 0x40-0x7E or 0x80-0xFE) or four-byte sequence, and most two-byte ones must be
 * in GB2312's common range (both bytes 0xA1-0xFE), as Chinese text is. Western accents fail: "José," puts a
 * comma after é, and "Müller" pairs ü with an ASCII letter, which no common Chinese character does.
 */
export function looksLikeGb18030(bytes: Uint8Array): boolean {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (b === 0x80 || b === 0xff) return false;
    const next = bytes[i + 1] ?? 0;
    if (next >= 0x30 && next <= 0x39) {
      const third = bytes[i + 2] ?? 0;
      const fourth = bytes[i + 3] ?? 0;
      if (third < 0x81 || third > 0xfe || fourth < 0x30 || fourth > 0x39) return false;
      i += 3;
      continue;
    }
    if (next < 0x40 || next === 0x7f || next === 0xff) return false;
    pairs++;
    if (b >= 0xa1 && next >= 0xa1) common++;
    i++;
  }
  return pairs === 0 || common * 10 >= pairs * 8;
}

/**
 * Decodes a text file: in `label`'s encoding when given (strictly: bytes that are not that
 * encoding give `undefined`, so the caller can say so), else in the detected one (the rule above).
 * A byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, label?: string): DecodedText | undefined {
  const encoding = label ? resolveEncodingLabel(label) : (byteOrderMark(bytes) ?? utf16Encoding(bytes));
  try {
    if (label) return encoding ? decode(bytes, encoding, true) : undefined;
    return encoding ? decode(bytes, encoding, false) : decode(bytes, "utf-8", true);
  } catch (error) {
    // Invalid bytes for the named encoding; undetected: not UTF-8, so Chinese or a Western code page.
    if (codeOf(error) !== "ERR_ENCODING_INVALID_ENCODED_DATA") throw error;
    if (label) return undefined;
    return looksLikeGb18030(bytes) ? decode(bytes, "gb18030", false) : decodeWestern(bytes);
  }
}

/** Code units every CSV or text file is made of, whatever its language: record ends, delimiters, the quote, the space. */
const SEPARATORS = new Set([0x0a, 0x0d, 0x2c, 0x3b, 0x09, 0x7c, 0x22, 0x20]);

/**
 * "le" or "be" when bytes without a byte-order mark are UTF-16 text, judged by their zero bytes. The byte order
 * is the one in which separators (line ends, commas, tabs...) read as themselves: Chinese text has zero bytes on
 * both sides (销 U+9500 and 一 U+4E00 have a low byte of 0), but a comma or a line end is 0x00 on its high byte
 * only. Then the text must be UTF-16 in that order: surrogates paired, no U+0000 (binary files' runs of zeros),
 * C0 controls under 1%, and separators at least 1% of the code units (a stray NUL in 8-bit text is not UTF-16).
 */
export function utf16WithoutMark(head: Uint8Array): "le" | "be" | undefined {
  const units = Math.floor(head.length / 2);
  if (units < 2) return undefined;
  let le = 0;
  let be = 0;
  let highZero = 0;
  let lowZero = 0;
  for (let i = 0; i < units; i++) {
    const [first, second] = [head[2 * i], head[2 * i + 1]];
    if (second === 0 && SEPARATORS.has(first)) le++;
    if (first === 0 && SEPARATORS.has(second)) be++;
    if (second === 0) highZero++;
    if (first === 0) lowZero++;
  }
  if (highZero + lowZero === 0) return undefined;
  const order = le !== be ? (le > be ? "le" : "be") : highZero !== lowZero ? (highZero > lowZero ? "le" : "be") : undefined;
  if (!order || Math.max(le, be) * 100 < units) return undefined;
  return isUtf16Text(head, units, order) ? order : undefined;
}

function isUtf16Text(head: Uint8Array, units: number, order: "le" | "be"): boolean {
  let controls = 0;
  let highSurrogate = false;
  for (let i = 0; i < units; i++) {
    const unit = order === "le" ? head[2 * i] | (head[2 * i + 1] << 8) : (head[2 * i] << 8) | head[2 * i + 1];
    const low = unit >= 0xdc00 && unit <= 0xdfff;
    if (highSurrogate !== low) return false;
    highSurrogate = unit >= 0xd800 && unit <= 0xdbff;
    if (unit === 0) return false;
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d && unit !== 0x0c) controls++;
  }
  // A pair cut by the end of the head is still text.
  return controls * 100 < units;
}

/** Does `label` name UTF-16 (--encoding utf-16le)? Its zero bytes are then text, not a binary file's. */
export function namesUtf16(label: string | undefined): boolean {
  return label !== undefined && /^utf-16/.test(resolveEncodingLabel(label) ?? "");
}

function utf16Encoding(bytes: Uint8Array): string | undefined {
  const order = utf16WithoutMark(bytes.subarray(0, 65_536));
  return order ? `utf-16${order}` : undefined;
}
