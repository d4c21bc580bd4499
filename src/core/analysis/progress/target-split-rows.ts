import { isBlank, type CellValue } from "../../cell/cell-value";
import { fromExcelSerial, serialToIso } from "../../cell/excel-date";
import { formatBilingual, type Bilingual, type Locale } from "../../i18n/locale";
import { parseDeadline } from "../../parse/deadline";
import { detectMetric } from "../../parse/metrics";
import { normalizeText } from "../../parse/parse-result";
import { PLACEHOLDER_TEXT } from "../../parse/placeholder";
import type { TableRow } from "../../sheet/sheet-table";
import { isExampleName } from "../../templates/example-names";
import { targetPeriodOf, type TargetPeriod } from "./target-progress";
import { TARGET_SPLIT_TEXT } from "./target-split-text";

/** How the target sheet writes amounts: "35万" (text in 万, the playbook's way) or numbers. */
export type AmountStyle = "wan" | "number";

/** How the target sheet writes deadlines: a date cell, "2026-12-31", "2026年12月31日", "12月31日", or "31日"/"31st". */
export type DateStyle = "serial" | "iso" | "zhDate" | "monthDay" | "dayOfMonth";

export interface TargetSheetStyle {
  readonly amount: AmountStyle;
  readonly date: DateStyle;
  /** False when the sheet had no amount of its own to follow (the style is the locale's default). */
  readonly amountSeen: boolean;
}

const WAN = /^\s*-?[\d,.]+\s*万\s*$/;
const DATE_STYLES: readonly [DateStyle, RegExp][] = [
  ["iso", /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/],
  ["zhDate", /^\d{4}年\d{1,2}月\d{1,2}[日号]$/],
  ["monthDay", /^\d{1,2}月\d{1,2}[日号]$/],
  ["dayOfMonth", /^\d{1,2}(?:[日号]|st|nd|rd|th)$/i],
];

/** Without an amount to follow: the playbook writes "35万" in Chinese; English writes the number. */
const DEFAULT_AMOUNT_STYLE: Readonly<Record<Locale, AmountStyle>> = { "zh-CN": "wan", en: "number" };

/** The style most of the cells are written in; undefined when none is recognised. */
function mostCommon<T>(styles: readonly (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const s of styles) if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The style of the target sheet's rep targets and deadlines, read from its rows (the template's example rows
 * included: they show the style the sheet was laid out in). Without a cell to follow: 万 in a zh-CN sheet
 * (the playbook writes "35万"), numbers in English; deadlines as date cells.
 */
export function targetSheetStyle(rows: readonly TableRow[], locale: Locale): TargetSheetStyle {
  const amounts = rows
    .map((r) => r.cells.repTarget)
    .filter((v) => !isBlank(v ?? null))
    .map((v): AmountStyle => (typeof v === "string" && WAN.test(normalizeText(v)) ? "wan" : "number"));
  const dates = rows
    .map((r) => r.cells.deadline)
    .filter((v) => !isBlank(v ?? null))
    .map((v): DateStyle | undefined =>
      typeof v === "number" ? "serial" : DATE_STYLES.find(([, re]) => re.test(normalizeText(v)))?.[0],
    );
  const amount = mostCommon(amounts);
  return {
    amount: amount ?? DEFAULT_AMOUNT_STYLE[locale],
    amountSeen: amount !== undefined,
    date: mostCommon(dates) ?? "serial",
  };
}

/**
 * An amount as the sheet writes it: "72万", "72.5万" (as many decimals as the amount needs, so the shares still
 * add up to the team target exactly), or the number. Under 1万, and in a number style, the number itself.
 */
export function styledAmount(value: number, style: AmountStyle): CellValue {
  if (style === "number" || Math.abs(value) < 10_000) return value;
  for (let decimals = 0; decimals <= 4; decimals++) {
    const wan = Math.round((value / 10_000) * 10 ** decimals) / 10 ** decimals;
    if (Math.abs(wan * 10_000 - value) < 1e-6) return `${wan}万`;
  }
  return value;
}

/** A day of the month as each language writes it alone: "31日", "31st". */
const DAY_OF_MONTH: Readonly<Record<Locale, (day: number) => string>> = {
  "zh-CN": (day) => `${day}日`,
  en: (day) => `${day}${(day % 100 >= 11 && day % 100 <= 13 ? undefined : ["th", "st", "nd", "rd"][day % 10]) ?? "th"}`,
};

/**
 * A day written in a date style ("2026-12-31", "12月31日", "31日" / "31st"), or the serial itself. A style that
 * would be read back as another day (a day of the month in another month than today's, a month and day in
 * another year) falls back to the date cell: the deadline is never ambiguous.
 */
export function styledDate(serial: number, style: DateStyle, locale: Locale, today: number): CellValue {
  const date = fromExcelSerial(serial);
  if (!date || style === "serial") return serial;
  const iso = serialToIso(serial) ?? "";
  const text =
    style === "iso"
      ? iso
      : style === "zhDate"
        ? `${date.year}年${date.month}月${date.day}日`
        : style === "monthDay"
          ? `${date.month}月${date.day}日`
          : DAY_OF_MONTH[locale](date.day);
  const back = parseDeadline(text, today);
  return back.ok && back.value.serial === serial ? text : serial;
}

export interface SplitRep {
  readonly rep: string;
  readonly target: number;
}

export interface SplitRowsInput {
  readonly teamTarget: string;
  readonly targetItem: string;
  readonly reps: readonly SplitRep[];
  /** The target sheet's rows (none when the sheet is new). */
  readonly existing: readonly TableRow[];
  readonly locale: Locale;
  /** Today (Excel serial): the period split is the team target's period containing it. */
  readonly today: number;
  /** A deadline the caller gives, written as given instead of the period's last day. */
  readonly deadline?: string;
}

export interface SplitRows {
  /** The period split; its last day is each row's deadline. */
  readonly period: TargetPeriod;
  /** One row per rep not yet on the sheet for the period, by column key. */
  readonly rows: readonly Readonly<Record<string, CellValue>>[];
  /** Number formats of the new rows' cells by column key (a date cell, a number column the sheet did not style). */
  readonly numberFormats: Readonly<Record<string, string>>;
  /** Reps left out: the sheet already has their target of this item for the period (their row is left as it is). */
  readonly skipped: readonly string[];
  /** One sentence saying who was left out and why; undefined when nobody was. */
  readonly skippedNote?: Bilingual;
}

const same = (a: unknown, b: unknown) => normalizeText(a).toLowerCase() === normalizeText(b).toLowerCase();

/**
 * The rows an accepted split adds to the target sheet: complete rows (team target, target item, owner, the
 * rep's target in the sheet's amount style, the period's last day in its date style) with the KRs and their
 * criteria left as visible placeholders for the rep. A rep who already has a row of the same target item for the
 * same period is skipped, never written twice and never overwritten.
 */
export function targetSplitRows(input: SplitRowsInput): SplitRows {
  const { locale, today } = input;
  const period = targetPeriodOf({ teamTarget: input.teamTarget }, today);
  const style = targetSheetStyle(input.existing, locale);
  const item = detectMetric(input.targetItem);
  const taken = (rep: string) =>
    input.existing.some((row) => {
      const owner = row.cells.owner;
      if (!same(owner, rep) || isExampleName(owner)) return false;
      const p = targetPeriodOf(row.cells, today);
      return p.kind === period.kind && p.start === period.start && detectMetric(row.cells.targetItem) === item;
    });
  const skipped = input.reps.filter((r) => taken(r.rep)).map((r) => r.rep);
  const deadline = input.deadline ?? styledDate(period.end, style.date, locale, today);
  const rows = input.reps
    .filter((r) => !skipped.includes(r.rep))
    .map((r) => ({
      teamTarget: input.teamTarget,
      targetItem: input.targetItem,
      owner: r.rep,
      repTarget: styledAmount(r.target, style.amount),
      deadline,
      keyResults: PLACEHOLDER_TEXT.keyResults[locale],
      criteria: PLACEHOLDER_TEXT.criteria[locale],
    }));
  const numberFormats: Record<string, string> = {
    ...(typeof deadline === "number" ? { deadline: "yyyy-mm-dd" } : {}),
    // Numbers where the sheet showed none to follow; a column with the user's numbers keeps its own format.
    ...(style.amount === "number" && !style.amountSeen ? { repTarget: "#,##0" } : {}),
  };
  const skippedNote =
    skipped.length === 0
      ? undefined
      : formatBilingual(TARGET_SPLIT_TEXT.skipped, {
          reps: {
            "zh-CN": skipped.join(TARGET_SPLIT_TEXT.listSeparator["zh-CN"]),
            en: skipped.join(TARGET_SPLIT_TEXT.listSeparator.en),
          },
          count: skipped.length,
        });
  return { period, rows, numberFormats, skipped, ...(skippedNote ? { skippedNote } : {}) };
}
