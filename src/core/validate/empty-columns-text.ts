import type { Bilingual } from "../i18n/locale";

/**
 * What the note on an optional column's header says when no data row fills it in, and what to enter. One
 * entry per optional column of the templates (see `OPTIONAL_COLUMNS`).
 */
export const EMPTY_COLUMN_TEXT = {
  repTarget: {
    note: {
      "zh-CN": "“个人目标”列全部为空：团队总目标还没有拆到个人，暂不核对各人之和是否等于团队总目标。",
      en: 'The "Rep Target" column is empty on every row: the team target is not yet split per rep, so the shares are not checked against it.',
    },
    fix: {
      "zh-CN": "为每位负责人填写承担的数值，如“35万”，各人之和等于团队总目标",
      en: "Enter each owner's share, e.g. 350,000; the shares add up to the team target",
    },
  },
  week: {
    note: {
      "zh-CN": "“周开始日期”列全部为空：无法判断哪几天已过去、哪几周连续未完成；每周完成率在周五填写后才判断。",
      en: 'The "Week Starting" column is empty on every row: past days and missed weeks in a row cannot be told; a week\'s completion is judged once Friday is filled in.',
    },
    fix: { "zh-CN": "填写每周周一的日期，如“2026-11-23”", en: "Enter the Monday of each week, e.g. 2026-11-23" },
  },
  metric: {
    note: {
      "zh-CN": "“指标”列全部为空：各行按“本周目标”中写的指标读取（如“电话15个”），只写数字的行无法按指标统计。",
      en: 'The "Metric" column is empty on every row: each row is read by the metric its weekly target names (e.g. "15 calls"); rows with a number only cannot be told apart by metric.',
    },
    fix: {
      "zh-CN": "每行选一个指标，如：电话、拜访、新客户开发",
      en: "Pick one metric per row, e.g. Calls, Visits, New customers",
    },
  },
  monthTarget: {
    note: {
      "zh-CN": "“本月目标”列全部为空：无法用本月实际÷目标核对业绩达成率。",
      en: 'The "Month Target" column is empty on every row: the achievement rate cannot be checked against actual / target.',
    },
    fix: { "zh-CN": "填写本月目标，达成率由表格自动计算", en: "Enter the month's target; the rate is then computed" },
  },
  monthActual: {
    note: {
      "zh-CN": "“本月实际”列全部为空：无法用本月实际÷目标核对业绩达成率。",
      en: 'The "Month Actual" column is empty on every row: the achievement rate cannot be checked against actual / target.',
    },
    fix: { "zh-CN": "填写本月实际业绩，达成率由表格自动计算", en: "Enter the month's actual; the rate is then computed" },
  },
} as const satisfies Record<string, { readonly note: Bilingual; readonly fix: Bilingual }>;
