import { formatAmount, formatPercent } from "../i18n/format";
import type { Bilingual } from "../i18n/locale";
import type { CustomerContribution } from "./customer-contribution";
import type { Horizontal } from "./horizontal";
import { describeChange, METRIC_LABELS, type Longitudinal } from "./longitudinal";
import { avgOrderValue, closeRateOf, type PeriodMetrics } from "./period-metrics";

export type ProblemCode =
  "newCustomerShortfall" | "lowRepurchase" | "lowHighTicketCloseRate" | "fallingActivity" | "repFarBelow" | "concentrationRisk";

export type Priority = "high" | "medium" | "low";

/** A strategy row ready to fill: the action from the playbook, owner/resources/deadline left for the manager. */
export interface Strategy {
  readonly action: Bilingual;
  readonly owner: string;
  readonly resources: string;
  readonly deadline: string;
}

export interface Problem {
  readonly rank: number;
  readonly code: ProblemCode;
  readonly priority: Priority;
  /** Revenue at stake in the current period, what ranks problems. */
  readonly atStake: number;
  readonly summary: Bilingual;
  readonly evidence: Bilingual;
  readonly strategies: readonly Strategy[];
}

const s = (zh: string, en: string): Bilingual => ({ "zh-CN": zh, en });

/** The playbook's step 3 (problems 1-3) and the strategies for the other problems the analysis detects. */
export const STRATEGIES: Readonly<Record<ProblemCode, readonly Bilingual[]>> = {
  newCustomerShortfall: [
    s(
      "优化客户名单筛选标准，聚焦“近3个月有采购意向”的客户",
      "Sharpen the prospect list: customers with purchase intent in the last 3 months",
    ),
    s(
      "推广“电话+微信+案例”组合触达法（每日电话量20个，添加微信后发送成功案例）",
      "Combined outreach: call + WeChat + case study (20 calls a day, send a success case after connecting)",
    ),
    s("设立“新客户开发奖”（每开发1个奖励500元）", "A new-customer bonus (500 per new customer)"),
  ],
  lowRepurchase: [
    s(
      "建立“老客户维护清单”，标注客户采购周期、偏好产品",
      "A key-account maintenance list with purchase cycle and preferred products",
    ),
    s(
      "推行“季度回访+新品推荐”机制（每季度上门回访1次，同步新品信息）",
      "Quarterly visit + new-product recommendation (one visit a quarter)",
    ),
    s(
      "针对流失客户，由销售经理牵头进行“挽回沟通”（分析流失原因，提出解决方案）",
      "The sales manager leads win-back talks with churned customers (why they left, what we offer)",
    ),
  ],
  lowHighTicketCloseRate: [
    s(
      "组织产品专项培训（邀请产品经理讲解核心卖点、客户异议处理）",
      "Product training by product managers: selling points, objection handling",
    ),
    s("制作“高价值客户解决方案模板”（按行业/场景定制）", "Solution templates for high-value customers by industry and scenario"),
    s(
      "安排“老带新”陪访（由擅长高客单价产品的同事陪同拜访，现场演示谈判技巧）",
      "Ride-along visits with the colleague who sells high-ticket products best",
    ),
  ],
  fallingActivity: [
    s(
      "恢复每日过程目标（电话、拜访、方案），晨会同步、夕会复盘",
      "Restore daily activity targets (calls, visits, proposals), checked at stand-up and evening review",
    ),
    s("前两周每日检查CRM跟进记录，形成习惯后逐步减少干预", "Check CRM follow-up records daily for two weeks, then taper"),
  ],
  repFarBelow: [
    s(
      "一对一辅导：对照标杆的过程指标找差距，制定个人改进计划",
      "One-to-one coaching: compare with the benchmark's activity and agree a personal plan",
    ),
    s("安排与标杆同事陪访，复制有效做法", "Ride-alongs with the benchmark colleague to copy what works"),
  ],
  concentrationRisk: [
    s("为头部客户建立专人维护和高层互访机制，降低流失风险", "Named account owners and executive visits for the top customers"),
    s("扩大中腰部客户开发，降低对少数客户的依赖", "Grow the mid-size customer base to depend less on a few accounts"),
  ],
};

function priorityOf(atStake: number, revenue: number): Priority {
  const share = revenue > 0 ? atStake / revenue : 0;
  return share >= 0.1 ? "high" : share >= 0.03 ? "medium" : "low";
}

export interface ProblemInputs {
  readonly now: PeriodMetrics;
  readonly before: PeriodMetrics | null;
  /** Lines of the current period above the high-ticket threshold: won and lost orders, revenue. */
  readonly highTicket: { readonly won: number; readonly lost: number; readonly avgOrderValue: number | null } | null;
  readonly longitudinal: Longitudinal | null;
  readonly horizontal: Horizontal | null;
  readonly customers: CustomerContribution;
  /** Revenue of churned customers in the previous period. */
  readonly churnedRevenue: number;
  /** Months in the horizontal window: rep gaps are per month, like every other amount at stake. */
  readonly windowMonths: number;
}

type Candidate = Omit<Problem, "rank" | "priority" | "strategies">;

/** Every problem the numbers show, each with the revenue at stake; the TOP 3 are returned ranked. */
export function rankProblems(input: ProblemInputs, limit = 3): Problem[] {
  const { now, before } = input;
  const aov = avgOrderValue(now) ?? avgOrderValue(before ?? now) ?? 0;
  const candidates: Candidate[] = [];

  if (before && now.newCustomers < before.newCustomers) {
    const perNew = now.newCustomers > 0 ? aov : (avgOrderValue(before) ?? aov);
    const gap = before.newCustomers - now.newCustomers;
    candidates.push({
      code: "newCustomerShortfall",
      atStake: gap * perNew,
      summary: s("新客户开发量不足", "Too few new customers"),
      evidence: s(
        `新客户${now.newCustomers}个，上月${before.newCustomers}个（少${gap}个，按客单价${formatAmount(perNew)["zh-CN"]}估算影响${formatAmount(gap * perNew)["zh-CN"]}）`,
        `${now.newCustomers} new customers against ${before.newCustomers} last month (${gap} fewer, about ${formatAmount(gap * perNew).en} at ${formatAmount(perNew).en} per order)`,
      ),
    });
  }
  if (input.churnedRevenue > 0 || (input.customers.repurchaseRate !== null && input.customers.repurchaseRate < 0.3)) {
    const rate = input.customers.repurchaseRate;
    candidates.push({
      code: "lowRepurchase",
      atStake: input.churnedRevenue,
      summary: s("老客户复购率低", "Low repurchase from existing customers"),
      evidence: s(
        `复购率${rate === null ? "—" : formatPercent(rate)}；上月成交、本月未再成交的客户${input.customers.churned.length}个，上月贡献${formatAmount(input.churnedRevenue)["zh-CN"]}`,
        `repurchase rate ${rate === null ? "n/a" : formatPercent(rate)}; ${input.customers.churned.length} customers bought last month and not this month, worth ${formatAmount(input.churnedRevenue).en} last month`,
      ),
    });
  }
  const teamRate = closeRateOf(now);
  const ht = input.highTicket;
  if (ht && teamRate !== null && ht.won + ht.lost > 0 && ht.avgOrderValue) {
    const htRate = ht.won / (ht.won + ht.lost);
    if (htRate < teamRate) {
      const atStake = (teamRate - htRate) * (ht.won + ht.lost) * ht.avgOrderValue;
      candidates.push({
        code: "lowHighTicketCloseRate",
        atStake,
        summary: s("高客单价产品成交率低", "Low close rate on high-ticket deals"),
        evidence: s(
          `高客单价订单成交率${formatPercent(htRate)}（${ht.won + ht.lost}单），整体${formatPercent(teamRate)}；追平整体约多${formatAmount(atStake)["zh-CN"]}`,
          `high-ticket close rate ${formatPercent(htRate)} (${ht.won + ht.lost} deals) against ${formatPercent(teamRate)} overall; matching it is worth about ${formatAmount(atStake).en}`,
        ),
      });
    }
  }
  const drivers = input.longitudinal?.attribution?.effects ?? [];
  const activityEffect = drivers.find((e) => e.name === "proposals");
  const falling =
    input.longitudinal?.metrics.filter(
      (m) => ["calls", "visits", "followUps", "proposals"].includes(m.metric) && (m.change ?? 0) <= -0.15,
    ) ?? [];
  if (falling.length > 0) {
    const atStake = activityEffect && activityEffect.effect < 0 ? -activityEffect.effect : 0;
    candidates.push({
      code: "fallingActivity",
      atStake,
      summary: s("过程量下滑", "Falling activity"),
      evidence: s(
        `${falling.map((m) => `${METRIC_LABELS[m.metric]["zh-CN"]}环比${describeChange(m.metric, m.change ?? 0)["zh-CN"]}`).join("，")}${atStake > 0 ? `；方案量变化对销售额的影响${formatAmount(-atStake)["zh-CN"]}` : ""}`,
        `${falling.map((m) => `${METRIC_LABELS[m.metric].en} ${describeChange(m.metric, m.change ?? 0).en} on last month`).join(", ")}${atStake > 0 ? `; proposals account for ${formatAmount(-atStake).en} of revenue` : ""}`,
      ),
    });
  }
  const h = input.horizontal;
  if (h) {
    for (const rep of h.reps.filter((r) => h.below.includes(r.rep) && r.revenue < 0.5 * h.team.revenue)) {
      const atStake = (h.team.revenue - rep.revenue) / Math.max(1, input.windowMonths);
      candidates.push({
        code: "repFarBelow",
        atStake,
        summary: s(`${rep.rep}业绩远低于团队人均`, `${rep.rep} far below the team average`),
        evidence: s(
          `近${input.windowMonths}个月${rep.rep}销售额${formatAmount(rep.revenue)["zh-CN"]}，人均${formatAmount(h.team.revenue)["zh-CN"]}（每月差${formatAmount(atStake)["zh-CN"]}）`,
          `last ${input.windowMonths} months: ${rep.rep} ${formatAmount(rep.revenue).en} against a per-rep average of ${formatAmount(h.team.revenue).en} (${formatAmount(atStake).en} a month short)`,
        ),
      });
    }
  }
  const top = input.customers.customers[0];
  const total = input.customers.total.revenue;
  if (top && total > 0 && (top.revenue / total >= 0.3 || (input.customers.concentration ?? 0) >= 0.8)) {
    candidates.push({
      code: "concentrationRisk",
      // This period's revenue carried at the largest customer's share.
      atStake: (top.revenue / total) * now.revenue,
      summary: s("业绩过度依赖少数客户", "Revenue depends on a few customers"),
      evidence: s(
        `最大客户${top.customer}占${formatPercent(top.revenue / total)}；前20%客户占${formatPercent(input.customers.concentration ?? 0)}`,
        `the largest customer, ${top.customer}, brings ${formatPercent(top.revenue / total)}; the top 20% of customers bring ${formatPercent(input.customers.concentration ?? 0)}`,
      ),
    });
  }
  return candidates
    .filter((c) => c.atStake > 0)
    .sort((a, b) => b.atStake - a.atStake)
    .slice(0, limit)
    .map((c, i) => ({
      ...c,
      rank: i + 1,
      priority: priorityOf(c.atStake, now.revenue),
      strategies: STRATEGIES[c.code].map((action) => ({ action, owner: "", resources: "", deadline: "" })),
    }));
}
