import { cellAddress, rangeAddress, type RangeRef } from "../../../src/core/cell/a1";
import { readMarkAreas } from "../../../src/core/validate/mark-areas";
import { readMarkFormula } from "../../../src/core/validate/marks";
import { WpsHost } from "../../../src/hosts/wps/wps-host";
import type { EtApplication } from "../../../src/hosts/wps/et-object-model";
import type { HostFactory, HostUnderTest } from "../../app/host-under-test";
import { FakeEt, type FakeEtOptions } from "./fake-et";

/**
 * The WPS host on the recording ET fake (WPS cannot run here); round trips are port calls. `lateEcho`, with
 * `writeEvents: "none"`: the case's `echo` raises the SheetChange ET held back for the add-in's write.
 */
export function wpsHostFactory(options: FakeEtOptions = {}, lateEcho = false): HostFactory & { last?: FakeEt } {
  const factory = ((existing = []) => {
    const fake = new FakeEt(existing, options);
    factory.last = fake;
    return wpsHostUnderTest(fake, lateEcho);
  }) as HostFactory & { last?: FakeEt };
  return factory;
}

export function wpsHostUnderTest(fake: FakeEt, lateEcho = false): HostUnderTest & { fake: FakeEt } {
  const host = new WpsHost(fake.application as EtApplication);
  let calls = 0;
  for (const method of ["readOutline", "readSheets", "write", "select"] as const) {
    const original = host[method].bind(host) as (...args: unknown[]) => Promise<unknown>;
    (host as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      calls++;
      return original(...args);
    };
  }
  return {
    host,
    fake,
    // The new workbook's own empty "Sheet1" is not one the use case made.
    sheetNames: () => fake.sheets.filter((s) => s !== fake.placeholder || s.values.size > 0).map((s) => s.name),
    value: (sheet, row, column) => fake.sheet(sheet).values.get(`${row},${column}`) ?? null,
    formula: (sheet, row, column) => fake.sheet(sheet).formulas.get(`${row},${column}`) ?? null,
    tableNames: (sheet) => fake.sheet(sheet).tables.map((t) => t.name),
    frozenRows: (sheet) => fake.sheet(sheet).frozenRows,
    hidden: (sheet) => fake.sheet(sheet).visible === 0,
    roundTrips: () => calls,
    marks: (sheet) =>
      fake
        .sheet(sheet)
        .conditions.flatMap((c) => {
          const mark = readMarkFormula(c.formula1);
          const area = readMarkAreas(c.formula1);
          if (mark) return [`${cellAddress(mark.cell.row, mark.cell.column)} ${mark.severity}`];
          return (area?.cells ?? []).map((cell) => `${cellAddress(cell.row, cell.column)} ${area!.tone}`);
        })
        .sort(),
    edit: async (sheet, row, column, values) => fake.edit(sheet, row, column, values),
    editAreas: async (sheet, areas) => fake.editAreas(sheet, areas),
    protect: async (sheet) => void (fake.sheet(sheet).protected = true),
    ...(lateEcho ? { echo: async (sheet: string, range: RangeRef) => fake.fireSheetChange(sheet, rangeAddress(range)) } : {}),
  };
}
