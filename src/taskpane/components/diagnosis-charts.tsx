import * as React from "react";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { METRIC_LABELS } from "../../core/analysis/diagnosis/longitudinal";
import type { Attribution } from "../../core/analysis/metrics/lmdi";
import { monthLabel, type MonthKey } from "../../core/analysis/reading/period";
import { waterfallBars as waterfallColumns, type WaterfallRole } from "../../core/cell/waterfall-bars";
import { formatAmount } from "../../core/i18n/format";
import { asWritten, localize, type Bilingual, type Locale } from "../../core/i18n/locale";
import { CHART_MESSAGES } from "../i18n/chart-messages";

/** The charts' drawing width (the SVGs scale to the pane's width). */
const WIDTH = 320;
/** The column of the values at the right (room for "−1,234,567" at 11 px), and the gap before it. */
const VALUES = 64;
const GAP = 6;
const ROW = 22;
const BAR = 14;

const useStyles = makeStyles({
  charts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  svg: { width: "100%", height: "auto", display: "block" },
  text: { fill: tokens.colorNeutralForeground1, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  muted: { fill: tokens.colorNeutralForeground3, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
  total: { fill: tokens.colorNeutralForeground3 },
  // Neither red nor green (in a Chinese sheet red is a rise, in an English one a fall): as the sheets' waterfalls.
  up: { fill: tokens.colorBrandForeground1 },
  down: { fill: tokens.colorPaletteDarkOrangeForeground1 },
  rule: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, strokeDasharray: "2 2" },
  axis: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  line: { stroke: tokens.colorBrandForeground1, strokeWidth: 2, fill: "none" },
  point: { fill: tokens.colorBrandForeground1 },
});

export type BarKind = "total" | "up" | "down";

/** One bar of the waterfall, in the SVG's units: from `x` over `width` (left to right), on row `row`. */
export interface WaterfallBar {
  readonly kind: BarKind;
  readonly label: Bilingual;
  readonly value: number;
  readonly x: number;
  readonly width: number;
  readonly row: number;
}

/**
 * The waterfall's bars (and where the labels' column ends): last month's revenue, each driver's effect starting where the one before ended, and this
 * month's revenue, on one scale from zero (or the lowest running total, if one goes below zero) to the highest.
 */
export function waterfallBars(
  attribution: Attribution,
  current: MonthKey,
  locale: Locale,
): { readonly left: number; readonly bars: WaterfallBar[] } {
  const values = [attribution.from, ...attribution.effects.map((e) => e.effect), attribution.to];
  const columns = waterfallColumns(values);
  const ends = columns.flatMap((c) => [c.from, c.to]);
  const low = Math.min(0, ...ends);
  const high = Math.max(0, ...ends);
  const span = high - low || 1;
  const names = [
    asWritten(monthLabel(current - 1)),
    ...attribution.effects.map((e) => driverLabel(e.name)),
    asWritten(monthLabel(current)),
  ];
  const labels = labelColumn(names.slice(1).map((n) => n[locale]));
  const x = (v: number) => labels + ((v - low) / span) * (WIDTH - labels - VALUES - GAP);
  const bars = columns.map((c, row): WaterfallBar => ({
    kind: KIND[c.role],
    label: names[row],
    value: values[row],
    x: x(Math.min(c.from, c.to)),
    width: x(Math.max(c.from, c.to)) - x(Math.min(c.from, c.to)),
    row,
  }));
  return { left: labels, bars };
}

/** The columns as every host's waterfall has them (`core/cell/waterfall-bars`), named as the pane's styles. */
const KIND: Readonly<Record<WaterfallRole, BarKind>> = { total: "total", rise: "up", fall: "down" };

const driverLabel = (name: string): Bilingual => METRIC_LABELS[name as keyof typeof METRIC_LABELS] ?? asWritten(name);

/** The labels' column: as wide as the longest label at 11 px (a Chinese character about 11 px, a Latin one about 6), within 60 to 150. */
function labelColumn(labels: readonly string[]): number {
  const width = (text: string) => [...text].reduce((w, c) => w + (/[\u2e80-\uffff]/.test(c) ? 11 : 6.2), 0);
  return Math.round(Math.min(150, Math.max(60, ...labels.map(width)) + 8));
}

const signed = (value: number, locale: Locale) =>
  `${value > 0 ? "+" : value < 0 ? "−" : ""}${formatAmount(Math.abs(value))[locale]}`;

function Waterfall({ attribution, current, locale }: { attribution: Attribution; current: MonthKey; locale: Locale }) {
  const styles = useStyles();
  const id = React.useId();
  const { left: labels, bars } = waterfallBars(attribution, current, locale);
  const height = bars.length * ROW + 4;
  const sep = localize(CHART_MESSAGES.listSeparator, locale);
  const summary = localize(CHART_MESSAGES.waterfallSummary, locale, {
    from: formatAmount(attribution.from)[locale],
    before: monthLabel(current - 1),
    to: formatAmount(attribution.to)[locale],
    now: monthLabel(current),
    effects: attribution.effects
      .map((e, i) =>
        localize(CHART_MESSAGES.effectItem, locale, { driver: bars[i + 1].label[locale], amount: signed(e.effect, locale) }),
      )
      .join(sep),
  });
  return (
    <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} aria-describedby={`${id}-t`}>
      <title id={`${id}-t`}>{localize(CHART_MESSAGES.waterfallTitle, locale)}</title>
      {bars.map((b, i) => {
        const y = b.row * ROW + (ROW - BAR) / 2;
        const next = bars[i + 1];
        const end = b.kind === "total" ? b.x + b.width : b.value >= 0 ? b.x + b.width : b.x;
        return (
          <g key={b.row} data-kind={b.kind}>
            <text className={styles.text} x={labels - 6} y={y + BAR - 3} textAnchor="end">
              {b.label[locale]}
            </text>
            <rect className={styles[b.kind]} x={b.x} y={y} width={b.width} height={BAR} data-value={b.value} />
            <text className={styles.text} x={WIDTH - 2} y={y + BAR - 3} textAnchor="end">
              {b.kind === "total" ? formatAmount(b.value)[locale] : signed(b.value, locale)}
            </text>
            {next && <line className={styles.rule} x1={end} x2={end} y1={y + BAR} y2={next.row * ROW + (ROW - BAR) / 2} />}
          </g>
        );
      })}
    </svg>
  );
}

type TrendMonth = { readonly month: string; readonly revenue: number };

function Trend({ trend, locale }: { trend: readonly TrendMonth[]; locale: Locale }) {
  const styles = useStyles();
  const id = React.useId();
  const height = 100;
  const top = 20;
  const bottom = height - 16;
  const left = 8;
  const right = WIDTH - 8;
  const high = Math.max(...trend.map((m) => m.revenue), 1);
  const points = trend.map((m, i) => ({
    ...m,
    x: trend.length === 1 ? (left + right) / 2 : left + (i / (trend.length - 1)) * (right - left),
    y: bottom - (Math.max(0, m.revenue) / high) * (bottom - top),
  }));
  const peak = trend.reduce((best, m) => (m.revenue > best.revenue ? m : best), trend[0]);
  const first = trend[0];
  const last = trend[trend.length - 1];
  const summary = localize(CHART_MESSAGES.trendSummary, locale, {
    first: first.month,
    firstValue: formatAmount(first.revenue)[locale],
    peak: peak.month,
    peakValue: formatAmount(peak.revenue)[locale],
    last: last.month,
    lastValue: formatAmount(last.revenue)[locale],
  });
  return (
    <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} aria-describedby={`${id}-t`}>
      <title id={`${id}-t`}>{localize(CHART_MESSAGES.trendTitle, locale, { count: trend.length })}</title>
      <line className={styles.axis} x1={left} x2={right} y1={bottom} y2={bottom} />
      <polyline className={styles.line} points={points.map((p) => `${p.x},${p.y}`).join(" ")} />
      {points.map((p) => (
        <circle key={p.month} className={styles.point} cx={p.x} cy={p.y} r={2.5} data-value={p.revenue} />
      ))}
      <text className={styles.muted} x={left} y={height - 3}>
        {first.month}
      </text>
      <text className={styles.muted} x={right} y={height - 3} textAnchor="end">
        {last.month}
      </text>
      <text className={styles.text} x={right} y={11} textAnchor="end">
        {localize(CHART_MESSAGES.trendLast, locale, { month: last.month, value: formatAmount(last.revenue)[locale] })}
      </text>
    </svg>
  );
}

export interface DiagnosisChartsProps {
  readonly locale: Locale;
  /** The diagnosis's revenue change by driver (`diagnosis.longitudinal.attribution`), and the month it is of. */
  readonly attribution: Attribution | null;
  readonly current: MonthKey | null;
  /** `diagnosis.trend`: revenue month by month. */
  readonly trend: readonly TrendMonth[];
}

/** The diagnosis's two small charts beside the TOP 3: the revenue change split by driver, and the monthly trend. */
export function DiagnosisCharts({ locale, attribution, current, trend }: DiagnosisChartsProps): React.JSX.Element | null {
  const styles = useStyles();
  const waterfall = attribution !== null && current !== null && attribution.effects.length > 0;
  if (!waterfall && trend.length < 2) return null;
  return (
    <section className={styles.charts} aria-label={localize(CHART_MESSAGES.chartsLabel, locale)}>
      {waterfall && (
        <>
          <Text weight="semibold" size={200}>
            {localize(CHART_MESSAGES.waterfallTitle, locale)}
          </Text>
          <Waterfall attribution={attribution} current={current} locale={locale} />
        </>
      )}
      {trend.length >= 2 && (
        <>
          <Text weight="semibold" size={200}>
            {localize(CHART_MESSAGES.trendTitle, locale, { count: trend.length })}
          </Text>
          <Trend trend={trend} locale={locale} />
        </>
      )}
    </section>
  );
}
