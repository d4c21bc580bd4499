import { isBlank } from "../cell/cell-value";
import type { Bilingual } from "../i18n/locale";
import { parseCriterion } from "../parse/criterion";
import { detectPeriod, parseDeadline, periodContaining } from "../parse/deadline";
import { detectMetric, METRIC_NAMES, type MetricKey } from "../parse/metrics";
import { splitNumberedList } from "../parse/numbered-list";
import { normalizeText } from "../parse/parse-result";
import { findQuantities } from "../parse/quantity";
import { formatAmount, formatPercent } from "../i18n/format";
import { readKeyResults, type KeyResult } from "../parse/key-results";
import { validateKeyResultRelevance } from "./key-results";
import { RuleContext } from "./rule-context";
import type { TableRow } from "./sheet-table";

const ACTIVITY = /完成|组织|上线|开展|举办|召开|建立|搭建|推出|launch|organi[sz]e|complete|hold|set up|roll out/i;
const VAGUE = /提升|加强|优化|改善|提高|增强|加大|强化|improve|enhance|optimi[sz]e|strengthen|boost|increase|better/i;

/** The S, M, R and T of one target row, its KRs and its completion criteria. Cost: this row only. */
export function validateTargetRow(ctx: RuleContext, row: TableRow): void {
  const { cells } = row;
  const itemMetric = detectMetric(cells.targetItem);

  if (ctx.has("targetItem") && !itemMetric) {
    ctx.report(row, "targetItem", "target.specific.metric", "warning", {
      "zh-CN": "目标项没有写明指标：请写销售额、新客户数、复购率、客单价或成交率等。",
      en: "The target item names no metric: write revenue, new customers, repurchase rate, order value or close rate.",
    });
  }
  if (ctx.has("owner") && isBlank(cells.owner)) {
    ctx.report(row, "owner", "target.specific.owner", "error", {
      "zh-CN": "没有负责人：每个目标都要落到一个人。",
      en: "No owner: every target needs one person who owns it.",
    });
  }
  if (ctx.has("teamTarget") && findQuantities(cells.teamTarget).length === 0 && typeof cells.teamTarget !== "number") {
    ctx.report(row, "teamTarget", "target.measurable.team", "error", {
      "zh-CN": "团队总目标没有数值：请写周期和数值，如“月度100万”。",
      en: 'The team target has no number: write the period and the amount, e.g. "Monthly 1,000,000".',
    });
  }
  validateDeadline(ctx, row);
  if (!ctx.has("keyResults")) return;
  const krs = readKeyResults(cells.keyResults);
  validateKeyResults(ctx, row, krs, itemMetric);
  if (ctx.has("criteria")) validateCriteria(ctx, row, krs);
}

function validateDeadline(ctx: RuleContext, row: TableRow): void {
  if (!ctx.has("deadline")) return;
  const value = row.cells.deadline;
  if (isBlank(value)) {
    ctx.report(row, "deadline", "target.timebound.missing", "warning", {
      "zh-CN": "没有时间节点：请写截止日期，如“30日”或“2026-12-31”。",
      en: 'No deadline: write the date it is due, e.g. "30th" or "2026-12-31".',
    });
    return;
  }
  const deadline = parseDeadline(value, ctx.settings.today);
  if (!deadline.ok) {
    ctx.report(row, "deadline", "target.timebound.unparsed", "warning", {
      "zh-CN": `读不出时间节点“${normalizeText(value)}”：请写成“30日”“12月31日”或“2026-12-31”。`,
      en: `The deadline "${normalizeText(value)}" cannot be read as a date: write "30th", "Dec 31" or "2026-12-31".`,
    });
    return;
  }
  // A row is the target of the period its deadline falls in: today's, the one just over (the month under
  // review) or the next (planned ahead). Only a deadline further away is outside the team target's period.
  const current = detectPeriod(row.cells.teamTarget, ctx.settings.today);
  const periods = [periodContaining(current.kind, current.start - 1), current, periodContaining(current.kind, current.end + 1)];
  if (!periods.some((p) => deadline.value.serial >= p.start && deadline.value.serial <= p.end)) {
    ctx.report(row, "deadline", "target.timebound.outside", "warning", {
      "zh-CN": "时间节点不在团队目标的本期、上期或下期内：请核对日期或团队目标的周期（月度/季度/年度）。",
      en: "The deadline falls outside the team target's period (this one, the last or the next): check the date or the period (monthly/quarterly/annual).",
    });
  }
}

function validateKeyResults(ctx: RuleContext, row: TableRow, krs: readonly KeyResult[], itemMetric: MetricKey | undefined): void {
  const { minKeyResults: min, maxKeyResults: max } = ctx.settings;
  if (krs.length === 0) {
    ctx.report(row, "keyResults", "kr.missing", "error", {
      "zh-CN": `没有关键结果：请为这个目标写${min}-${max}个可衡量的KR，如“1.新客户开发8个 2.复购率60%”。`,
      en: `No key results: write ${min}-${max} measurable KRs, e.g. "1. 8 new customers 2. Repurchase rate 60%".`,
    });
    return;
  }
  if (krs.length < min || krs.length > max) {
    ctx.report(row, "keyResults", "kr.count", "warning", {
      "zh-CN": `有${krs.length}个关键结果：每个目标配${min}-${max}个KR最合适。`,
      en: `${krs.length} key results: ${min}-${max} per target work best.`,
    });
  }
  for (const kr of krs) {
    const n = kr.item.index;
    if (kr.criterion) {
      validateKeyResultRelevance(ctx, row, kr, krs, itemMetric);
      continue;
    }
    const [rule, message]: [Parameters<RuleContext["report"]>[2], Bilingual] = ACTIVITY.test(kr.item.text)
      ? [
          "kr.activity",
          {
            "zh-CN": `第${n}个KR“${kr.item.text}”是一项动作，不是结果：请写它带来的可量化结果。`,
            en: `KR ${n} "${kr.item.text}" is an activity, not a result: write the measurable outcome it should bring.`,
          },
        ]
      : VAGUE.test(kr.item.text)
        ? [
            "kr.vague",
            {
              "zh-CN": `第${n}个KR“${kr.item.text}”没有数值：写明提升到多少，如“复购率提升至60%”。`,
              en: `KR ${n} "${kr.item.text}" has no number: say how far, e.g. "repurchase rate up to 60%".`,
            },
          ]
        : [
            "kr.measurable",
            {
              "zh-CN": `第${n}个KR“${kr.item.text}”没有数值，无法衡量：请加上数量或比例。`,
              en: `KR ${n} "${kr.item.text}" has no number and cannot be measured: add a count or a rate.`,
            },
          ];
    ctx.report(row, "keyResults", rule, "warning", message);
  }
}

function showQuantity(value: number, percent: boolean, unit = ""): Bilingual {
  if (unit === "%") unit = "";
  if (percent) return { "zh-CN": formatPercent(value), en: formatPercent(value) };
  const amount = formatAmount(value);
  return { "zh-CN": amount["zh-CN"] + unit, en: amount.en };
}

/** The criterion a KR implies, in the playbook's form: "1.实际新客户≥8个". */
function criterionFix(kr: KeyResult): Bilingual | undefined {
  if (!kr.criterion) return undefined;
  const q = kr.criterion.quantity;
  const value = showQuantity(q.value, q.percent, q.unit);
  const name = kr.metric ? METRIC_NAMES[kr.metric] : { "zh-CN": "完成", en: "result" };
  return {
    "zh-CN": `${kr.item.index}.实际${name["zh-CN"]}≥${value["zh-CN"]}`,
    en: `${kr.item.index}. Actual ${name.en} >= ${value.en}`,
  };
}

function validateCriteria(ctx: RuleContext, row: TableRow, krs: readonly KeyResult[]): void {
  const criteria = splitNumberedList(row.cells.criteria);
  if (krs.length > 0 && criteria.length !== krs.length) {
    ctx.report(row, "criteria", "criteria.count", "warning", {
      "zh-CN": `有${krs.length}个KR，却有${criteria.length}条完成标准：请每个KR写一条，顺序相同。`,
      en: `${krs.length} KRs but ${criteria.length} completion criteria: write one per KR, in the same order.`,
    });
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
        {
          "zh-CN": `第${item.index}条完成标准“${item.text}”没有比较符和数值：请写成“实际…≥数值”。`,
          en: `Criterion ${item.index} "${item.text}" has no comparator and number: write it as "actual … >= value".`,
        },
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
        {
          "zh-CN": `第${item.index}条完成标准的数值（${b["zh-CN"]}）与第${kr.item.index}个KR（${a["zh-CN"]}）不一致。`,
          en: `Criterion ${item.index} uses ${b.en} but KR ${kr.item.index} says ${a.en}.`,
        },
        criterionFix(kr),
      );
    }
  });
}
