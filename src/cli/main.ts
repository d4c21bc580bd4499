import path from "node:path";
import { parseArgs } from "node:util";
import { diagnoseWorkbook } from "../app/diagnose-workbook";
import { fillActionPlan } from "../app/fill-action-plan";
import { prefillMonthlyReview } from "../app/prefill-monthly-review";
import { fillCustomerAnalysis } from "../app/fill-customer-analysis";
import { insertTemplates } from "../app/insert-templates";
import { markFindings } from "../app/mark-findings";
import { rollupTeams } from "../app/rollup";
import { trackProgress } from "../app/track-progress";
import { UseCaseError } from "../app/use-case-error";
import { validateWorkbook } from "../app/validate-workbook";
import { runWeeklyReview } from "../app/weekly-review";
import { WEEKLY_REVIEW_TEXT } from "../core/i18n/weekly-review-text";
import { localize } from "../core/i18n/locale";
import type { WorkbookHost } from "../app/workbook-host.port";
import { ACTIVITY_FIELDS, DEAL_FIELDS, type ActivityField, type DealField } from "../core/analysis/fields";
import { CHOSEN_STATUS_CLASSES, type ChosenStatusClass, type StatusMap } from "../core/analysis/deal-status";
import { isoToSerial, serialOfLocalDate } from "../core/cell/excel-date";
import { parseMonthRange } from "../core/analysis/period";
import type { DateOrder } from "../core/analysis/records";
import type { Locale } from "../core/i18n/locale";
import { tc } from "../core/i18n/cli-messages";
import { openWorkbookFileReadOnly, type ReadFileOptions } from "../hosts/xlsx/read-workbook-file";
import { resolveEncodingLabel } from "../hosts/xlsx/text-decoding";
import { WorkbookFileError } from "../hosts/xlsx/workbook-file-error";
import { AppendOnlyHost } from "../hosts/xlsx/append-sheets";
import {
  FileWriteError,
  openWorkbookFile,
  openWorkbookFileForNewSheets,
  saveAppendedFile,
  saveXlsxFile,
} from "../hosts/xlsx/xlsx-file";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { createProgress, processIo, resolveCliLocale, type CliIo } from "./cli-io";
import { reportInternalError } from "./internal-error";
import { useCaseErrorText } from "./map-suggestion";
import { OutputRefused, resolveOutputTarget, writeFailureKey, type OutputTarget } from "./safe-output";
import { readLimitFlags } from "./read-limit-flags";
import {
  actionsJson,
  actionsText,
  customersJson,
  customersText,
  diagnoseJson,
  diagnoseText,
  monthlyJson,
  monthlyText,
  progressJson,
  progressText,
  rollupJson,
  rollupText,
  validateJson,
  validateText,
  weeklyJson,
  weeklyText,
} from "./cli-report";

/** Exit codes: 0 ok, 1 validate found errors, 2 bad input, 3 internal error (details in a log file). */
export type ExitCode = 0 | 1 | 2 | 3;

class CliUsageError extends Error {}

const MAP_FIELDS: readonly (DealField | ActivityField)[] = [...new Set([...DEAL_FIELDS, ...ACTIVITY_FIELDS])];

function parseMap(values: readonly string[], locale: Locale): Partial<Record<DealField | ActivityField, string>> {
  const map: Partial<Record<DealField | ActivityField, string>> = {};
  for (const value of values) {
    const at = value.indexOf("=");
    const field = value.slice(0, at) as DealField | ActivityField;
    if (at <= 0 || !MAP_FIELDS.includes(field) || at === value.length - 1) {
      throw new CliUsageError(tc(locale, "cliBadMap", { fields: MAP_FIELDS.join(", "), value }));
    }
    map[field] = value.slice(at + 1);
  }
  return map;
}

/** --status "On Hold=booked": the class of one status value (the last "=" splits, so a value may hold one). */
function parseStatuses(values: readonly string[], locale: Locale): StatusMap | undefined {
  if (values.length === 0) return undefined;
  const statuses: Record<string, ChosenStatusClass> = {};
  for (const value of values) {
    const at = value.lastIndexOf("=");
    const text = value.slice(0, at).trim();
    const cls = value
      .slice(at + 1)
      .trim()
      .toLowerCase() as ChosenStatusClass;
    // An empty value ("=open") classifies the blank status cells.
    if (at < 0 || !CHOSEN_STATUS_CLASSES.includes(cls)) {
      throw new CliUsageError(tc(locale, "cliBadStatus", { classes: CHOSEN_STATUS_CLASSES.join(", "), value }));
    }
    statuses[text] = cls;
  }
  return statuses;
}

function oneFile(files: readonly string[], locale: Locale): string {
  if (files.length !== 1)
    throw new CliUsageError(
      tc(locale, "cliBadArguments", {
        detail: tc(locale, "cliOneFile"),
      }),
    );
  return files[0];
}

/**
 * --out is a new .xlsx file, never the input (whatever the input's format or the links to it), and
 * replaces an existing file only with --force. Checked before the input is read.
 */
async function checkOut(input: string, out: string, force: boolean): Promise<OutputTarget> {
  if (out.trim() !== "" && path.extname(out).toLowerCase() !== ".xlsx") throw new OutputRefused("cliOutNotXlsx", { file: out });
  return resolveOutputTarget(out, { inputs: [input], force });
}

/** Saves through a temporary file (xlsx-file); a file-system failure becomes one sentence naming the file. */
async function saveTo(
  host: XlsxHost | AppendOnlyHost,
  target: OutputTarget,
  input?: string,
  read?: ReadFileOptions,
): Promise<void> {
  try {
    if (host instanceof AppendOnlyHost) await saveAppendedFile(host, input!, target.path, { ...read, replace: target.replace });
    else await saveXlsxFile(host, target.path, { replace: target.replace });
  } catch (error) {
    if (!(error instanceof FileWriteError)) throw error;
    const folder = path.dirname(target.file);
    throw new OutputRefused(writeFailureKey(error.code), { file: target.file, folder, code: error.code });
  }
}

/** --encoding: any WHATWG label this Node.js can decode (utf-8, gbk, gb18030, utf-16le, big5...). */
function readOptions(encoding: string | undefined, locale: Locale): ReadFileOptions {
  if (encoding === undefined) return {};
  if (!resolveEncodingLabel(encoding)) throw new CliUsageError(tc(locale, "cliBadEncoding", { encoding }));
  return { encoding };
}

/** --week: a day as YYYY-MM-DD (any day of the week reviewed). */
function parseWeek(value: string, locale: Locale): number {
  const serial = isoToSerial(value);
  if (serial === undefined) throw new CliUsageError(localize(WEEKLY_REVIEW_TEXT.badWeek, locale, { value }));
  return serial;
}

/** Runs one command line; never throws for user mistakes: one sentence on stderr and exit code 2. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  let locale = resolveCliLocale(undefined, io.env);
  /** The file a use case is working on, named in front of its generic sentences. */
  let about: string | undefined;
  try {
    const { values: opts, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        lang: { type: "string" },
        example: { type: "boolean", default: false },
        data: { type: "boolean", default: false },
        sheet: { type: "string" },
        activity: { type: "string" },
        map: { type: "string", multiple: true, default: [] },
        status: { type: "string", multiple: true, default: [] },
        out: { type: "string" },
        force: { type: "boolean", default: false },
        period: { type: "string" },
        month: { type: "string" },
        "date-order": { type: "string" },
        encoding: { type: "string" },
        "max-cells": { type: "string" },
        "max-size": { type: "string" },
        week: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    locale = resolveCliLocale(opts.lang, io.env);
    const [command, ...files] = positionals;
    if (opts.help || !command) {
      io.stdout(`${tc(locale, "cliUsage")}\n${tc(locale, "cliUsageInput")}\n${tc(locale, "cliUsageLimits")}\n`);
      return opts.help ? 0 : 2;
    }
    const print = (json: unknown, text: string) => io.stdout(opts.json ? `${JSON.stringify(json, null, 2)}\n` : text);
    const limits = readLimitFlags(opts, locale, (message) => {
      throw new CliUsageError(message);
    });
    const read = { ...readOptions(opts.encoding, locale), limits };
    const force = Boolean(opts.force);
    const wrote = opts.out !== undefined ? `${tc(locale, "cliWrote", { file: opts.out })}\n` : "";
    /**
     * Runs a use case on one file (.xlsx, .xls, .ods, .csv...): its values read once without --out; with
     * --out, the whole workbook (or a new one holding a CSV's data), saved to the new .xlsx (never the
     * input). A progress line shows on terminals after a second.
     */
    const onWorkbook = async <R>(file: string, work: (host: WorkbookHost) => Promise<R>, addsSheetsOnly = false): Promise<R> => {
      const target = opts.out === undefined ? undefined : await checkOut(file, opts.out, force);
      about = file;
      const progress = createProgress(io, path.basename(file), 3);
      try {
        // A command that only adds sheets copies the user's file as it is and adds them: no whole-workbook model.
        const host = !target
          ? await openWorkbookFileReadOnly(file, read)
          : ((addsSheetsOnly ? await openWorkbookFileForNewSheets(file, read) : undefined) ??
            (await openWorkbookFile(file, read)));
        progress.step("read");
        const result = await work(host);
        progress.step("analyse");
        if (target) await saveTo(host as XlsxHost | AppendOnlyHost, target, file, read);
        return result;
      } finally {
        progress.done();
      }
    };
    const map = parseMap(opts.map ?? [], locale);
    const statuses = parseStatuses(opts.status ?? [], locale);
    const today = serialOfLocalDate(io.now());
    const period = opts.period === undefined ? undefined : parseMonthRange(opts.period);
    if (opts.period !== undefined && !period) throw new CliUsageError(tc(locale, "cliBadPeriod", { value: opts.period }));
    const dateOrder = opts["date-order"] as DateOrder | undefined;
    if (dateOrder !== undefined && !["ymd", "dmy", "mdy"].includes(dateOrder))
      throw new CliUsageError(tc(locale, "cliBadDateOrder", { value: dateOrder }));
    const reading = { today, dateOrder, period };
    const month = opts.month === undefined ? undefined : parseMonthRange(opts.month);
    if (opts.month !== undefined && (!month || month.from !== undefined))
      throw new CliUsageError(tc(locale, "cliBadMonth", { value: opts.month }));

    switch (command) {
      case "init": {
        const out = oneFile(files, locale);
        const target = await resolveOutputTarget(out, { inputs: [], force });
        const host = new XlsxHost();
        await insertTemplates(host, {
          locale,
          withExamples: opts.example,
          withDataSheets: opts.data,
          // With the data sheets, the examples are the example team's, dated from today.
          exampleTeam: opts.data ? { today } : undefined,
        });
        await saveTo(host, target);
        print({ file: out, sheets: host.workbook.worksheets.map((ws) => ws.name) }, `${tc(locale, "cliWrote", { file: out })}\n`);
        return 0;
      }
      case "validate": {
        // With --out, a copy with each finding marked on its cell (a fill and a note).
        const file = oneFile(files, locale);
        const result = await onWorkbook(file, (host) =>
          opts.out !== undefined ? markFindings(host, { today, locale }) : validateWorkbook(host, { today }),
        );
        // No playbook sheet is not an error: said once, and in JSON an empty list with the sheets checked.
        const none = result.sheets.length === 0 ? tc(locale, "cliAboutFile", { file, text: tc(locale, "checkNoSheets") }) : "";
        print(
          { ...(validateJson(result, locale) as object), sheets: result.sheets, notes: none ? [none] : [] },
          // --json never builds the text report (hundreds of thousands of findings would be laid out for nothing).
          opts.json ? "" : (none ? `${none}\n` : validateText(result, locale)) + wrote,
        );
        return result.counts.error > 0 ? 1 : 0;
      }
      case "customers": {
        const result = await onWorkbook(oneFile(files, locale), (host) =>
          fillCustomerAnalysis(host, {
            locale,
            dealSheet: opts.sheet,
            map,
            statuses,
            write: opts.out !== undefined,
            ...reading,
          }),
        );
        print(customersJson(result, locale), customersText(result, locale) + wrote);
        return 0;
      }
      case "diagnose": {
        const result = await onWorkbook(
          oneFile(files, locale),
          (host) =>
            diagnoseWorkbook(host, {
              locale,
              dealSheet: opts.sheet,
              activitySheet: opts.activity,
              map,
              statuses,
              write: opts.out !== undefined,
              ...reading,
            }),
          true,
        );
        print(diagnoseJson(result, locale), diagnoseText(result, locale) + wrote);
        return 0;
      }
      case "weekly": {
        const file = oneFile(files, locale);
        const week = opts.week === undefined ? undefined : parseWeek(opts.week, locale);
        const result = await onWorkbook(file, (host) =>
          runWeeklyReview(host, { today, locale, week, write: opts.out !== undefined }),
        );
        print(weeklyJson(result, locale), weeklyText(result, locale) + wrote);
        return 0;
      }
      case "actions": {
        // Fills the action plan in a copy (--out); without --out, says what it would add.
        const result = await onWorkbook(oneFile(files, locale), (host) =>
          fillActionPlan(host, {
            locale,
            today,
            dealSheet: opts.sheet,
            activitySheet: opts.activity,
            map,
            statuses,
            dateOrder,
            period,
            write: opts.out !== undefined,
          }),
        );
        print(actionsJson(result), actionsText(result, locale, opts.out !== undefined) + wrote);
        return 0;
      }
      case "monthly": {
        const result = await onWorkbook(oneFile(files, locale), (host) =>
          prefillMonthlyReview(host, {
            locale,
            today,
            month: month?.to,
            dealSheet: opts.sheet,
            activitySheet: opts.activity,
            map,
            statuses,
            dateOrder,
            write: opts.out !== undefined,
          }),
        );
        print(monthlyJson(result, locale), monthlyText(result, locale, opts.out !== undefined) + wrote);
        return 0;
      }
      case "progress": {
        // Read-only without --out; with --out, a copy with the target sheet's progress columns filled.
        const result = await onWorkbook(oneFile(files, locale), (host) =>
          trackProgress(host, {
            locale,
            today,
            dealSheet: opts.sheet,
            map,
            statuses,
            dateOrder,
            write: opts.out !== undefined,
          }),
        );
        print(progressJson(result, locale), progressText(result, locale) + wrote);
        return 0;
      }
      case "rollup": {
        if (files.length === 0)
          throw new CliUsageError(
            tc(locale, "cliBadArguments", {
              detail: tc(locale, "cliSomeFiles"),
            }),
          );
        const progress = createProgress(io, "rollup", files.length);
        try {
          const workbooks = [];
          for (const file of files) {
            workbooks.push({ team: path.basename(file, path.extname(file)), host: await openWorkbookFileReadOnly(file, read) });
            progress.step(path.basename(file));
          }
          const rollup = await rollupTeams(workbooks, serialOfLocalDate(io.now()));
          progress.done();
          print(rollupJson(rollup, locale), rollupText(rollup, locale));
        } finally {
          progress.done();
        }
        return 0;
      }
      default:
        throw new CliUsageError(tc(locale, "cliBadArguments", { detail: tc(locale, "cliUnknownCommand", { command }) }));
    }
  } catch (error) {
    if (error instanceof UseCaseError && about !== undefined) {
      io.stderr(`${tc(locale, "cliAboutFile", { file: about, text: useCaseErrorText(error, locale) })}\n`);
      return 2;
    }
    if (error instanceof UseCaseError) {
      io.stderr(`${useCaseErrorText(error, locale)}\n`);
      return 2;
    }
    if (error instanceof WorkbookFileError) {
      io.stderr(`${error.text[locale]}\n`);
      return 2;
    }
    if (error instanceof OutputRefused) {
      io.stderr(`${tc(locale, error.key, error.params)}\n`);
      return 2;
    }
    if (error instanceof CliUsageError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    if (String((error as NodeJS.ErrnoException)?.code ?? "").startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`${tc(locale, "cliBadArguments", { detail: (error as Error).message })}\n`);
      return 2;
    }
    return reportInternalError(error, argv, locale, io);
  }
}

/**
 * For a failure outside `main` (bin/sales-playbook.cjs: an error thrown after the command ended):
 * the same log file and sentence, in the language --lang or the system asks for.
 */
export function reportUncaughtError(error: unknown, argv: readonly string[], io: CliIo = processIo()): ExitCode {
  const at = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const flag = at < 0 ? undefined : argv[at].startsWith("--lang=") ? argv[at].slice("--lang=".length) : argv[at + 1];
  return reportInternalError(error, argv, resolveCliLocale(flag, io.env), io);
}
