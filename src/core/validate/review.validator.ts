import { stripSuggestion } from "../actions/review-text";
import { isBlank } from "../cell/cell-value";
import { parseDeadline } from "../parse/deadline";
import { splitNumberedList } from "../parse/numbered-list";
import { parsePercent } from "../parse/quantity";
import { formatPercent } from "../i18n/format";
import { asWritten, fillOnRead, joinBilingual } from "../i18n/locale";
import { MONTHLY_REVIEW_TEXT as T } from "./monthly-review-text";
import { RuleContext } from "./rule-context";
import type { TableRow } from "../sheet/sheet-table";

const OWNER =
  /由\s*\S|负责人|责任人|牵头人|负责|牵头|对接|跟进人|owner|assigned to|responsible|\bliaises?\b|\bled by\b|\bby [A-Z*＊]/i;

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
      ctx.report(row, "achievement", "review.achievement.unparsed", "warning", T.achievementUnread);
    } else if (target !== undefined && target > 0 && actual !== undefined) {
      const computed = actual / target;
      if (Math.abs(computed - rate.value) > ctx.settings.rateTolerance) {
        ctx.report(
          row,
          "achievement",
          "review.achievement.mismatch",
          "warning",
          fillOnRead(T.achievementMismatch, { rate: formatPercent(rate.value), computed: formatPercent(computed) }),
          asWritten(formatPercent(computed)),
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
      fillOnRead(noOwner.length > 1 ? T.improvementsNoOwner : T.improvementNoOwner, {
        items: joinBilingual(noOwner, T.listSeparator),
      }),
      T.playbookExample,
    );
  }
  if (noDeadline.length > 0) {
    ctx.report(
      row,
      "improvements",
      "review.improvement.deadline",
      "warning",
      fillOnRead(noDeadline.length > 1 ? T.improvementsNoDeadline : T.improvementNoDeadline, {
        items: joinBilingual(noDeadline, T.listSeparator),
      }),
      T.playbookExample,
    );
  }
}
