import { isBlank } from "../cell/cell-value";
import { asWritten, fillOnRead, type Bilingual } from "../i18n/locale";
import { parseCriterion } from "../parse/criterion";
import { parseDeadline, periodContaining, periodKindNamed, type Period } from "../parse/deadline";
import { detectMetric, METRIC_NAMES, type MetricKey } from "../parse/metrics";
import { splitNumberedList } from "../parse/numbered-list";
import { normalizeText } from "../parse/parse-result";
import { findQuantities } from "../parse/quantity";
import { formatAmount, formatPercent } from "../i18n/format";
import { TARGETS_TEXT as T } from "./targets-text";
import { readKeyResults, type KeyResult } from "../parse/key-results";
import { isPlaceholder } from "../parse/placeholder";
import { validateKeyResultRelevance } from "./key-results";
import { RuleContext } from "./rule-context";
import type { TableRow } from "../sheet/sheet-table";
import type { ValidationSettings } from "./validation-settings";

const ACTIVITY = /完成|组织|上线|开展|举办|召开|建立|搭建|推出|launch|organi[sz]e|complete|hold|set up|roll out/i;
const VAGUE = /提升|加强|优化|改善|提高|增强|加大|强化|improve|enhance|optimi[sz]e|strengthen|boost|increase|better/i;

/** The S, M, R and T of one target row, its KRs and its completion criteria. Cost: this row only. */
export function validateTargetRow(ctx: RuleContext, row: TableRow): void {
  const { cells } = row;
  const itemMetric = detectMetric(cells.targetItem);

  if (ctx.has("targetItem") && !itemMetric) {
    ctx.report(row, "targetItem", "target.specific.metric", "warning", T.noMetric);
  }
  if (ctx.has("owner") && isBlank(cells.owner)) {
    ctx.report(row, "owner", "target.specific.owner", "error", T.noOwner);
  }
  if (ctx.has("teamTarget") && findQuantities(cells.teamTarget).length === 0 && typeof cells.teamTarget !== "number") {
    ctx.report(row, "teamTarget", "target.measurable.team", "error", T.teamTargetNoNumber);
  }
  validateDeadline(ctx, row);
  if (!ctx.has("keyResults")) return;
  // Cells an accepted split left for the rep ("（待填写：…）"): asked for, never read as KRs or criteria.
  const { minKeyResults: min, maxKeyResults: max } = ctx.settings;
  const criteriaLeft = ctx.has("criteria") && isPlaceholder(cells.criteria);
  if (criteriaLeft) ctx.report(row, "criteria", "criteria.placeholder", "warning", T.criteriaPlaceholder);
  if (isPlaceholder(cells.keyResults)) {
    ctx.report(row, "keyResults", "kr.placeholder", "warning", fillOnRead(T.keyResultsPlaceholder, { min, max }));
    return;
  }
  const krs = readKeyResults(cells.keyResults);
  validateKeyResults(ctx, row, krs, itemMetric);
  if (ctx.has("criteria") && !criteriaLeft) validateCriteria(ctx, row, krs);
}

/**
 * The periods of `kind` around today: the one just over, today's and the next. The same for every row of a
 * kind, so worked out once per settings (10,000 rows each building three periods from dates was a tenth of
 * validating them).
 */
const AROUND = new WeakMap<ValidationSettings, Map<Period["kind"], readonly Period[]>>();

function periodsAround(kind: Period["kind"], settings: ValidationSettings): readonly Period[] {
  let byKind = AROUND.get(settings);
  if (!byKind) AROUND.set(settings, (byKind = new Map()));
  let periods = byKind.get(kind);
  if (!periods) {
    const current = periodContaining(kind, settings.today);
    periods = [periodContaining(kind, current.start - 1), current, periodContaining(kind, current.end + 1)];
    byKind.set(kind, periods);
  }
  return periods;
}

function validateDeadline(ctx: RuleContext, row: TableRow): void {
  if (!ctx.has("deadline")) return;
  const value = row.cells.deadline;
  if (isBlank(value)) {
    ctx.report(row, "deadline", "target.timebound.missing", "warning", T.noDeadline);
    return;
  }
  const deadline = parseDeadline(value, ctx.settings.today);
  if (!deadline.ok) {
    ctx.report(
      row,
      "deadline",
      "target.timebound.unparsed",
      "warning",
      fillOnRead(T.deadlineUnread, { value: normalizeText(value) }),
    );
    return;
  }
  // A row is the target of the period its deadline falls in: today's, the one just over (the month under
  // review) or the next (planned ahead). Only a deadline further away is outside the team target's period.
  const periods = periodsAround(periodKindNamed(row.cells.teamTarget) ?? "month", ctx.settings);
  if (!periods.some((p) => deadline.value.serial >= p.start && deadline.value.serial <= p.end)) {
    ctx.report(row, "deadline", "target.timebound.outside", "warning", T.deadlineOutside);
  }
}

function validateKeyResults(ctx: RuleContext, row: TableRow, krs: readonly KeyResult[], itemMetric: MetricKey | undefined): void {
  const { minKeyResults: min, maxKeyResults: max } = ctx.settings;
  if (krs.length === 0) {
    ctx.report(row, "keyResults", "kr.missing", "error", fillOnRead(T.noKeyResults, { min, max }));
    return;
  }
  if (krs.length < min || krs.length > max) {
    ctx.report(row, "keyResults", "kr.count", "warning", fillOnRead(T.keyResultCount, { count: krs.length, min, max }));
  }
  for (const kr of krs) {
    const n = kr.item.index;
    if (kr.criterion) {
      validateKeyResultRelevance(ctx, row, kr, krs, itemMetric);
      continue;
    }
    const [rule, text]: [Parameters<RuleContext["report"]>[2], Bilingual] = ACTIVITY.test(kr.item.text)
      ? ["kr.activity", T.keyResultActivity]
      : VAGUE.test(kr.item.text)
        ? ["kr.vague", T.keyResultVague]
        : ["kr.measurable", T.keyResultNoNumber];
    ctx.report(row, "keyResults", rule, "warning", fillOnRead(text, { index: n, text: kr.item.text }));
  }
}

function showQuantity(value: number, percent: boolean, unit = ""): Bilingual {
  if (unit === "%") unit = "";
  if (percent) return asWritten(formatPercent(value));
  return fillOnRead(T.quantity, { amount: formatAmount(value), unit });
}

/** The criterion a KR implies, in the playbook's form: "1.实际新客户数≥8个". */
function criterionFix(kr: KeyResult): Bilingual | undefined {
  if (!kr.criterion) return undefined;
  const q = kr.criterion.quantity;
  const value = showQuantity(q.value, q.percent, q.unit);
  const metric = kr.metric ? METRIC_NAMES[kr.metric] : T.criterionResult;
  return fillOnRead(T.criterion, { index: kr.item.index, metric, value });
}

function validateCriteria(ctx: RuleContext, row: TableRow, krs: readonly KeyResult[]): void {
  const criteria = splitNumberedList(row.cells.criteria);
  if (krs.length > 0 && criteria.length !== krs.length) {
    ctx.report(
      row,
      "criteria",
      "criteria.count",
      "warning",
      fillOnRead(T.criteriaCount, { keyResults: krs.length, criteria: criteria.length }),
    );
  }
  criteria.forEach((item, i) => {
    const kr = krs[i];
    const parsedCriterion = parseCriterion(item.text);
    if (!parsedCriterion.ok || !parsedCriterion.value.explicit) {
      const fix = kr ? criterionFix(kr) : undefined;
      ctx.report(
        row,
        "criteria",
        "criteria.quantified",
        "warning",
        fillOnRead(T.criterionUnquantified, { index: item.index, text: item.text }),
        fix,
      );
      return;
    }
    const c = parsedCriterion.value;
    const target = kr?.criterion?.quantity;
    if (
      target &&
      target.percent === c.quantity.percent &&
      Math.abs(target.value - c.quantity.value) > 1e-9 * Math.max(1, target.value)
    ) {
      const [a, b] = [
        showQuantity(target.value, target.percent, target.unit),
        showQuantity(c.quantity.value, c.quantity.percent, c.quantity.unit),
      ];
      ctx.report(
        row,
        "criteria",
        "criteria.mismatch",
        "warning",
        fillOnRead(T.criterionMismatch, { index: item.index, criterion: b, keyResult: kr.item.index, target: a }),
        criterionFix(kr),
      );
    }
  });
}
