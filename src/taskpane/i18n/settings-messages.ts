import type { StatusClass } from "../../core/analysis/reading/deal-status";
import type { Bilingual } from "../../core/i18n/locale";

/**
 * The texts of the pane's team settings and column-mapping panels, kept apart from the pane's first
 * catalogue so its first chunk does not carry them (both panels load on first use). A key missing one
 * language fails the type check.
 */
export const SETTINGS_MESSAGES = {
  settingsTitle: { "zh-CN": "团队设置", en: "Team settings" },
  settingsHint: {
    "zh-CN": "全队共用：保存在工作簿的隐藏表“_sales_playbook”中，检查、边输入边检查、目标拆分和分析都按这些设置进行。",
    en: 'Shared by the whole team: kept in the workbook\'s hidden sheet "_sales_playbook"; checks, checking as you type, the target split and the analysis follow them.',
  },
  completionTarget: { "zh-CN": "周计划完成率下限（%）", en: "Weekly completion threshold (%)" },
  minKeyResults: { "zh-CN": "每个目标至少几个KR", en: "Key results per target, at least" },
  maxKeyResults: { "zh-CN": "每个目标至多几个KR", en: "Key results per target, at most" },
  growthBand: { "zh-CN": "个人目标高于近期业绩的上限（%）", en: "Growth band over recent actuals (%)" },
  coachingWeeks: { "zh-CN": "连续几周未达标需一对一辅导", en: "Missed weeks in a row before coaching" },
  coachingDays: { "zh-CN": "连续几天低于日均进度需辅导", en: "Days in a row below pace before coaching" },
  language: { "zh-CN": "语言", en: "Language" },
  languageHost: { "zh-CN": "跟随表格语言", en: "The spreadsheet's language" },
  languageZh: { "zh-CN": "中文", en: "中文 (Chinese)" },
  languageEn: { "zh-CN": "English（英文）", en: "English" },
  settingBad: { "zh-CN": "请填写 {min} 到 {max} 之间的整数或数值。", en: "Enter a number from {min} to {max}." },
  settingOrder: { "zh-CN": "KR数量下限不能大于上限。", en: "The least number of key results cannot be above the most." },
  settingsSave: { "zh-CN": "保存设置", en: "Save settings" },
  settingsSaved: {
    "zh-CN": "设置已保存到工作簿（隐藏表“{sheet}”），全队打开此工作簿时都按此设置。",
    en: 'Settings saved in the workbook (hidden sheet "{sheet}"): everyone who opens it uses them.',
  },
  columnsButton: { "zh-CN": "选择数据列…", en: "Choose the data columns…" },
  columnsTitle: { "zh-CN": "数据列", en: "Data columns" },
  columnsHint: {
    "zh-CN": "自动识别有误或缺少列时，请为每项选择对应的表头。选择保存在工作簿中，下次诊断和客户分析直接使用。",
    en: "Where a column was read wrongly or not found, pick its header. The choice is kept in the workbook and used by the next diagnosis and customer analysis.",
  },
  columnsFrom: { "zh-CN": "表头来自：{sheets}", en: "Headers from: {sheets}" },
  columnsAuto: { "zh-CN": "自动识别", en: "Detect automatically" },
  columnsAutoFound: { "zh-CN": "自动识别（现为“{header}”）", en: 'Detect automatically (now "{header}")' },
  columnsAutoMissing: { "zh-CN": "自动识别（未找到）", en: "Detect automatically (not found)" },
  columnsSuggested: {
    "zh-CN": "没有认出 {fields} 列：已按各列的内容预选了最可能的表头，请确认后保存。",
    en: "No column was recognised as {fields}: the likeliest headers, judged by what the columns hold, are preselected. Check them and save.",
  },
  columnsNoData: {
    "zh-CN": "没有找到含数据的表：请先导入成交明细，再选择数据列。",
    en: "No sheet with data was found: add your deal data first, then choose its columns.",
  },
  columnsSave: { "zh-CN": "保存数据列", en: "Save the columns" },
  columnsSaved: {
    "zh-CN": "数据列已保存到工作簿，下次诊断和客户分析会使用。",
    en: "The columns are saved in the workbook; the next diagnosis and customer analysis use them.",
  },
  columnsUnsure: {
    "zh-CN": "没有读到需要的列：请在下方选择数据列后重试。",
    en: "A needed column was not found: choose the data columns below and try again.",
  },
  statusesTitle: { "zh-CN": "状态分类", en: "Status classes" },
  statusesHint: {
    "zh-CN":
      "状态列的每个值按其含义计入：成交和已下单计入销售额和成交率，输单只计入成交率，在途都不计入。自动识别有误时请改选；选择保存在工作簿中。",
    en: "Each value of the status column counts by what it means: won and booked orders are revenue and won in close rates, lost deals count only in close rates, open pipeline in neither. Change a value read wrongly; the choice is kept in the workbook.",
  },
  statusesValue: { "zh-CN": "“{text}”（{lines}行）", en: '"{text}" ({lines} line(s))' },
  statusesBlank: { "zh-CN": "（空）", en: "(blank)" },
  statusesAuto: { "zh-CN": "自动（现为{cls}）", en: "Automatic (now {cls})" },
  statusesAutoGuess: { "zh-CN": "自动（现为{cls}，推测）", en: "Automatic (now {cls}, a guess)" },
  statusesNone: {
    "zh-CN": "成交数据没有状态列：每行都按成交计。如有状态列，请先在“数据列”中选择它。",
    en: "The deal data has no status column: every line counts as won. If it has one, choose it under Data columns first.",
  },
  statusesNoLines: {
    "zh-CN": "还没有读到可用的成交行：请先在“数据列”中选好日期和金额列并保存，再回来分类状态。",
    en: "No usable deal line was read yet: choose and save the date and amount columns under Data columns, then classify the statuses.",
  },
  statusesSave: { "zh-CN": "保存状态分类", en: "Save the status classes" },
  statusesSaved: {
    "zh-CN": "状态分类已保存到工作簿，下次诊断和客户分析会使用。",
    en: "The status classes are saved in the workbook; the next diagnosis and customer analysis use them.",
  },
} as const satisfies Record<string, Bilingual>;

/** Each class a status value can have, as the pane names it (the command line's `--status` classes). */
export const STATUS_CLASS_LABELS: Readonly<Record<StatusClass, Bilingual>> = {
  won: { "zh-CN": "成交", en: "Won" },
  booked: { "zh-CN": "已下单（计入销售额）", en: "Booked order (revenue)" },
  lost: { "zh-CN": "输单", en: "Lost" },
  open: { "zh-CN": "在途商机", en: "Open pipeline" },
  unknown: { "zh-CN": "未识别（计入销售额，不计成交率）", en: "Unknown (revenue, no outcome)" },
};
