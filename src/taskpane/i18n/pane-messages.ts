import type { Bilingual } from "../../core/i18n/locale";

/**
 * The task pane's texts, those its first chunk needs; the cards loaded on first use have their own
 * catalogues beside this one. A key missing one language fails the type check.
 */
export const PANE_MESSAGES = {
  appTitle: { "zh-CN": "销售团队业绩提升", en: "Sales Team Playbook" },
  stepTargets: { "zh-CN": "第一步 目标拆解", en: "Step 1 · Target decomposition" },
  stepDiagnosis: { "zh-CN": "第二步 数据诊断", en: "Step 2 · Data diagnosis" },
  stepActionPlan: { "zh-CN": "第三步 策略制定：行动计划", en: "Step 3 · Strategy: the action plan" },
  stepWeekly: { "zh-CN": "第四步 执行落地：周复盘", en: "Step 4 · Execution: the weekly review" },
  stepMonthly: { "zh-CN": "第五步 复盘优化：月度复盘", en: "Step 5 · Review: the monthly review" },
  sectionCheck: { "zh-CN": "随时：检查表格", en: "Any time · Check the sheets" },
  sectionSettings: { "zh-CN": "团队设置", en: "Team settings" },
  insertTemplatesTitle: { "zh-CN": "插入模板表", en: "Insert template sheets" },
  insertTemplatesHint: {
    "zh-CN": "插入手册的四张表：目标分解表、客户分析表、周计划跟踪表、月度复盘表，以及行动计划表。已有的表不会被覆盖。",
    en: "Adds the playbook's four sheets: target decomposition, customer analysis, weekly plan tracking, monthly review, and the action plan. Existing sheets are never overwritten.",
  },
  withExamples: { "zh-CN": "附带手册示例行", en: "Include the playbook's example rows" },
  insertTemplatesButton: { "zh-CN": "插入模板", en: "Insert templates" },
  working: { "zh-CN": "正在处理…", en: "Working…" },
  insertedSheets: { "zh-CN": "已插入 {count} 张表。", en: "Inserted {count} {count|sheet|sheets}." },
  renamedSheet: {
    "zh-CN": "“{wanted}”已存在，新表命名为“{sheet}”。",
    en: '"{wanted}" already exists; the new sheet is named "{sheet}".',
  },
  reducedFeatures: {
    "zh-CN": "此版本的 {host} 不支持数据验证规则（Excel 需要 ExcelApi 1.8），已跳过下拉列表和输入限制；检查功能仍可用。",
    en: "This {host} version has no data-validation API (Excel needs ExcelApi 1.8): drop-downs and input limits were skipped; checks still work.",
  },
  checkTitle: { "zh-CN": "检查目标与跟踪表", en: "Check targets and tracking" },
  checkHint: {
    "zh-CN":
      "按 SMART 原则检查目标分解表，并检查周计划跟踪表和月度复盘表。检查只读取；“标记到单元格”只加颜色标记，可随时清除，不改动内容。",
    en: "Checks the target sheet against SMART, and the weekly tracker and monthly review. Checking only reads; marking only adds coloured marks, which Clear marks removes.",
  },
  checkButton: { "zh-CN": "检查工作簿", en: "Check workbook" },
  checkSummary: {
    "zh-CN": "{error} 个错误，{warning} 个警告，{info} 条提示。",
    en: "{error} {error|error|errors}, {warning} {warning|warning|warnings}, {info} {info|note|notes}.",
  },
  markButton: { "zh-CN": "标记到单元格", en: "Mark on cells" },
  clearMarksButton: { "zh-CN": "清除标记", en: "Clear marks" },
  liveCheck: { "zh-CN": "边输入边检查", en: "Check as I type" },
  liveCheckStopped: {
    "zh-CN": "边输入边检查已停止（{detail}），请重新打开开关。",
    en: "Checking as you type stopped ({detail}); switch it on again to resume.",
  },
  marked: {
    "zh-CN": "已在 {count} 个单元格上标记（点击下方条目可定位）。",
    en: "Marked {count} {count|cell|cells} (click an item below to go to it).",
  },
  marksCleared: {
    "zh-CN": "已清除 {count} 个标记，其他格式未改动。",
    en: "Removed {count} {count|mark|marks}; nothing else was changed.",
  },
  noMarksHere: {
    "zh-CN": "此环境不支持在单元格上标记：请使用下方列表定位问题。",
    en: "This host cannot mark cells: use the list below to find each problem.",
  },
  goToCell: { "zh-CN": "定位到 {cell}", en: "Go to {cell}" },
  checkAllGood: { "zh-CN": "没有发现问题。", en: "No problems found." },
  analysisTitle: { "zh-CN": "数据诊断与客户分析", en: "Diagnosis and customer analysis" },
  analysisHint: {
    "zh-CN": "读取成交明细（含日期、金额列的表，可选过程数据表），生成诊断报告表，并填写客户分析表。原始数据不会被修改。",
    en: "Reads your deal sheet (a date and an amount column; an activity sheet if you have one), writes a diagnosis report sheet and fills the customer analysis sheet. Your data is never changed.",
  },
  diagnoseButton: { "zh-CN": "一键诊断", en: "Diagnose" },
  customersButton: { "zh-CN": "客户贡献分析", en: "Customer contribution" },
  diagnosisDone: {
    "zh-CN": "诊断报告已写入“{sheet}”（数据来自“{data}”）。",
    en: 'The diagnosis is in "{sheet}" (data from "{data}").',
  },
  customersDone: {
    "zh-CN": "已按{types}个客户类型填写“{sheet}”（数据来自“{data}”）。痛点和策略列未改动。",
    en: 'Filled "{sheet}" with {types} customer types (data from "{data}"). Pain points and strategies were left as they were.',
  },
  splitTitle: { "zh-CN": "按历史拆分团队目标", en: "Split the team target by history" },
  splitHint: {
    "zh-CN": "按每位成员近3个月的成交额和趋势分配团队目标（增长幅度有上限），避免“一刀切”。",
    en: "Shares the team target by each rep's last three months and trend (growth is capped), instead of an equal split.",
  },
  splitTarget: { "zh-CN": "团队目标，如：月度100万", en: "Team target, e.g. Monthly 1,000,000" },
  splitButton: { "zh-CN": "计算建议", en: "Propose" },
  splitAccept: { "zh-CN": "写入目标分解表", en: "Write to the target sheet" },
  splitRow: {
    "zh-CN": "{rep}：{target}（近3月月均 {average}，{growth}）",
    en: "{rep}: {target} (recent monthly average {average}, {growth})",
  },
  splitRelaxed: {
    "zh-CN": "团队目标超出了所有成员增长上限之和：已按比例分配，请核实目标是否可行。",
    en: "The team target is beyond every rep's growth cap combined: shared in proportion; check the target is feasible.",
  },
  splitWritten: {
    "zh-CN": "已在“{sheet}”写入 {rows} 行，请补充每人的关键结果和完成标准。",
    en: 'Wrote {rows} {rows|row|rows} to "{sheet}": add each rep\'s key results and criteria.',
  },
  topProblems: { "zh-CN": "TOP3问题", en: "TOP 3 problems" },
  periodLabel: { "zh-CN": "分析期间（可选）", en: "Months (optional)" },
  periodHint: {
    "zh-CN": "如 2026-11 或 2026-09..2026-11。留空：诊断最近一个月（成员和客户部分看最近3个月），客户贡献看全部数据。",
    en: "For example 2026-11 or 2026-09..2026-11. Empty: the diagnosis looks at the latest month (reps and customers over 3 months), customer contribution at all the data.",
  },
  periodBad: {
    "zh-CN": "“{value}”不是月份或月份范围：请写成 2026-11 或 2026-09..2026-11。",
    en: '"{value}" is not a month or a range of months: write 2026-11 or 2026-09..2026-11.',
  },
  problemLine: {
    "zh-CN": "【{priority}，占本月变化{share}】{summary}：{evidence}",
    en: "[{priority}, {share} of this month's change] {summary}: {evidence}",
  },
  problemLineHidden: {
    "zh-CN": "【{priority}，占被增长掩盖的损失{share}】{summary}：{evidence}",
    en: "[{priority}, {share} of the losses growth hid] {summary}: {evidence}",
  },
  priorityHigh: { "zh-CN": "高", en: "high" },
  priorityMedium: { "zh-CN": "中", en: "medium" },
  priorityLow: { "zh-CN": "低", en: "low" },
  suggestedFix: { "zh-CN": "建议：{fix}", en: "Suggestion: {fix}" },
  stepReading: { "zh-CN": "正在读取工作簿…", en: "Reading the workbook…" },
  stepComputing: { "zh-CN": "正在计算…", en: "Computing…" },
  stepWriting: { "zh-CN": "正在写入工作簿…", en: "Writing to the workbook…" },
  applyFix: { "zh-CN": "改为 {fix}", en: "Change to {fix}" },
  fixApplied: { "zh-CN": "已将 {cell} 从“{was}”改为 {fix}。", en: '{cell} changed from "{was}" to {fix}.' },
  openSheet: { "zh-CN": "打开“{sheet}”", en: 'Open "{sheet}"' },
  stepOfSteps: { "zh-CN": "{label}（第 {index} 步，共 {total} 步）", en: "{label} (step {index} of {total})" },
  unexpectedError: {
    "zh-CN": "操作未完成：{detail}。请重试；如果问题持续，请关闭并重新打开任务窗格。",
    en: "The action did not finish: {detail}. Please try again; if it keeps failing, close and reopen the task pane.",
  },
} as const satisfies Record<string, Bilingual>;
