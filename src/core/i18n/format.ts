import type { Bilingual } from "./locale";

const round2 = (n: number) => Math.round(n * 100) / 100;

/** An amount the way a manager reads it: 350000 -> 35万 / 350,000. */
export function formatAmount(value: number): Bilingual {
  const zh = Math.abs(value) >= 10_000 ? `${round2(value / 10_000)}万` : `${round2(value)}`;
  return { "zh-CN": zh, en: round2(value).toLocaleString("en-US") };
}

/** A fraction as a percentage with one decimal: 0.9467 -> 94.7%. */
export function formatPercent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

/** A count or small quantity with up to one decimal. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}
