import { formatText, type Bilingual, type Locale } from "./locale";

/**
 * Every user-facing string of the faces (task pane, ribbon, command line), in both languages.
 * A key missing one language fails the type check.
 */
export const MESSAGES = {
  appTitle: { "zh-CN": "销售团队业绩提升", en: "Sales Team Playbook" },
  appSubtitle: {
    "zh-CN": "目标拆解 · 数据诊断 · 周计划跟踪 · 月度复盘",
    en: "Targets · Diagnosis · Weekly tracking · Monthly review",
  },
  insertTemplatesTitle: { "zh-CN": "插入模板表", en: "Insert template sheets" },
  insertTemplatesHint: {
    "zh-CN": "插入手册的四张表：目标分解表、客户分析表、周计划跟踪表、月度复盘表。已有的表不会被覆盖。",
    en: "Adds the playbook's four sheets: target decomposition, customer analysis, weekly plan tracking, monthly review. Existing sheets are never overwritten.",
  },
  withExamples: { "zh-CN": "附带手册示例行", en: "Include the playbook's example rows" },
  insertTemplatesButton: { "zh-CN": "插入模板", en: "Insert templates" },
  working: { "zh-CN": "正在处理…", en: "Working…" },
  insertedSheets: { "zh-CN": "已插入 {count} 张表。", en: "Inserted {count} sheets." },
  renamedSheet: {
    "zh-CN": "“{wanted}”已存在，新表命名为“{sheet}”。",
    en: '"{wanted}" already exists; the new sheet is named "{sheet}".',
  },
  reducedFeatures: {
    "zh-CN": "此版本的 Excel 不支持数据验证规则（需要 ExcelApi 1.8），已跳过下拉列表和输入限制；检查功能仍可用。",
    en: "This Excel version has no data-validation API (needs ExcelApi 1.8): drop-downs and input limits were skipped; checks still work.",
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
    en: "{error} errors, {warning} warnings, {info} notes.",
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
    en: "Marked {count} cells (click an item below to go to it).",
  },
  marksCleared: { "zh-CN": "已清除 {count} 个标记，其他格式未改动。", en: "Removed {count} marks; nothing else was changed." },
  noMarksHere: {
    "zh-CN": "此环境不支持在单元格上标记：请使用下方列表定位问题。",
    en: "This host cannot mark cells: use the list below to find each problem.",
  },
  goToCell: { "zh-CN": "定位到 {cell}", en: "Go to {cell}" },
  checkAllGood: { "zh-CN": "没有发现问题。", en: "No problems found." },
  checkNoSheets: {
    "zh-CN": "没有找到手册的表（按表头识别）。请先插入模板，或检查表头是否与模板一致。",
    en: "No playbook sheets found (recognised by their header row). Insert the templates first, or check the headers match.",
  },
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
    en: 'Wrote {rows} rows to "{sheet}": add each rep\'s key results and criteria.',
  },
  topProblems: { "zh-CN": "TOP3问题", en: "TOP 3 problems" },
  missingColumns: { "zh-CN": "未找到的列：{columns}", en: "Columns not found: {columns}" },
  cliUsage: {
    "zh-CN": [
      "用法: sales-playbook <命令> [选项]",
      "",
      "命令:",
      "  init <输出.xlsx> [--example] [--data]        新建含四张模板表的工作簿（--data 同时加入成交明细和销售过程数据表）",
      "  validate <文件.xlsx> [--json] [--out 标记.xlsx]   检查目标、周计划和月度复盘；--out 另存一份在单元格上标记的副本；有错误时退出码为1",
      "  customers <文件.xlsx> [--sheet 表名] [--map 字段=表头 ...] [--json]   客户贡献分析",
      "  diagnose <文件.xlsx> [--sheet 表名] [--map 字段=表头 ...] [--json] [--out 报告.xlsx]   数据诊断",
      "  rollup <文件.xlsx...> [--json]                多个团队工作簿汇总",
      "",
      "通用选项: --lang zh-CN|en（默认按系统语言）",
      "--map 字段: date, rep, customer, customerType, amount, orderId, status, product, calls, visits, followUps, proposals",
      "--period 2026-11 或 2026-09..2026-11: customers 统计的月份（默认整个文件）；diagnose 诊断的月份及其成员、客户部分的月份（默认最近3个月）",
      "--date-order ymd|dmy|mdy: 03/11/2026 这类日期的读法（默认按数据判断）",
      "退出码: 0 成功；1 检查发现错误；2 输入有误",
    ].join("\n"),
    en: [
      "Usage: sales-playbook <command> [options]",
      "",
      "Commands:",
      "  init <out.xlsx> [--example] [--data]         a new workbook with the four templates (--data adds the deal and activity sheets)",
      "  validate <file.xlsx> [--json] [--out marked.xlsx]   check targets, weekly plans and monthly reviews; --out saves a copy with the findings marked on their cells; exit code 1 on errors",
      "  customers <file.xlsx> [--sheet NAME] [--map field=Header ...] [--json]   customer contribution",
      "  diagnose <file.xlsx> [--sheet NAME] [--map field=Header ...] [--json] [--out report.xlsx]   diagnosis",
      "  rollup <file.xlsx...> [--json]               summary of several team workbooks",
      "",
      "Options for all: --lang zh-CN|en (default: the system language)",
      "--map fields: date, rep, customer, customerType, amount, orderId, status, product, calls, visits, followUps, proposals",
      "--period 2026-11 or 2026-09..2026-11: the months customers covers (default: the whole file); the month diagnose looks at, and the months of its rep and customer sections (default: the last 3)",
      "--date-order ymd|dmy|mdy: how dates like 03/11/2026 are read (default: decided from the data)",
      "Exit codes: 0 ok; 1 the check found errors; 2 bad input",
    ].join("\n"),
  },
  cliBadArguments: {
    "zh-CN": "参数有误：{detail}。运行 sales-playbook --help 查看用法。",
    en: "Bad arguments: {detail}. Run sales-playbook --help for usage.",
  },
  cliUsageInput: {
    "zh-CN": [
      "输入文件: .xlsx/.xlsm、.xls、.ods，或 .csv/.txt（按内容识别；编码自动识别 UTF-8、UTF-16、GB18030/GBK）",
      "  --encoding 编码   指定文本文件的编码，如 gbk、gb18030、utf-8、utf-16le、big5",
      "  --out 只写新的 .xlsx 文件：输入为 .csv/.xls/.ods 时，其中包含数据表和结果",
    ].join("\n"),
    en: [
      "Input files: .xlsx/.xlsm, .xls, .ods, or .csv/.txt (judged by content; UTF-8, UTF-16 and GB18030/GBK detected)",
      "  --encoding NAME   the encoding of a text file, e.g. gbk, gb18030, utf-8, utf-16le, big5",
      "  --out always writes a new .xlsx file: for a .csv/.xls/.ods input it holds the data sheets and the result",
    ].join("\n"),
  },
  cliBadEncoding: {
    "zh-CN": "--encoding 不认识“{encoding}”：请写编码名称，如 gbk、gb18030、utf-8、utf-16le，或不指定让程序自动识别。",
    en: '--encoding does not know "{encoding}": name an encoding such as gbk, gb18030, utf-8 or utf-16le, or leave it out to detect it.',
  },
  cliOutNotXlsx: {
    "zh-CN": "--out 写出的是 .xlsx 工作簿：请把 {file} 改为以 .xlsx 结尾的文件名。",
    en: "--out writes an .xlsx workbook: name {file} with an .xlsx ending.",
  },
  cliBadMap: {
    "zh-CN": "--map 需要写成 字段=表头，字段为 {fields} 之一：“{value}”不符合。",
    en: '--map takes field=Header with a field among {fields}: "{value}" is not that.',
  },
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
    "zh-CN": "【{priority}，占变化{share}】{summary}：{evidence}",
    en: "[{priority}, {share} of the change] {summary}: {evidence}",
  },
  priorityHigh: { "zh-CN": "高", en: "high" },
  priorityMedium: { "zh-CN": "中", en: "medium" },
  priorityLow: { "zh-CN": "低", en: "low" },
  cliCovers: { "zh-CN": "统计月份：{from}至{to}", en: "Months covered: {from} to {to}" },
  cliBadPeriod: {
    "zh-CN": "--period 需要写成 年-月（如 2026-11）或 起始月..结束月（如 2026-09..2026-11）：“{value}”不符合。",
    en: '--period takes a month (2026-11) or a range of months (2026-09..2026-11): "{value}" is not that.',
  },
  cliBadDateOrder: {
    "zh-CN": "--date-order 只能是 ymd、dmy（日在前，如 03/11/2026）或 mdy（月在前，如 11/03/2026）：“{value}”不符合。",
    en: '--date-order is one of ymd, dmy (day first, 03/11/2026) or mdy (month first, 11/03/2026): "{value}" is not that.',
  },
  cliSameFile: {
    "zh-CN": "--out 不能与输入文件相同（{file}）：插件从不修改输入文件，请换一个输出文件名。",
    en: "--out cannot be the input file ({file}): the input is never modified; choose another output name.",
  },
  cliWrote: { "zh-CN": "已写入 {file}", en: "Wrote {file}" },
  cliCounts: {
    "zh-CN": "{error} 个错误，{warning} 个警告，{info} 条提示",
    en: "{error} errors, {warning} warnings, {info} notes",
  },
  cliWhere: { "zh-CN": "位置", en: "Cell" },
  cliSeverity: { "zh-CN": "级别", en: "Level" },
  cliRule: { "zh-CN": "规则", en: "Rule" },
  cliMessage: { "zh-CN": "说明", en: "Message" },
  cliMapping: { "zh-CN": "列映射：{mapping}", en: "Columns: {mapping}" },
  cliTeam: { "zh-CN": "团队", en: "Team" },
  cliAchievement: { "zh-CN": "业绩达成率", en: "Achievement" },
  cliWeekly: { "zh-CN": "周计划完成率", en: "Weekly completion" },
  cliFindings: { "zh-CN": "检查结果", en: "Check" },
  cliProblems: { "zh-CN": "TOP问题", en: "Top problems" },
  cliCrossTeam: { "zh-CN": "跨团队问题", en: "Problems across teams" },
  cliWorking: { "zh-CN": "处理中", en: "Working" },
  suggestedFix: { "zh-CN": "建议：{fix}", en: "Suggestion: {fix}" },
  unexpectedError: {
    "zh-CN": "操作未完成：{detail}。请重试；如果问题持续，请关闭并重新打开任务窗格。",
    en: "The action did not finish: {detail}. Please try again; if it keeps failing, close and reopen the task pane.",
  },
} as const satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

export function t(locale: Locale, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return formatText(MESSAGES[key][locale], params);
}
