import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CLI_TEXT } from "./cli-messages";
import { localize } from "../core/i18n/locale";
import type { Locale } from "../core/i18n/locale";
import type { CliIo } from "./cli-io";
import { messagePath, oneLine } from "./message-path";

/** Every cause of an error, outermost first, with its stack (or its text when it has none). */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join("\nCaused by: ");
}

/**
 * A failure that is ours, not the user's: its details go to a log file in the temporary folder and
 * the terminal gets one sentence saying where (no stack trace). Exit code 3.
 */
export function reportInternalError(error: unknown, argv: readonly string[], locale: Locale, io: CliIo): 3 {
  const now = new Date();
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const log = path.join(io.tmpdir ?? tmpdir(), `sales-playbook-error-${stamp}-${randomBytes(3).toString("hex")}.log`);
  const details = [
    `time: ${now.toISOString()}`,
    `node: ${process.version} ${process.platform} ${process.arch}`,
    `arguments: ${JSON.stringify(argv)}`,
    "",
    describe(error),
    "",
  ].join("\n");
  try {
    writeFileSync(log, details, { flag: "wx" });
    io.stderr(`${localize(CLI_TEXT.cliInternalError, locale, { log: messagePath(log) })}\n`);
  } catch (logError) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (logError as NodeJS.ErrnoException).code ?? "unknown error";
    io.stderr(`${localize(CLI_TEXT.cliInternalErrorNoLog, locale, { message: oneLine(message.split("\n")[0]), code })}\n`);
  }
  return 3;
}
