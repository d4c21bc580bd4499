import { runWeeklyReview } from "../../src/app/weekly-review";
import { TRACKER } from "./weekly-review.cases";
import { fillActionPlan } from "../../src/app/fill-action-plan";
import { prefillMonthlyReview } from "../../src/app/prefill-monthly-review";
import { ACTION_ROWS, REVIEW_HEADERS, reviewTeam, TARGETS as ACTION_TARGETS } from "./actions.cases";
import { acceptTargetSplit, proposeTargetSplit } from "../../src/app/target-split";
import { diagnoseWorkbook } from "../../src/app/diagnose-workbook";
import { fillCustomerAnalysis } from "../../src/app/fill-customer-analysis";
import { insertTemplates } from "../../src/app/insert-templates";
import { clearMarks, markFindings } from "../../src/app/mark-findings";
import { trackProgress } from "../../src/app/track-progress";
import { applySafeFix } from "../../src/app/apply-fix";
import type { UseCaseName } from "../../src/app/use-cases";
import { validateWorkbook } from "../../src/app/validate-workbook";
import { updateWorkbookSettings } from "../../src/app/workbook-settings";
import { cellAddress } from "../../src/core/cell/a1";
import type { CellValue } from "../../src/core/cell/cell-value";
import { toExcelSerial } from "../../src/core/cell/excel-date";
import { excelHostFactory } from "../hosts/excel/excel-host-under-test";
import { EXCEL_CURRENT } from "../hosts/excel/fake-excel";
import { wpsHostFactory } from "../hosts/wps/wps-host-under-test";
import { createXlsxHostUnderTest } from "../hosts/xlsx/xlsx-host-under-test";
import { DEAL_SHEET } from "./analysis.cases";
import { PROGRESS_DEALS } from "./progress.cases";
import type { HostFactory, HostUnderTest } from "./host-under-test";
import { createMemoryHostUnderTest } from "./memory-host-under-test";

/**
 * The same use cases on every host give the same workbook: every sheet's literal values and
 * formulas, cell by cell, and the marks. Memory is the reference; xlsx is ExcelJS saved and
 * reloaded; Excel and WPS are recording stand-ins for programs that cannot run here.
 */
const HOSTS: readonly [string, HostFactory][] = [
  ["memory", createMemoryHostUnderTest],
  ["xlsx (ExcelJS, saved and reloaded)", createXlsxHostUnderTest],
  ["Excel (office-addin-mock stand-in)", excelHostFactory(EXCEL_CURRENT)],
  ["WPS 表格 (recording ET fake)", wpsHostFactory()],
  ["WPS 表格 (recording ET fake, Item(r,c) reads, method members)", wpsHostFactory({ reads: "item", members: "method" })],
];

const TODAY = toExcelSerial(2026, 11, 26);
const ROWS = 120;
const COLUMNS = 24;

/** Every non-empty cell of every sheet, as "A1" → value or formula, and each sheet's marks. */
async function contentOf(t: HostUnderTest): Promise<Record<string, { cells: Record<string, CellValue>; marks: string[] }>> {
  await t.load?.();
  const out: Record<string, { cells: Record<string, CellValue>; marks: string[] }> = {};
  for (const sheet of t.sheetNames()) {
    const cells: Record<string, CellValue> = {};
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLUMNS; c++) {
        const formula = t.formula(sheet, r, c);
        const value = t.value(sheet, r, c);
        if (formula) cells[cellAddress(r, c)] = formula;
        else if (value !== null && value !== undefined && value !== "")
          cells[cellAddress(r, c)] = typeof value === "number" ? +value.toPrecision(12) : value;
      }
    }
    out[sheet] = { cells, marks: t.marks(sheet) };
  }
  return out;
}

const TARGETS: CellValue[][] = [
  ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"],
  ["月度100万", "销售额", "甲", "35万", "30日", "1.新客户开发8个 2.复购率60%", "1.实际开发≥8个 2.复购客户数≥现有客户数60%"],
  ["月度100万", "销售额", null, "=1+1 我的备注", "30日", "1.新客户开发8个", "1.实际开发≥8个"],
];

const deals: CellValue[][] = [["成交日期", "负责人", "客户名称", "成交金额"]];
for (const month of [9, 10, 11])
  deals.push([`2026-${month}-05`, "张三", "甲", 600000], [`2026-${month}-06`, "李四", "乙", 400000]);

type Scenario = readonly [string, { name: string; values: CellValue[][] }[], (t: HostUnderTest) => Promise<unknown>];

/** Target 1,000,000, actual 870,000: the typed 95% is wrong (a safe fix writes 87%). */
const REVIEW: CellValue[][] = [
  ["复盘时间", "参与人员", "本月目标", "本月实际", "本月业绩达成率(%)", "下月改进措施"],
  ["30日14:00", "张三、李四", 1_000_000, 870_000, "95%", "1.1周内完成交付流程优化，由张三对接运营部"],
];

/**
 * The scenarios of every use case of the catalogue: one that writes has at least one; one that writes nothing, or
 * is run within another's scenario, says so.
 */
const SCENARIOS: Readonly<
  Record<UseCaseName, readonly Scenario[] | `not applicable: ${string}` | `in the ${UseCaseName} scenario`>
> = {
  insertTemplates: [
    [
      "insert the five template sheets with examples",
      [],
      (t) => insertTemplates(t.host, { locale: "zh-CN", withExamples: true }),
    ],
    [
      "insert the templates in English beside a user's sheet",
      [{ name: "目标分解表", values: [["我的", 1]] }],
      (t) => insertTemplates(t.host, { locale: "en", withExamples: true }),
    ],
  ],
  validateWorkbook: "not applicable: writes nothing",
  fillCustomerAnalysis: [
    [
      "fill the customer analysis",
      [{ name: "成交明细", values: DEAL_SHEET }],
      (t) => fillCustomerAnalysis(t.host, { locale: "zh-CN" }),
    ],
  ],
  diagnose: [
    ["diagnose", [{ name: "成交明细", values: DEAL_SHEET }], (t) => diagnoseWorkbook(t.host, { locale: "zh-CN", today: TODAY })],
  ],
  markFindings: [
    ["mark findings", [{ name: "目标", values: TARGETS }], (t) => markFindings(t.host, { today: TODAY, locale: "zh-CN" })],
  ],
  clearMarks: [
    [
      "mark, then clear",
      [{ name: "目标", values: TARGETS }],
      async (t) => {
        await markFindings(t.host, { today: TODAY, locale: "zh-CN" });
        await clearMarks(t.host);
      },
    ],
  ],
  startLiveValidation:
    "not applicable: the file hosts report no edits; its marks are markFindings' (marks.cases on every host with edits)",
  fillActionPlan: [
    [
      "fill the action plan, then pre-fill the monthly review",
      [
        { name: "成交明细", values: reviewTeam() },
        { name: "目标分解表", values: ACTION_TARGETS },
        { name: "行动计划表", values: ACTION_ROWS },
        { name: "月度复盘表", values: [REVIEW_HEADERS] },
      ],
      async (t) => {
        await fillActionPlan(t.host, { locale: "zh-CN", today: toExcelSerial(2026, 12, 2) });
        await prefillMonthlyReview(t.host, { locale: "zh-CN", today: toExcelSerial(2026, 12, 2), month: 2026 * 12 + 10 });
      },
    ],
  ],
  prefillMonthlyReview: "in the fillActionPlan scenario",
  proposeTargetSplit: "in the acceptTargetSplit scenario",
  acceptTargetSplit: [
    [
      "accept a target split",
      [{ name: "成交", values: deals }],
      async (t) => {
        const proposal = await proposeTargetSplit(t.host, { teamTarget: "月度120万" });
        await acceptTargetSplit(t.host, { proposal, locale: "zh-CN", deadline: "30日" });
      },
    ],
  ],
  weeklyReview: [
    [
      "review two weeks, then check (highlights and findings' marks side by side)",
      [{ name: "周计划跟踪表", values: TRACKER }],
      async (t) => {
        await runWeeklyReview(t.host, { today: toExcelSerial(2026, 11, 27), locale: "zh-CN", week: toExcelSerial(2026, 11, 16) });
        await runWeeklyReview(t.host, { today: toExcelSerial(2026, 11, 27), locale: "zh-CN" });
        await markFindings(t.host, { today: toExcelSerial(2026, 11, 27), locale: "zh-CN" });
      },
    ],
  ],
  trackProgress: [
    [
      "track target progress, the columns added to an older target sheet",
      [
        { name: "成交", values: PROGRESS_DEALS },
        { name: "目标", values: TARGETS },
      ],
      (t) => trackProgress(t.host, { locale: "zh-CN", today: TODAY }),
    ],
  ],
  readSettings: "not applicable: writes nothing",
  saveSettings: [
    [
      "keep the team's column mapping, status classes and language in the hidden settings sheet",
      [{ name: "目标", values: TARGETS }],
      (t) => updateWorkbookSettings(t.host, { locale: "en", map: { amount: "=Value", rep: "Who" }, statuses: { 已签: "won" } }),
    ],
  ],
  readDataColumns: "not applicable: writes nothing",
  applySafeFix: [
    [
      "apply a safe fix (the computed achievement rate over a mistyped one)",
      [{ name: "复盘", values: REVIEW }],
      async (t) => {
        const { findings } = await validateWorkbook(t.host, { today: TODAY });
        await applySafeFix(
          t.host,
          findings.find((f) => f.replacement)!,
        );
      },
    ],
  ],
};

const copy = (sheets: { name: string; values: CellValue[][] }[]) =>
  sheets.map((s) => ({ name: s.name, values: s.values.map((l) => [...l]) }));

describe.each(Object.values(SCENARIOS).flatMap((entry) => (typeof entry === "string" ? [] : entry)))(
  "the same workbook on every host: %s",
  (_name, existing, run) => {
    let reference: Awaited<ReturnType<typeof contentOf>>;

    beforeAll(async () => {
      const t = createMemoryHostUnderTest(copy(existing));
      await run(t);
      reference = await contentOf(t);
      expect(Object.keys(reference).length).toBeGreaterThan(0);
    });

    it.each(HOSTS.slice(1))("%s", async (_host, create) => {
      const t = create(copy(existing));
      await run(t);
      expect(await contentOf(t)).toEqual(reference);
    });
  },
);
