import { parseCriterion, type Criterion } from "./criterion";
import { detectMetric, type MetricKey } from "./metrics";
import { splitNumberedList, type ListItem } from "./numbered-list";
import { isPlaceholder } from "./placeholder";

/** One KR of a target row: its text, the metric it is about and, when it has a number, what it asks. */
export interface KeyResult {
  readonly item: ListItem;
  readonly metric?: MetricKey;
  readonly criterion?: Criterion;
}

/**
 * The KRs of a cell (a numbered list), each read on its own: the progress and the target checks read them alike.
 * A placeholder the add-in wrote ("（待填写：…）") holds none.
 */
export function readKeyResults(value: unknown): KeyResult[] {
  if (isPlaceholder(value)) return [];
  return splitNumberedList(value).map((item) => {
    const c = parseCriterion(item.text);
    return {
      item,
      metric: c.ok ? (c.value.metric ?? detectMetric(item.text)) : detectMetric(item.text),
      criterion: c.ok ? c.value : undefined,
    };
  });
}
