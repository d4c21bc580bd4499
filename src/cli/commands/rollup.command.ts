import path from "node:path";
import { rollupTeams, type Rollup } from "../../app/rollup";
import { formatAmount } from "../../core/i18n/format";
import { CLI_TEXT } from "../cli-messages";
import { localize } from "../../core/i18n/locale";
import type { RollupJson } from "../json-contract";
import { pct, table } from "../terminal-table";
import { terminalText as safe } from "../terminal-text";
import type { CliCommand } from "./command";
import { messagePath } from "../message-path";

/** `rollup FILE...`: several team workbooks summed up, each team named after its file. */
export const rollupCommand: CliCommand<Rollup, RollupJson> = {
  files: "some",
  flags: [],
  run: ({ today, files }, names) =>
    files.onEach(names, (workbooks) =>
      rollupTeams(
        workbooks.map(({ file, host }) => ({ team: path.basename(file, path.extname(file)), host })),
        today,
      ),
    ),
  json: (rollup, { locale }) => ({
    teams: rollup.teams.map((team) => ({ ...team, issues: team.issues.map((i) => ({ ...i, summary: i.summary[locale] })) })),
    problems: rollup.problems.map((p) => ({ ...p, summary: p.summary[locale] })),
  }),
  text(rollup, { locale }) {
    const rows = rollup.teams.map((team) => [
      messagePath(team.team),
      pct(team.achievement),
      pct(team.weeklyCompletion),
      localize(CLI_TEXT.cliCounts, locale, team.counts),
      team.issues.map((i) => `${i.rank}. ${safe(i.summary[locale])}`).join("\n"),
    ]);
    const head = [
      localize(CLI_TEXT.cliTeam, locale),
      localize(CLI_TEXT.cliAchievement, locale),
      localize(CLI_TEXT.cliWeekly, locale),
      localize(CLI_TEXT.cliFindings, locale),
      localize(CLI_TEXT.cliProblems, locale),
    ];
    const cross = rollup.problems.map(
      (p) => `- ${safe(p.summary[locale])}: ${p.teams.map(safe).join(", ")} (${formatAmount(p.atStake)[locale]})`,
    );
    return `${table(head, rows)}\n${cross.length > 0 ? `${localize(CLI_TEXT.cliCrossTeam, locale)}\n${cross.join("\n")}\n` : ""}`;
  },
};
