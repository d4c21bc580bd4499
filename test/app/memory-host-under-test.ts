import { cellAddress } from "../../src/core/cell/a1";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import type { HostFactory } from "./host-under-test";

export const createMemoryHostUnderTest: HostFactory = (existing = []) => {
  const host = new MemoryHost();
  for (const s of existing) host.seedSheet(s.name, s.values);
  const sheet = (name: string) => {
    const found = host.findSheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  return {
    host,
    sheetNames: () => [...host.sheets.keys()],
    value: (name, row, column) => sheet(name).values[row]?.[column],
    formula: (name, row, column) => sheet(name).formulas[row]?.[column],
    tableNames: (name) => sheet(name).tables.map((t) => t.name),
    frozenRows: (name) => sheet(name).freezeRows,
    hidden: (name) => sheet(name).hidden === true,
    roundTrips: () => host.calls.length,
    marks: (name) =>
      sheet(name)
        .marks.map((m) => `${cellAddress(m.row, m.column)} ${m.severity}`)
        .sort(),
    // The last format written over the cell, as a spreadsheet keeps the latest.
    numberFormat: (name, row, column) =>
      sheet(name).numberFormats.findLast(
        ({ range: r }) => row >= r.row && row < r.row + r.rowCount && column >= r.column && column < r.column + r.columnCount,
      )?.format,
    validation: (name, row, column) =>
      sheet(name).validations.find(
        ({ range: r }) => row >= r.row && row < r.row + r.rowCount && column >= r.column && column < r.column + r.columnCount,
      )?.rule,
    edit: async (name, row, column, values) => host.simulateEdit(name, row, column, values),
    protect: async (name) => void (sheet(name).protected = true),
    // The memory host reports rows, not addresses: one edit per area.
    editAreas: async (name, areas) => areas.forEach((a) => host.simulateEdit(name, a.row, a.column, a.values)),
  };
};
