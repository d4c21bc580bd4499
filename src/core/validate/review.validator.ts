import { stripSuggestion } from "../actions/review-text";
import { isBlank } from "../cell/cell-value";
import { parseDeadline } from "../parse/deadline";
import { splitNumberedList } from "../parse/numbered-list";
import { parsePercent } from "../parse/quantity";
import { formatPercent } from "../i18n/format";
import { RuleContext } from "./rule-context";
import type { TableRow } from "./sheet-table";

const OWNER =
  /由\s*\S|负责人|责任人|牵头人|负责|牵头|对接|跟进人|owner|assigned to|responsible|\bliaises?\b|\bled by\b|\bby [A-Z*＊]/i;
const PLAYBOOK_EXAMPLE = {
  "zh-CN": "1周内完成交付流程优化，由*某对接运营部",
  en: "Within 1 week, *X liaises with operations to optimise the delivery process",
};

function amount(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** One monthly review row: the rate reads as a percent and agrees with target and actual; improvements name an owner and a deadline. */
export function validateReviewRow(ctx: RuleContext, row: TableRow): void {
  const { cells } = row;
  if (ctx.has("achievement") && !isBlank(cells.achievement)) {
    const rate = parsePercent(cells.achievement);
    const target = amount(cells.monthTarget);
    const actual = amount(cells.monthActual);
    if (!rate.ok) {
      ctx.report(row, "achievement", "review.achievement.unparsed", "warning", {
        "zh-CN": "业绩达成率读不出百分比：请写成“95%”，或填本月目标和实际由表格计算。",
        en: 'The achievement rate is not a percentage: write it as "95%", or fill in target and actual to compute it.',
      });
    } else if (target !== undefined && target > 0 && actual !== undefined) {
      const computed = actual / target;
      if (Math.abs(computed - rate.value) > ctx.settings.rateTolerance) {
        ctx.report(
          row,
          "achievement",
          "review.achievement.mismatch",
          "warning",
          {
            "zh-CN": `达成率${formatPercent(rate.value)}与本月实际÷目标（${formatPercent(computed)}）不一致。`,
            en: `The achievement rate ${formatPercent(rate.value)} differs from actual / target (${formatPercent(computed)}).`,
          },
          { "zh-CN": formatPercent(computed), en: formatPercent(computed) },
          // The rate is computed from the row's own target and actual: written as a number (the column is a percent).
          { was: cells.achievement ?? null, value: Math.round(computed * 10000) / 10000 },
        );
      }
    }
  }
  if (!ctx.has("improvements") || isBlank(cells.improvements)) return;
  // A pre-filled cell starts with the suggestion marker; its items are read without it.
  const items = splitNumberedList(stripSuggestion(cells.improvements));
  const noOwner = items.filter((item) => !OWNER.test(item.text)).map((item) => item.index);
  const noDeadline = items.filter((item) => !parseDeadline(item.text, ctx.settings.today).ok).map((item) => item.index);
  if (noOwner.length > 0) {
    ctx.report(
      row,
      "improvements",
      "review.improvement.owner",
      "warning",
      {
        "zh-CN": `第${noOwner.join("、")}条改进措施没有责任人：写明由谁负责。`,
        en: `Improvement ${noOwner.join(", ")} ${noOwner.length > 1 ? "name" : "names"} no owner: say who is responsible.`,
      },
      PLAYBOOK_EXAMPLE,
    );
  }
  if (noDeadline.length > 0) {
    ctx.report(
      row,
      "improvements",
      "review.improvement.deadline",
      "warning",
      {
        "zh-CN": `第${noDeadline.join("、")}条改进措施没有时间节点：写明何时完成。`,
        en: `Improvement ${noDeadline.join(", ")} ${noDeadline.length > 1 ? "have" : "has"} no deadline: say when it is done.`,
      },
      PLAYBOOK_EXAMPLE,
    );
  }
}
