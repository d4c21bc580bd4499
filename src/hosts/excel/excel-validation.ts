import type { ResolvedValidation } from "../../core/templates/sheet-blueprint";

/** Host-neutral rule to Office.js `DataValidationRule` (ExcelApi 1.8). */
export function toExcelValidationRule(rule: ResolvedValidation): Excel.DataValidationRule {
  switch (rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
    case "date":
      return { date: { formula1: "1900-03-01", operator: "GreaterThanOrEqualTo" } };
    case "wholeNumber":
    case "decimal": {
      const basic = numericRule(rule.min, rule.max);
      return rule.kind === "wholeNumber" ? { wholeNumber: basic } : { decimal: basic };
    }
  }
}

function numericRule(min: number | undefined, max: number | undefined): Excel.BasicDataValidation {
  if (min !== undefined && max !== undefined) {
    return { formula1: min, formula2: max, operator: "Between" };
  }
  if (max !== undefined) return { formula1: max, operator: "LessThanOrEqualTo" };
  return { formula1: min ?? 0, operator: "GreaterThanOrEqualTo" };
}

/**
 * The alert of a list that allows other values: a warning the user can accept (Excel's "Warning" style)
 * instead of a refusal; undefined for a rule that refuses (Excel's default "Stop").
 */
export function toExcelErrorAlert(rule: ResolvedValidation): Excel.DataValidationErrorAlert | undefined {
  if (rule.kind !== "list" || !rule.allowOther) return undefined;
  return { showAlert: true, style: "Warning", title: "", message: "" };
}
