import type { CellValue } from "../../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../../src/core/cell/excel-date";
import {
  styledAmount,
  styledDate,
  targetSheetStyle,
  targetSplitRows,
} from "../../../../src/core/analysis/progress/target-split-rows";
import { readKeyResults } from "../../../../src/core/parse/key-results";
import { isPlaceholder, PLACEHOLDER_TEXT } from "../../../../src/core/parse/placeholder";
import type { TableRow } from "../../../../src/core/sheet/sheet-table";

const TODAY = toExcelSerial(2026, 12, 2);
const rows = (...cells: Record<string, CellValue>[]): TableRow[] => cells.map((c, i) => ({ sheetRow: i + 1, cells: c }));

describe("an amount in the sheet's style", () => {
  it.each([
    [720000, "72万"],
    [725000, "72.5万"],
    [181000, "18.1万"],
    [350500, "35.05万"],
    // As many decimals as the amount needs: the shares still add up to the team target.
    [1234567, "123.4567万"],
    [5000, 5000],
  ])("%s in 万 is %s", (value, expected) => expect(styledAmount(value, "wan")).toBe(expected));

  it("stays a number in a number style", () => expect(styledAmount(725000, "number")).toBe(725000));
});

describe("a deadline in the sheet's style", () => {
  const end = toExcelSerial(2026, 12, 31);
  it.each([
    ["iso", "zh-CN", "2026-12-31"],
    ["zhDate", "zh-CN", "2026年12月31日"],
    ["monthDay", "zh-CN", "12月31日"],
    ["dayOfMonth", "zh-CN", "31日"],
    ["dayOfMonth", "en", "31st"],
    ["serial", "en", end],
  ] as const)("%s (%s)", (style, locale, expected) => expect(styledDate(end, style, locale, TODAY)).toBe(expected));

  it("falls back to a date cell where the style would be read as another day", () => {
    // Read in December, "31日" is December's 31st and "3月31日" this year's March: neither is 2027-03-31.
    const nextYear = toExcelSerial(2027, 3, 31);
    expect(styledDate(nextYear, "dayOfMonth", "zh-CN", TODAY)).toBe(nextYear);
    expect(styledDate(nextYear, "monthDay", "zh-CN", TODAY)).toBe(nextYear);
    expect(styledDate(toExcelSerial(2026, 12, 22), "dayOfMonth", "en", TODAY)).toBe("22nd");
    expect(styledDate(toExcelSerial(2026, 12, 13), "dayOfMonth", "en", TODAY)).toBe("13th");
  });
});

describe("the style of a target sheet", () => {
  it("is what most of its cells are written in", () => {
    expect(
      targetSheetStyle(
        rows({ repTarget: "35万", deadline: "30日" }, { repTarget: "20 万", deadline: "30日" }, { repTarget: 1 }),
        "en",
      ),
    ).toEqual({ amount: "wan", amountSeen: true, date: "dayOfMonth" });
    expect(targetSheetStyle(rows({ repTarget: 350000, deadline: toExcelSerial(2026, 11, 30) }), "zh-CN")).toEqual({
      amount: "number",
      amountSeen: true,
      date: "serial",
    });
    // English text amounts ("350,000") are numbers written as text: the add-in writes numbers.
    expect(targetSheetStyle(rows({ repTarget: "350,000", deadline: "2026-11-30" }), "en").amount).toBe("number");
  });

  it("without cells is the playbook's: 万 in Chinese, numbers in English, date cells", () => {
    expect(targetSheetStyle([], "zh-CN")).toEqual({ amount: "wan", amountSeen: false, date: "serial" });
    expect(targetSheetStyle([], "en")).toEqual({ amount: "number", amountSeen: false, date: "serial" });
  });
});

describe("the rows of an accepted split", () => {
  const input = {
    teamTarget: "季度300万",
    targetItem: "销售额",
    reps: [
      { rep: "张三", target: 1_800_000 },
      { rep: "李四", target: 1_200_000 },
    ],
    locale: "zh-CN" as const,
    today: TODAY,
  };

  it("are complete: the quarter's last day, the amount in 万 and the KRs left as placeholders", () => {
    const split = targetSplitRows({ ...input, existing: [] });
    expect([split.period.from, split.period.to]).toEqual(["2026-10-01", "2026-12-31"]);
    expect(split.rows[0]).toEqual({
      teamTarget: "季度300万",
      targetItem: "销售额",
      owner: "张三",
      repTarget: "180万",
      deadline: toExcelSerial(2026, 12, 31),
      keyResults: PLACEHOLDER_TEXT.keyResults["zh-CN"],
      criteria: PLACEHOLDER_TEXT.criteria["zh-CN"],
    });
    expect(split.numberFormats).toEqual({ deadline: "yyyy-mm-dd" });
    expect(split.skipped).toEqual([]);
  });

  it("leave out a rep who has this item for the period, not one with another item, another period or an example row", () => {
    const existing = rows(
      { teamTarget: "季度300万", targetItem: "销售额", owner: "张三", deadline: "2026-12-31" },
      { teamTarget: "季度300万", targetItem: "新客户数", owner: "李四", deadline: "2026-12-31" },
      { teamTarget: "季度300万", targetItem: "销售额", owner: "李四", deadline: "2026-09-30" },
      { teamTarget: "季度300万", targetItem: "销售额", owner: "*某", deadline: "2026-12-31" },
    );
    const split = targetSplitRows({ ...input, existing });
    expect(split.skipped).toEqual(["张三"]);
    expect(split.rows.map((r) => [r.owner, r.deadline])).toEqual([["李四", "2026-12-31"]]);
    expect(split.skippedNote?.en).toBe(
      "张三 already has this target for the period: not added again, and that row is left as written.",
    );
    const both = targetSplitRows({ ...input, existing: rows(existing[0].cells, { ...existing[0].cells, owner: "李四" }) });
    expect([both.rows.length, both.skippedNote?.en]).toEqual([
      0,
      "张三, 李四 already have this target for the period: not added again, and those rows are left as written.",
    ]);
  });
});

describe("a placeholder", () => {
  it("is recognised in either language, full-width or not, and holds no KR", () => {
    for (const text of [...Object.values(PLACEHOLDER_TEXT.keyResults), "(待填写：1.新客户开发8个 2.复购率60%)"]) {
      expect(isPlaceholder(text)).toBe(true);
      expect(readKeyResults(text)).toEqual([]);
    }
    expect(isPlaceholder("1.新客户开发8个（待填写）")).toBe(false);
    expect(readKeyResults("1.新客户开发8个 2.复购率60%")).toHaveLength(2);
  });
});
