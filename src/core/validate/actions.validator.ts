import { serialToIso } from "../cell/excel-date";
import { monthOf } from "../analysis/reading/period";
import type { MetricsIndex } from "../analysis/metrics/period-metrics";
import { checkDays, readActionItem } from "../actions/action-rows";
import { strategyEffect } from "../actions/strategy-effect";
import { METRIC_NAMES } from "../parse/metrics";
import { fillOnRead } from "../i18n/locale";
import { normalizeText } from "../parse/parse-result";
import { ACTIONS_TEXT as T } from "./actions-text";
import type { RuleContext } from "./rule-context";
import type { TableRow } from "../sheet/sheet-table";

/**
 * One action-plan row: the strategy has an owner, resources and a due date; it is not overdue; in its
 * first two weeks every past working day has a check (the playbook's daily follow-up); it names the metric
 * it should move (any text: the drop-down warns, it does not refuse, so only an empty cell is flagged); and, with deal
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
    ctx.report(row, "owner", "actions.owner.missing", "warning", fillOnRead(T.noOwner, { strategy: name }));
  }
  if (ctx.has("resources") && item.resources === "") {
    ctx.report(
      row,
      "resources",
      "actions.resources.missing",
      "warning",
      fillOnRead(T.noResources, { strategy: name }),
      T.noResourcesFix,
    );
  }
  if (ctx.has("deadline") && item.deadline === undefined) {
    const blank = row.cells.deadline === null || String(row.cells.deadline).trim() === "";
    ctx.report(
      row,
      "deadline",
      blank ? "actions.deadline.missing" : "actions.deadline.unparsed",
      "warning",
      blank ? fillOnRead(T.noDeadline, { strategy: name }) : T.deadlineUnread,
    );
  }
  if (ctx.has("metric") && item.strategy !== "" && normalizeText(row.cells.metric) === "") {
    ctx.report(row, "metric", "actions.metric.missing", "warning", fillOnRead(T.noMetric, { strategy: name }));
  }
  if (!closed && ctx.has("status") && item.deadline !== undefined && item.deadline < today) {
    const message = fillOnRead(T.overdue, { strategy: name, deadline: String(serialToIso(item.deadline)) });
    ctx.report(row, "status", "actions.overdue", "warning", message);
  }
  if (!closed) {
    for (const { key, day, filled } of checkDays(item)) {
      if (filled || day >= today || !ctx.has(key)) continue;
      ctx.report(
        row,
        key,
        "actions.check.missing",
        "warning",
        fillOnRead(T.checkMissing, { day: String(serialToIso(day)), index: key.slice(3) }),
        T.checkFix,
      );
    }
  }
  if (!metrics || item.status === "dropped" || item.metric === undefined) return;
  if (item.startDate === undefined || item.deadline === undefined || item.deadline >= today) return;
  // The latest whole month of data from the due date's month on.
  const current = monthOf(today);
  const after = [...metrics.months].reverse().find((m) => m >= monthOf(item.deadline!) && m < current);
  if (after === undefined) return;
  const effect = strategyEffect(metrics, name, item.metric, item.startDate, after, ctx.settings.effectTolerance, item.baseline, {
    basis: item.basis,
  });
  if (!effect || effect.verdict === "worked") return;
  const message = fillOnRead(T.metricUnchanged, {
    effect: effect.sentence,
    before: effect.beforeMonth,
    after: effect.afterMonth,
    metric: METRIC_NAMES[item.metric],
  });
  ctx.report(row, "metric", "actions.metric.unchanged", "warning", message);
}
