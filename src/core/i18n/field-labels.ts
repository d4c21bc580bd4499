import type { DataField } from "../analysis/reading/fields";
import type { Bilingual } from "./locale";

/** Each column the analysis reads, as the pane names it (the command line's `--map` keys). */
export const FIELD_LABELS: Readonly<Record<DataField, Bilingual>> = {
  date: { "zh-CN": "日期", en: "Date" },
  rep: { "zh-CN": "负责人", en: "Rep" },
  customer: { "zh-CN": "客户名称", en: "Customer" },
  customerType: { "zh-CN": "客户类型", en: "Customer type" },
  amount: { "zh-CN": "金额", en: "Amount" },
  orderId: { "zh-CN": "订单号", en: "Order ID" },
  status: { "zh-CN": "状态", en: "Status" },
  product: { "zh-CN": "产品", en: "Product" },
  calls: { "zh-CN": "电话数", en: "Calls" },
  visits: { "zh-CN": "拜访数", en: "Visits" },
  followUps: { "zh-CN": "跟进数", en: "Follow-ups" },
  proposals: { "zh-CN": "方案数", en: "Proposals" },
};
