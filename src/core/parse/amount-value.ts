import { normalizeText } from "./parse-result";
import { findQuantities } from "./quantity";

/** 1234 | -1,234.00 | 1234.5: read without the general quantity scanner. */
const PLAIN = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Currency marks before or after the number: ¥ ￥ $ € £, RMB/CNY/USD… and 人民币. */
const CURRENCY = /^(?:rmb|cny|usd|eur|hkd|gbp|jpy|人民币)|[¥￥$€£]|(?:rmb|cny|usd|eur|hkd|gbp|jpy)$/gi;
const PARENTHESES = /^\((.*)\)$/;

/**
 * A money cell as exports write it: a number, or text such as "3.5万", "1,200元", "¥-1,234", "-¥1,234",
 * "(1,234.00)" (accounting negative), "1,234.00-" (SAP's trailing minus), "−1,234" (U+2212), "-1.2万",
 * "RMB 1,234", full-width digits. The text must be the amount and nothing else: "约3万", "12%",
 * "注：含税2次" are not amounts. Never throws.
 */
export function parseAmountValue(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  let text = normalizeText(value);
  if (PLAIN.test(text)) return Number(text.replace(/,/g, ""));
  text = text.replace(/\u2212/g, "-").replace(/\s+/g, "");
  let negative = false;
  const inParentheses = PARENTHESES.exec(text);
  if (inParentheses) {
    negative = true;
    text = inParentheses[1];
  }
  if (text.endsWith("-")) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  text = text.replace(CURRENCY, "");
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith("+")) {
    text = text.slice(1);
  }
  const magnitude = readMagnitude(text);
  if (magnitude === undefined) return undefined;
  return negative ? -magnitude : magnitude;
}

function readMagnitude(text: string): number | undefined {
  if (text === "" || text.startsWith("-")) return undefined;
  if (PLAIN.test(text)) return Number(text.replace(/,/g, ""));
  const found = findQuantities(text);
  if (found.length !== 1) return undefined;
  const [q] = found;
  if (q.percent || q.start !== 0) return undefined;
  const rest = text.slice(q.end).trim();
  return rest === "" || rest === q.unit ? q.value : undefined;
}
