/** Chinese numerals: 十二, 两百, 三千五百, 一万二千, 零点五. */
const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

/** The value of a run of Chinese numeral characters, or undefined if it is not a well-formed number. */
export function parseChineseNumeral(text: string): number | undefined {
  if (!text || [...text].some((ch) => !(ch in DIGITS || ch in SMALL_UNITS || ch in LARGE_UNITS || ch === "点"))) return undefined;
  const [whole, fraction] = text.split("点");
  if (fraction !== undefined) {
    const intPart = whole ? parseChineseNumeral(whole) : 0;
    if (intPart === undefined || !fraction || [...fraction].some((ch) => !(ch in DIGITS))) return undefined;
    return Number(`${intPart}.${[...fraction].map((ch) => DIGITS[ch]).join("")}`);
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of whole) {
    if (ch in DIGITS) {
      if (digit !== undefined && digit !== 0 && DIGITS[ch] !== 0) return undefined; // "十二三" is not a number
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch];
      digit = undefined;
    } else if (ch === "万") {
      total += (section + (digit ?? (section === 0 ? 1 : 0))) * LARGE_UNITS[ch];
      section = 0;
      digit = undefined;
    } else {
      total = (total + section + (digit ?? (total + section === 0 ? 1 : 0))) * LARGE_UNITS[ch];
      section = 0;
      digit = undefined;
    }
  }
  return total + section + (digit ?? 0);
}
