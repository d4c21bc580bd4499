import type { Bilingual, Locale } from "./locale";

const round2 = (n: number) => Math.round(n * 100) / 100;
/** One formatter per precision: `toLocaleString` with options builds a new one on every call, the cost of 100,000 findings. */
const GROUPED = [0, 1, 2].map((digits) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }));
/**
 * The figures formatted, remembered per precision: validation writes the same amounts into thousands of findings
 * (a team target, its shares), and each `format` call was a few microseconds, a twentieth of validating a sheet of
 * 100,000 findings. Bounded like the parsers' memory; 0 is formatted each time (-0 shares its key).
 */
const FORMATTED = [0, 1, 2].map(() => new Map<number, string>());
function grouped(n: number, digits: 0 | 1 | 2 = 2): string {
  if (n === 0) return GROUPED[digits].format(n);
  let memory = FORMATTED[digits];
  const known = memory.get(n);
  if (known !== undefined) return known;
  if (memory.size >= 4096) FORMATTED[digits] = memory = new Map();
  const text = GROUPED[digits].format(n);
  memory.set(n, text);
  return text;
}

/**
 * An amount the way a manager reads it in a sentence: 350000 -> 35万 / 350,000; 8500 -> 8,500;
 * 1.2e8 -> 1.2亿; no cents from 1,000 up (7,124.03 -> 7,124). Cells keep the exact number with a number format.
 */
export function formatAmount(value: number): Bilingual {
  const abs = Math.abs(value);
  const plain = abs >= 1000 ? grouped(Math.round(value), 0) : grouped(round2(value));
  const zh = abs >= 1e8 ? `${grouped(round2(value / 1e8))}亿` : abs >= 10_000 ? `${grouped(round2(value / 10_000))}万` : plain;
  return { "zh-CN": zh, en: plain };
}

/** A fraction as a percentage with one decimal: 0.9467 -> 94.7%. */
export function formatPercent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

/** A count or small quantity with up to one decimal, thousands grouped. */
export function formatNumber(value: number): string {
  return grouped(Math.round(value * 10) / 10, 1);
}

/**
 * How a figure is shown wherever it appears (terminal, pane, report sheet): money with thousands
 * separators, counts whole, per-week rates with one decimal, rates as percentages (the value a
 * fraction), and a change of a rate in percentage points (the value the points: -20 is 20 points down).
 */
export type NumberKind = "money" | "count" | "decimal" | "percent" | "points";

/** The spreadsheet number format of a kind. */
export function spreadsheetFormat(kind: NumberKind, locale: Locale): string {
  switch (kind) {
    case "money":
      return "#,##0";
    case "count":
      return "#,##0";
    case "decimal":
      return "#,##0.0";
    case "percent":
      return "0.0%";
    case "points":
      return locale === "zh-CN" ? '+0.0"个百分点";-0.0"个百分点";0"个百分点"' : '+0.0" pts";-0.0" pts";0" pts"';
  }
}

/** The same figure as text, for the terminal and the pane. */
export function formatAs(value: number, kind: NumberKind, locale: Locale): string {
  switch (kind) {
    case "money":
      return grouped(Math.round(value), 0);
    case "count":
      return grouped(Math.round(value), 0);
    case "decimal":
      return formatNumber(value);
    case "percent":
      return formatPercent(value);
    case "points": {
      const pts = Math.round(value * 10) / 10;
      const sign = pts > 0 ? "+" : "";
      return locale === "zh-CN" ? `${sign}${pts}个百分点` : `${sign}${pts} pts`;
    }
  }
}
