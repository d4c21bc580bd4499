import path from "node:path";
import { utf16WithoutMark } from "./text-decoding";
import type { FileKind } from "./workbook-file-error";

/** What a file holds, judged by its first bytes: the extension only names it in messages. */
export type FileContent = "zip" | "ole" | "text" | "binary";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * A zip (.xlsx, .xlsm, .ods), an OLE container (.xls, or an encrypted workbook), text (CSV, TSV, an
 * HTML table saved as .xls) or something else. Text: a byte-order mark, UTF-16 without one (`utf16WithoutMark`),
 * or no NUL byte and few control characters in the first 64 KB.
 */
export function sniffContent(bytes: Uint8Array): FileContent {
  if (startsWith(bytes, ZIP)) return "zip";
  if (startsWith(bytes, OLE.slice(0, 4))) return "ole";
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return "text";
  const head = bytes.subarray(0, 65_536);
  if (head.length === 0) return "text";
  if (utf16WithoutMark(head)) return "text";
  let control = 0;
  for (const b of head) {
    if (b === 0) return "binary";
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / head.length < 0.01 ? "text" : "binary";
}

const KINDS: Readonly<Record<string, FileKind>> = {
  ".xlsx": ".xlsx",
  ".xlsm": ".xlsm",
  ".xls": ".xls",
  ".ods": ".ods",
  ".csv": ".csv",
  ".tsv": ".csv",
  ".txt": ".csv",
};

/** The kind of file its name promises, for messages ("not a valid .xls file"); undefined for other names. */
export function kindOfName(file: string): FileKind | undefined {
  return KINDS[path.extname(file).toLowerCase()];
}

/** Formats whose files are always zips: text or anything else under these names is a damaged file. */
export const ZIP_KINDS: readonly FileKind[] = [".xlsx", ".xlsm", ".ods"];
