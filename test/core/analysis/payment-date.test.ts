import type { CellValue } from "../../../src/core/cell/cell-value";
import { isoToSerial } from "../../../src/core/cell/excel-date";
import { readingNotes } from "../../../src/core/analysis/reading/reading-notes";
import { readDealSheet } from "../../../src/core/analysis/reading/records";

/** A Taobao export: the payment time is the revenue date, blank on an order never paid. */
const TAOBAO: CellValue[][] = [
  ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间", "宝贝标题"],
  ["T1", "tb_alice", 120, "交易成功", "2026-10-01 09:00:00", "2026-10-02 10:00:00", "保温杯"],
  ["T2", "tb_bob", 80, "交易成功", "2026-10-30 23:50:00", "2026-11-01 00:10:00", "茶具"],
  ["T3", "tb_carol", 60, "交易成功", "2026-11-03 08:00:00", "", "茶具"],
];

describe("an order export dated by its payment time", () => {
  const deals = readDealSheet({ name: "订单", row: 0, column: 0, values: TAOBAO });
  const all = [...deals.lines, ...deals.pipeline];
  const dateOf = (id: string) => all.find((l) => l.orderId === id)?.date;

  it("dates a paid order by its payment, an unpaid one by its creation", () => {
    expect(dateOf("T1")).toBe(isoToSerial("2026-10-02"));
    // Created in October, paid in November: November's revenue.
    expect(dateOf("T2")).toBe(isoToSerial("2026-11-01"));
    expect(dateOf("T3")).toBe(isoToSerial("2026-11-03"));
  });

  it("says which column stands in where the payment time is blank, in both languages", () => {
    const texts = readingNotes(deals, false).map((n) => n.text);
    expect(texts).toContainEqual({
      "zh-CN": "日期取自“订单付款时间”；该列为空的行取“订单创建时间”。",
      en: 'The date is read from "订单付款时间"; where it is blank, from "订单创建时间".',
    });
  });
});
