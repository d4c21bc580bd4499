import { detectMetric, type MetricKey } from "./metrics";
import { failed, normalizeText, parsed, type ParseResult } from "./parse-result";
import { findQuantities, type Quantity } from "./quantity";
import { memoizeText } from "./memo";
import { WordScanner } from "./word-scanner";

export type Comparator = ">=" | "<=" | ">" | "<" | "=";

/** A measurable statement: "实际开发≥8个", "复购客户数≥现有客户数60%", "from 10% to 15%". */
export interface Criterion {
  readonly comparator: Comparator;
  readonly quantity: Quantity;
  /** The starting point of "from X to Y" / "从X提升至Y". */
  readonly from?: Quantity;
  /** What a percentage is taken of: "现有客户数" in "复购客户数≥现有客户数60%". */
  readonly base?: string;
  readonly metric?: MetricKey;
  /** True when the comparator was written; false when only a number was ("新客户开发8个"). */
  readonly explicit: boolean;
}

/** Comparator words, longest first. Suffix words (以上, or more) come after the number. */
const PREFIX: readonly (readonly [string, Comparator])[] = [
  ["不低于", ">="],
  ["不少于", ">="],
  ["不小于", ">="],
  ["大于等于", ">="],
  ["至少", ">="],
  ["最少", ">="],
  ["达到", ">="],
  ["提升至", ">="],
  ["提升到", ">="],
  ["提高至", ">="],
  ["提高到", ">="],
  ["增长到", ">="],
  ["增加到", ">="],
  ["at least", ">="],
  ["no less than", ">="],
  ["not less than", ">="],
  ["minimum of", ">="],
  ["minimum", ">="],
  ["increase to", ">="],
  ["raise to", ">="],
  ["rise to", ">="],
  ["reach", ">="],
  ["≥", ">="],
  [">=", ">="],
  ["=>", ">="],
  ["不超过", "<="],
  ["不高于", "<="],
  ["不多于", "<="],
  ["不大于", "<="],
  ["小于等于", "<="],
  ["至多", "<="],
  ["最多", "<="],
  ["控制在", "<="],
  ["at most", "<="],
  ["no more than", "<="],
  ["not more than", "<="],
  ["up to", "<="],
  ["within", "<="],
  ["maximum", "<="],
  ["≤", "<="],
  ["<=", "<="],
  ["=<", "<="],
  ["低于", "<"],
  ["少于", "<"],
  ["小于", "<"],
  ["less than", "<"],
  ["below", "<"],
  ["under", "<"],
  ["<", "<"],
  ["高于", ">"],
  ["超过", ">"],
  ["大于", ">"],
  ["多于", ">"],
  ["more than", ">"],
  ["greater than", ">"],
  ["above", ">"],
  ["over", ">"],
  ["exceed", ">"],
  [">", ">"],
  ["等于", "="],
  ["equal to", "="],
  ["equals", "="],
  ["=", "="],
];
const SUFFIX: readonly (readonly [RegExp, Comparator])[] = [
  [/^\s*(?:及以上|以上|或以上|or more|and above|\+)/i, ">="],
  [/^\s*(?:及以下|以下|以内|之内|or less|or fewer|and below)/i, "<="],
];
const FROM_TO = /(?:从|由|from)\s*(?<from>[^至到]+?)\s*(?:提升|提高|增长|增加|上升|下降|降低|减少)?\s*(?:至|到|to)\s*/i;

/** Longest gap allowed between a comparator word and its number ("≥现有客户数60%"). */
const MAX_GAP = 24;

const PREFIX_BY_WORD = new Map(PREFIX);
const PREFIX_SCANNER = new WordScanner(PREFIX_BY_WORD.keys());

interface ComparatorMark {
  readonly comparator: Comparator;
  readonly index: number;
  readonly end: number;
}

function findComparators(lower: string): ComparatorMark[] {
  return PREFIX_SCANNER.scan(lower).map((hit) => ({ comparator: PREFIX_BY_WORD.get(hit.word)!, index: hit.index, end: hit.end }));
}

/** The comparator nearest before a number, after the previous number and at most MAX_GAP characters from it. */
function comparatorBefore(marks: readonly ComparatorMark[], before: number, after: number): ComparatorMark | undefined {
  let best: ComparatorMark | undefined;
  for (const mark of marks) {
    if (mark.index < after || mark.end > before || before - mark.end > MAX_GAP) continue;
    if (!best || mark.end > best.end) best = mark;
  }
  return best;
}

/**
 * Reads a criterion. The number compared is the first quantity after the comparator, or,
 * without a comparator word, the first quantity (explicit: false).
 */
export function parseCriterion(input: unknown): ParseResult<Criterion> {
  const text = normalizeText(input);
  return text ? parseCriterionText(text) : failed("empty");
}

const parseCriterionText = memoizeText((text: string): ParseResult<Criterion> => {
  const lower = text.toLowerCase();
  const quantities = findQuantities(text);
  if (quantities.length === 0) return failed("no-number");

  const fromTo = FROM_TO.exec(text);
  if (fromTo) {
    const toAt = (fromTo.index ?? 0) + fromTo[0].length;
    const to = quantities.find((q) => q.start >= toAt);
    const from = quantities.find((q) => q.start >= (fromTo.index ?? 0) && q.end <= toAt);
    if (to && from) {
      return parsed({ comparator: ">=", quantity: to, from, metric: detectMetric(text, fromTo.index), explicit: true });
    }
  }

  const marks = findComparators(lower);
  let previousEnd = 0;
  for (const quantity of quantities) {
    const rest = text.slice(quantity.end).trimStart();
    const afterUnit = quantity.percent ? rest : rest.slice(quantity.unit.length);
    const suffix = SUFFIX.find(([re]) => re.test(afterUnit));
    const prefix = comparatorBefore(marks, quantity.start, previousEnd);
    previousEnd = quantity.end;
    if (prefix) {
      const between = text.slice(prefix.end, quantity.start).trim();
      const base = quantity.percent && between && !/^[\d.,\s]*$/.test(between) ? stripOf(between) : undefined;
      const ofBase = quantity.percent && !base ? ofPhrase(text.slice(quantity.end)) : undefined;
      return parsed({
        comparator: prefix.comparator,
        quantity,
        ...(base || ofBase ? { base: base ?? ofBase } : {}),
        metric: detectMetric(text, prefix.index),
        explicit: true,
      });
    }
    if (suffix) {
      return parsed({ comparator: suffix[1], quantity, metric: detectMetric(text, quantity.start), explicit: true });
    }
  }
  const [first] = quantities;
  return parsed({ comparator: ">=", quantity: first, metric: detectMetric(text, first.start), explicit: false });
});

function stripOf(text: string): string {
  return text.replace(/(?:的|of)\s*$/i, "").trim();
}

/** "of existing customers" after a percentage. */
function ofPhrase(rest: string): string | undefined {
  const m = /^\s*of\s+(?:the\s+)?([A-Za-z][\w\s-]*?)(?:[,.;]|$)/i.exec(rest);
  return m ? m[1].trim() : undefined;
}
