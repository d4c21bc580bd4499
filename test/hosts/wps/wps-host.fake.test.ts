import { DEAL_SHEET } from "../../app/analysis.cases";
import { describeEditLedger } from "../../app/marks.cases";
import { describeUseCases, USE_CASE_TESTS } from "../../app/use-case-tests";
import { diagnoseWorkbook } from "../../../src/app/diagnose-workbook";
import { insertTemplates } from "../../../src/app/insert-templates";
import { startLiveValidation } from "../../../src/app/live-validation";
import { clearMarks, markFindings } from "../../../src/app/mark-findings";
import { findTemplate } from "../../../src/core/templates/templates";
import { MARK_FILL, NOTE_PREFIX, markFormula, type CellMark } from "../../../src/core/validate/marks";
import { NOTE_LIMIT, WpsHost, resolveEtApplication } from "../../../src/hosts/wps/wps-host";
import { normaliseValue2 } from "../../../src/hosts/wps/et-values";
import { toBgr, type EtApplication } from "../../../src/hosts/wps/et-object-model";
import { localize } from "../../../src/core/i18n/locale";
import { PANE_MESSAGES } from "../../../src/taskpane/i18n/pane-messages";
import { createTaskpaneActions } from "../../../src/taskpane/taskpane-actions";
import { bgrToHex, FakeEt } from "./fake-et";
import { wpsHostFactory, wpsHostUnderTest } from "./wps-host-under-test";

const NAME = "WPS 表格 (recording ET fake: WPS cannot run here)";

describeUseCases(NAME, wpsHostFactory());
// The object model's other shapes (older builds), on the use cases that reach them.
USE_CASE_TESTS.insertTemplates(
  `${NAME}, Item(r,c) reads and method members`,
  wpsHostFactory({ reads: "item", members: "method" }),
);
USE_CASE_TESTS.validateWorkbook(
  `${NAME}, Item(r,c) reads and method members`,
  wpsHostFactory({ reads: "item", members: "method" }),
);
USE_CASE_TESTS.markFindings(`${NAME}, method members`, wpsHostFactory({ members: "method" }));
// Whether ET raises SheetChange for the add-in's writes is not known: inside the write (the default above), later, never.
describe(`${NAME}, the add-in's writes reported later`, () => describeEditLedger(wpsHostFactory({ writeEvents: "none" }, true)));
describe(`${NAME}, the add-in's writes never reported`, () => describeEditLedger(wpsHostFactory({ writeEvents: "none" })));
USE_CASE_TESTS.weeklyReview(`${NAME}, method members`, wpsHostFactory({ members: "method" }));

const TODAY = 46352; // 2026-11-26
const host = (fake: FakeEt) => new WpsHost(fake.application as EtApplication);

describe(`WPS object-model calls (${NAME})`, () => {
  it("adds sheets after the last one, names them, and lays the target sheet out as a table with validation", async () => {
    const fake = new FakeEt([{ name: "我的表", values: [["x"]] }]);
    await insertTemplates(host(fake), { locale: "zh-CN", templates: ["targets", "weekly"] });
    expect(fake.sheets.map((s) => s.name)).toEqual(["我的表", "目标分解表", "周计划跟踪表"]);
    const targets = fake.sheet("目标分解表");
    expect(targets.tables).toEqual([{ name: "TargetDecomposition", address: "$A$1:$J$21" }]);
    expect(targets.frozenRows).toBe(1);
    expect(targets.columnWidths.get(0)).toBe(14); // characters, as the blueprint says
    const weekly = fake.sheet("周计划跟踪表");
    expect(weekly.validations.find((v) => v.address === "E2:E21")).toEqual({
      address: "E2:E21",
      type: 1, // xlValidateWholeNumber
      alertStyle: 1,
      operator: 7, // xlGreaterEqual
      formula1: "0",
      formula2: undefined,
      inputMessage: "当日完成数量（非负整数），下班前填写",
      showInput: true,
    });
    expect(weekly.validations.find((v) => v.address === "C2:C21")).toMatchObject({
      type: 3, // xlValidateList
      alertStyle: 2, // xlValidAlertWarning: a metric of the team's own may be typed
      formula1: "新客户开发,电话,拜访,跟进,方案提交,成交额",
    });
    expect(weekly.numberFormats.get("E2:E21")).toBe("0");
    // The first inserted sheet is active afterwards; calculation and screen updating are restored.
    expect(fake.sheets[fake.active].name).toBe("目标分解表");
    expect([fake.calculation, fake.screenUpdating]).toEqual([-4105, true]);
  });

  it("writes text that looks like a formula as text, and a formula as a formula", async () => {
    const fake = new FakeEt([{ name: "S", values: [["a"]] }]);
    await host(fake).write({
      sheets: [
        {
          sheet: "S",
          values: [{ row: 1, column: 0, values: [['=HYPERLINK("x")', "+86 138", "'quoted", "-5%", "@x", null]] }],
          formulas: [{ row: 2, column: 0, formulas: [["=SUM(1,2)"]] }],
        },
      ],
    });
    const s = fake.sheet("S");
    expect([0, 1, 2, 3, 4, 5].map((c) => s.values.get(`1,${c}`) ?? null)).toEqual([
      '=HYPERLINK("x")',
      "+86 138",
      "'quoted",
      "-5%",
      "@x",
      null,
    ]);
    expect([...s.formulas.entries()]).toEqual([["2,0", "=SUM(1,2)"]]);
  });

  it("marks in BGR with a note where the cell has none, keeps the user's note and rules, and clears only its own", async () => {
    const fake = new FakeEt([
      {
        name: "目标",
        values: [
          ["团队总目标", "目标项", "负责人"],
          ["月度100万", "销售额", null],
          ["月度100万", "销售额", null],
        ],
      },
    ]);
    const sheet = fake.sheet("目标");
    sheet.conditions.push({ address: "A1:C9", type: 2, formula1: "=$A1>0", color: 0x00ff00 });
    sheet.conditions.push({ address: "B1:B9", type: 3, formula1: "" }); // a colour scale: no Formula1
    sheet.comments.set("C3", "用户自己的批注");
    const wps = host(fake);
    await markFindings(wps, { today: TODAY, locale: "zh-CN" });
    // One format for the two cells (a run down column C), its cells in its formula.
    const marks = sheet.conditions.filter((c) => c.formula1.includes("sales-playbook-mark"));
    expect(marks.map((c) => [c.address, c.type, bgrToHex(c.color!), c.formula1])).toEqual([
      ["C2:C3", 2, MARK_FILL.error, '=ISTEXT("sales-playbook-marks|error|C:2.2")'],
    ]);
    expect(toBgr("#FFC7CE")).toBe(0xce * 65536 + 0xc7 * 256 + 0xff);
    expect(sheet.comments.get("C2")?.startsWith(NOTE_PREFIX)).toBe(true);
    expect(sheet.comments.get("C3")).toBe("用户自己的批注");
    await clearMarks(wps);
    expect(sheet.conditions).toEqual([
      { address: "A1:C9", type: 2, formula1: "=$A1>0", color: 0x00ff00 },
      { address: "B1:B9", type: 3, formula1: "" },
    ]);
    expect([...sheet.comments.entries()]).toEqual([["C3", "用户自己的批注"]]);
  });

  it("reads and removes the one-cell marks of earlier versions beside the new formats, and replaces some rows' marks only", async () => {
    const fake = new FakeEt([{ name: "周", values: [["a"], [1], [2], [3], [4], [5]] }]);
    const sheet = fake.sheet("周");
    sheet.conditions.push({ address: "B2", type: 2, formula1: markFormula("B2", "warning"), color: 1 });
    sheet.comments.set("B2", `${NOTE_PREFIX}\nold`);
    const wps = host(fake);
    const add = (row: number, column: number, severity: CellMark["severity"]) => ({
      row,
      column,
      severity,
      note: `${NOTE_PREFIX}\n${row}`,
    });
    await wps.write({
      sheets: [{ sheet: "周", marks: { remove: [], add: [add(2, 0, "error"), add(3, 0, "error"), add(4, 0, "error")] } }],
    });
    const [read] = await wps.readSheets(["周"], { marks: true });
    expect(read.marks!.map((m) => [m.row, m.column, m.kind]).sort()).toEqual([
      [1, 1, "finding"],
      [2, 0, "finding"],
      [3, 0, "finding"],
      [4, 0, "finding"],
    ]);
    // Row 4's mark and the old one go; the others of their format stay, with their notes.
    const remove = read.marks!.filter((m) => m.row === 3 || m.row === 1).map((m) => m.handle);
    await wps.write({ sheets: [{ sheet: "周", marks: { remove, add: [] } }] });
    expect(wpsHostUnderTest(fake).marks("周")).toEqual(["A3 error", "A5 error"]);
    expect([...sheet.comments.keys()].sort()).toEqual(["A3", "A5"]);
  });

  it("writes no notes past NOTE_LIMIT marks a write, and clears its notes through the sheet's comments when fewer", async () => {
    const fake = new FakeEt([{ name: "周", values: [["a"]] }]);
    const sheet = fake.sheet("周");
    sheet.comments.set("A1", "用户自己的批注");
    const wps = host(fake);
    const marks = (from: number, count: number) =>
      Array.from({ length: count }, (_v, i) => ({
        row: from + 2 * i,
        column: 2,
        severity: "warning" as const,
        note: `${NOTE_PREFIX}\n${i}`,
      }));
    await wps.write({ sheets: [{ sheet: "周", marks: { remove: [], add: marks(1, 30) } }] });
    await wps.write({ sheets: [{ sheet: "周", marks: { remove: [], add: marks(101, NOTE_LIMIT + 1) } }] });
    expect(sheet.comments.size).toBe(31);
    const before = fake.calls;
    const { removed } = await clearMarks(wps);
    expect(removed).toBe(30 + NOTE_LIMIT + 1);
    expect([...sheet.comments.entries()]).toEqual([["A1", "用户自己的批注"]]);
    expect(sheet.conditions).toEqual([]);
    // Through Worksheet.Comments (31 comments), not cell by cell (131 cells).
    expect(fake.log.slice(before).filter((l) => l === "Comment.Delete").length).toBe(30);
    expect(fake.log.slice(before).filter((l) => l === "Range.Comment").length).toBe(0);
  });

  it("the fake keeps VBA's address limits: Range() refuses over 255 characters, Address of many areas is cut", () => {
    const fake = new FakeEt([{ name: "周", values: [["a"]] }]);
    const app = fake.application as EtApplication;
    const ws = app.ActiveWorkbook!.Worksheets.Item(1);
    const cells = (from: number) => Array.from({ length: 40 }, (_v, i) => `B${from + 2 * i}`).join(",");
    expect(() => ws.Range(`${cells(1000)},${cells(2000)}`)).toThrow(/255/);
    const union = app.Union!(ws.Range(cells(1000)), ws.Range(cells(2000)));
    const address = union.Address as string;
    expect(address.length).toBeLessThanOrEqual(255);
    expect(address.split(",").length).toBeLessThan(80);
    expect(address.split(",").every((a) => /^\$B\$\d+$/.test(a))).toBe(true);
  });

  it("reports every area of an edit whose Address is cut past 255 characters, read through Target.Areas", async () => {
    const fake = new FakeEt([{ name: "周", values: [["a"]] }]);
    const edits: { sheet: string; rows: { row: number; rowCount: number } }[] = [];
    const stop = await host(fake).subscribeToEdits((e) => edits.push(...e));
    // Fifty cells of K cleared with C3 typed in one go; C3's area is the last, past where the Address is cut.
    const cleared = Array.from({ length: 50 }, (_v, i) => ({ row: 9 + 2 * i, column: 10, values: [[null]] }));
    fake.editAreas("周", [...cleared, { row: 2, column: 2, values: [["乙"]] }]);
    expect(edits.map((e) => e.rows.row).sort((a, b) => a - b)).toEqual([2, ...cleared.map((c) => c.row)]);
    await stop();
  });

  it("adds the report charts with ChartObjects().Add(...).Chart.SetSourceData, the waterfall as stacked columns", async () => {
    const fake = new FakeEt([{ name: "成交明细", values: DEAL_SHEET }]);
    await diagnoseWorkbook(host(fake), { locale: "zh-CN" });
    const sheet = fake.sheet("诊断报告");
    const charts = sheet.charts;
    expect(charts.map((c) => [c.type, c.title, c.hasTitle])).toEqual([
      [4, "销售额月度趋势", true],
      [52, "销售额变化分解（按因素）", true],
      [57, "成员销售额对比", true],
      [51, "客户类型贡献（帕累托）", true],
    ]);
    const [trend, waterfall, ...rest] = charts;
    expect([trend, ...rest].every((c) => /^\$A\$\d+:\$B\$\d+$/.test(c.source ?? ""))).toBe(true);
    // The waterfall's series hold their numbers: nothing is written to the sheet for them. The example's running total
    // never goes below the axis, so there is no series below it.
    expect(waterfall.source).toBeUndefined();
    expect(waterfall.hasLegend).toBe(false);
    expect(waterfall.series).toHaveLength(2);
    const [base, shown] = waterfall.series;
    expect([base.fillVisible, base.lineVisible, shown.fillVisible]).toEqual([0, 0, undefined]);
    // The table it draws, as written: the opening total, the drivers' signed effects, the closing total.
    const cell = (r: number, c: number) => sheet.values.get(`${r},${c}`);
    const header = [...sheet.values.entries()]
      .find(([, v]) => v === "销售额及各因素贡献")![0]
      .split(",")
      .map(Number);
    const labels: string[] = [];
    const amounts: number[] = [];
    for (let r = header[0] + 1; typeof cell(r, 1) === "number"; r++) {
      labels.push(String(cell(r, 0)));
      amounts.push(cell(r, 1) as number);
    }
    labels.pop(); // the total change under the closing total is no column
    const total = amounts.pop()!;
    expect([labels[0], labels[labels.length - 1]]).toEqual(["2026-10销售额", "2026-11销售额"]);
    expect(total).toBe(amounts[amounts.length - 1] - amounts[0]);
    expect(shown.name).toBe("销售额及各因素贡献");
    expect([base.xValues, shown.xValues]).toEqual([labels, labels]);
    // Each change floats between the running totals before and after it; the totals stand on the axis.
    const bottoms = base.values as number[];
    const heights = shown.values as number[];
    let running = amounts[0];
    expect([bottoms[0], heights[0]]).toEqual([0, amounts[0]]);
    for (let i = 1; i < amounts.length - 1; i++) {
      const after = running + amounts[i];
      expect([bottoms[i], bottoms[i] + heights[i]]).toEqual([Math.min(running, after), Math.max(running, after)]);
      running = after;
    }
    const last = amounts.length - 1;
    expect([bottoms[last], heights[last]]).toEqual([0, amounts[last]]);
    expect(running).toBe(amounts[last]);
    // Totals dark blue, rises blue, falls orange (points counted from 1): neither red nor green.
    const colours = [...shown.pointColors.entries()].map(([i, bgr]) => [i, bgrToHex(bgr)]);
    const expected = amounts.map((a, i) => [i + 1, i === 0 || i === last ? "#264478" : a < 0 ? "#ED7D31" : "#5B9BD5"]);
    expect(colours).toEqual(expected);
  });

  it("draws the change by driver as plain columns from the sheet where a chart cannot add series", async () => {
    const fake = new FakeEt([{ name: "成交明细", values: DEAL_SHEET }], { chartSeries: false });
    await diagnoseWorkbook(host(fake), { locale: "zh-CN" });
    const waterfall = fake.sheet("诊断报告").charts.find((c) => c.title === "销售额变化分解（按因素）")!;
    expect([waterfall.type, waterfall.series]).toEqual([51, []]);
    expect(waterfall.source).toMatch(/^\$A\$\d+:\$B\$\d+$/);
  });

  it("wraps the report's long text with Range.WrapText", async () => {
    const fake = new FakeEt([{ name: "成交明细", values: DEAL_SHEET }]);
    await diagnoseWorkbook(host(fake), { locale: "zh-CN" });
    const wrapped = [...fake.sheet("诊断报告").wrapped];
    // The problems table's evidence column (G) from its header down, among others.
    expect(wrapped.some((a) => /^\$?G\$?\d+:\$?G\$?\d+$/.test(a))).toBe(true);
  });

  it("selects a finding's cell", async () => {
    const fake = new FakeEt([
      { name: "A", values: [["x"]] },
      { name: "目标", values: [["x"]] },
    ]);
    await host(fake).select("目标", "C3");
    expect(fake.selected).toEqual({ sheet: "目标", address: "C3" });
    expect(fake.sheets[fake.active].name).toBe("目标");
  });

  it.each([
    ["inside the write", "during"],
    ["after the write", "none"],
  ] as const)(
    "reports the user's edits from SheetChange, never its own writes (echo %s), and stops listening",
    async (_when, writeEvents) => {
      const fake = new FakeEt([{ name: "S", values: [["a"]] }], { writeEvents });
      const wps = host(fake);
      const edits: string[] = [];
      const stop = await wps.subscribeToEdits((e) => edits.push(...e.map((x) => `${x.sheet}:${x.rows.row}+${x.rows.rowCount}`)));
      await wps.write({ sheets: [{ sheet: "S", values: [{ row: 4, column: 0, values: [["mine"], ["mine"]] }] }] });
      if (writeEvents === "none") fake.fireSheetChange("S", "$A$5:$A$6"); // ET's echo of that write, later
      fake.edit("S", 1, 1, [["user"]]);
      fake.fireSheetChange("S", "$3:$4"); // whole rows
      fake.edit("S", 4, 0, [["user again"]]); // the user's edit of cells the add-in wrote a moment ago
      expect(edits).toEqual(["S:1+1", "S:2+2", "S:4+1"]);
      await stop();
      expect(fake.listenerCount).toBe(0);
    },
  );

  it("live validation does not loop on its own writes", async () => {
    const fake = new FakeEt([
      {
        name: "目标",
        values: [
          ["团队总目标", "目标项", "负责人"],
          ["月度100万", "销售额", null],
        ],
      },
    ]);
    const wps = host(fake);
    let passes = 0;
    const live = await startLiveValidation(wps, { today: TODAY, locale: "zh-CN", debounceMs: 0, onFindings: () => passes++ });
    await insertTemplates(wps, { locale: "zh-CN", withExamples: true });
    await live.flush();
    expect(passes).toBe(1);
    fake.edit("目标", 1, 2, [["乙"]]);
    await live.flush();
    expect(passes).toBe(2);
    await live.stop();
  });

  it("the pane names WPS where a text names the program", () => {
    const actions = createTaskpaneActions(host(new FakeEt()));
    expect(actions.hostName).toBe("WPS");
    expect(localize(PANE_MESSAGES.reducedFeatures, "zh-CN", { host: actions.hostName })).toMatch(/^此版本的 WPS 不支持/);
  });

  it("says it has no edit events where the page has no ApiEvent", () => {
    expect(host(new FakeEt([], { apiEvents: false })).capabilities.editEvents).toBe(false);
    expect(host(new FakeEt()).capabilities.editEvents).toBe(true);
  });

  it("finds the application as window.Application, or wps.EtApplication() on older builds", () => {
    const app = new FakeEt().application;
    expect(resolveEtApplication({ Application: app })).toBe(app);
    const legacy = {
      EtApplication() {
        return this === legacy ? app : undefined;
      },
    };
    expect(resolveEtApplication({ wps: legacy })).toBe(app);
    expect(() => resolveEtApplication({})).toThrow(/not running in WPS/);
  });
});

describe("Value2 reads, normalised", () => {
  it.each([
    [
      "a 2-D array",
      [
        [1, "a"],
        [null, true],
      ],
    ],
    ["a flat array", [1, "a", null, true]],
    [
      "an Item(r,c) object",
      {
        Item: (r: number, c: number) =>
          [
            [1, "a"],
            [undefined, true],
          ][r - 1][c - 1],
      },
    ],
  ])("%s", (_name, raw) => {
    expect(normaliseValue2(raw, 2, 2)).toEqual([
      [1, "a"],
      [null, true],
    ]);
  });

  it("a scalar for one cell, and a Date as its OLE serial", () => {
    expect(normaliseValue2("x", 1, 1)).toEqual([["x"]]);
    expect(normaliseValue2(new Date(2026, 10, 26, 12, 0, 0), 1, 1)).toEqual([[46352.5]]);
  });
});

describe(`ET calls per use case (${NAME})`, () => {
  jest.setTimeout(120_000);
  const WEEKLY_HEADER = findTemplate("weekly")
    .columns.slice(0, 9)
    .map((c) => c.header["zh-CN"]);
  const weekly = (rows: number) => [
    WEEKLY_HEADER,
    ...Array.from({ length: rows }, (_v, i) => [46342, `成员${i % 50}`, "电话", 75, 15, 15, 15, 15, 15]),
  ];

  it.each([10, 100_000])("validates %i weekly rows with the same number of calls (block reads)", async (rows) => {
    const t = wpsHostUnderTest(new FakeEt([{ name: "周", values: weekly(rows) }]));
    const { validateWorkbook } = await import("../../../src/app/validate-workbook");
    await validateWorkbook(t.host, { today: TODAY });
    expect(t.fake.calls).toBe(CALLS_VALIDATE);
  });
});

/**
 * readOutline: Workbook, Worksheets, Count, Item(1), Name, Name, ListObjects, Count (8); readSheets:
 * the same sheet lookup (6) + UsedRange, Row, Column, Rows, Count, Columns, Count, Value2, Name (9), plus
 * Application.ActiveWorkbook for each (2): 25 less the first outline's Name read twice = 24.
 */
const CALLS_VALIDATE = 24;
