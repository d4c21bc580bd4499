import type { WorkbookHost } from "../../app/workbook-host.port";
import type { Locale } from "../../core/i18n/locale";
import type { CliOptions } from "../cli-options";

/** Exit codes: 0 ok, 1 validate found errors, 2 bad input, 3 internal error (details in a log file). */
export type ExitCode = 0 | 1 | 2 | 3;

/**
 * The files a command works on, given by main.ts (the one file of the command line that builds hosts):
 * read-only without --out; with --out, a copy saved to the new .xlsx, never the input.
 */
export interface WorkbookFiles {
  /**
   * Runs `work` on one file (.xlsx, .xls, .ods, .csv...): its values read once without --out; with
   * --out, the whole workbook (or a new one holding a CSV's data) saved to the new .xlsx. With
   * `addsSheetsOnly`, the user's file is copied as it is and the new sheets added (no whole-workbook model).
   */
  onWorkbook<R>(file: string, work: (host: WorkbookHost) => Promise<R>, addsSheetsOnly?: boolean): Promise<R>;
  /** Opens each file read-only, one after the other, then runs `work` on them all (a progress line for the lot). */
  onEach<R>(
    files: readonly string[],
    work: (workbooks: readonly { file: string; host: WorkbookHost }[]) => Promise<R>,
  ): Promise<R>;
  /** A new workbook filled by `work`, saved to `out` (replaced only with --force); its sheets' names. */
  create(out: string, work: (host: WorkbookHost) => Promise<unknown>): Promise<readonly string[]>;
}

/** What a command runs with: the shared options already checked. */
export interface CommandContext {
  readonly locale: Locale;
  readonly options: CliOptions;
  /** Today, as an Excel serial (the clock is read once, by main). */
  readonly today: number;
  readonly files: WorkbookFiles;
}

/** The flags a command reads besides the ones every command takes (--json, --lang, --encoding, --max-size, --max-cells). */
export type CommandFlag =
  | "--example"
  | "--data"
  | "--force"
  | "--out"
  | "--sheet"
  | "--activity"
  | "--map"
  | "--status"
  | "--period"
  | "--month"
  | "--date-order"
  | "--week";

/**
 * One command of the command line: its flags, how it runs on its file(s) (building its use case's
 * request from the options), its JSON document (json-contract.ts) and its text for the terminal.
 */
export interface CliCommand<Result, Json> {
  /** "one": exactly one file (init: the file to write); "some": at least one. */
  readonly files: "one" | "some";
  /** With "--out", the command writes a copy and its text then ends with "Wrote FILE". */
  readonly flags: readonly CommandFlag[];
  run(context: CommandContext, files: readonly string[]): Promise<Result>;
  /** The document printed with --json (never built otherwise). */
  json(result: Result, context: CommandContext): Json;
  /** The text printed without --json (never built with it). */
  text(result: Result, context: CommandContext): string;
  /** 0 unless the command says otherwise (validate: 1 when it found errors). */
  exitCode?(result: Result): ExitCode;
}
