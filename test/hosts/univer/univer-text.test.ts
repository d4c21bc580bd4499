import { CellValueType, type Univer } from "@univerjs/core";
import { prefillMonthlyReview } from "../../../src/app/prefill-monthly-review";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { mayNotStayText } from "../../../src/hosts/common/literal-text";
import { UniverHost } from "../../../src/hosts/univer/univer-host";
import { REVIEW_HEADERS, reviewTeam, TARGETS } from "../../app/actions.cases";
import { TEXT_THAT_LOOKS_LIKE_A_VALUE } from "../typed-entry";
import { createHeadlessUniver } from "./headless-univer";

const running: Univer[] = [];
afterEach(() => {
  for (const univer of running.splice(0)) univer.dispose();
});

function univerWith(sheets: Parameters<typeof createHeadlessUniver>[0]) {
  const made = createHeadlessUniver(sheets);
  running.push(made.univer);
  return { ...made, host: new UniverHost(made.api, made.workbook) };
}

/** More strings of the kinds the issue names, beyond the shared list. */
const MORE = ["007", "1.5E-3", "-0", "50%", "9/30", "12/31/2026", "2026.11", "30-Nov", "Dec-2026", "23:59:59", "FALSE"];

describe("Univer's own entry parser (the real engine) against the text rule", () => {
  it("converts only strings the rule protects, when a string is set without the string cell type", () => {
    const texts = [...TEXT_THAT_LOOKS_LIKE_A_VALUE, ...MORE, "张三", "Key account", "Jan"];
    const { workbook } = univerWith([{ name: "S", values: [["x"]] }]);
    const ws = workbook.getSheetByName("S")!;
    // Set as a user's paste or a host without the type would: Univer reads each as typed.
    ws.getRange(0, 0, texts.length, 1).setValues(texts.map((text) => [text]));
    const converted = texts.filter((text, row) => {
      const cell = ws.getRange(row, 0).getCellDatas()[0][0];
      return cell?.v !== text || cell?.t !== CellValueType.STRING;
    });
    // It does convert (the check can fail): 0012 becomes 12, 2026-11 a date, TRUE a boolean.
    expect(converted).toEqual(expect.arrayContaining(["0012", "2026-11", "TRUE", "12%", "3/4", "Nov-26", "12:30"]));
    expect(converted.filter((text) => !mayNotStayText(text))).toEqual([]);
  });

  it("keeps every such string as the text it is when the host writes it (the string cell type)", async () => {
    const texts = [...TEXT_THAT_LOOKS_LIKE_A_VALUE, ...MORE];
    const { host, workbook } = univerWith([]);
    await host.write({
      sheets: [{ sheet: "代码", create: true, values: [{ row: 0, column: 0, values: texts.map((t) => [t]) }] }],
    });
    const ws = workbook.getSheetByName("代码")!;
    expect(texts.map((_t, row) => ws.getRange(row, 0).getCellDatas()[0][0])).toEqual(
      texts.map((v) => expect.objectContaining({ v, t: CellValueType.STRING })),
    );
  });
});

describe("the monthly review's month after Univer turned it into a date", () => {
  it("finds the month's row again when the label was retyped and Univer made a date of it", async () => {
    const { host, workbook } = univerWith([
      { name: "成交明细", values: reviewTeam() },
      { name: "目标分解表", values: TARGETS },
      { name: "月度复盘表", values: [REVIEW_HEADERS] },
    ]);
    const request = { locale: "zh-CN" as const, today: toExcelSerial(2026, 12, 2), month: 2026 * 12 + 10 };
    const first = await prefillMonthlyReview(host, request);
    expect([first.created, first.row]).toEqual([false, 2]);
    const cell = workbook.getSheetByName("月度复盘表")!.getRange(first.row - 1, 0);
    expect(cell.getCellDatas()[0][0]).toMatchObject({ v: "2026-11", t: CellValueType.STRING });
    // A user retypes the label (or pastes it): Univer's entry parser makes a date of it.
    cell.setValue("2026-11");
    expect(cell.getCellDatas()[0][0]).toMatchObject({ v: toExcelSerial(2026, 11, 1), t: CellValueType.NUMBER });
    const again = await prefillMonthlyReview(host, request);
    expect([again.created, again.row]).toEqual([false, first.row]);
    expect(workbook.getSheetByName("月度复盘表")!.getRange(first.row, 0).getCellDatas()[0][0]?.v ?? null).toBeNull();
  });
});
