import ExcelJS from "exceljs";
import { cellAddress } from "../../../src/core/cell/a1";
import { readMarkCells } from "../../../src/core/validate/mark-areas";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { fromExcelJsValue } from "../../../src/hosts/xlsx/xlsx-values";
import type { HostFactory } from "../../app/host-under-test";

/**
 * The xlsx host on the real ExcelJS engine. What the use cases wrote is inspected after a real
 * save and reload of the .xlsx bytes, so the file itself is what is checked.
 */
export const createXlsxHostUnderTest: HostFactory = (existing = []) => {
  const workbook = new ExcelJS.Workbook();
  for (const s of existing) {
    const ws = workbook.addWorksheet(s.name);
    s.values.forEach((line, r) => line.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  }
  const host = new XlsxHost(workbook);
  let calls = 0;
  let saved: ExcelJS.Workbook | undefined;
  for (const method of ["readOutline", "readSheets", "write"] as const) {
    const original = host[method].bind(host) as (...args: unknown[]) => Promise<unknown>;
    (host as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      calls++;
      saved = undefined;
      return original(...args);
    };
  }
  const reloaded = () => {
    if (!saved) throw new Error("call load() first");
    return saved;
  };
  const sheet = (name: string) => {
    const ws = reloaded().getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  return {
    host,
    // ExcelJS's own sheet protection (saved as <sheetProtection sheet="1">), as Excel's Protect Sheet leaves it.
    protect: async (name) => workbook.getWorksheet(name)!.protect("", {}),
    async load() {
      saved = new ExcelJS.Workbook();
      await saved.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    },
    sheetNames: () => reloaded().worksheets.map((ws) => ws.name),
    value: (name, row, column) => {
      const cell = sheet(name).getCell(row + 1, column + 1);
      return cell.formula ? null : fromExcelJsValue(cell.value);
    },
    formula: (name, row, column) => {
      const f = sheet(name).getCell(row + 1, column + 1).formula;
      return f ? `=${f}` : null;
    },
    tableNames: (name) => Object.keys((sheet(name) as unknown as { tables: Record<string, unknown> }).tables ?? {}),
    hidden: (name) => sheet(name).state === "hidden",
    frozenRows: (name) => (sheet(name).views?.[0] as { ySplit?: number } | undefined)?.ySplit ?? 0,
    roundTrips: () => calls,
    numberFormat: (name, row, column) => sheet(name).getCell(row + 1, column + 1).numFmt || undefined,
    validation: (name, row, column) => {
      // The rule as the saved file holds it: a list's values and its error style.
      const dv = sheet(name).getCell(row + 1, column + 1).dataValidation as
        { type?: string; formulae?: unknown[]; errorStyle?: string } | undefined;
      const first = dv?.formulae?.[0];
      if (dv?.type !== "list" || typeof first !== "string") return undefined;
      const values = first.replace(/^"|"$/g, "").split(",");
      return { kind: "list", values, ...(dv.errorStyle === "warning" ? { allowOther: true } : {}) };
    },
    marks: (name) =>
      (sheet(name) as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] }).conditionalFormattings
        .flatMap((cf) => cf.rules.map((r) => readMarkCells(`=${(r.formulae?.[0] ?? "").replace(/^=/, "")}`)))
        .flatMap((m) => (m ? m.cells.map((cell) => `${cellAddress(cell.row, cell.column)} ${m.tone}`) : []))
        .sort(),
  };
};
