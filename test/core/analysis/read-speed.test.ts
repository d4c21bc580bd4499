import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { readDealSheet } from "../../../src/core/analysis/reading/records";
import { gridOf } from "../../support/grid";

/** 100,000 lines written the hard way: text dates and money, stages, a total every 1,000 lines. */
function exportOf(n: number): CellValue[][] {
  const start = toExcelSerial(2025, 1, 1);
  const rows: CellValue[][] = [
    ["销售订单明细表"],
    ["导出日期：2026-11-01"],
    ["单据日期", "客户名称", "业务员", "价税合计", "阶段", "订单号"],
  ];
  for (let i = 0; i < n; i++) {
    if (i % 1000 === 999) {
      rows.push(["小计", null, null, 1]);
      continue;
    }
    const day = start + (i % 600);
    const date =
      i % 3 === 0 ? day : i % 3 === 1 ? `${13 + (i % 15)}/0${1 + (i % 9)}/2025` : `2025年${1 + (i % 12)}月${1 + (i % 28)}日`;
    const amount = i % 2 === 0 ? 1000 + i : `¥${(1000 + i).toLocaleString("en-US")}.00`;
    rows.push([date, `客户${i % 5000}`, `成员${i % 40}`, amount, ["赢单", "输单-价格", "谈判"][i % 3], `O${i >> 1}`]);
  }
  return rows;
}

function timed(n: number): number {
  const grid = gridOf(exportOf(n));
  readDealSheet(grid); // warm up
  const started = performance.now();
  const sheet = readDealSheet(grid);
  const ms = performance.now() - started;
  expect(sheet.lines.length + sheet.pipeline.length).toBe(n - Math.floor(n / 1000));
  expect(sheet.dateOrderSource).toBe("data");
  return ms;
}

describe("reading speed", () => {
  // Plain Node reads them in about 300 ms; jest's module sandbox is slower, and other suites share the cores.
  it("reads 100,000 lines of text dates and money in well under a second, growing linearly", () => {
    const small = timed(25_000);
    const large = timed(100_000);
    expect(large).toBeLessThan(1500);
    expect(large).toBeLessThan(small * 4 * 2.5 + 50);
  });
});
