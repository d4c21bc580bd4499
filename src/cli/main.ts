import path from "node:path";
import { parseArgs } from "node:util";
import { UseCaseError } from "../app/use-case-error";
import type { WorkbookHost } from "../app/workbook-host.port";
import { serialOfLocalDate } from "../core/cell/excel-date";
import type { Locale } from "../core/i18n/locale";
import type { ReadFileOptions } from "../hosts/xlsx/read-workbook-file";
import { resolveEncodingLabel } from "../hosts/xlsx/text-decoding";
import { WorkbookFileError } from "../hosts/xlsx/workbook-file-error";
import type { AppendOnlyHost } from "../hosts/xlsx/append-sheets";
import type { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { createProgress, processIo, resolveCliLocale, type CliIo } from "./cli-io";
import { CLI_TEXT } from "./cli-messages";
import { localize } from "../core/i18n/locale";
import { CliUsageError, parseCliOptions } from "./cli-options";
import type { ExitCode, WorkbookFiles } from "./commands/command";
import { reportInternalError } from "./internal-error";
import { useCaseErrorText } from "./map-suggestion";
import { OutputRefused, resolveOutputTarget, writeFailureKey, type OutputTarget } from "./safe-output";
import { readLimitFlags } from "./read-limit-flags";
import { messagePath, oneLine } from "./message-path";

export type { ExitCode } from "./commands/command";

/**
 * The readers and writers (ExcelJS, SheetJS) and the commands are loaded when a command runs, not at start:
 * `--help` and a usage mistake answer without them.
 */
const readOnly = () => import("../hosts/xlsx/read-workbook-file");

/** What --out and `init` need besides: the writer (ExcelJS). */
async function xlsxFiles() {
  const [files, appending, writing] = await Promise.all([
    import("../hosts/xlsx/xlsx-file"),
    import("../hosts/xlsx/append-sheets"),
    import("../hosts/xlsx/xlsx-host"),
  ]);
  return {
    openWorkbookFile: files.openWorkbookFile,
    openWorkbookFileForNewSheets: files.openWorkbookFileForNewSheets,
    saveAppendedFile: files.saveAppendedFile,
    saveXlsxFile: files.saveXlsxFile,
    FileWriteError: files.FileWriteError,
    AppendOnlyHost: appending.AppendOnlyHost,
    XlsxHost: writing.XlsxHost,
  };
}

/**
 * The input of a command with --out. A command that only adds sheets copies the user's file as it is and
 * adds them: no whole-workbook model.
 */
async function openForOut(file: string, read: ReadFileOptions, addsSheetsOnly: boolean): Promise<XlsxHost | AppendOnlyHost> {
  const { openWorkbookFile, openWorkbookFileForNewSheets } = await xlsxFiles();
  return (addsSheetsOnly ? await openWorkbookFileForNewSheets(file, read) : undefined) ?? (await openWorkbookFile(file, read));
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
  await target.guard.beforeSave();
  const { AppendOnlyHost, FileWriteError, saveAppendedFile, saveXlsxFile } = await xlsxFiles();
  try {
    if (host instanceof AppendOnlyHost) await saveAppendedFile(host, input!, target.path, { ...read, replace: target.replace });
    else await saveXlsxFile(host, target.path, { replace: target.replace });
  } catch (error) {
    if (!(error instanceof FileWriteError)) throw error;
    // A save that failed because the folder now leads elsewhere is said as that, not as its code.
    if (await target.guard.folderMoved()) throw new OutputRefused("cliOutFolderChanged", { file: target.file });
    const folder = path.dirname(target.file);
    throw new OutputRefused(writeFailureKey(error.code), { file: target.file, folder, code: error.code });
  }
  await target.guard.afterSave();
}

/** --encoding: any WHATWG label this Node.js can decode (utf-8, gbk, gb18030, utf-16le, big5...). */
function readOptions(encoding: string | undefined, locale: Locale): ReadFileOptions {
  if (encoding === undefined) return {};
  if (!resolveEncodingLabel(encoding)) throw new CliUsageError(localize(CLI_TEXT.cliBadEncoding, locale, { encoding }));
  return { encoding };
}

/**
 * The files the commands work on: this is the command line's one file that builds hosts. `about` is
 * told the file a use case is working on, named in front of its generic sentences. A progress line
 * shows on terminals after a second.
 */
function workbookFiles(
  io: CliIo,
  read: ReadFileOptions,
  out: { readonly file?: string; readonly force: boolean },
  about: (file: string) => void,
): WorkbookFiles {
  return {
    async onWorkbook(file, work, addsSheetsOnly = false) {
      const target = out.file === undefined ? undefined : await checkOut(file, out.file, out.force);
      about(file);
      const progress = createProgress(io, messagePath(path.basename(file)), 3);
      try {
        const host = target
          ? await openForOut(file, read, addsSheetsOnly)
          : await (await readOnly()).openWorkbookFileReadOnly(file, read);
        progress.step("read");
        const result = await work(host);
        progress.step("analyse");
        if (target) await saveTo(host as XlsxHost | AppendOnlyHost, target, file, read);
        return result;
      } finally {
        progress.done();
        await target?.guard.release();
      }
    },
    async onEach(files, work) {
      const progress = createProgress(io, "rollup", files.length);
      const { openWorkbookFileReadOnly } = await readOnly();
      try {
        const workbooks: { file: string; host: WorkbookHost }[] = [];
        for (const file of files) {
          workbooks.push({ file, host: await openWorkbookFileReadOnly(file, read) });
          progress.step(messagePath(path.basename(file)));
        }
        return await work(workbooks);
      } finally {
        progress.done();
      }
    },
    async create(file, work) {
      const target = await resolveOutputTarget(file, { inputs: [], force: out.force });
      const { XlsxHost } = await xlsxFiles();
      const host = new XlsxHost();
      await work(host);
      await saveTo(host, target).finally(() => target.guard.release());
      return host.workbook.worksheets.map((ws) => ws.name);
    },
  };
}

/** Runs one command line; never throws for user mistakes: one sentence on stderr and exit code 2. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  let locale = resolveCliLocale(undefined, io.env);
  /** The file a use case is working on, named in front of its generic sentences. */
  let about: string | undefined;
  try {
    const { values: flags, positionals } = parseArgs({
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
    locale = resolveCliLocale(flags.lang, io.env);
    const [name, ...files] = positionals;
    if (flags.help || !name) {
      io.stdout(
        `${localize(CLI_TEXT.cliUsage, locale)}\n${localize(CLI_TEXT.cliUsageInput, locale)}\n${localize(CLI_TEXT.cliUsageLimits, locale)}\n`,
      );
      return flags.help ? 0 : 2;
    }
    const limits = readLimitFlags(flags, locale, (message) => {
      throw new CliUsageError(message);
    });
    const read = { ...readOptions(flags.encoding, locale), limits };
    const options = parseCliOptions(flags, locale);
    const command = (await import("./commands")).findCommand(name);
    if (!command)
      throw new CliUsageError(
        localize(CLI_TEXT.cliBadArguments, locale, { detail: localize(CLI_TEXT.cliUnknownCommand, locale, { command: name }) }),
      );
    if (command.files === "one" ? files.length !== 1 : files.length === 0)
      throw new CliUsageError(
        localize(CLI_TEXT.cliBadArguments, locale, {
          detail: localize(CLI_TEXT[command.files === "one" ? "cliOneFile" : "cliSomeFiles"], locale),
        }),
      );
    const context = {
      locale,
      options,
      today: serialOfLocalDate(io.now()),
      files: workbookFiles(io, read, { file: options.out, force: options.force }, (file) => (about = file)),
    };
    const result = await command.run(context, files);
    const wrote =
      options.out !== undefined && command.flags.includes("--out")
        ? `${localize(CLI_TEXT.cliWrote, locale, { file: messagePath(options.out) })}\n`
        : "";
    io.stdout(
      options.json ? `${JSON.stringify(command.json(result, context), null, 2)}\n` : command.text(result, context) + wrote,
    );
    return command.exitCode?.(result) ?? 0;
  } catch (error) {
    const sentence = refusalOf(error, locale, about, argv);
    if (sentence === undefined) return reportInternalError(error, argv, locale, io);
    io.stderr(`${oneLine(sentence)}\n`);
    return 2;
  }
}

/**
 * The one sentence for a mistake or a refusal (exit 2), file names formatted by `messagePath`;
 * undefined for a failure that is ours.
 */
function refusalOf(error: unknown, locale: Locale, about: string | undefined, argv: readonly string[]): string | undefined {
  if (error instanceof UseCaseError && about !== undefined)
    return localize(CLI_TEXT.cliAboutFile, locale, { file: messagePath(about), text: useCaseErrorText(error, locale) });
  if (error instanceof UseCaseError) return useCaseErrorText(error, locale);
  // The host's sentence names the file as given: shown as messagePath shows it.
  if (error instanceof WorkbookFileError) {
    const shown = messagePath(error.path);
    return shown === error.path ? error.text[locale] : error.text[locale].split(error.path).join(shown);
  }
  if (error instanceof OutputRefused) {
    const params = { ...error.params };
    for (const name of ["file", "folder"] as const) if (params[name] !== undefined) params[name] = messagePath(params[name]);
    return localize(CLI_TEXT[error.key], locale, params);
  }
  if (error instanceof CliUsageError) return error.message;
  const code = String((error as NodeJS.ErrnoException)?.code ?? "");
  // The parser stopped before reading --lang: read here as for a failure outside main.
  if (code.startsWith("ERR_PARSE_ARGS")) return parserSentence(error as Error, code, langOf(argv, locale), argv);
  return undefined;
}

/**
 * Node's parser explains in several lines; said here in one sentence: an option whose value looks
 * like an option (`--out -report.xlsx`), an unknown option, or else the parser's first line.
 */
function parserSentence(error: Error, code: string, locale: Locale, argv: readonly string[]): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option && error.message.includes("ambiguous")) {
    const value = argv[argv.indexOf(option) + 1] ?? "";
    return localize(CLI_TEXT.cliValueLooksLikeOption, locale, { option, value: messagePath(value) });
  }
  const detail =
    code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option
      ? localize(CLI_TEXT.cliUnknownOption, locale, { option: messagePath(option) })
      : error.message.split("\n")[0].replace(/\.$/, "");
  return localize(CLI_TEXT.cliBadArguments, locale, { detail });
}

/**
 * For a failure outside `main` (bin/sales-playbook.cjs: an error thrown after the command ended):
 * the same log file and sentence, in the language --lang or the system asks for.
 */
export function reportUncaughtError(error: unknown, argv: readonly string[], io: CliIo = processIo()): ExitCode {
  return reportInternalError(error, argv, langOf(argv, resolveCliLocale(undefined, io.env)), io);
}

/** The language --lang asks for, read from the arguments as typed; `otherwise` when there is none. */
function langOf(argv: readonly string[], otherwise: Locale): Locale {
  const at = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const flag = at < 0 ? undefined : argv[at].startsWith("--lang=") ? argv[at].slice("--lang=".length) : argv[at + 1];
  return flag ? resolveCliLocale(flag, {}) : otherwise;
}
