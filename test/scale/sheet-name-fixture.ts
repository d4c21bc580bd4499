import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/</g, "&lt;");

/**
 * Workbooks with sheet names ExcelJS will not write but openpyxl and LibreOffice do: written by ExcelJS
 * under plain names, then renamed in xl/workbook.xml, as those programs would have named them.
 */
export const JSZipFixture = {
  async renamedSheets(file: string, names: readonly string[], header: unknown[], row: unknown[]): Promise<void> {
    const wb = new ExcelJS.Workbook();
    names.forEach((_n, i) => {
      const ws = wb.addWorksheet(`S${i + 1}`);
      ws.addRow(header);
      ws.addRow(row);
    });
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    let xml = await zip.file("xl/workbook.xml")!.async("string");
    names.forEach((name, i) => (xml = xml.replace(`name="S${i + 1}"`, `name="${xmlText(name)}"`)));
    zip.file("xl/workbook.xml", xml);
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  },
};
