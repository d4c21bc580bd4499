import { suggestDealColumns } from "../../../src/core/analysis/reading/column-suggestions";
import type { CellValue } from "../../../src/core/cell/cell-value";
import type { SheetGrid } from "../../../src/core/sheet/sheet-table";

const grid = (name: string, values: CellValue[][]): SheetGrid => ({ name, row: 0, column: 0, values });

describe("suggestDealColumns", () => {
  it("proposes columns by what they hold, those whose header says so first", () => {
    const values: CellValue[][] = [
      ["导出时间：2026-11-01"],
      ["编号", "Qty", "Phone", "Net", "Fecha", "实收款", "Paid On", "Note"],
      ["A1", 2, "13800000001", 10, "2026-10-03", "1,200元", 46_000, "ok"],
      ["A2", 1, "13800000002", 20, "2026-10-04", "¥88", 46_001, "ok"],
    ];
    const s = suggestDealColumns([grid("orders", values)]);
    expect(s?.sheet).toBe("orders");
    expect(s?.headerRow).toBe(1);
    // Net and 实收款 hold money; 实收款 says so (款), Net too; Qty, Phone and 编号 are never money.
    expect(s?.missing).toEqual([
      { field: "amount", candidates: ["Net", "实收款"] },
      { field: "date", candidates: ["Paid On", "Fecha"] },
    ]);
    expect(s?.map).toEqual({ amount: "Net", date: "Paid On" });
  });

  it("keeps the fields detection found and proposes only the missing one", () => {
    const values: CellValue[][] = [
      ["订单日期", "单价", "收款"],
      ["2026-10-03", 5, 100],
    ];
    expect(suggestDealColumns([grid("s", values)])?.missing).toEqual([{ field: "amount", candidates: ["单价", "收款"] }]);
  });

  it("picks the sheet that looks most like deal data, and none for notes", () => {
    const notes = grid("说明", [["hello"]]);
    const half = grid("half", [
      ["Fecha", "Cliente"],
      ["2026-10-03", "A"],
    ]);
    const whole = grid("whole", [
      ["Fecha", "Importe"],
      ["2026-10-03", 12],
    ]);
    expect(suggestDealColumns([notes])).toBeUndefined();
    expect(suggestDealColumns([notes, half, whole])?.sheet).toBe("whole");
    expect(suggestDealColumns([notes, half])?.missing).toEqual([
      { field: "amount", candidates: [] },
      { field: "date", candidates: ["Fecha"] },
    ]);
  });
});
