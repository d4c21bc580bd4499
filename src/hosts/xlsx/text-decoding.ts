import { utf16WithoutMark } from "./file-kind";

/**
 * Text files from CRMs and ERPs come as UTF-8 (with or without a byte-order mark), UTF-16 (Excel's
 * "Unicode text") or GB18030/GBK (Chinese Windows). Detection: a byte-order mark; else UTF-16 by its
 * NUL bytes; else UTF-8 if the bytes are valid UTF-8; else GB18030, the superset of GBK and GB2312.
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

/** The WHATWG name for a label ("GBK", "utf8", "UTF-16LE"...), or undefined when Node has no such decoder. */
export function resolveEncodingLabel(label: string): string | undefined {
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
  text: new TextDecoder(encoding, { fatal }).decode(bytes),
  encoding,
});

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
    // Invalid bytes for the named encoding; undetected: not UTF-8, so GB18030.
    if (codeOf(error) !== "ERR_ENCODING_INVALID_ENCODED_DATA") throw error;
    return label ? undefined : decode(bytes, "gb18030", false);
  }
}

function utf16Encoding(bytes: Uint8Array): string | undefined {
  const order = utf16WithoutMark(bytes.subarray(0, 65_536));
  return order ? `utf-16${order}` : undefined;
}
