import { insertTemplates } from "../../app/insert-templates";
import { CLI_TEXT } from "../cli-messages";
import { localize } from "../../core/i18n/locale";
import type { InitJson } from "../json-contract";
import type { CliCommand } from "./command";
import { messagePath } from "../message-path";

/** `init OUT.xlsx [--example] [--data]`: a new workbook with the templates and the action plan. */
export const initCommand: CliCommand<InitJson, InitJson> = {
  files: "one",
  flags: ["--example", "--data", "--force"],
  async run({ locale, options, today, files }, [out]) {
    const sheets = await files.create(out, (host) =>
      insertTemplates(host, {
        locale,
        withExamples: options.example,
        withDataSheets: options.data,
        // With the data sheets, the examples are the example team's, dated from today.
        exampleTeam: options.data ? { today } : undefined,
      }),
    );
    return { file: out, sheets };
  },
  json: (result) => result,
  text: (result, { locale }) => `${localize(CLI_TEXT.cliWrote, locale, { file: messagePath(result.file) })}\n`,
};
