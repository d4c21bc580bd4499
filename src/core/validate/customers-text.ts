import type { Bilingual } from "../i18n/locale";

/** What the check of the customer analysis sheet (客户分析表) says. A key missing one language fails the type check. */
export const CUSTOMERS_TEXT = {
  periodStale: {
    "zh-CN": "客户分析表的数据截至{to}，{year}年第{quarter}季度已经结束：手册要求每季度更新一次数据。",
    en: "The customer analysis covers up to {to}, and Q{quarter} {year} is over: the playbook asks for a quarterly update.",
  },
  periodStaleFix: {
    "zh-CN": "用最新一个季度的成交数据重新做“客户贡献分析”",
    en: "Run Customer contribution again on the latest quarter's deals",
  },
} as const satisfies Record<string, Bilingual>;
