import { columnLetter } from "../cell/a1";
import type { CellValue } from "../cell/cell-value";
import type { Bilingual } from "../i18n/locale";

export type Severity = "error" | "warning" | "info";

/** Every rule a validator can report, one code each. */
export type RuleCode =
  | "target.specific.metric"
  | "target.specific.owner"
  | "target.measurable.team"
  | "target.timebound.missing"
  | "target.timebound.unparsed"
  | "target.timebound.outside"
  | "target.achievable.growth"
  | "kr.missing"
  | "kr.placeholder"
  | "kr.count"
  | "kr.measurable"
  | "kr.activity"
  | "kr.vague"
  | "kr.relevant"
  | "criteria.placeholder"
  | "criteria.count"
  | "criteria.quantified"
  | "criteria.mismatch"
  | "decomposition.sum"
  | "decomposition.missing"
  | "decomposition.equal-split"
  | "weekly.day.invalid"
  | "weekly.day.missing"
  | "weekly.target.missing"
  | "weekly.target.ambiguous"
  | "weekly.completion.low"
  | "weekly.reason.missing"
  | "weekly.measure.missing"
  | "weekly.measure.vague"
  | "weekly.coaching"
  | "review.achievement.unparsed"
  | "review.achievement.mismatch"
  | "review.improvement.owner"
  | "review.improvement.deadline"
  | "actions.owner.missing"
  | "actions.resources.missing"
  | "actions.deadline.missing"
  | "actions.deadline.unparsed"
  | "actions.overdue"
  | "actions.check.missing"
  | "actions.metric.missing"
  | "actions.metric.unchanged"
  | "customers.period.stale"
  | "sheet.header.missing"
  | "sheet.column.empty";

/** One problem on one cell, in both languages, with a safe suggested text where there is one. */
export interface Finding {
  readonly sheet: string;
  /** 1-based row, as the spreadsheet shows it. */
  readonly row: number;
  /** Column letters, as the spreadsheet shows them. */
  readonly column: string;
  readonly cell: string;
  readonly rule: RuleCode;
  readonly severity: Severity;
  readonly message: Bilingual;
  readonly fix?: Bilingual;
  /**
   * A fix that needs no guessing, to apply with one click: the value to write, and the value the cell held
   * when checked (the fix is refused once the cell has changed). Only for computed cells, never free text.
   */
  readonly replacement?: { readonly was: CellValue; readonly value: CellValue };
}

/** Where a finding is, at 0-based sheet positions, and what it says. */
export interface FindingOptions {
  readonly sheet: string;
  /** 0-based row. */
  readonly row: number;
  /** 0-based column. */
  readonly column: number;
  readonly rule: RuleCode;
  readonly severity: Severity;
  readonly message: Bilingual;
  readonly fix?: Bilingual;
  readonly replacement?: Finding["replacement"];
}

/** Column letters by 0-based column, worked out once each: a sheet of 100,000 findings reuses a few dozen. */
const LETTERS: string[] = [];

/**
 * A finding at a 0-based sheet position. Built as one literal with the optional keys added after (same key
 * order as the JSON has always had), and its column letters shared: no spread objects nor a letter string per
 * finding, garbage that was a tenth of validating a sheet of 100,000 findings.
 */
export function createFinding({ sheet, row, column, rule, severity, message, fix, replacement }: FindingOptions): Finding {
  const letters = (LETTERS[column] ??= columnLetter(column));
  const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
    sheet,
    row: row + 1,
    column: letters,
    cell: `${letters}${row + 1}`,
    rule,
    severity,
    message,
  };
  if (fix) finding.fix = fix;
  if (replacement) finding.replacement = replacement;
  return finding;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
