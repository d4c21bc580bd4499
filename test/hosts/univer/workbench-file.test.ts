import ExcelJS from "exceljs";
import type { Univer } from "@univerjs/core";
import { insertTemplates } from "../../../src/app/insert-templates";
import { readGrid } from "../../../src/hosts/univer/univer-grid";
import { UniverHost } from "../../../src/hosts/univer/univer-host";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { readXlsx, writeXlsx } from "../../../src/workbench/workbook-file";
import { createHeadlessUniver } from "./headless-univer";

const running: Univer[] = [];
afterEach(() => {
  for (const univer of running.splice(0)) univer.dispose();
});

async function playbookFile(): Promise<ArrayBuffer> {
  const host = new XlsxHost();
  await insertTemplates(host, { locale: "zh-CN", withExamples: true });
  host.workbook.getWorksheet("目标分解表")!.getCell("H2").value = '=HYPERLINK("x")'; // text that looks like a formula
  return (await host.workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Opens a file in Univer as the workbench does: values first, then the rest as one write. */
async function openInUniver(bytes: ArrayBuffer) {
  const opened = await readXlsx(bytes, (workbook) => new XlsxHost(workbook));
  const { univer, api, workbook } = createHeadlessUniver(opened.seeds);
  running.push(univer);
  await new UniverHost(api, workbook).write(opened.batch);
  return workbook;
}

/** A cell as "A1 formula" or "A1 value". */
function shown(cell: ExcelJS.Cell): string {
  return `${cell.address} ${cell.formula ? cell.formula : String(cell.value)}`;
}

describe("the workbench's .xlsx, through the xlsx host and Univer's engine", () => {
  it("opens a playbook file with its values, formulas, drop-downs, formats and frozen rows", async () => {
    const workbook = await openInUniver(await playbookFile());
    const weekly = workbook.getSheetByName("周计划跟踪表")!;
    expect(
      weekly
        .getRange("D2:E2")
        .getCellDatas()[0]
        .map((c) => c?.v),
    ).toEqual([3, 1]);
    expect(weekly.getRange("J2").getCellDatas()[0][0]?.f).toBe('=IF(COUNT(E2,F2,G2,H2,I2)=0,"",SUM(E2,F2,G2,H2,I2))');
    expect(weekly.getFrozenRows()).toBe(1);
    expect(weekly.getDataValidations().some((v) => v.getCriteriaType() === "list")).toBe(true);
    expect(weekly.getRange("K2").getNumberFormat()).toBe("0%");
    const target = workbook.getSheetByName("目标分解表")!;
    expect(target.getRange("H2").getCellDatas()[0][0]).toMatchObject({ v: '=HYPERLINK("x")', t: 1 });
  });

  it("saves what the grid holds so that Excel's reader gets the same sheets back", async () => {
    const original = new ExcelJS.Workbook();
    const bytes = await playbookFile();
    await original.xlsx.load(bytes);
    const workbook = await openInUniver(bytes);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(new Uint8Array(await writeXlsx(readGrid(workbook), new XlsxHost())).buffer);

    expect(saved.worksheets.map((ws) => ws.name)).toEqual(original.worksheets.map((ws) => ws.name));
    for (const ws of original.worksheets) {
      const copy = saved.getWorksheet(ws.name)!;
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => expect(`${ws.name}!${shown(copy.getCell(r, c))}`).toBe(`${ws.name}!${shown(cell)}`)),
      );
      expect((copy.views?.[0] as { ySplit?: number } | undefined)?.ySplit).toBe(1);
      const rules = (sheet: ExcelJS.Worksheet) =>
        Object.values(
          (sheet as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model,
        )
          .map((v) => v.type)
          .sort();
      expect(rules(copy)).toEqual(rules(ws));
      expect(Math.round(copy.getColumn(1).width ?? 0)).toBe(Math.round(ws.getColumn(1).width ?? 0));
    }
  });
});
