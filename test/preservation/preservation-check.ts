import { isDeepStrictEqual } from "node:util";
import { cellAddress } from "../../src/core/cell/a1";
import type { AllowedWrites } from "./allowed-writes";

/** One cell as a host keeps it: value, formula, number format, note... (undefined fields left out). */
export type CellRecord = Readonly<Record<string, unknown>>;

/** What the user sees of one sheet: its non-empty cells by "row,column", and the rest of the sheet (merges, formats...). */
export interface SheetSnapshot {
  readonly name: string;
  readonly cells: ReadonlyMap<string, CellRecord>;
  readonly rest: Readonly<Record<string, unknown>>;
}

const defined = (record: CellRecord | undefined, drop: readonly string[] = []): CellRecord =>
  Object.fromEntries(Object.entries(record ?? {}).filter(([k, v]) => v !== undefined && !drop.includes(k)));

const show = (value: unknown): string => JSON.stringify(value) ?? "undefined";

/**
 * Every way the user's sheets differ from before: a sheet gone, renamed or moved, a cell or a
 * sheet property changed. In the cells the add-in may write, only the `written` fields
 * (value, formula) may change. New sheets must have names no user sheet had (case-insensitively).
 */
export function preservationProblems(
  before: readonly SheetSnapshot[],
  after: readonly SheetSnapshot[],
  allowed: AllowedWrites,
  written: readonly string[],
): string[] {
  const problems: string[] = [];
  const names = after.map((s) => s.name);
  if (
    !isDeepStrictEqual(
      names.slice(0, before.length),
      before.map((s) => s.name),
    )
  )
    problems.push(`user sheets not kept in place: ${show(before.map((s) => s.name))} became ${show(names)}`);
  const userNames = new Set(before.map((s) => s.name.toLowerCase()));
  for (const added of names.slice(before.length))
    if (userNames.has(added.toLowerCase())) problems.push(`a new sheet took a user's name: ${added}`);

  for (const old of before) {
    const now = after.find((s) => s.name === old.name);
    if (!now) {
      problems.push(`sheet ${old.name} is gone`);
      continue;
    }
    for (const key of new Set([...Object.keys(old.rest), ...Object.keys(now.rest)]))
      if (!isDeepStrictEqual(old.rest[key], now.rest[key]))
        problems.push(`${old.name} ${key}: ${show(old.rest[key])} became ${show(now.rest[key])}`);
    for (const key of new Set([...old.cells.keys(), ...now.cells.keys()])) {
      const [row, column] = key.split(",").map(Number);
      const drop = allowed.allows(old.name, row, column) ? written : [];
      const was = defined(old.cells.get(key), drop);
      const is = defined(now.cells.get(key), drop);
      if (!isDeepStrictEqual(was, is))
        problems.push(`${old.name}!${cellAddress(row, column)}: ${show(old.cells.get(key))} became ${show(now.cells.get(key))}`);
    }
  }
  return problems;
}
