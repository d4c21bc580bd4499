import Table from "cli-table3";
import { formatPercent } from "../core/i18n/format";
import { terminalText as safe } from "./terminal-text";

/** A terminal table; its cells are made safe here (text from the user's files), its own line breaks kept. */
export function table(head: string[], rows: (string | number)[][]): string {
  const out = new Table({ head, style: { head: [], border: [] } });
  rows.forEach((r) => out.push(r.map((v) => String(v).split("\n").map(safe).join("\n"))));
  return out.toString();
}

/** A rate as a percentage, "—" when there is none. */
export const pct = (v: number | null) => (v === null ? "—" : formatPercent(v));
