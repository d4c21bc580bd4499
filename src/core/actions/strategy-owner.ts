import type { ProblemCode } from "../analysis/diagnosis/strategies";
import { bilingual, type Bilingual, type Locale } from "../i18n/locale";

const s = bilingual;

/**
 * What the strategies of each problem need (the playbook's step 3: "所需资源（如培训支持、物料准备）"), written into
 * the action plan with them for the manager to confirm. A problem added to `PROBLEMS` fails to compile until it
 * has its resources here.
 */
export const STRATEGY_RESOURCES = {
  newCustomerShortfall: s(
    "客户名单与筛选标准、成功案例素材、新客户开发奖励预算",
    "A prospect list and its criteria, success-case material, the new-customer bonus budget",
  ),
  lowRepurchase: s(
    "客户采购周期与偏好数据（CRM）、回访排期、新品资料",
    "Purchase-cycle and preference data (CRM), a visit schedule, new-product material",
  ),
  lowHighTicketCloseRate: s(
    "产品经理的培训支持、行业解决方案模板、陪访时间",
    "Product managers' training time, industry solution templates, ride-along time",
  ),
  orderValueDrop: s("订单明细与折扣记录、产品组合方案", "Order lines and discount records, bundle offers"),
  customerTypeShift: s(
    "该类客户名单与流失原因记录、销售经理的跟进时间",
    "The type's customer list and loss reasons, the sales manager's follow-up time",
  ),
  fallingActivity: s("每日站会与晚间复盘时间、CRM跟进记录", "Daily stand-up and evening review time, CRM follow-up records"),
  repFarBelow: s("标杆成员的陪访与一对一辅导时间", "The benchmark rep's ride-along and one-to-one coaching time"),
  repDrop: s("一对一辅导时间、该成员的客户与商机清单", "One-to-one coaching time, the rep's customer and pipeline list"),
  returnsRise: s("退货记录与原因、质检与售后支持", "Return records and reasons, quality and after-sales support"),
  seasonalDip: s("去年同期数据、旺季前的商机储备计划", "Last year's same months, a pipeline plan before the busy season"),
} as const satisfies Record<ProblemCode, Bilingual>;

/** Who owns a strategy when its problem is not one rep's: the manager, by role (the sheet has no manager's name). */
export const MANAGER = s("销售经理", "Sales manager");

/** How long a strategy from the diagnosis runs before its due date: the playbook's first two weeks of daily checks. */
export const STRATEGY_DAYS = 14;

/** The owner of a strategy: the one rep its problem is about, else the manager. */
export function strategyOwner(affects: readonly string[], locale: Locale): string {
  return affects.length === 1 ? affects[0] : MANAGER[locale];
}
