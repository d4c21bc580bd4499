import type { CellValue } from "../../../src/core/cell/cell-value";
import { toExcelSerial } from "../../../src/core/cell/excel-date";
import { createMetricsIndex } from "../../../src/core/analysis/metrics/period-metrics";
import { readDealSheet } from "../../../src/core/analysis/reading/records";
import { workingDaysFrom } from "../../../src/core/actions/action-rows";
import { createValidationSettings } from "../../../src/core/validate/validation-settings";
import { validateSheets } from "../../../src/core/validate/validate-sheets";
import { brief, exampleGrid, findingsOf, templateGrid } from "./fixtures";

// Thursday 2026-11-26 (the fixtures' today).
const START = toExcelSerial(2026, 11, 16); // a Monday: days 1-8 are 11-16 .. 11-25, all before today
const checks = (filled: number): Record<string, CellValue> =>
  Object.fromEntries(Array.from({ length: 10 }, (_v, i) => [`day${i + 1}`, i < filled ? "✓" : null]));

const good = (locale: "zh-CN" | "en"): Record<string, CellValue> => ({
  problem: locale === "zh-CN" ? "新客户开发量不足" : "Too few new customers",
  strategy: locale === "zh-CN" ? "设立新客户开发奖" : "A new-customer bonus",
  owner: "张三",
  resources: locale === "zh-CN" ? "奖金预算" : "A bonus budget",
  startDate: START,
  deadline: toExcelSerial(2026, 12, 4),
  status: locale === "zh-CN" ? "进行中" : "In progress",
  metric: locale === "zh-CN" ? "新客户数" : "New customers",
  baseline: 6,
  ...checks(8),
});

const run = (locale: "zh-CN" | "en", change: Record<string, CellValue>) =>
  brief(findingsOf(templateGrid("actions", locale, [{ ...good(locale), ...change }])));

describe("working days from a start date", () => {
  it("skips weekends and starts on the next Monday when the start is a Saturday", () => {
    // Independently: 2026-11-21 is a Saturday; the next ten working days are 11-23..27 and 11-30..12-04.
    const expected = [23, 24, 25, 26, 27].map((d) => toExcelSerial(2026, 11, d));
    expected.push(toExcelSerial(2026, 11, 30), ...[1, 2, 3, 4].map((d) => toExcelSerial(2026, 12, d)));
    expect(workingDaysFrom(toExcelSerial(2026, 11, 21), 10)).toEqual(expected);
  });
});

describe.each(["zh-CN", "en"] as const)("action plan rules (%s)", (locale) => {
  it("a strategy with everything and a check on every past working day has no findings", () =>
    expect(run(locale, {})).toEqual([]));

  it.each([
    ["no owner", { owner: null }, ["actions.owner.missing @ C2 (warning)"]],
    ["no resources", { resources: "" }, ["actions.resources.missing @ D2 (warning)"]],
    ["no due date", { deadline: null }, ["actions.deadline.missing @ F2 (warning)"]],
    ["a due date that is no date", { deadline: "尽快" }, ["actions.deadline.unparsed @ F2 (warning)"]],
    ["past its due date and not done", { deadline: toExcelSerial(2026, 11, 20) }, ["actions.overdue @ G2 (warning)"]],
    ["past its due date but done", { deadline: toExcelSerial(2026, 11, 20), status: locale === "zh-CN" ? "已完成" : "Done" }, []],
    // Day 3 (11-18) and day 8 (11-25) have no check; day 9 is today, not yet due.
    [
      "working days without a check",
      { day3: null, day8: null },
      ["actions.check.missing @ L2 (warning)", "actions.check.missing @ Q2 (warning)"],
    ],
    ["no target metric", { metric: null }, ["actions.metric.missing @ H2 (warning)"]],
    ["a blank target metric", { metric: "  " }, ["actions.metric.missing @ H2 (warning)"]],
    // The drop-down warns but keeps a typed metric: the team's own is no finding.
    ["a metric of the team's own", { metric: locale === "zh-CN" ? "展会线索数" : "Trade-show leads" }, []],
    ["a problem without a strategy yet asks for no metric", { strategy: null, metric: null }, []],
    ["a note counts as a check", { day3: locale === "zh-CN" ? "✗ 客户未接听" : "✗ no answer" }, []],
    ["a dropped strategy is not followed", { day3: null, status: locale === "zh-CN" ? "已放弃" : "Dropped" }, []],
  ])("%s", (_name, change, expected) => expect(run(locale, change as Record<string, CellValue>)).toEqual(expected));

  it("the example rows pass the checks", () => {
    for (const today of [toExcelSerial(2026, 11, 1), toExcelSerial(2026, 11, 26), toExcelSerial(2027, 6, 1)]) {
      expect(findingsOf(exampleGrid("actions", locale), createValidationSettings(today))).toEqual([]);
    }
  });
});

describe("a strategy whose metric did not move after its due date", () => {
  // New customers: 4 in September, 4 in October (unchanged), 6 in November.
  const deals: CellValue[][] = [["成交日期", "销售代表", "客户名称", "成交金额"]];
  let n = 0;
  for (const [month, count] of [
    [9, 4],
    [10, 4],
    [11, 6],
  ]) {
    for (let i = 0; i < count; i++) deals.push([toExcelSerial(2026, month, 2 + i), "张三", `客户${++n}`, 1000]);
  }
  const index = createMetricsIndex(readDealSheet({ name: "成交", row: 0, column: 0, values: deals }).lines, []);
  const plan = (deadline: number) =>
    templateGrid("actions", "zh-CN", [
      {
        ...good("zh-CN"),
        startDate: toExcelSerial(2026, 10, 1),
        deadline,
        status: "已完成",
      },
    ]);
  const check = (deadline: number, today: number) =>
    validateSheets([plan(deadline)], { settings: createValidationSettings(today), metrics: () => index }).flatMap(
      (s) => s.findings,
    );

  it("is flagged for the monthly review when the month after its due date equals its baseline", () => {
    const findings = check(toExcelSerial(2026, 10, 20), toExcelSerial(2026, 11, 10));
    expect(brief(findings)).toEqual(["actions.metric.unchanged @ H2 (warning)"]);
    expect(findings[0].message["zh-CN"]).toContain("从4个到4个，基本未变");
  });

  it("is not flagged once the metric has moved", () => {
    expect(check(toExcelSerial(2026, 10, 20), toExcelSerial(2026, 12, 10))).toEqual([]);
  });
});

describe("recognising the action plan", () => {
  it("needs the strategy column: an export headed 负责人, 状态, 开始日期, 完成时间 is not a plan", () => {
    const exportGrid = {
      name: "CRM",
      row: 0,
      column: 0,
      values: [
        ["负责人", "状态", "开始日期", "完成时间", "金额"],
        ["张三", "进行中", toExcelSerial(2026, 11, 2), toExcelSerial(2026, 11, 3), 100],
      ],
    };
    expect(validateSheets([exportGrid], { settings: createValidationSettings(toExcelSerial(2026, 11, 26)) })).toEqual([]);
    const plan = {
      ...exportGrid,
      values: [
        ["策略", ...exportGrid.values[0]],
        ["周回访", ...exportGrid.values[1]],
      ],
    };
    expect(validateSheets([plan], { settings: createValidationSettings(toExcelSerial(2026, 11, 26)) })[0].template).toBe(
      "actions",
    );
  });
});
