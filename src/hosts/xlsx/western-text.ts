/**
 * Single-byte Western code pages, for text that is neither UTF-8 nor Chinese: Windows-1252 (Excel's "CSV" on
 * Western Windows, what WHATWG also calls latin1/ISO-8859-1) and DOS code page 850 (older ERPs and
 * point-of-sale systems). Node's TextDecoder has no CP850, hence its table here.
 */

/** CP850's characters for bytes 0x80..0xFF (the lower half is ASCII). */
const CP850_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0";

/**
 * Windows-1252's characters for bytes 0x80..0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ; the five
 * unassigned bytes stay C1 controls, as the WHATWG decoder has them). Node 20's TextDecoder("windows-1252")
 * decodes them as ISO-8859-1 controls, so curly quotes, dashes and € would be lost.
 */
const WINDOWS_1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Node's "latin1" maps each byte to the code point of its value; the bytes `pattern` matches are then looked up. */
function decodeSingleByte(bytes: Uint8Array, pattern: RegExp, table: string): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(pattern, (c) => table[c.charCodeAt(0) - 0x80]);
}

export const decodeCp850 = (bytes: Uint8Array): string => decodeSingleByte(bytes, /[\x80-\xff]/g, CP850_HIGH);
export const decodeWindows1252 = (bytes: Uint8Array): string => decodeSingleByte(bytes, /[\x80-\x9f]/g, WINDOWS_1252_C1);

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
/** The accented letters of Western European names and words. */
const COMMON = new Set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœ");
/** Windows' typographic punctuation: curly quotes, dashes, the ellipsis and the euro sign. */
const TYPOGRAPHIC = new Set("“”‘’–—…€");

/**
 * How much a decoding reads like Western names and words, over its non-ASCII characters: a common accented
 * letter scores 2 (a capital 1), less 4 when its case breaks the word's ("JosÚ", "ôC"); typographic punctuation
 * scores 1; other letters 0; anything else (box drawing, control characters, rare signs) -2.
 */
export function letterScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c.charCodeAt(0) < 0x80) continue;
    if (TYPOGRAPHIC.has(c)) score += 1;
    else if (!LETTER.test(c)) score -= 2;
    else if (COMMON.has(c.toLowerCase())) {
      const upper = UPPER.test(c);
      const before = text[i - 1] ?? " ";
      const after = text[i + 1] ?? " ";
      const broken = upper ? LETTER.test(before) && !UPPER.test(before) : LETTER.test(after) && UPPER.test(after);
      score += (upper ? 1 : 2) - (broken ? 4 : 0);
    }
  }
  return score;
}

/** How much of a file is looked at to choose: enough for thousands of names. */
const SAMPLE_BYTES = 262_144;

/** Windows-1252 or CP850, whichever makes more of the non-ASCII bytes letters in words; Windows-1252 on a tie. */
export function decodeWestern(bytes: Uint8Array): { text: string; encoding: "windows-1252" | "cp850" } {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  return letterScore(decodeCp850(sample)) > letterScore(decodeWindows1252(sample))
    ? { text: decodeCp850(bytes), encoding: "cp850" }
    : { text: decodeWindows1252(bytes), encoding: "windows-1252" };
}
