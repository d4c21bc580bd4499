import type { Bilingual } from "../core/i18n/locale";

/** The browser workbench's own texts, around the task pane it shows. A key missing one language fails the type check. */
export const WORKBENCH_MESSAGES = {
  workbenchOpen: { "zh-CN": "打开 .xlsx", en: "Open .xlsx" },
  workbenchSave: { "zh-CN": "另存为 .xlsx", en: "Save as .xlsx" },
  workbenchLanguageName: { "zh-CN": "中文", en: "English" },
  workbenchExampleName: { "zh-CN": "示例团队", en: "Example team" },
  workbenchGridLabel: { "zh-CN": "电子表格", en: "Spreadsheet" },
  workbenchNoCharts: {
    "zh-CN": "此表格没有图表功能：报告表只列出数字。",
    en: "This spreadsheet has no charts: report sheets list the figures only.",
  },
  workbenchOpenFailed: {
    "zh-CN": "无法打开“{file}”：{detail}。请选择 Excel 或 WPS 保存的 .xlsx 文件。",
    en: 'Could not open "{file}": {detail}. Choose an .xlsx file saved by Excel or WPS.',
  },
  workbenchRestoreOffer: {
    "zh-CN": "此浏览器里自动保存了“{name}”（{time}）：恢复它，还是重新开始？",
    en: 'This browser autosaved "{name}" ({time}): restore it or start fresh?',
  },
  workbenchRestore: { "zh-CN": "恢复", en: "Restore" },
  workbenchStartFresh: { "zh-CN": "重新开始", en: "Start fresh" },
  workbenchReplaceTitle: { "zh-CN": "替换当前工作簿？", en: "Replace the current workbook?" },
  workbenchReplaceQuestion: {
    "zh-CN": "“{name}”有尚未另存为 .xlsx 的更改。打开另一个文件会替换它，浏览器里的自动保存也随之替换。",
    en: '"{name}" has changes not saved as .xlsx. Opening another file replaces it, and the autosave in this browser with it.',
  },
  workbenchReplace: { "zh-CN": "替换", en: "Replace" },
  workbenchCancel: { "zh-CN": "取消", en: "Cancel" },
} as const satisfies Record<string, Bilingual>;
