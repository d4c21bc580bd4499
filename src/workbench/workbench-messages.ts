import type { Bilingual } from "../core/i18n/locale";

/** The browser workbench's own texts, around the task pane it shows. A key missing one language fails the type check. */
export const WORKBENCH_MESSAGES = {
  workbenchOpen: { "zh-CN": "打开 .xlsx", en: "Open .xlsx" },
  workbenchSave: { "zh-CN": "另存为 .xlsx", en: "Save as .xlsx" },
  workbenchLanguageName: { "zh-CN": "中文", en: "English" },
  workbenchExampleName: { "zh-CN": "示例团队", en: "Example team" },
  workbenchGridLabel: { "zh-CN": "电子表格", en: "Spreadsheet" },
  workbenchChartsInFile: {
    "zh-CN": "此表格不画图表：报告的图表随“另存为 .xlsx”保存到文件里，趋势和变化拆解也显示在窗格中。",
    en: "This spreadsheet draws no charts: Save as .xlsx puts the report's charts in the file, and the pane shows the trend and the change by driver.",
  },
  workbenchOpenFailed: {
    "zh-CN": "无法打开“{file}”：{detail}。请选择 Excel 或 WPS 保存的 .xlsx 文件。",
    en: 'Could not open "{file}": {detail}. Choose an .xlsx file saved by Excel or WPS.',
  },
  workbenchOpenNotKept: {
    "zh-CN": "“{file}”里有此表格无法保留的内容，另存时不会写回：{items}。",
    en: 'Some of "{file}" cannot be kept here and will not be in the saved file: {items}.',
  },
  workbenchListSeparator: { "zh-CN": "、", en: ", " },
  workbenchNotKeptCharts: { "zh-CN": "{count} 个图表", en: "{count} {count|chart|charts}" },
  workbenchNotKeptImages: { "zh-CN": "{count} 张图片", en: "{count} {count|picture|pictures}" },
  workbenchNotKeptPivotTables: { "zh-CN": "{count} 个数据透视表", en: "{count} {count|pivot table|pivot tables}" },
  workbenchNotKeptConditionalFormats: {
    "zh-CN": "{count} 条条件格式",
    en: "{count} conditional {count|format|formats}",
  },
  workbenchNotKeptValidations: { "zh-CN": "{count} 条数据验证规则", en: "{count} data validation {count|rule|rules}" },
  workbenchNotKeptNotes: { "zh-CN": "{count} 个工作表的批注", en: "the notes of {count} {count|sheet|sheets}" },
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
