import { serialToIso } from "../cell/excel-date";
import { monthOf } from "../analysis/period";
import type { MetricsIndex } from "../analysis/period-metrics";
import { checkDays, readActionItem } from "../actions/action-rows";
import { strategyEffect } from "../actions/strategy-effect";
import { STRATEGY_METRIC_NAMES } from "../actions/strategy-metric";
import type { RuleContext } from "./rule-context";
import type { TableRow } from "./sheet-table";

/**
 * One action-plan row: the strategy has an owner, resources and a due date; it is not overdue; in its
 * first two weeks every past working day has a check (the playbook's daily follow-up); and, with deal
 * data in the workbook, a strategy whose metric has not moved since its due date is flagged for the
 * monthly review.
 */
export function validateActionRow(ctx: RuleContext, row: TableRow, metrics?: MetricsIndex): void {
  const { today } = ctx.settings;
  const item = readActionItem(row, today);
  if (item.strategy === "" && item.problem === "") return;
  const closed = item.status === "done" || item.status === "dropped";
  const name = item.strategy || item.problem;
  if (ctx.has("owner") && item.owner === "") {
    ctx.report(row, "owner", "actions.owner.missing", "warning", {
      "zh-CN": `策略“${name}”没有负责人：写明由谁负责。`,
      en: `The strategy "${name}" has no owner: say who is responsible.`,
    });
  }
  if (ctx.has("resources") && item.resources === "") {
    ctx.report(
      row,
      "resources",
      "actions.resources.missing",
      "warning",
      {
        "zh-CN": `策略“${name}”没有写所需资源：写明需要的支持，如培训、物料、预算；不需要时写“无”。`,
        en: `The strategy "${name}" names no resources: say what it needs, e.g. training, materials, budget; write "none" if nothing.`,
      },
      { "zh-CN": "无", en: "none" },
    );
  }
  if (ctx.has("deadline") && item.deadline === undefined) {
    const blank = row.cells.deadline === null || String(row.cells.deadline).trim() === "";
    ctx.report(
      row,
      "deadline",
      blank ? "actions.deadline.missing" : "actions.deadline.unparsed",
      "warning",
      blank
        ? {
            "zh-CN": `策略“${name}”没有完成时间：写明何时完成，如“2026-12-04”。`,
            en: `The strategy "${name}" has no due date: say when it is done, e.g. 2026-12-04.`,
          }
        : {
            "zh-CN": `完成时间读不出日期：请写成“2026-12-04”或“12月4日”。`,
            en: "The due date is not a date: write it as 2026-12-04.",
          },
    );
  }
  if (!closed && ctx.has("status") && item.deadline !== undefined && item.deadline < today) {
    ctx.report(row, "status", "actions.overdue", "warning", {
      "zh-CN": `策略“${name}”已过完成时间（${serialToIso(item.deadline)}）仍未完成：完成后把状态改为“已完成”，或调整时间、写明原因。`,
      en: `The strategy "${name}" is past its due date (${serialToIso(item.deadline)}) and not done: set its status to Done when it is, or move the date and say why.`,
    });
  }
  if (!closed) {
    for (const { key, day, filled } of checkDays(item)) {
      if (filled || day >= today || !ctx.has(key)) continue;
      ctx.report(
        row,
        key,
        "actions.check.missing",
        "warning",
        {
          "zh-CN": `${serialToIso(day)}（第${key.slice(3)}个工作日）没有跟进记录：新策略前两周每日跟进，记 ✓、✗ 或一句情况。`,
          en: `No check on ${serialToIso(day)} (working day ${key.slice(3)}): a new strategy is followed daily for its first two weeks; enter ✓, ✗ or a short note.`,
        },
        { "zh-CN": "✓", en: "✓" },
      );
    }
  }
  if (!metrics || item.status === "dropped" || item.metric === undefined) return;
  if (item.startDate === undefined || item.deadline === undefined || item.deadline >= today) return;
  // The latest whole month of data from the due date's month on.
  const current = monthOf(today);
  const after = [...metrics.months].reverse().find((m) => m >= monthOf(item.deadline!) && m < current);
  if (after === undefined) return;
  const effect = strategyEffect(metrics, name, item.metric, item.startDate, after, ctx.settings.effectTolerance, item.baseline);
  if (!effect || effect.verdict === "worked") return;
  const metricName = STRATEGY_METRIC_NAMES[item.metric];
  ctx.report(row, "metric", "actions.metric.unchanged", "warning", {
    "zh-CN": `${effect.sentence["zh-CN"]}（${effect.beforeMonth}→${effect.afterMonth}）：到期后${metricName["zh-CN"]}没有改善，列入月度复盘讨论是否调整。`,
    en: `${effect.sentence.en} (${effect.beforeMonth} → ${effect.afterMonth}): ${metricName.en.toLowerCase()} has not improved since the due date; take it to the monthly review.`,
  });
}
