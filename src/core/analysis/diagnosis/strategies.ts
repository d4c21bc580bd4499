import { bilingual, type Bilingual } from "../../i18n/locale";

/** What the diagnosis can name as a problem: the playbook's three, and the others the data shows. */
export type ProblemCode =
  | "newCustomerShortfall"
  | "lowRepurchase"
  | "lowHighTicketCloseRate"
  | "orderValueDrop"
  | "customerTypeShift"
  | "fallingActivity"
  | "repFarBelow"
  | "repDrop"
  | "returnsRise"
  | "seasonalDip";

const s = bilingual;

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
  orderValueDrop: [
    s(
      "逐单复盘本月客单价下降的订单：折扣、产品组合和客户类型",
      "Review this month's smaller orders one by one: discounts, product mix, customer type",
    ),
    s(
      "制作“高价值客户解决方案模板”（按行业/场景定制），推动组合销售",
      "Solution templates for high-value customers by industry and scenario, to sell bundles",
    ),
  ],
  customerTypeShift: [
    s(
      "按客户类型分别设定下月目标和拜访计划，减少的类型优先安排老客户回访",
      "Set next month's targets and visits by customer type; the types that fell get key-account visits first",
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
  repDrop: [
    s(
      "一对一辅导：逐个客户复盘本月未成交的原因，制定个人改进计划",
      "One-to-one coaching: go through this month's missing deals customer by customer and agree a personal plan",
    ),
    s("安排与标杆同事陪访，复制有效做法", "Ride-alongs with the benchmark colleague to copy what works"),
  ],
  returnsRise: [
    s(
      "逐单分析退货/红冲原因（交付、质量、价格），由销售经理牵头协调相关部门改进",
      "Analyse each return or credit note (delivery, quality, price); the sales manager takes it up with the departments involved",
    ),
  ],
  seasonalDip: [
    s(
      "按去年同期的节奏设定下月目标和资源，旺季前储备商机",
      "Set next month's targets and resources to last year's rhythm; build pipeline before the busy season",
    ),
  ],
};
