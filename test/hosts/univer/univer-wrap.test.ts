import { UniverHost } from "../../../src/hosts/univer/univer-host";
import { createHeadlessUniver } from "./headless-univer";

describe("wrapped text on the Univer host (Univer's real engine)", () => {
  it("wraps the cells a format asks to, and only those", async () => {
    const { univer, api, workbook } = createHeadlessUniver();
    try {
      const host = new UniverHost(api, workbook);
      const long = "方案提交数人均每周2次，前3个月平均4.9次，全部4名成员（4/4）；新客户随之减少";
      await host.write({
        sheets: [
          {
            sheet: "报告",
            create: true,
            values: [
              {
                row: 0,
                column: 0,
                values: [
                  ["高", long],
                  ["中", long],
                ],
              },
            ],
            formats: [{ range: { row: 0, column: 1, rowCount: 2, columnCount: 1 }, wrap: true }],
          },
        ],
      });
      const ws = workbook.getSheetByName("报告")!;
      expect([ws.getRange("B1").getWrap(), ws.getRange("B2").getWrap()]).toEqual([true, true]);
      expect([ws.getRange("A1").getWrap(), ws.getRange("A2").getWrap()]).toEqual([false, false]);
    } finally {
      univer.dispose();
    }
  });
});
