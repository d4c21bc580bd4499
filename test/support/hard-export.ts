import type { CellValue } from "../../src/core/cell/cell-value";
import { toExcelSerial } from "../../src/core/cell/excel-date";

/**
 * An order system's export written the hard way: a title and a date line above the header, dates as
 * serials, as "13/01/2025" and as "2025年1月1日", money as numbers and as "¥1,000.00", stages, and a
 * subtotal line every 1,000 lines (not a deal). Read by test/core/analysis/read-text-export.test.ts, and timed by bench/diagnose.bench.ts.
 */
export function hardExportRows(n: number): CellValue[][] {
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
