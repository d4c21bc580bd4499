import type { Bilingual } from "../core/i18n/locale";
import { MESSAGES, type MessageKey } from "../core/i18n/messages";

/**
 * The command line's own texts (usage, arguments, table headings), kept apart from the task pane's
 * catalogue so the pane does not carry them. A key missing one language fails the type check.
 */
export const CLI_MESSAGES = {
  cliOneFile: { "zh-CN": "需要且只需要一个文件", en: "give exactly one file" },
  cliSomeFiles: { "zh-CN": "至少需要一个文件", en: "give at least one file" },
  cliUnknownCommand: { "zh-CN": "未知命令“{command}”", en: 'unknown command "{command}"' },
  cliUsage: {
    "zh-CN": [
      "用法: sales-playbook <命令> [选项]",
      "",
      "命令:",
      "  init <输出.xlsx> [--example] [--data]        新建含四张模板表和行动计划表的工作簿（--data 同时加入成交明细和销售过程数据表；与 --example 同用时各表填入以今天为准的示例团队）",
      "  validate <文件.xlsx> [--json] [--out 标记.xlsx]   检查目标、周计划和月度复盘；--out 另存一份在单元格上标记的副本；有错误时退出码为1",
      "  customers <文件.xlsx> [--sheet 表名] [--map 字段=表头 ...] [--json]   客户贡献分析",
      "  diagnose <文件.xlsx> [--sheet 表名] [--map 字段=表头 ...] [--json] [--out 报告.xlsx]   数据诊断",
      "  rollup <文件.xlsx...> [--json]                多个团队工作簿汇总",
      "  weekly <文件.xlsx> [--week YYYY-MM-DD] [--json] [--out 复盘.xlsx]   周复盘：每人每项指标的完成率、未完成原因归类、一对一辅导、上周问题是否改善；--out 另存一份写入“周复盘”表并在跟踪表上标出低于85%的完成率",
      "  actions <文件.xlsx> [--period 2026-11] [--json] [--out 计划.xlsx]   按诊断TOP3和最近一次月度复盘的改进措施填写行动计划表",
      "  monthly <文件.xlsx> [--month 2026-11] [--json] [--out 复盘.xlsx]   按数据预填月度复盘（达成率、标杆、TOP3、各策略效果）",
      "  progress <文件.xlsx> [--json] [--out 进度.xlsx]   按成交数据计算每人目标和KR的实际完成、达成率和时间进度；--out 另存一份填好进度列的副本",
      "",
      "通用选项: --lang zh-CN|en（默认按系统语言）",
      "--map 字段: date, rep, customer, customerType, amount, orderId, status, product, calls, visits, followUps, proposals",
      '--status "状态值=分类"（可多次）: 指定状态列某个值的含义，分类为 won（成交）、lost（输单）、open（在途）、booked（已下单，计入销售额和成交）',
      "--period 2026-11 或 2026-09..2026-11: customers 统计的月份（默认整个文件）；diagnose 诊断的月份及其成员、客户部分的月份（默认最近3个月）",
      "--date-order ymd|dmy|mdy: 03/11/2026 这类日期的读法（默认按数据判断）",
      "--out 不会替换已存在的文件；加 --force 才替换（但从不替换输入文件）",
      "退出码: 0 成功；1 检查发现错误；2 输入有误；3 内部错误（详情写入临时文件夹中的日志）",
    ].join("\n"),
    en: [
      "Usage: sales-playbook <command> [options]",
      "",
      "Commands:",
      "  init <out.xlsx> [--example] [--data]         a new workbook with the four templates and the action plan (--data adds the deal and activity sheets; with --example, every sheet holds the example team, dated from today)",
      "  validate <file.xlsx> [--json] [--out marked.xlsx]   check targets, weekly plans and monthly reviews; --out saves a copy with the findings marked on their cells; exit code 1 on errors",
      "  customers <file.xlsx> [--sheet NAME] [--map field=Header ...] [--json]   customer contribution",
      "  diagnose <file.xlsx> [--sheet NAME] [--map field=Header ...] [--json] [--out report.xlsx]   diagnosis",
      "  rollup <file.xlsx...> [--json]               summary of several team workbooks",
      "  weekly <file.xlsx> [--week YYYY-MM-DD] [--json] [--out review.xlsx]   the Friday weekly review: completion per rep and metric, reasons grouped across reps, one-to-one coaching, last week's problems; --out saves a copy with the Weekly Review sheet and the completions under 85% highlighted on the tracker",
      "  actions <file.xlsx> [--period 2026-11] [--json] [--out plan.xlsx]   fill the action plan from the TOP 3 and the latest monthly review's improvements",
      "  monthly <file.xlsx> [--month 2026-11] [--json] [--out review.xlsx]   pre-fill the monthly review from the data (achievement, benchmark, TOP 3, each strategy's effect)",
      "  progress <file.xlsx> [--json] [--out progress.xlsx]   each rep's target and KRs measured from the deal data: actual, achievement, pacing; --out saves a copy with the progress columns filled",
      "",
      "Options for all: --lang zh-CN|en (default: the system language)",
      "--map fields: date, rep, customer, customerType, amount, orderId, status, product, calls, visits, followUps, proposals",
      '--status "Value=class" (repeatable): what a value of the status column means, class won, lost, open (pipeline) or booked (an order: revenue, won)',
      "--period 2026-11 or 2026-09..2026-11: the months customers covers (default: the whole file); the month diagnose looks at, and the months of its rep and customer sections (default: the last 3)",
      "--date-order ymd|dmy|mdy: how dates like 03/11/2026 are read (default: decided from the data)",
      "--out and init never replace an existing file unless --force is given (and never the input file)",
      "Exit codes: 0 ok; 1 the check found errors; 2 bad input; 3 internal error (details in a log in the temporary folder)",
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
  cliBadStatus: {
    "zh-CN": '--status 需要写成 状态值=分类，分类为 {classes} 之一：“{value}”不符合。例如 --status "On Hold=booked"。',
    en: '--status takes Value=class with a class among {classes}: "{value}" is not that. For example --status "On Hold=booked".',
  },
  cliMapSuggestion: {
    "zh-CN": "→ 在命令中加上：{command}",
    en: "→ add to the command: {command}",
  },
  cliBadPeriod: {
    "zh-CN": "--period 需要写成 年-月（如 2026-11）或 起始月..结束月（如 2026-09..2026-11）：“{value}”不符合。",
    en: '--period takes a month (2026-11) or a range of months (2026-09..2026-11): "{value}" is not that.',
  },
  cliBadMonth: {
    "zh-CN": "--month 需要写成 年-月，如 2026-11：“{value}”不符合。",
    en: '--month takes a month such as 2026-11: "{value}" is not that.',
  },
  cliActionsAdded: {
    "zh-CN": "“{sheet}”新增 {count} 条策略（{month} 的TOP3及最近一次复盘的改进措施），{kept} 条已在计划中。",
    en: 'Action plan "{sheet}": {count} {count|strategy|strategies} added (the TOP 3 of {month} and the latest review\'s improvements), {kept} already planned.',
  },
  cliBaselinesFilled: {
    "zh-CN": "已按数据补填基线值的行：{rows}",
    en: "Rows whose empty baseline was filled from the data: {rows}",
  },
  cliNotWritten: {
    "zh-CN": "（未写入工作簿：加 --out 新文件.xlsx 写入一份副本）",
    en: "(Not written to the workbook: add --out new.xlsx to write a copy.)",
  },
  cliMonthlyRow: {
    "zh-CN": "月度复盘“{sheet}”第 {row} 行：{month} 的预填建议，你的内容未被改动。",
    en: 'Monthly review "{sheet}", row {row}: suggestions for {month}; nothing you wrote was changed.',
  },
  cliMonthlyKept: {
    "zh-CN": "已有内容、未预填的列：{columns}",
    en: "Columns you had filled, left as they are: {columns}",
  },
  cliStrategy: { "zh-CN": "策略", en: "Strategy" },
  cliMetric: { "zh-CN": "指标", en: "Metric" },
  cliBaseline: { "zh-CN": "基线值", en: "Baseline" },
  cliEffect: { "zh-CN": "效果", en: "Effect" },
  cliHighlights: { "zh-CN": "亮点与成功经验", en: "Highlights and what worked" },
  cliReviewProblems: { "zh-CN": "问题与不足", en: "Problems and shortfalls" },
  cliImprovements: { "zh-CN": "下月改进措施", en: "Improvements for next month" },
  cliBadDateOrder: {
    "zh-CN": "--date-order 只能是 ymd、dmy（日在前，如 03/11/2026）或 mdy（月在前，如 11/03/2026）：“{value}”不符合。",
    en: '--date-order is one of ymd, dmy (day first, 03/11/2026) or mdy (month first, 11/03/2026): "{value}" is not that.',
  },
  cliSameFile: {
    "zh-CN": "--out 不能与输入文件相同（{file}）：插件从不修改输入文件，请换一个输出文件名。",
    en: "--out cannot be the input file ({file}): the input is never modified; choose another output name.",
  },
  cliOutEmpty: {
    "zh-CN": "--out 需要一个文件名，如 --out 报告.xlsx。",
    en: "--out needs a file name, such as --out report.xlsx.",
  },
  cliOutExists: {
    "zh-CN": "{file} 已存在：如要替换它请加 --force，或换一个文件名。",
    en: "{file} already exists: add --force to replace it, or choose another name.",
  },
  cliOutWrittenMeanwhile: {
    "zh-CN": "{file} 在本命令运行期间被另一个进程写入，已保留那个文件、未写入本次结果：请确认后重新运行，或换一个文件名。",
    en: "{file} was written by another process while this command ran, so that file was kept and this result not written: check it, then run again or choose another name.",
  },
  cliOutFolderChanged: {
    "zh-CN":
      "{file} 所在的文件夹在本命令运行期间被换成了别处（例如换成了指向其他文件夹的链接），因此未写入结果，输入文件保持不变：请检查该文件夹后重试。",
    en: "The folder of {file} was changed while this command ran (for example into a link to another folder), so the result was not written there and the input is unchanged: check that folder, then try again.",
  },
  cliValueLooksLikeOption: {
    "zh-CN": "{option} 需要一个值，而 {value} 看起来像一个选项：如果这就是文件名，请写成 {option}={value}。",
    en: "{option} needs a value and {value} looks like an option: if that is the name, write {option}={value}.",
  },
  cliUnknownOption: { "zh-CN": "未知选项 {option}", en: "unknown option {option}" },
  cliOutIsFolder: {
    "zh-CN": "{file} 是文件夹：请写一个 .xlsx 文件名。",
    en: "{file} is a folder: name an .xlsx file to write.",
  },
  cliOutFolderMissing: {
    "zh-CN": "无法写入 {file}：文件夹 {folder} 不存在，请先创建它或换一个位置。",
    en: "{file} cannot be written: the folder {folder} does not exist, so create it or choose another place.",
  },
  cliDiskFull: {
    "zh-CN": "磁盘空间不足，未能写入 {file}（原有文件保持不变）：请腾出空间或写到其他位置后重试。",
    en: "The disk is full, so {file} was not written (any file already there is unchanged): free some space or write elsewhere, then try again.",
  },
  cliWriteDenied: {
    "zh-CN": "没有权限写入 {file}（{code}）：请检查文件夹的权限，或换一个位置。",
    en: "{file} cannot be written here ({code}): check the folder's permissions, or choose another place.",
  },
  cliWriteFailed: {
    "zh-CN": "未能写入 {file}（{code}），原有文件保持不变：请确认它没有在其他程序中打开后重试。",
    en: "{file} could not be written ({code}) and any file already there is unchanged: check it is not open in another program, then try again.",
  },
  cliAboutFile: { "zh-CN": "{file}：{text}", en: "{file}: {text}" },
  cliInternalError: {
    "zh-CN": "sales-playbook 发生内部错误（程序的问题，不是你的文件的问题），详情已写入 {log}：请把这个文件发给维护人员。",
    en: "sales-playbook hit an internal error (a fault in the program, not in your file); the details are in {log}: please send that file to its maintainers.",
  },
  cliInternalErrorNoLog: {
    "zh-CN": "sales-playbook 发生内部错误（{message}），且详情无法写入临时文件夹（{code}）：请把这条信息发给维护人员。",
    en: "sales-playbook hit an internal error ({message}) and could not write the details to the temporary folder ({code}): please send this line to its maintainers.",
  },
  cliWrote: { "zh-CN": "已写入 {file}", en: "Wrote {file}" },
  cliCounts: {
    "zh-CN": "{error} 个错误，{warning} 个警告，{info} 条提示",
    en: "{error} {error|error|errors}, {warning} {warning|warning|warnings}, {info} {info|note|notes}",
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
  cliBadLimit: {
    "zh-CN": "{flag} 需要一个正整数：“{value}”不符合。",
    en: '{flag} takes a positive whole number: "{value}" is not that.',
  },
  cliUsageLimits: {
    "zh-CN": [
      "读取上限（防止压缩炸弹和超大文件耗尽内存）:",
      "  --max-size MB     解压后最多读取的大小，默认 1024 MB",
      "  --max-cells 个数  最多读取的单元格数，默认 20000000（.xls、.ods 为 8000000；--out 整体载入时 1000000，空白带格式单元格、行和列折算计入）",
    ].join("\n"),
    en: [
      "Read limits (guards against zip bombs and files too large for memory):",
      "  --max-size MB     the most read once unpacked, 1024 MB by default",
      "  --max-cells N     the most cells read, 20000000 by default (8000000 for .xls and .ods; 1000000 for a workbook loaded whole for --out, its empty formatted cells, rows and columns weighed in)",
    ].join("\n"),
  },
  cliOwner: { "zh-CN": "负责人", en: "Owner" },
  cliItem: { "zh-CN": "目标/KR", en: "Target / KR" },
  cliPeriod: { "zh-CN": "期间", en: "Period" },
  cliActual: { "zh-CN": "实际", en: "Actual" },
  cliTarget: { "zh-CN": "目标", en: "Target" },
  cliProgress: { "zh-CN": "进度", en: "Progress" },
  cliProgressHeading: {
    "zh-CN": "目标进度：{sheet}（成交数据来自“{data}”，截至 {today}）",
    en: 'Target progress: {sheet} (deal data from "{data}", as of {today})',
  },
  cliProgressTyped: {
    "zh-CN": "第 {rows} 行的实际完成/达成率/进度单元格是手工填写的：已计算但未改写。",
    en: "Row(s) {rows} hold actual, achievement or progress cells typed by hand: measured, but left as they are.",
  },
  cliSheet: { "zh-CN": "工作表", en: "Sheet" },
  cliCount: { "zh-CN": "条数", en: "Count" },
  cliFindingsBySheet: { "zh-CN": "按工作表和规则统计：", en: "By sheet and rule:" },
  cliFindingsShown: {
    "zh-CN": "以上为前 {shown} 条，共 {total} 条。全部结果：加 --json 输出，或加 --out 标记.xlsx 在副本的单元格上逐条标出。",
    en: "The first {shown} of {total} findings are shown. For all of them: add --json, or --out marked.xlsx to mark each on its cell in a copy.",
  },
} as const satisfies Record<string, Bilingual>;

export type CliMessageKey = keyof typeof CLI_MESSAGES;

/** The command line's texts and the two it shares with the pane, read with `localize(CLI_TEXT.key, locale, params)`. */
export const CLI_TEXT = { ...MESSAGES, ...CLI_MESSAGES } as const satisfies Record<CliMessageKey | MessageKey, Bilingual>;

export type CliTextKey = keyof typeof CLI_TEXT;
