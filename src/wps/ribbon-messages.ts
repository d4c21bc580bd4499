import type { Bilingual } from "../core/i18n/locale";

/**
 * The WPS ribbon's texts (src/wps/ribbon.xml), the same words as the Office manifest's, kept apart
 * from the task pane's catalogue so the pane does not carry them. A key missing one language fails
 * the type check.
 */
export const RIBBON_MESSAGES = {
  ribbonGroup: { "zh-CN": "业绩提升", en: "Sales Playbook" },
  ribbonOpenPane: { "zh-CN": "五步法", en: "Playbook" },
  ribbonOpenPaneTip: {
    "zh-CN": "打开五步法窗格：模板、检查与诊断。",
    en: "Open the playbook pane: templates, checks and diagnosis.",
  },
  ribbonInsert: { "zh-CN": "插入模板", en: "Insert templates" },
  ribbonInsertTip: {
    "zh-CN": "插入手册的四张表和行动计划表（含示例行），不会覆盖已有的表。",
    en: "Insert the four playbook sheets and the action plan, with example rows. Existing sheets are never overwritten.",
  },
  ribbonPaneTitle: { "zh-CN": "销售团队业绩提升", en: "Sales Team Playbook" },
  ribbonFailed: {
    "zh-CN": "插入模板未完成：{detail}。请重试；如果问题持续，请打开“五步法”窗格再试。",
    en: "Inserting the templates did not finish: {detail}. Please try again; if it keeps failing, try from the Playbook pane.",
  },
} as const satisfies Record<string, Bilingual>;
