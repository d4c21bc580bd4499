import ExcelJS from "exceljs";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";

/**
 * Rows of wrapped text get a height in the file: LibreOffice does not measure them (it shows one line and hides the
 * rest), Excel would. Only on sheets the add-in created; a user's sheet keeps its rows as they were.
 */
describe("wrapped rows in the .xlsx the xlsx host writes", () => {
  it("gives a created sheet's wrapped rows the height of their lines, and leaves the rest and the user's sheets alone", async () => {
    const user = new ExcelJS.Workbook();
    const own = user.addWorksheet("Mine");
    own.getColumn(1).width = 10;
    own.getCell("A1").value = "用户自己的一段很长很长很长很长的文字";
    own.getCell("A1").alignment = { wrapText: true };
    const host = new XlsxHost(user);
    const long = "本月销售额下降的首要原因是方案提交数下降，人均每周从4.9次降到2次"; // 30 wide characters and 4 narrow: 64 columns of text
    const twoLines = "first line\nsecond";
    await host.write({
      sheets: [
        {
          sheet: "Report",
          create: true,
          values: [
            {
              row: 0,
              column: 0,
              values: [
                [long, "short"],
                [twoLines, null],
                ["not wrapped, however long it runs on", null],
              ],
            },
          ],
          columns: [
            { column: 0, width: 20 },
            { column: 1, width: 10 },
          ],
          formats: [{ range: { row: 0, column: 0, rowCount: 2, columnCount: 2 }, wrap: true }],
        },
      ],
    });
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(new Uint8Array(await host.packageBytes()).buffer);
    const report = saved.getWorksheet("Report")!;
    // 64 columns of text in the 19 that fit a width of 20: 4 lines of 15 points.
    expect(report.getRow(1).height).toBe(60);
    expect(report.getRow(2).height).toBe(2 * 15);
    expect(report.getRow(3).height).toBeUndefined();
    expect(saved.getWorksheet("Mine")!.getRow(1).height).toBeUndefined();
  });
});
