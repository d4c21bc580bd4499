import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from "./numerals";
import { memoizeText } from "./memo";
import { failed, normalizeText, parsed, type ParseResult } from "./parse-result";

/** A number as people write it, with its magnitude word and unit read. */
export interface Quantity {
  /** The value; a percentage is a fraction (60% -> 0.6). */
  readonly value: number;
  readonly percent: boolean;
  /** The counting or currency unit after the number: 个, 元, 次, 份… ("" when none). */
  readonly unit: string;
  /** Where the number was found in the normalised text. */
  readonly start: number;
  readonly end: number;
}

const MAGNITUDES: Readonly<Record<string, number>> = {
  亿: 1e8,
  百万: 1e6,
  千万: 1e7,
  万: 1e4,
  w: 1e4,
  W: 1e4,
  千: 1e3,
  k: 1e3,
  K: 1e3,
  million: 1e6,
  M: 1e6,
};
const UNITS = [
  "元",
  "块",
  "个",
  "家",
  "次",
  "份",
  "通",
  "单",
  "笔",
  "人",
  "户",
  "件",
  "位",
  "场",
  "轮",
  "天",
  "日",
  "周",
  "月",
  "年",
  "小时",
];

const NUMERAL_CLASS = `[${CHINESE_NUMERAL_CHARS}点]`;
const QUANTITY = new RegExp(
  [
    // 百分之六十 / 百分之60
    `百分之(?<pctCn>${NUMERAL_CLASS}+|\\d+(?:\\.\\d+)?)`,
    // 1,000,000 | 1.5 | 35 then magnitude, percent, unit
    `(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(?<mag>亿|千万|百万|万|千|million\\b|[wWkK](?![A-Za-z])|M(?![A-Za-z]))?\\s*(?<pct>%|％)?`,
    // 十二个 / 两百 / 三千五百 (at least one character; a lone 十百千万 counts as a number only with a unit after it)
    `(?<cn>${NUMERAL_CLASS}+)`,
  ].join("|"),
  "g",
);

function unitAfter(text: string, index: number): string {
  let i = index;
  while (text[i] === " ") i++;
  return UNITS.find((u) => text.startsWith(u, i)) ?? "";
}

function followsLatinLetter(text: string, index: number): boolean {
  const code = index > 0 ? text.charCodeAt(index - 1) : 0;
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Every quantity in a text, left to right. Numbers glued to Latin letters (TOP100, Q4, KR2) are not quantities. */
export function findQuantities(input: unknown): readonly Quantity[] {
  return findQuantitiesInText(normalizeText(input));
}

const findQuantitiesInText = memoizeText((text: string): readonly Quantity[] => {
  const found: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const g = m.groups ?? {};
    if (g.num !== undefined) {
      if (followsLatinLetter(text, start)) continue;
      const mag = g.mag ? MAGNITUDES[g.mag.trim()] : 1;
      const base = Number(g.num.replace(/,/g, "")) * mag;
      const percent = g.pct !== undefined;
      found.push({ value: percent ? base / 100 : base, percent, unit: percent ? "%" : unitAfter(text, end), start, end });
    } else if (g.pctCn !== undefined) {
      const n = /\d/.test(g.pctCn) ? Number(g.pctCn) : parseChineseNumeral(g.pctCn);
      if (n !== undefined) found.push({ value: n / 100, percent: true, unit: "%", start, end });
    } else if (g.cn !== undefined) {
      const n = parseChineseNumeral(g.cn);
      const unit = unitAfter(text, end);
      // "万" alone, "一些", "千万别": only a numeral that reads as one, followed by a unit or made of several characters.
      const plausible = g.cn.length > 1 || unit !== "" || /[一二两三四五六七八九]/.test(g.cn);
      if (n !== undefined && plausible && !/^[万亿千百]$/.test(g.cn)) found.push({ value: n, percent: false, unit, start, end });
    }
  }
  return found;
});

/** The first quantity in a text. */
export function parseQuantity(input: unknown): ParseResult<Quantity> {
  if (typeof input === "number") {
    return Number.isFinite(input) ? parsed({ value: input, percent: false, unit: "", start: 0, end: 0 }) : failed("no-number");
  }
  const text = normalizeText(input);
  if (!text) return failed("empty");
  const [first] = findQuantities(text);
  return first ? parsed(first) : failed("no-number");
}

/**
 * A percentage cell: a number already stored as a fraction (0.95), or text such as "95%",
 * "百分之九十五". A bare number above 1 in text ("95") is read as percent points.
 */
export function parsePercent(input: unknown): ParseResult<number> {
  if (typeof input === "number") return Number.isFinite(input) ? parsed(input) : failed("not-a-percent");
  const text = normalizeText(input);
  if (!text) return failed("empty");
  const [q] = findQuantities(text);
  if (!q) return failed("not-a-percent");
  if (q.percent) return parsed(q.value);
  return /^\d+(?:\.\d+)?$/.test(text) ? parsed(q.value > 1 ? q.value / 100 : q.value) : failed("not-a-percent");
}
