import type { ColumnSuggestion, RequiredDealField } from "../core/analysis/reading/column-suggestions";
import type { Bilingual } from "../core/i18n/locale";
import { FIELD_LABELS } from "../core/i18n/field-labels";

/** Why a use case could not run on this workbook: user input, not a bug. One sentence per language. */
export type UseCaseErrorCode =
  | "noDealSheet"
  | "sheetNotFound"
  | "noUsableDeals"
  | "badTeamTarget"
  | "noWeeklyTracker"
  | "badWeek"
  | "noTargetSheet"
  | "cellChanged"
  | "sheetProtected";

export class UseCaseError extends Error {
  constructor(
    readonly code: UseCaseErrorCode,
    readonly text: Bilingual,
    /** For `noDealSheet`: the sheet that looked most like deal data and the columns to map there. */
    readonly suggestion?: ColumnSuggestion,
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

/** A write the host refused because the sheet is protected (hosts throw it in place of their own error). */
export function sheetProtected(name: string): UseCaseError {
  return new UseCaseError("sheetProtected", {
    "zh-CN": `工作表“${name}”受保护，插件无法写入：请先撤消工作表保护，再试一次。`,
    en: `Sheet "${name}" is protected, so the add-in cannot write to it: unprotect the sheet and try again.`,
  });
}

export const NO_DEAL_SHEET = new UseCaseError("noDealSheet", {
  "zh-CN": "没有找到成交明细表（需要含“日期”和“金额”列的表头）：请插入或导入成交数据，或指定工作表和列映射。",
  en: "No deal sheet found (a header row with a date and an amount column): add your deal data, or name the sheet and map its columns.",
});

/**
 * No deal sheet, saying for each missing field of the likeliest sheet which headers could be it
 * ("金额：实收款？日期：付款日？"), or that none could; faces add how to map them (the CLI's `--map`).
 */
export function noDealSheet(suggestion: ColumnSuggestion | undefined): UseCaseError {
  if (!suggestion || suggestion.missing.length === 0) return NO_DEAL_SHEET;
  const label = (field: RequiredDealField) => `${FIELD_LABELS[field]["zh-CN"]}（${field}）`;
  const zh = suggestion.missing
    .map(({ field, candidates }) => `${label(field)}：${candidates.length > 0 ? `${candidates.join("？")}？` : "（没有像的列）"}`)
    .join("");
  const en = suggestion.missing
    .map(
      ({ field, candidates }) =>
        `${field}: ${candidates.length > 0 ? `${candidates.join("? ")}?` : "(no column looks like one)"}`,
    )
    .join(" ");
  return new UseCaseError(
    "noDealSheet",
    {
      "zh-CN": `没有找到成交明细表：工作表“${suggestion.sheet}”的表头里认不出${suggestion.missing.map((m) => FIELD_LABELS[m.field]["zh-CN"]).join("和")}列。可能是 —— ${zh}请指定列映射后重试。`,
      en: `No deal sheet found: no header of sheet "${suggestion.sheet}" is recognised as the ${suggestion.missing.map((m) => FIELD_LABELS[m.field].en.toLowerCase()).join(" or the ")}. Candidates — ${en} Map the columns and try again.`,
    },
    suggestion,
  );
}

export const NO_USABLE_DEALS = new UseCaseError("noUsableDeals", {
  "zh-CN": "成交明细表里没有可用的行（每行需要日期和金额）：请检查数据后重试。",
  en: "The deal sheet has no usable rows (each needs a date and an amount): check the data and try again.",
});

export const NO_TARGET_SHEET = new UseCaseError("noTargetSheet", {
  "zh-CN": "没有找到目标分解表（按表头识别）：请先插入模板或按历史拆分团队目标，再跟踪进度。",
  en: "No target decomposition sheet found (recognised by its header row): insert the templates or split the team target first, then track progress.",
});
