import { fillOnRead, joinBilingual, type Bilingual } from "../i18n/locale";
import type { KeyResult } from "../parse/key-results";
import { driversOf, METRIC_EXAMPLES, METRIC_NAMES, supportsMetric, type MetricKey } from "../parse/metrics";
import type { RuleContext } from "./rule-context";
import type { TableRow } from "../sheet/sheet-table";
import { TARGETS_TEXT as T } from "./targets-text";

/** How many example KRs a fix offers. */
const FIX_EXAMPLES = 3;

/**
 * KRs that would move the target item, as the playbook writes them, leaving out the metrics the row's
 * other KRs already cover: "新客户开发8个、复购率60%、客单价≥5万" for revenue.
 */
function supportingExamples(itemMetric: MetricKey, others: readonly KeyResult[]): Bilingual {
  const used = new Set(others.map((kr) => kr.metric));
  const fresh = [...driversOf(itemMetric), itemMetric].filter((m) => !used.has(m)).slice(0, FIX_EXAMPLES);
  const picked = fresh.length > 0 ? fresh : [itemMetric];
  return joinBilingual(
    picked.map((m) => METRIC_EXAMPLES[m]),
    T.listSeparator,
  );
}

/**
 * "KR需支撑目标项": a quantified KR must be a sales result or a driver of the target item in the driver
 * tree. A KR about a known metric that does not feed the item, and a KR about no sales metric at all
 * ("参加培训40小时", "周报提交率100%"), are both reported, with KRs that would move the item instead.
 */
export function validateKeyResultRelevance(
  ctx: RuleContext,
  row: TableRow,
  kr: KeyResult,
  all: readonly KeyResult[],
  itemMetric: MetricKey | undefined,
): void {
  if (!itemMetric || !kr.criterion) return;
  if (kr.metric && supportsMetric(kr.metric, itemMetric)) return;
  const n = kr.item.index;
  const item = METRIC_NAMES[itemMetric];
  const others = all.filter((other) => other !== kr);
  const examples = supportingExamples(itemMetric, others);
  const fix = fillOnRead(T.relevanceFix, { item, examples });
  if (kr.metric) {
    const metric = METRIC_NAMES[kr.metric];
    ctx.report(row, "keyResults", "kr.relevant", "warning", fillOnRead(T.keyResultNotDriver, { index: n, metric, item }), fix);
    return;
  }
  ctx.report(
    row,
    "keyResults",
    "kr.relevant",
    "warning",
    fillOnRead(T.keyResultNotSales, { index: n, text: kr.item.text, item }),
    fix,
  );
}
