import type ExcelJS from "exceljs";
import type { ChartSpec } from "../../app/workbook-host.port";
import { addHostCharts } from "./chart-parts";
import { restoreDefinedNames } from "./defined-names";
import { restoreCharts, type KeptCharts } from "./kept-charts";
import { fitWrappedRows } from "./wrapped-rows";
import { openZip } from "./zip-edit";
import { withWritableText } from "./exceljs-text";

/** What a package is written from: an xlsx host's workbook and what ExcelJS itself does not keep. */
export interface PackageSource {
  readonly workbook: ExcelJS.Workbook;
  readonly definedNames?: readonly string[];
  readonly keptCharts?: KeptCharts;
  readonly charts: ReadonlyMap<ExcelJS.Worksheet, readonly ChartSpec[]>;
  /** The sheets the add-in created, whose wrapped rows are given their height. */
  readonly created: ReadonlySet<ExcelJS.Worksheet>;
}

/**
 * The workbook as an .xlsx package: ExcelJS's, with the loaded file's defined names and charts given back, the
 * charts asked for added, and the wrapped rows of the sheets the add-in created given their height. No Node API: the command line saves it to a file, the workbench hands it to the browser.
 */
export async function xlsxPackage(source: PackageSource): Promise<Uint8Array> {
  source.created.forEach(fitWrappedRows);
  const edited = source.charts.size > 0 || source.keptCharts !== undefined || source.definedNames !== undefined;
  // A package about to be opened again is written stored (not deflated): it is deflated once, at the end.
  const written = await withWritableText(source.workbook, () =>
    source.workbook.xlsx.writeBuffer(edited ? { zip: { compression: "STORE" } } : undefined),
  );
  const bytes = new Uint8Array(written as ArrayBuffer);
  if (!edited) return bytes;
  const zip = await openZip(bytes);
  if (source.definedNames) await restoreDefinedNames(zip, source.definedNames);
  if (source.keptCharts) await restoreCharts(zip, source.keptCharts, source.workbook);
  await addHostCharts(zip, source);
  return zip.save("deflate");
}
