import type { Bilingual } from "../i18n/locale";
import type { KeyResult } from "../parse/key-results";
import { driversOf, METRIC_EXAMPLES, METRIC_NAMES, supportsMetric, type MetricKey } from "../parse/metrics";
import type { RuleContext } from "./rule-context";
import type { TableRow } from "./sheet-table";

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
  return {
    "zh-CN": picked.map((m) => METRIC_EXAMPLES[m]["zh-CN"]).join("、"),
    en: picked.map((m) => METRIC_EXAMPLES[m].en).join(", "),
  };
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
  const t = METRIC_NAMES[itemMetric];
  const others = all.filter((other) => other !== kr);
  const examples = supportingExamples(itemMetric, others);
  const fix: Bilingual = {
    "zh-CN": `换成能带动“${t["zh-CN"]}”的KR，如：${examples["zh-CN"]}`,
    en: `Use a KR that moves ${t.en}, e.g. ${examples.en}`,
  };
  if (kr.metric) {
    const k = METRIC_NAMES[kr.metric];
    ctx.report(
      row,
      "keyResults",
      "kr.relevant",
      "warning",
      {
        "zh-CN": `第${n}个KR（${k["zh-CN"]}）不能直接带动目标项“${t["zh-CN"]}”：请换成支撑该目标的结果。`,
        en: `KR ${n} (${k.en}) does not drive the target item (${t.en}): choose a result that moves it.`,
      },
      fix,
    );
    return;
  }
  ctx.report(
    row,
    "keyResults",
    "kr.relevant",
    "warning",
    {
      "zh-CN": `第${n}个KR“${kr.item.text}”既不是销售结果，也不带动目标项“${t["zh-CN"]}”：KR需支撑目标项。`,
      en: `KR ${n} "${kr.item.text}" is neither a sales result nor a driver of the target item (${t.en}): each KR must support it.`,
    },
    fix,
  );
}
