/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { App } from "../../src/taskpane/components/app";
import { createTaskpaneActions } from "../../src/taskpane/taskpane-actions";
import type { Locale } from "../../src/core/i18n/locale";
import { DEAL_SHEET } from "../app/analysis.cases";
import { TRACKER } from "../app/weekly-review.cases";
import { ACTION_ROWS, REVIEW_HEADERS, reviewTeam, TARGETS } from "../app/actions.cases";
import { PROGRESS_DEALS } from "../app/progress.cases";
import type { CellValue } from "../../src/core/cell/cell-value";
import { generateTeam } from "../support/team-generator";
import { installResizeObserver, openCardsDrawn, openSection } from "../support/pane-dom";

installResizeObserver();

/** A target sheet with one owner missing (an error on C3). */
const TARGET_ROWS: CellValue[][] = [
  ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)", "完成标准"],
  ["月度100万", "销售额", null, "100万", "30日", "1.新客户开发8个 2.复购率60%", "1.实际开发≥8个 2.复购客户数≥现有客户数60%"],
];

function renderApp(host: MemoryHost, locale: Locale) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App locale={locale} actions={createTaskpaneActions(host)} />
    </FluentProvider>,
  );
}

describe("task pane", () => {
  it("inserts the five sheets when the button is clicked and says how many", async () => {
    const host = new MemoryHost();
    renderApp(host, "zh-CN");
    await openCardsDrawn();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    });
    expect(await screen.findByText("已插入 5 张表。")).toBeTruthy();
    expect([...host.sheets.keys()]).toEqual(["目标分解表", "客户分析表", "周计划跟踪表", "月度复盘表", "行动计划表"]);
    // Example rows are on by default.
    expect(host.findSheet("目标分解表")?.values[1][0]).toBe("月度100万");
  });

  it("reports a renamed sheet and the reduced features of an old Excel", async () => {
    const host = new MemoryHost({ nativeValidation: false, tables: true, freezePanes: true });
    host.seedSheet("Weekly Plan Tracking", [["mine"]]);
    renderApp(host, "en");
    await openCardsDrawn();
    fireEvent.click(screen.getByRole("checkbox", { name: "Include the playbook's example rows" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Insert templates" }));
    });
    expect(
      await screen.findByText('"Weekly Plan Tracking" already exists; the new sheet is named "Weekly Plan Tracking (2)".'),
    ).toBeTruthy();
    expect(screen.getByText(/no data-validation API/)).toBeTruthy();
    expect(host.findSheet("Target Decomposition")?.values[1]?.every((v) => v === null)).toBe(true);
  });

  it("shows a readable error instead of failing silently", async () => {
    const host = new MemoryHost();
    host.write = () => Promise.reject(new Error("The workbook is protected"));
    renderApp(host, "en");
    await openCardsDrawn();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Insert templates" }));
    });
    expect(await screen.findByText(/The action did not finish: The workbook is protected\./)).toBeTruthy();
  });
});

describe("task pane check", () => {
  const thursday = () => new Date(2026, 10, 26);

  it("lists the notes on the inserted examples with their cells", async () => {
    const host = new MemoryHost();
    render(
      <FluentProvider theme={webLightTheme}>
        <App locale="zh-CN" actions={createTaskpaneActions(host, thursday)} />
      </FluentProvider>,
    );
    await openCardsDrawn();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "插入模板" }));
    });
    await openSection("check");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
    });
    // The examples pass the checks; the notes say each example item has 65万 of its 100万 still to assign.
    expect(await screen.findByText("0 个错误，0 个警告，2 条提示。")).toBeTruthy();
    expect(screen.getByText("目标分解表!D2")).toBeTruthy();
    expect(screen.getAllByText("个人目标合计35万，团队总目标100万，还差65万未分配。")).toHaveLength(2);
  });

  it("shows a finding's suggested fix under its message", async () => {
    const host = new MemoryHost();
    host.seedSheet("复盘", [
      ["复盘时间", "参与人员", "本月业绩达成率(%)", "下月改进措施"],
      ["30日14:00", "某、某、*某", "95%", "1.增加1次高客单价产品培训 2.协调运营部门优化交付流程"],
    ]);
    renderApp(host, "zh-CN");
    await openSection("check");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "检查工作簿" }));
    });
    expect(await screen.findByText("0 个错误，2 个警告，0 条提示。")).toBeTruthy();
    expect(screen.getAllByText("复盘!D2")).toHaveLength(2);
    expect(screen.getByText("第1、2条改进措施没有责任人：写明由谁负责。")).toBeTruthy();
    expect(screen.getAllByText("建议：1周内完成交付流程优化，由*某对接运营部")).toHaveLength(2);
  });

  it("marks the open sheets and says, in one sentence, which protected sheet it left unmarked", async () => {
    const host = new MemoryHost();
    host.seedSheet("目标", TARGET_ROWS);
    host.seedSheet("目标分解表", TARGET_ROWS).protected = true;
    renderApp(host, "en");
    await openSection("check");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Mark on cells" }));
    });
    expect(await screen.findByText(/目标分解表 is protected: marks not added there/)).toBeTruthy();
    expect(host.findSheet("目标")!.marks.length).toBeGreaterThan(0);
    expect(host.findSheet("目标分解表")!.marks).toEqual([]);
  });

  it("says when no playbook sheet is found", async () => {
    const host = new MemoryHost();
    host.seedSheet("Notes", [["hello"]]);
    renderApp(host, "en");
    await openSection("check");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Check workbook" }));
    });
    expect(await screen.findByText(/No playbook sheets found/)).toBeTruthy();
  });
});

describe("task pane analysis", () => {
  it("diagnoses the deal sheet and lists the TOP 3 problems and data notes", async () => {
    const host = new MemoryHost();
    host.seedSheet("成交明细", DEAL_SHEET);
    renderApp(host, "zh-CN");
    await openSection("diagnosis");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "一键诊断" }));
    });
    expect(await screen.findByText("诊断报告已写入“诊断报告”（数据来自“成交明细”）。")).toBeTruthy();
    expect(screen.getByText(/只有2个月的成交数据/)).toBeTruthy();
    expect(host.findSheet("诊断报告")).toBeDefined();
  });

  it("in a month that grew, a problem's share is of the losses the growth hid, and says so", async () => {
    const host = new MemoryHost();
    // Big accounts buy half as often while three times the usual small customers are won: revenue grows.
    host.seedSheet("成交明细", generateTeam("hiddenCollapse").deals);
    renderApp(host, "zh-CN");
    await openSection("diagnosis");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "一键诊断" }));
    });
    expect(await screen.findByText("诊断报告已写入“诊断报告”（数据来自“成交明细”）。")).toBeTruthy();
    expect(screen.getAllByText(/^【(高|中|低)，占被增长掩盖的损失\d/).length).toBeGreaterThan(0);
    expect(screen.queryAllByText(/^【(高|中|低)，占本月变化/)).toEqual([]);
  });

  it("takes a period like the command line's --period, and refuses a malformed one in one sentence", async () => {
    const host = new MemoryHost();
    host.seedSheet("Deals", DEAL_SHEET);
    renderApp(host, "en");
    await openSection("diagnosis");
    const field = screen.getByRole("textbox", { name: "Months (optional)" });
    fireEvent.change(field, { target: { value: "2026-13" } });
    expect(screen.getByText('"2026-13" is not a month or a range of months: write 2026-11 or 2026-09..2026-11.')).toBeTruthy();
    expect((screen.getByRole("button", { name: "Diagnose" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(field, { target: { value: "2026-10" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Customer contribution" }));
    });
    // October only: 甲公司's o1 (10万) and =乙公司's o2 (3万).
    expect(await screen.findByText("Months covered: 2026-10 to 2026-10")).toBeTruthy();
    const sheet = host.findSheet("Customer Analysis")!;
    expect(sheet.values.flat()).toContain(100000);
  });

  it("fills the customer analysis and shows a missing-sheet error in one sentence", async () => {
    const host = new MemoryHost();
    renderApp(host, "en");
    await openSection("diagnosis");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Customer contribution" }));
    });
    expect(await screen.findByText(/^No deal sheet found/)).toBeTruthy();
    host.seedSheet("Deals", DEAL_SHEET);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Customer contribution" }));
    });
    expect(await screen.findByText(/Filled "Customer Analysis" with 3 customer types/)).toBeTruthy();
  });
});

describe("task pane marks and live checking", () => {
  const thursday = () => new Date(2026, 10, 26);
  const TARGETS = [
    ["团队总目标", "目标项", "负责人", "时间节点", "关键结果(KR)", "完成标准"],
    ["月度100万", "销售额", null, "30日", "1.新客户开发8个 2.复购率60%", "1.实际开发≥8个 2.复购客户数≥现有客户数60%"],
  ];

  function renderWith(host: MemoryHost) {
    return render(
      <FluentProvider theme={webLightTheme}>
        <App locale="zh-CN" actions={createTaskpaneActions(host, thursday)} />
      </FluentProvider>,
    );
  }

  it("marks findings on cells, goes to a cell when clicked, and clears the marks", async () => {
    const host = new MemoryHost();
    host.seedSheet("目标", TARGETS);
    renderWith(host);
    await openSection("check");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "标记到单元格" }));
    });
    expect(await screen.findByText("已在 1 个单元格上标记（点击下方条目可定位）。")).toBeTruthy();
    expect(host.findSheet("目标")!.marks.map((m) => [m.row, m.column, m.severity])).toEqual([[1, 2, "error"]]);
    await act(async () => {
      fireEvent.click(screen.getByTitle("定位到 目标!C2"));
    });
    expect(host.selected).toEqual({ sheet: "目标", cell: "C2" });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    });
    expect(await screen.findByText("已清除 1 个标记，其他格式未改动。")).toBeTruthy();
    expect(host.findSheet("目标")!.marks).toEqual([]);
  });

  it("checks as the rep types when switched on", async () => {
    jest.useFakeTimers();
    try {
      const host = new MemoryHost();
      host.seedSheet("目标", TARGETS);
      renderWith(host);
      await openSection("check");
      await act(async () => {
        fireEvent.click(screen.getByRole("switch", { name: "边输入边检查" }));
      });
      expect(await screen.findByText("没有负责人：每个目标都要落到一个人。")).toBeTruthy();
      await act(async () => {
        host.simulateEdit("目标", 1, 2, [["张三"]]);
        jest.advanceTimersByTime(400);
      });
      expect(await screen.findByText("没有发现问题。")).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("task pane live checking when a check fails", () => {
  const thursday = () => new Date(2026, 10, 26);
  const TARGETS = [
    ["团队总目标", "目标项", "负责人", "时间节点", "关键结果(KR)", "完成标准"],
    ["月度100万", "销售额", null, "30日", "1.新客户开发8个 2.复购率60%", "1.实际开发≥8个 2.复购客户数≥现有客户数60%"],
  ];

  it.each([
    ["zh-CN", "边输入边检查", "边输入边检查已停止（The workbook was closed），请重新打开开关。"],
    ["en", "Check as I type", "Checking as you type stopped (The workbook was closed); switch it on again to resume."],
  ] as const)("says so in one sentence and turns the switch off (%s)", async (locale, label, sentence) => {
    jest.useFakeTimers();
    try {
      const host = new MemoryHost();
      host.seedSheet("目标", TARGETS);
      render(
        <FluentProvider theme={webLightTheme}>
          <App locale={locale} actions={createTaskpaneActions(host, thursday)} />
        </FluentProvider>,
      );
      await openSection("check");
      await act(async () => {
        fireEvent.click(screen.getByRole("switch", { name: label }));
      });
      const toggle = (await screen.findByRole("switch", { name: label })) as HTMLInputElement;
      expect(toggle.checked).toBe(true);
      host.readSheets = () => Promise.reject(new Error("The workbook was closed"));
      await act(async () => {
        host.simulateEdit("目标", 1, 2, [["张三"]]);
        jest.advanceTimersByTime(400);
      });
      expect(await screen.findByText(sentence)).toBeTruthy();
      expect(toggle.checked).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  it("drops the findings of a sheet deleted while checking", async () => {
    jest.useFakeTimers();
    try {
      const host = new MemoryHost();
      host.seedSheet("目标", TARGETS);
      renderApp(host, "zh-CN");
      await openSection("check");
      await act(async () => {
        fireEvent.click(screen.getByRole("switch", { name: "边输入边检查" }));
      });
      expect(await screen.findByText("没有负责人：每个目标都要落到一个人。")).toBeTruthy();
      await act(async () => {
        host.simulateEdit("目标", 1, 0, [["月度120万"]]);
        host.sheets.delete("目标");
        jest.advanceTimersByTime(400);
      });
      expect(await screen.findByText("没有发现问题。")).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("task pane target split", () => {
  it("proposes shares from history and writes them into the target sheet", async () => {
    const host = new MemoryHost();
    const deals: CellValue[][] = [["成交日期", "负责人", "客户名称", "成交金额"]];
    for (const m of [9, 10, 11]) deals.push([`2026-${m}-05`, "张三", "甲", 600000], [`2026-${m}-06`, "李四", "乙", 400000]);
    host.seedSheet("成交", deals);
    renderApp(host, "zh-CN");
    await openSection("targets");
    fireEvent.change(screen.getByLabelText("团队目标，如：月度100万"), { target: { value: "月度120万" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "计算建议" }));
    });
    expect(await screen.findByText("张三：72万（近3月月均 60万，+20%）")).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "写入目标分解表" }));
    });
    expect(await screen.findByText("已在“目标分解表”写入 2 行，请补充每人的关键结果和完成标准。")).toBeTruthy();
    // The target sheet's own style: 48万, as the playbook writes amounts.
    expect(host.findSheet("目标分解表")!.values[2].slice(0, 4)).toEqual(["月度120万", "销售额", "李四", "48万"]);
  });

  it("reviews the week: sentences in the pane, the block on the review sheet, a bad week in one sentence", async () => {
    const host = new MemoryHost();
    host.seedSheet(
      "周计划跟踪表",
      TRACKER.map((line) => [...line]),
    );
    render(
      <FluentProvider theme={webLightTheme}>
        <App locale="zh-CN" actions={createTaskpaneActions(host, () => new Date(2026, 10, 27))} />
      </FluentProvider>,
    );
    await openSection("weekly");
    const field = await screen.findByLabelText(/复盘哪一周/);
    fireEvent.change(field, { target: { value: "2026-11-31" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "生成周复盘" }));
    });
    expect(await screen.findByText("“2026-11-31”不是日期：请写成 YYYY-MM-DD，例如 2026-11-23。")).toBeTruthy();
    fireEvent.change(field, { target: { value: "" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "生成周复盘" }));
    });
    expect(await screen.findByText("已写入“周复盘”，跟踪表上标出8个低于阈值的完成率。")).toBeTruthy();
    expect(screen.getByText("本周4人共8项指标，5项低于85%。")).toBeTruthy();
    expect(host.findSheet("周复盘")!.values[0][0]).toBe("周复盘 2026-11-23 ~ 2026-11-27");
  });
});

describe("task pane action plan and monthly review", () => {
  const december = () => new Date(2026, 11, 2);

  it("pre-fills the chosen month's review and lists each strategy's effect", async () => {
    const host = new MemoryHost();
    host.seedSheet("成交明细", reviewTeam());
    host.seedSheet("目标分解表", TARGETS);
    host.seedSheet("行动计划表", ACTION_ROWS);
    host.seedSheet("月度复盘表", [REVIEW_HEADERS]);
    render(
      <FluentProvider theme={webLightTheme}>
        <App locale="zh-CN" actions={createTaskpaneActions(host, december)} />
      </FluentProvider>,
    );
    await openSection("monthly");
    const month = await screen.findByRole("textbox", { name: "复盘月份（可选）" });
    fireEvent.change(month, { target: { value: "2026-13" } });
    expect(screen.getByText("“2026-13”不是月份：请写成 2026-11。")).toBeTruthy();
    fireEvent.change(month, { target: { value: "2026-11" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "预填月度复盘" }));
    });
    expect(await screen.findByText("已在“月度复盘表”第 2 行预填 2026-11 的复盘，标有“【建议】”，请修改确认。")).toBeTruthy();
    // The team's November data stops on the 20th, but today is 2 December: November is over, so whole months are
    // compared, as the diagnosis does.
    expect(screen.getByText("设立新客户开发奖实施后，月新客户数从6个增至9个，提升50%")).toBeTruthy();
    expect(screen.getByText("可沉淀为团队SOP：设立新客户开发奖")).toBeTruthy();
    expect(String(host.findSheet("月度复盘表")?.values[1][5])).toMatch(/^【建议】1\.团队达成率/);
  });

  it("fills the action plan and says which baselines it filled", async () => {
    const host = new MemoryHost();
    host.seedSheet("成交明细", reviewTeam());
    host.seedSheet("行动计划表", ACTION_ROWS);
    render(
      <FluentProvider theme={webLightTheme}>
        <App locale="en" actions={createTaskpaneActions(host, december)} />
      </FluentProvider>,
    );
    await openSection("actionPlan");
    await act(async () => {
      fireEvent.click(await screen.findByRole("button", { name: "Fill the action plan" }));
    });
    expect(await screen.findByText(/^Added \d+ strategies to "行动计划表" \(0 already planned\)/)).toBeTruthy();
    expect(screen.getByText("Filled the empty baselines of rows 2, 3 from the data.")).toBeTruthy();
  });
});

describe("task pane progress", () => {
  it("tracks the target sheet's progress and lists each rep's target and KRs with their pace", async () => {
    const host = new MemoryHost();
    host.seedSheet("成交", PROGRESS_DEALS);
    host.seedSheet("目标", [
      ["团队总目标", "目标项", "负责人", "个人目标", "时间节点", "关键结果(KR)"],
      ["月度100万", "销售额", "张三", "35万", "30日", "1.新客户开发8个 2.复购率60%"],
    ]);
    render(
      <FluentProvider theme={webLightTheme}>
        <App locale="zh-CN" actions={createTaskpaneActions(host, () => new Date(2026, 10, 15))} />
      </FluentProvider>,
    );
    await openSection("targets");
    await act(async () => {
      fireEvent.click(await screen.findByRole("button", { name: "计算进度" }, { timeout: 5000 }));
    });
    expect(await screen.findByText("已在“目标”写入 1 行的进度（成交数据来自“成交”，截至 2026-11-15）。")).toBeTruthy();
    expect(screen.getByText("张三（2026-11-01至2026-11-30）")).toBeTruthy();
    // 21万 of 35万 with 15 of 30 days gone; 2 of 8 new customers.
    expect(screen.getByText("目标 销售额 35万：完成60%，当月已过50%：进度正常")).toBeTruthy();
    expect(screen.getByText("KR1 新客户开发8个：完成25%，当月已过50%：落后于进度")).toBeTruthy();
    expect(host.findSheet("目标")?.values[0].slice(6)).toEqual(["实际完成", "达成率(%)", "进度"]);
  });
});
