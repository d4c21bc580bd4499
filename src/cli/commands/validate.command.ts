import { markFindings, type MarkFindingsResult } from "../../app/mark-findings";
import { validateWorkbook, type ValidateWorkbookResult } from "../../app/validate-workbook";
import type { Locale } from "../../core/i18n/locale";
import type { Finding, Severity } from "../../core/validate/finding";
import { CLI_TEXT } from "../cli-messages";
import { localize } from "../../core/i18n/locale";
import { MESSAGES } from "../../core/i18n/messages";
import type { ValidateJson } from "../json-contract";
import { table } from "../terminal-table";
import { terminalText as safe } from "../terminal-text";
import type { CliCommand } from "./command";
import { messagePath } from "../message-path";

interface Validated {
  readonly result: ValidateWorkbookResult;
  /** Said when the file has no playbook sheet (not an error). */
  readonly none: string;
  /** Said besides the findings (a protected sheet left unmarked). */
  readonly notes: readonly string[];
}

/** `validate FILE [--out marked.xlsx]`: with --out, a copy with each finding marked on its cell (a fill and a note). */
export const validateCommand: CliCommand<Validated, ValidateJson> = {
  files: "one",
  flags: ["--out", "--force"],
  async run({ locale, options, today, files }, [file]) {
    const result = await files.onWorkbook(file, (host) =>
      options.out !== undefined ? markFindings(host, { today, locale }) : validateWorkbook(host, { today }),
    );
    // No playbook sheet is not an error: said once, and in JSON an empty list with the sheets checked.
    const none =
      result.sheets.length === 0
        ? localize(CLI_TEXT.cliAboutFile, locale, { file: messagePath(file), text: localize(CLI_TEXT.checkNoSheets, locale) })
        : "";
    // Marking (--out) leaves protected sheets unmarked and says so, one note each.
    const skipped = (result as Partial<MarkFindingsResult>).protectedSheets ?? [];
    const notes = skipped.map((sheet) => localize(MESSAGES.marksSkippedProtected, locale, { sheet: safe(sheet) }));
    return { result, none, notes };
  },
  json: ({ result, none, notes }, { locale }) => ({
    findings: result.findings.map((f) => ({
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      severity: f.severity,
      message: f.message[locale],
      ...(f.fix ? { fix: f.fix[locale] } : {}),
    })),
    counts: result.counts,
    sheets: result.sheets,
    notes: [...(none ? [none] : []), ...notes],
  }),
  // --json never builds the text report (hundreds of thousands of findings would be laid out for nothing).
  text: ({ result, none, notes }, { locale }) =>
    (none ? `${none}\n` : validateText(result, locale)) + notes.map((note) => `${note}\n`).join(""),
  exitCode: ({ result }) => (result.counts.error > 0 ? 1 : 0),
};

/** Findings shown one by one on the terminal; the rest are counted per sheet and rule. */
const FINDINGS_SHOWN = 50;

const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/**
 * The terminal's report: with few findings, each one; with many, the first (errors first) and the
 * counts per sheet and rule, and how to get them all (--json, --out). Linear in the number of
 * findings: the table never holds more than FINDINGS_SHOWN rows.
 */
function validateText(result: ValidateWorkbookResult, locale: Locale): string {
  if (result.sheets.length === 0) return `${localize(CLI_TEXT.checkNoSheets, locale)}\n`;
  const summary = localize(CLI_TEXT.cliCounts, locale, result.counts);
  const shown: Finding[] = [];
  for (const severity of SEVERITY_ORDER) {
    for (const f of result.findings) {
      if (shown.length >= FINDINGS_SHOWN) break;
      if (f.severity === severity) shown.push(f);
    }
  }
  const rows = shown.map((f) => [
    `${f.sheet}!${f.cell}`,
    f.severity,
    f.rule,
    f.fix ? `${safe(f.message[locale])}\n→ ${safe(f.fix[locale])}` : safe(f.message[locale]),
  ]);
  const head = [
    localize(CLI_TEXT.cliWhere, locale),
    localize(CLI_TEXT.cliSeverity, locale),
    localize(CLI_TEXT.cliRule, locale),
    localize(CLI_TEXT.cliMessage, locale),
  ];
  const listed = rows.length > 0 ? `${table(head, rows)}\n` : "";
  if (result.findings.length <= FINDINGS_SHOWN) return `${listed}${summary}\n`;
  const bySheetRule = new Map<string, { sheet: string; rule: string; severity: Severity; count: number }>();
  for (const f of result.findings) {
    const key = `${f.sheet}\u0000${f.rule}`;
    const entry = bySheetRule.get(key);
    if (entry) entry.count++;
    else bySheetRule.set(key, { sheet: f.sheet, rule: f.rule, severity: f.severity, count: 1 });
  }
  const counts = table(
    [
      localize(CLI_TEXT.cliSheet, locale),
      localize(CLI_TEXT.cliRule, locale),
      localize(CLI_TEXT.cliSeverity, locale),
      localize(CLI_TEXT.cliCount, locale),
    ],
    [...bySheetRule.values()].map((e) => [e.sheet, e.rule, e.severity, e.count]),
  );
  const more = localize(CLI_TEXT.cliFindingsShown, locale, { shown: shown.length, total: result.findings.length });
  return `${listed}${more}\n${localize(CLI_TEXT.cliFindingsBySheet, locale)}\n${counts}\n${summary}\n`;
}
