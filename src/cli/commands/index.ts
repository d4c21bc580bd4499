import type { CliCommand } from "./command";
import { actionsCommand } from "./actions.command";
import { customersCommand } from "./customers.command";
import { diagnoseCommand } from "./diagnose.command";
import { initCommand } from "./init.command";
import { monthlyCommand } from "./monthly.command";
import { progressCommand } from "./progress.command";
import { rollupCommand } from "./rollup.command";
import { validateCommand } from "./validate.command";
import { weeklyCommand } from "./weekly.command";
import type { CliJson } from "../json-contract";

export type CommandName = keyof CliJson;

/** Every command of `sales-playbook`, by name: a new command is its file, its line here and its JSON type. */
export const COMMANDS = {
  init: initCommand,
  validate: validateCommand,
  customers: customersCommand,
  diagnose: diagnoseCommand,
  weekly: weeklyCommand,
  actions: actionsCommand,
  monthly: monthlyCommand,
  progress: progressCommand,
  rollup: rollupCommand,
} satisfies { readonly [N in CommandName]: CliCommand<unknown, CliJson[N]> };

/** The command a name on the command line names, if any (never a property every object has, such as "toString"). */
export function findCommand(name: string): CliCommand<unknown, CliJson[CommandName]> | undefined {
  return Object.hasOwn(COMMANDS, name) ? (COMMANDS[name as CommandName] as CliCommand<unknown, CliJson[CommandName]>) : undefined;
}
