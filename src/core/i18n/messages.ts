import type { Bilingual } from "./locale";

/**
 * The texts several faces share (the task pane and the command line say these the same way). A face's
 * own texts live with the face: src/taskpane/i18n, src/wps/ribbon-messages.ts, src/workbench. A key
 * missing one language fails the type check.
 */
export const MESSAGES = {
  checkNoSheets: {
    "zh-CN": "没有找到手册的表（按表头识别）。请先插入模板，或检查表头是否与模板一致。",
    en: "No playbook sheets found (recognised by their header row). Insert the templates first, or check the headers match.",
  },
  monthsCovered: { "zh-CN": "统计月份：{from}至{to}", en: "Months covered: {from} to {to}" },
  /** Marking skipped a protected sheet (the other sheets are marked). */
  marksSkippedProtected: { "zh-CN": "{sheet} 受保护：未在该表添加标记", en: "{sheet} is protected: marks not added there" },
} as const satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;
