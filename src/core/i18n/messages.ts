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
  unexpectedError: {
    "zh-CN": "操作未完成：{detail}。请重试；如果问题持续，请关闭并重新打开任务窗格。",
    en: "The action did not finish: {detail}. Please try again; if it keeps failing, close and reopen the task pane.",
  },
} as const satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

export function t(locale: Locale, key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  return formatText(MESSAGES[key][locale], params);
}
