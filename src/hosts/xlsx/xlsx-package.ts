import type ExcelJS from "exceljs";
import type { ChartSpec } from "../../app/workbook-host.port";
import { addHostCharts } from "./chart-parts";
import { restoreDefinedNames } from "./defined-names";
import { restoreCharts, type KeptCharts } from "./kept-charts";
import { openZip } from "./zip-edit";

/** What a package is written from: an xlsx host's workbook and what ExcelJS itself does not keep. */
export interface PackageSource {
  readonly workbook: ExcelJS.Workbook;
  readonly definedNames?: readonly string[];
  readonly keptCharts?: KeptCharts;
  readonly charts: ReadonlyMap<ExcelJS.Worksheet, readonly ChartSpec[]>;
}

/**
 * The workbook as an .xlsx package: ExcelJS's, with the loaded file's defined names and charts given back and the
 * charts asked for added. No Node API: the command line saves it to a file, the workbench hands it to the browser.
 */
export async function xlsxPackage(source: PackageSource): Promise<Uint8Array> {
  const written = new Uint8Array((await source.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const bytes = await restoreDefinedNames(written, source.definedNames);
  if (source.charts.size === 0 && !source.keptCharts) return bytes;
  const zip = await openZip(bytes);
  if (source.keptCharts) await restoreCharts(zip, source.keptCharts, source.workbook);
  await addHostCharts(zip, source);
  return zip.save("deflate");
}
