import type { Bilingual } from "../core/i18n/locale";

/** Why a use case could not run on this workbook: user input, not a bug. One sentence per language. */
export type UseCaseErrorCode =
  | "noDealSheet"
  | "sheetNotFound"
  | "noUsableDeals"
  | "badTeamTarget"
  | "noWeeklyTracker"
  | "badWeek"
  | "noTargetSheet"
  | "cellChanged";

export class UseCaseError extends Error {
  constructor(
    readonly code: UseCaseErrorCode,
    readonly text: Bilingual,
  ) {
    super(text.en);
    this.name = "UseCaseError";
  }
}

export function sheetNotFound(name: string): UseCaseError {
  return new UseCaseError("sheetNotFound", {
    "zh-CN": `找不到工作表“${name}”：请检查名称，或不指定工作表让插件自动查找成交明细。`,
    en: `There is no sheet named "${name}": check the name, or leave it out to find the deal sheet automatically.`,
  });
}

export const NO_DEAL_SHEET = new UseCaseError("noDealSheet", {
  "zh-CN": "没有找到成交明细表（需要含“日期”和“金额”列的表头）：请插入或导入成交数据，或指定工作表和列映射。",
  en: "No deal sheet found (a header row with a date and an amount column): add your deal data, or name the sheet and map its columns.",
});

export const NO_USABLE_DEALS = new UseCaseError("noUsableDeals", {
  "zh-CN": "成交明细表里没有可用的行（每行需要日期和金额）：请检查数据后重试。",
  en: "The deal sheet has no usable rows (each needs a date and an amount): check the data and try again.",
});

export const NO_TARGET_SHEET = new UseCaseError("noTargetSheet", {
  "zh-CN": "没有找到目标分解表（按表头识别）：请先插入模板或按历史拆分团队目标，再跟踪进度。",
  en: "No target decomposition sheet found (recognised by its header row): insert the templates or split the team target first, then track progress.",
});
